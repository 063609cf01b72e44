package io.interleave.engine;

import io.interleave.scenario.Arrivals;
import io.interleave.scenario.Distribution;
import io.interleave.scenario.Policy;
import io.interleave.scenario.RequestType;
import io.interleave.scenario.Resource;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.Segment;
import io.interleave.scenario.SegmentKind;
import io.interleave.scenario.Server;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Small builders for scenarios written in test code. */
public final class TestScenarios {
    private static final String[] COLORS = {"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00"};

    private TestScenarios() {
    }

    public static Segment compute(double ms) {
        return segment(SegmentKind.COMPUTE, new Distribution.Constant(ms), null);
    }

    public static Segment compute(Distribution ms) {
        return segment(SegmentKind.COMPUTE, ms, null);
    }

    public static Segment await(double ms) {
        return segment(SegmentKind.WAIT, new Distribution.Constant(ms), null);
    }

    public static Segment awaitOn(String resource, double ms) {
        return segment(SegmentKind.WAIT, new Distribution.Constant(ms), resource);
    }

    public static Segment block(double ms) {
        return segment(SegmentKind.BLOCK, new Distribution.Constant(ms), null);
    }

    public static Segment segment(SegmentKind kind, Distribution ms, String resource) {
        return new Segment(kind, ms, Optional.empty(), Optional.ofNullable(resource));
    }

    /** A gather of these branches. */
    @SafeVarargs
    public static Segment gather(List<Segment>... branches) {
        return Segment.gather(null, List.of(branches));
    }

    public static RequestType type(String name, Segment... segments) {
        return type(name, 1, segments);
    }

    public static RequestType type(String name, double weight, Segment... segments) {
        return new RequestType(name, COLORS[Math.floorMod(name.hashCode(), COLORS.length)], weight, List.of(segments));
    }

    /** A type whose clients give up after {@code timeoutMs}, cancelled or not. */
    public static RequestType timed(String name, double timeoutMs, boolean cancel, Segment... segments) {
        return type(name, segments).withTimeout(java.util.OptionalDouble.of(timeoutMs), cancel);
    }

    /** A server with no time slicing and no limits. */
    public static Server server(Policy policy, int workers, int cores) {
        return new Server(policy, workers, cores, 0, OptionalInt.empty(), OptionalInt.empty());
    }

    public static Resource resource(String name, int capacity) {
        return new Resource(name, OptionalInt.of(capacity));
    }

    public static Scenario scenario(Server server, List<Resource> resources, List<RequestType> types, Arrivals arrivals) {
        return new Scenario("test", "", 1, server, resources, types, arrivals);
    }

    public static Scenario scenario(Server server, List<RequestType> types, Arrivals arrivals) {
        return scenario(server, List.of(), types, arrivals);
    }

    /** Explicit arrivals: alternating time and type name, e.g. {@code explicit(0, "a", 40, "b")}. */
    public static Arrivals.Explicit explicit(Object... timeThenType) {
        List<Arrivals.At> at = new ArrayList<>();
        for (int i = 0; i < timeThenType.length; i += 2) {
            at.add(new Arrivals.At(((Number) timeThenType[i]).doubleValue(), (String) timeThenType[i + 1]));
        }
        return new Arrivals.Explicit(at);
    }

    /** The sampled segment durations of every request, by id - 1, exactly as the engine draws them. */
    public static List<double[]> sampledDurations(Scenario scenario) {
        Workload w = new Workload(scenario);
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < w.count(); i++) {
            out.add(w.closed() ? w.nextBody().segmentMs() : w.nextArrival().body().segmentMs());
        }
        return out;
    }

    /**
     * Spans as short strings such as {@code "compute 0-10 w0 c0"} or
     * {@code "wait 10-90 w0 held"} ("held" when the span holds the worker,
     * except compute, which always does), for readable exact assertions.
     */
    public static List<String> describe(List<io.interleave.trace.Span> spans) {
        List<String> out = new ArrayList<>();
        for (io.interleave.trace.Span s : spans) {
            StringBuilder b = new StringBuilder(s.state().csvName()).append(' ')
                    .append(num(s.startMs())).append('-').append(num(s.endMs()));
            s.worker().ifPresent(w -> b.append(" w").append(w));
            s.core().ifPresent(c -> b.append(" c").append(c));
            if (s.holdsWorker() && s.state() != io.interleave.trace.SpanState.COMPUTE) {
                b.append(" held");
            }
            s.branch().ifPresent(branch -> b.append(" b").append(branch));
            if (s.wasted()) {
                b.append(" wasted");
            }
            out.add(b.toString());
        }
        return out;
    }

    static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** Every field of every span, for comparing two traces exactly. */
    public static List<String> describeFully(List<io.interleave.trace.Span> spans) {
        List<String> out = new ArrayList<>();
        for (io.interleave.trace.Span s : spans) {
            out.add(s.requestId() + " " + s.state() + " " + s.startMs() + " " + s.endMs() + " " + s.worker() + " "
                    + s.core() + " " + s.segment() + " " + s.holdsWorker() + " " + s.branch());
        }
        return out;
    }
}
