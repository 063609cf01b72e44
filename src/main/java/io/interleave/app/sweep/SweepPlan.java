package io.interleave.app.sweep;

import io.interleave.render.TimeScale;
import io.interleave.scenario.Limits;
import io.interleave.scenario.Scenario;
import io.interleave.stats.Capacity;
import io.interleave.stats.Sweep;
import java.util.List;
import java.util.Locale;

/**
 * What one sweep runs: the arrival rates (from, to, step, per second), the
 * replications per point and the requests per run. Invalid plans cannot
 * exist; {@link #defaults(Scenario)} spans the range where each compare
 * variant saturates.
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
        if (!(from >= Limits.MIN_RATE_PER_SEC) || !Double.isFinite(from)) {
            throw new IllegalArgumentException("From must be a rate of at least " + format(Limits.MIN_RATE_PER_SEC) + " per second");
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

    /** Simulated runs in all: rates x variants x replications. */
    public long runs(int variants) {
        return (long) rates().size() * variants * replications;
    }

    /**
     * A range that shows where each compare variant saturates: steps small
     * enough for at least three rates below the slowest variant's capacity
     * (its knee), up to 150% of the fastest's, in at most
     * {@value #MAX_RATES} nice steps; 5 replications of 2,000 requests.
     */
    public static SweepPlan defaults(Scenario scenario) {
        double[] capacities = capacities(scenario);
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (double c : capacities) {
            if (Double.isFinite(c)) {
                lo = Math.min(lo, c);
                hi = Math.max(hi, c);
            }
        }
        if (hi == 0) {
            lo = hi = 100; // nothing holds anything: any range shows that
        }
        double top = Math.min(1.5 * hi, Limits.MAX_RATE_PER_SEC);
        double step = TimeScale.niceStep(Math.max(Math.max(lo / 8, top / MAX_RATES), Limits.MIN_RATE_PER_SEC));
        double to = Math.max(step, Math.ceil(top / step - 1e-9) * step);
        while (Math.floor(to / step + 1e-9) > MAX_RATES) {
            step = TimeScale.niceStep(step * 1.01);
            to = Math.max(step, Math.ceil(top / step - 1e-9) * step);
        }
        return new SweepPlan(step, to, step, DEFAULT_REPLICATIONS, DEFAULT_REQUESTS);
    }

    /**
     * Each compare variant's capacity with the mix a sweep sends (requests
     * per second, by {@link Capacity}); infinite where nothing limits it.
     */
    public static double[] capacities(Scenario scenario) {
        if (scenario.hasTasks()) {
            return new double[0]; // a program of tasks has no arrival rate to sweep
        }
        Scenario swept = Sweep.prepare(scenario, DEFAULT_REQUESTS);
        return swept.compareVariants().stream().mapToDouble(v -> Capacity.of(swept.under(v)).perSecond()).toArray();
    }

    /** Whether the scenario's own arrivals have a rate a sweep can vary (Poisson or uniform). */
    public static boolean hasRate(Scenario scenario) {
        return scenario.arrivals().hasRate();
    }

    /**
     * The scenario a sweep runs ({@link Sweep#prepare}): its mix, server,
     * resources and variants with {@code requests} arrivals per run;
     * arrivals without a rate (explicit, burst, closed) become Poisson, an
     * explicit list's shares becoming the weights.
     */
    public Scenario apply(Scenario scenario) {
        return Sweep.prepare(scenario, requests);
    }

    /** "12.5", "40". */
    public static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4g", v).replaceAll("\\.?0+$", "");
    }
}
