package io.interleave.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a request: compute, wait or block for a duration.
 *
 * @param kind what the step does
 * @param ms its duration in milliseconds
 * @param label an optional caption such as "db query"
 * @param on for waits and blocks, the resource whose slot it must first take
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Segment(SegmentKind kind, Distribution ms,
                      @JsonSetter(nulls = Nulls.AS_EMPTY) Optional<String> label,
                      @JsonSetter(nulls = Nulls.AS_EMPTY) Optional<String> on) {
    public Segment {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(ms, "ms");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(on, "on");
        if (kind == SegmentKind.COMPUTE && on.isPresent()) {
            throw new IllegalArgumentException("on: only wait and block segments can use a resource");
        }
        on.ifPresent(name -> Checks.nonBlank("on", name));
    }

    public static Segment compute(double ms, String label) {
        return new Segment(SegmentKind.COMPUTE, new Distribution.Constant(ms), Optional.ofNullable(label), Optional.empty());
    }

    public static Segment waitFor(double ms, String label) {
        return new Segment(SegmentKind.WAIT, new Distribution.Constant(ms), Optional.ofNullable(label), Optional.empty());
    }

    /** This segment with another duration. */
    public Segment withMs(Distribution newMs) {
        return new Segment(kind, newMs, label, on);
    }
}
