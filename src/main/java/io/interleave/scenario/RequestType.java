package io.interleave.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A kind of request in the mix.
 *
 * @param name unique name
 * @param color display colour as {@code #RRGGBB}
 * @param weight relative share of arrivals (> 0 for the type to be drawn)
 * @param segments the ordered steps, at least one
 */
public record RequestType(String name,
                          @JsonProperty(defaultValue = "\"#0072B2\"") String color,
                          @JsonProperty(defaultValue = "1") double weight,
                          @Bounds(max = Limits.MAX_SEGMENTS) List<Segment> segments) {
    private static final Pattern COLOR = Pattern.compile("#[0-9A-Fa-f]{6}");

    public RequestType {
        Checks.name("name", name);
        Objects.requireNonNull(color, "color");
        if (!COLOR.matcher(color).matches()) {
            throw new IllegalArgumentException("color: must be #RRGGBB, was '" + color + "'");
        }
        Checks.finiteAtLeastZero("weight", weight);
        if (weight > 1e6) {
            throw new IllegalArgumentException("weight: must be <= 1000000, was " + weight);
        }
        segments = List.copyOf(segments);
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("segments: must not be empty");
        }
        if (segments.size() > Limits.MAX_SEGMENTS) {
            throw new IllegalArgumentException("segments: at most " + Limits.MAX_SEGMENTS + " allowed, was " + segments.size());
        }
    }

    /** Mean total compute per request (every branch of a gather counted). */
    public double meanComputeMs() {
        return Segment.steps(segments).stream().map(Segment.Step::segment)
                .filter(s -> s.kind() == SegmentKind.COMPUTE).mapToDouble(s -> s.ms().mean()).sum();
    }

    /** Mean total wait and block per request (every branch of a gather counted). */
    public double meanWaitMs() {
        return Segment.steps(segments).stream().map(Segment.Step::segment)
                .filter(s -> s.kind() != SegmentKind.COMPUTE).mapToDouble(s -> s.ms().mean()).sum();
    }

    public RequestType withWeight(double newWeight) {
        return new RequestType(name, color, newWeight, segments);
    }

    public RequestType withSegments(List<Segment> newSegments) {
        return new RequestType(name, color, weight, newSegments);
    }

    public RequestType withName(String newName) {
        return new RequestType(newName, color, weight, segments);
    }
}
