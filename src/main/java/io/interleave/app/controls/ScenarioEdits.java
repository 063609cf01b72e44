package io.interleave.app.controls;

import io.interleave.app.editor.Numbers;
import io.interleave.scenario.Arrivals;
import io.interleave.scenario.Distribution;
import io.interleave.scenario.RequestType;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.Segment;
import io.interleave.scenario.SegmentKind;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;

/**
 * The edits the controls make, as pure functions from scenario to scenario.
 * Each throws IllegalArgumentException with a "field: rule" message when the
 * result would be invalid.
 */
public final class ScenarioEdits {
    /** The most requests the window simulates; the command line goes further. */
    public static final int MAX_WINDOW_REQUESTS = 100_000;
    /** Arrival patterns offered, in menu order. */
    public static final List<String> PATTERNS = List.of("explicit", "poisson", "uniform", "burst", "closed");
    static final double DEFAULT_RATE = 20;
    static final int DEFAULT_USERS = 10;
    static final double DEFAULT_THINK_MS = 100;

    private ScenarioEdits() {
    }

    /** A request count the window can draw. */
    public static Scenario withCount(Scenario s, int count) {
        if (count > MAX_WINDOW_REQUESTS) {
            throw new IllegalArgumentException("count: the window simulates at most " + MAX_WINDOW_REQUESTS
                    + " requests (the simulate command goes further), was " + count);
        }
        return s.withArrivals(s.arrivals().withCount(count));
    }

    /** The arrival rate per second of an open pattern that has one. */
    public static OptionalRate rate(Arrivals a) {
        if (a instanceof Arrivals.Poisson p) {
            return new OptionalRate(true, p.ratePerSec());
        }
        if (a instanceof Arrivals.Uniform u && u.intervalMs() > 0) {
            return new OptionalRate(true, 1000 / u.intervalMs());
        }
        return new OptionalRate(a instanceof Arrivals.Uniform, Double.NaN);
    }

    /** Whether a rate is defined for this pattern, and its value. */
    public record OptionalRate(boolean applies, double perSec) {
    }

    /** Poisson or uniform arrivals at {@code perSec} requests a second. */
    public static Scenario withRate(Scenario s, double perSec) {
        return s.withArrivals(s.arrivals().withRatePerSec(perSec));
    }

    /**
     * The same number of requests arriving by another pattern. {@code rate}
     * is used for poisson and uniform; {@code explicit} is the list to go
     * back to (the preset's), if any.
     */
    public static Arrivals switchPattern(Arrivals current, String pattern, double rate, Arrivals.Explicit explicit) {
        int count = current.count();
        double r = rate > 0 ? rate : DEFAULT_RATE;
        return switch (pattern) {
            case "explicit" -> {
                if (explicit == null) {
                    throw new IllegalArgumentException("pattern: this scenario has no explicit arrival list");
                }
                yield explicit;
            }
            case "poisson" -> new Arrivals.Poisson(r, count);
            case "uniform" -> new Arrivals.Uniform(1000 / r, count);
            case "burst" -> new Arrivals.Burst(count, 0);
            case "closed" -> new Arrivals.Closed(Math.min(DEFAULT_USERS, count),
                    new Distribution.Exponential(DEFAULT_THINK_MS), count);
            default -> throw new IllegalArgumentException("pattern: unknown pattern '" + pattern + "'");
        };
    }

    /** Closed-loop users. */
    public static Scenario withUsers(Scenario s, int users) {
        if (s.arrivals() instanceof Arrivals.Closed c) {
            return s.withArrivals(new Arrivals.Closed(users, c.thinkMs(), c.count()));
        }
        throw new IllegalArgumentException("users: only the closed pattern has users");
    }

    /** A resource's capacity; empty is unlimited. */
    public static Scenario withCapacity(Scenario s, int resource, OptionalInt capacity) {
        var rs = new ArrayList<>(s.resources());
        rs.set(resource, rs.get(resource).withCapacity(capacity));
        return s.withResources(rs);
    }

    /** One request type replaced by the result of {@code edit}. */
    public static Scenario editType(Scenario s, int type, UnaryOperator<RequestType> edit) {
        var types = new ArrayList<>(s.requestTypes());
        types.set(type, edit.apply(types.get(type)));
        return s.withRequestTypes(types);
    }

    /**
     * The type with its compute segments (or its wait and block segments)
     * scaled so that their mean total becomes {@code totalMs}; the shape of
     * each distribution is kept. Totals of zero are spread evenly as constants.
     */
    public static RequestType withTotal(RequestType type, boolean compute, double totalMs) {
        String field = compute ? "compute" : "wait";
        if (!(totalMs >= 0)) {
            throw new IllegalArgumentException(field + ": must be >= 0, was " + Numbers.format(totalMs));
        }
        List<Segment> segments = type.segments();
        // a gather's branches count segment by segment, as its request steps through them
        int matching = (int) Segment.steps(segments).stream().filter(st -> !st.segment().isSpawn()) // a spawn takes no time; its task's steps count
                .filter(st -> isCompute(st.segment()) == compute).count();
        if (matching == 0) {
            throw new IllegalArgumentException(field + ": " + type.name() + " has no " + field + " segments; add one with Edit");
        }
        double current = compute ? type.meanComputeMs() : type.meanWaitMs();
        List<Segment> out = new ArrayList<>(segments.size());
        for (Segment seg : segments) {
            if (seg.isGather()) {
                List<List<Segment>> branches = new ArrayList<>();
                for (List<Segment> branch : seg.branches()) {
                    branches.add(branch.stream().map(inner -> scaled(inner, compute, current, totalMs, matching)).toList());
                }
                out.add(seg.withBranches(branches));
            } else if (seg.isSpawn()) { // a background task's segments count in the type's totals, as its steps do
                out.add(seg.withSegments(seg.segments().stream().map(inner -> scaled(inner, compute, current, totalMs, matching)).toList()));
            } else {
                out.add(scaled(seg, compute, current, totalMs, matching));
            }
        }
        return type.withSegments(out);
    }

    private static Segment scaled(Segment seg, boolean compute, double current, double totalMs, int matching) {
        if (isCompute(seg) != compute) {
            return seg;
        }
        if (current > 0 && totalMs > 0) {
            return seg.withMs(seg.ms().scaled(totalMs / current));
        }
        return seg.withMs(new Distribution.Constant(totalMs / matching));
    }

    private static boolean isCompute(Segment s) {
        return s.kind() == SegmentKind.COMPUTE;
    }
}
