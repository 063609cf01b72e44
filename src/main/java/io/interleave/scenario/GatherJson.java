package io.interleave.scenario;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.util.AccessPattern;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.List;

/**
 * The scenario format's reading and writing of a segment that may be a
 * gather: a gather has no {@code ms} (so {@code ms} may be left out, and the
 * segment's constructor says "is required" for the other kinds), and a
 * segment is written with only the fields its kind uses.
 */
final class GatherJson {
    private GatherJson() {
    }

    /** A segment's duration: read as any duration, but left out it is null (the segment decides). */
    static final class OptionalDuration extends JsonDeserializer<Object> {
        private final JsonObjects.Durations durations = new JsonObjects.Durations();

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return durations.deserialize(p, ctxt);
        }

        @Override
        public Object deserializeWithType(JsonParser p, DeserializationContext ctxt, TypeDeserializer typeDeserializer) throws IOException {
            return durations.deserialize(p, ctxt);
        }

        @Override
        public Object getNullValue(DeserializationContext ctxt) throws JsonMappingException {
            return durations.getNullValue(ctxt);
        }

        @Override
        public Object getAbsentValue(DeserializationContext ctxt) {
            return null;
        }

        @Override
        public AccessPattern getNullAccessPattern() {
            return AccessPattern.DYNAMIC;
        }
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
