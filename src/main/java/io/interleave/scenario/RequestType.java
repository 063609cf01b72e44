package io.interleave.scenario;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A kind of request in the mix.
 *
 * @param name unique name
 * @param color display colour as {@code #RRGGBB}
 * @param weight relative share of arrivals (> 0 for the type to be drawn)
 * @param segments the ordered steps, at least one; left out of the file when the type is given as code
 * @param timeoutMs the client's timeout: at arrival + this the client gives up and the request counts as
 *                  timed out; empty (the default) = the client waits for ever
 * @param cancelOnTimeout whether the server cancels the task of a request whose client gave up (as a server
 *                        that cancels the task of a dropped connection): under an event loop the task is
 *                        cancelled at its next await; a sync thread cannot be cancelled and ignores it
 * @param code the type as a Python handler ({@link HandlerCode}), if it was given so: its segments are read
 *             from it, and the file keeps the code (not the segments) when saved
 */
public record RequestType(String name,
                          @Format(orElse = "\"#0072B2\"") String color,
                          @Format(orElse = "1") double weight,
                          @Format(orElse = "[]") @Bounds(max = Limits.MAX_SEGMENTS) List<Segment> segments,
                          @Format(nullIsNone = true, omitIfLeftOut = true) OptionalDouble timeoutMs,
                          @Format(orElse = "false", omitIfLeftOut = true) boolean cancelOnTimeout,
                          @Format(nullIsNone = true, omitIfLeftOut = true) Optional<String> code) {
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
        Objects.requireNonNull(code, "code");
        if (code.isPresent()) {
            List<Segment> read;
            try {
                read = HandlerCode.segments(code.get());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("code: " + e.getMessage(), e);
            }
            if (segments != null && !segments.isEmpty() && !segments.equals(read)) {
                throw new IllegalArgumentException("segments: leave segments out when the type is given as code");
            }
            segments = read;
        }
        segments = List.copyOf(segments);
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("segments: must not be empty");
        }
        if (segments.size() > Limits.MAX_SEGMENTS) {
            throw new IllegalArgumentException("segments: at most " + Limits.MAX_SEGMENTS + " allowed, was " + segments.size());
        }
        Objects.requireNonNull(timeoutMs, "timeoutMs");
        timeoutMs.ifPresent(t -> Checks.timeout("timeoutMs", t));
        if (cancelOnTimeout && timeoutMs.isEmpty()) {
            throw new IllegalArgumentException("cancelOnTimeout: needs a timeoutMs (a client that never gives up is never cancelled)");
        }
    }

    /** Whether clients of this type give up after {@link #timeoutMs}. */
    public boolean hasTimeout() {
        return timeoutMs.isPresent();
    }

    /** A type given as segments, whose clients wait for ever (no timeout). */
    public RequestType(String name, String color, double weight, List<Segment> segments) {
        this(name, color, weight, segments, OptionalDouble.empty(), false);
    }

    /** A type given as segments, with a client timeout (or none) and cancellation. */
    public RequestType(String name, String color, double weight, List<Segment> segments, OptionalDouble timeoutMs,
                       boolean cancelOnTimeout) {
        this(name, color, weight, segments, timeoutMs, cancelOnTimeout, Optional.empty());
    }

    /** A type given as code: its segments are read from {@code code} (see {@link HandlerCode#segments}). */
    public static RequestType ofCode(String name, String color, double weight, String code) {
        return new RequestType(name, color, weight, List.of(), OptionalDouble.empty(), false, Optional.of(code));
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
        return new RequestType(name, color, newWeight, segments, timeoutMs, cancelOnTimeout, code);
    }

    /** This type with other segments, given as segments (any code it was given as is dropped). */
    public RequestType withSegments(List<Segment> newSegments) {
        return new RequestType(name, color, weight, newSegments, timeoutMs, cancelOnTimeout, Optional.empty());
    }

    public RequestType withName(String newName) {
        return new RequestType(newName, color, weight, segments, timeoutMs, cancelOnTimeout, code);
    }

    /** This type with clients that give up after {@code newTimeout} (empty: never), cancelled or not. */
    public RequestType withTimeout(OptionalDouble newTimeout, boolean cancel) {
        return new RequestType(name, color, weight, segments, newTimeout, cancel && newTimeout.isPresent(), code);
    }

    /** This type given as {@code newCode}: its segments are read from it (an {@link IllegalArgumentException} saying where the code is wrong otherwise). */
    public RequestType withCode(String newCode) {
        return new RequestType(name, color, weight, List.of(), timeoutMs, cancelOnTimeout, Optional.of(newCode));
    }
}
