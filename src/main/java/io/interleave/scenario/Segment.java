package io.interleave.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
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
 * @param offload for blocks and computes: under {@link Policy#EVENT_LOOP_POOL} it runs on a pool
 *                thread while the loop goes on; other policies run it in place, as if it were not marked
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Segment(SegmentKind kind, Distribution ms,
                      @JsonSetter(nulls = Nulls.AS_EMPTY) Optional<String> label,
                      @JsonSetter(nulls = Nulls.AS_EMPTY) Optional<String> on,
                      @JsonProperty(defaultValue = "false") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean offload) {
    public Segment {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(ms, "ms");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(on, "on");
        if (kind == SegmentKind.COMPUTE && on.isPresent()) {
            throw new IllegalArgumentException("on: only wait and block segments can use a resource");
        }
        label.ifPresent(text -> Checks.label("label", text));
        on.ifPresent(name -> Checks.name("on", name));
        if (offload && kind == SegmentKind.WAIT) {
            throw new IllegalArgumentException("offload: only block and compute segments can be offloaded (a wait already lets go of the loop)");
        }
    }

    /** A segment that is not offloaded. */
    public Segment(SegmentKind kind, Distribution ms, Optional<String> label, Optional<String> on) {
        this(kind, ms, label, on, false);
    }

    public static Segment compute(double ms, String label) {
        return new Segment(SegmentKind.COMPUTE, new Distribution.Constant(ms), Optional.ofNullable(label), Optional.empty());
    }

    public static Segment waitFor(double ms, String label) {
        return new Segment(SegmentKind.WAIT, new Distribution.Constant(ms), Optional.ofNullable(label), Optional.empty());
    }

    /** This segment with another duration. */
    public Segment withMs(Distribution newMs) {
        return new Segment(kind, newMs, label, on, offload);
    }

    /** This segment, marked to run on a pool thread (or not). */
    public Segment withOffload(boolean off) {
        return new Segment(kind, ms, label, on, off);
    }
}
