package io.interleave.scenario;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.List;

/**
 * The scenario format's writing of a segment that may be a gather: a segment
 * is written with only the fields its kind uses. (Reading: a gather has no
 * {@code ms}, so {@code ms} says {@code @Format(orElse = "null")} and the
 * segment's constructor says "is required" for the other kinds.)
 */
final class GatherJson {
    private GatherJson() {
    }

    /** Writes kind, ms (not for a gather or a spawn), label, on, offload (when set), branches (a gather's) and segments (a spawn's), in that order. */
    static final class SegmentWriter extends StdSerializer<Segment> {
        private static final long serialVersionUID = 1L;

        SegmentWriter() {
            super(Segment.class);
        }

        @Override
        public void serialize(Segment s, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            gen.writeStringField("kind", s.kind().jsonName());
            if (!s.isGather() && !s.isSpawn()) {
                gen.writeFieldName("ms");
                provider.defaultSerializeValue(s.ms(), gen);
            }
            if (s.label().isPresent()) {
                gen.writeStringField("label", s.label().get());
            }
            if (s.on().isPresent()) {
                gen.writeStringField("on", s.on().get());
            }
            if (s.offload()) {
                gen.writeBooleanField("offload", true);
            }
            if (s.isGather()) {
                gen.writeArrayFieldStart("branches");
                for (List<Segment> branch : s.branches()) {
                    gen.writeStartArray();
                    for (Segment inner : branch) {
                        serialize(inner, gen, provider);
                    }
                    gen.writeEndArray();
                }
                gen.writeEndArray();
            }
            if (s.isSpawn()) {
                gen.writeArrayFieldStart("segments");
                for (Segment inner : s.segments()) {
                    serialize(inner, gen, provider);
                }
                gen.writeEndArray();
            }
            gen.writeEndObject();
        }
    }
}
