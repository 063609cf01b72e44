package io.interleave.app.sweep;

import io.interleave.render.TimeScale;
import io.interleave.scenario.Arrivals;
import io.interleave.scenario.Limits;
import io.interleave.scenario.Policy;
import io.interleave.scenario.RequestType;
import io.interleave.scenario.Resource;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.Segment;
import io.interleave.scenario.SegmentKind;
import io.interleave.scenario.Server;
import io.interleave.stats.Sweep;
import java.util.List;
import java.util.Locale;

/**
 * What one sweep runs: the arrival rates (from, to, step, per second), the
 * replications per point and the requests per run. Invalid plans cannot
 * exist; {@link #defaults(Scenario)} spans 10% to 150% of the faster
 * policy's estimated capacity, so both saturation points fall inside.
 */
public record SweepPlan(double from, double to, double step, int replications, int requests) {
    public static final int DEFAULT_REPLICATIONS = 5;
    public static final int DEFAULT_REQUESTS = 2000;
    public static final int MAX_RATES = 60;
    public static final int MAX_REPLICATIONS = 100;
    public static final int MIN_REQUESTS = 20;
    public static final int MAX_REQUESTS = 200_000;
    /** Points the default range aims for. */
    static final int DEFAULT_POINTS = 25;

    public SweepPlan {
        if (!(from > 0) || !Double.isFinite(from)) {
            throw new IllegalArgumentException("From must be a rate above 0 per second");
        }
        if (!(to >= from) || !Double.isFinite(to)) {
            throw new IllegalArgumentException("To must be at least From (" + format(from) + "/s)");
        }
        if (to > Limits.MAX_RATE_PER_SEC) {
            throw new IllegalArgumentException("To must be at most " + format(Limits.MAX_RATE_PER_SEC) + "/s");
        }
        if (!(step > 0) || !Double.isFinite(step)) {
            throw new IllegalArgumentException("Step must be above 0");
        }
        long points = (long) Math.floor((to - from) / step + 1e-9) + 1;
        if (points > MAX_RATES) {
            throw new IllegalArgumentException("That is " + points + " rates; at most " + MAX_RATES + " (use a larger step)");
        }
        if (replications < 1 || replications > MAX_REPLICATIONS) {
            throw new IllegalArgumentException("Replications must be 1 to " + MAX_REPLICATIONS);
        }
        if (requests < MIN_REQUESTS || requests > MAX_REQUESTS) {
            throw new IllegalArgumentException("Requests per run must be " + MIN_REQUESTS + " to " + format(MAX_REQUESTS));
        }
    }

    /** from, from + step, ... up to to. */
    public List<Double> rates() {
        return Sweep.rates(from, to, step);
    }

    /** Simulated runs in all: rates x policies x replications. */
    public long runs() {
        return (long) rates().size() * Policy.values().length * replications;
    }

    /** 10% to 150% of the estimated capacity in about {@value #DEFAULT_POINTS} nice steps. */
    public static SweepPlan defaults(Scenario scenario) {
        double capacity = estimatedCapacity(scenario);
        double step = TimeScale.niceStep(1.5 * capacity / DEFAULT_POINTS);
        double from = Math.max(step, TimeScale.niceStep(0.1 * capacity));
        from = Math.round(from / step) * step;
        double to = Math.ceil(1.5 * capacity / step) * step;
        return new SweepPlan(from, Math.max(from, to), step, DEFAULT_REPLICATIONS, DEFAULT_REQUESTS);
    }

    /** The highest rate either policy can sustain, by a bottleneck estimate (requests per second). */
    public static double estimatedCapacity(Scenario scenario) {
        return Math.max(capacity(scenario, Policy.SYNC), capacity(scenario, Policy.EVENT_LOOP));
    }

    /**
     * The rate at which the first bottleneck is fully busy under {@code policy}:
     * the cores (compute), the threads (sync: the whole request) or loops
     * (event loop: compute and blocking calls), or a resource's slots.
     */
    public static double capacity(Scenario scenario, Policy policy) {
        List<RequestType> types = scenario.requestTypes().stream().filter(t -> t.weight() > 0).toList();
        double weights = types.stream().mapToDouble(RequestType::weight).sum();
        double compute = 0;
        double waits = 0;
        double blocks = 0;
        double[] holds = new double[scenario.resources().size()];
        for (RequestType t : types) {
            double share = t.weight() / weights;
            for (Segment s : t.segments()) {
                double ms = s.ms().mean() * share;
                switch (s.kind()) {
                    case COMPUTE -> compute += ms;
                    case WAIT -> waits += ms;
                    case BLOCK -> blocks += ms;
                }
                if (s.kind() != SegmentKind.COMPUTE && s.on().isPresent()) {
                    scenario.resourceIndex(s.on().get()).ifPresent(i -> holds[i] += ms);
                }
            }
        }
        Server server = scenario.server();
        double best = Double.POSITIVE_INFINITY;
        best = Math.min(best, perSecond(server.cores(), compute));
        double held = policy == Policy.SYNC ? compute + waits + blocks : compute + blocks;
        best = Math.min(best, perSecond(server.workers(), held));
        for (int i = 0; i < holds.length; i++) {
            Resource r = scenario.resources().get(i);
            if (r.capacity().isPresent()) {
                best = Math.min(best, perSecond(r.capacity().getAsInt(), holds[i]));
            }
        }
        return Double.isFinite(best) ? Math.min(best, Limits.MAX_RATE_PER_SEC / 2) : 100;
    }

    private static double perSecond(int servers, double meanMs) {
        return meanMs > 0 ? servers * 1000.0 / meanMs : Double.POSITIVE_INFINITY;
    }

    /** Whether the scenario's own arrivals have a rate a sweep can vary (Poisson or uniform). */
    public static boolean hasRate(Scenario scenario) {
        return scenario.arrivals() instanceof Arrivals.Poisson || scenario.arrivals() instanceof Arrivals.Uniform;
    }

    /**
     * The scenario a sweep runs: its mix, server and resources with
     * {@code requests} arrivals per run; arrivals without a rate (explicit,
     * burst, closed) become Poisson.
     */
    public Scenario apply(Scenario scenario) {
        Arrivals a = scenario.arrivals();
        Arrivals runs = a instanceof Arrivals.Uniform u ? new Arrivals.Uniform(u.intervalMs(), requests)
                : new Arrivals.Poisson(from, requests);
        return scenario.withArrivals(runs);
    }

    /** "12.5", "40". */
    public static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4g", v).replaceAll("\\.?0+$", "");
    }
}
