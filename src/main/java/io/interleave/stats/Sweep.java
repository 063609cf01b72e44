package io.interleave.stats;

import io.interleave.engine.Simulation;
import io.interleave.scenario.Arrivals;
import io.interleave.scenario.Policy;
import io.interleave.scenario.Scenario;
import io.interleave.trace.RunTotals;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a scenario's request mix at a range of arrival rates under both
 * policies, with independent replications per point, in parallel on every
 * core (each run owns its engine). Replication r uses seed {@code seed + r},
 * the same for both policies, so each pair of points compares identical
 * workloads.
 */
public final class Sweep {
    /** Share of each run's requests left out of the statistics as warm-up. */
    public static final double WARMUP_SHARE = 0.1;
    /**
     * A policy is saturated at a rate when its throughput falls below this
     * share of the offered rate: finite Poisson runs fluctuate by a few
     * percent, a saturated server falls behind by much more.
     */
    public static final double SATURATED_THROUGHPUT = 0.9;
    /** ...or when its threads or loops are busy at least this share of the time (the queue then grows without bound). */
    public static final double SATURATED_WORKERS = 0.97;

    private Sweep() {
    }

    /** One point: a policy at a rate, over replications. */
    public record Point(Policy policy, double ratePerSec, ConfidenceInterval meanResponseMs, double p95Ms,
                        double throughputPerSec, double cpuUtilization, double workerUtilization, double rejected) {
    }

    /** The whole sweep, points ordered by policy (sync first) and then rate. */
    public record Result(List<Point> points) {
        public List<Point> of(Policy policy) {
            return points.stream().filter(p -> p.policy() == policy).toList();
        }

        /**
         * The lowest rate at which {@code policy} saturates: throughput below
         * 95% of the offered rate, or any rejections; empty if it never does.
         */
        public java.util.OptionalDouble saturationRate(Policy policy) {
            return of(policy).stream()
                    .filter(p -> p.workerUtilization() >= SATURATED_WORKERS
                            || p.throughputPerSec() < SATURATED_THROUGHPUT * p.ratePerSec() || p.rejected() > 0)
                    .mapToDouble(Point::ratePerSec).findFirst();
        }
    }

    /** The rates start, start + step, ... up to and including stop (within rounding). */
    public static List<Double> rates(double start, double stop, double step) {
        if (!(start > 0) || !(stop >= start) || !(step > 0) || Double.isInfinite(stop)) {
            throw new IllegalArgumentException("rates must satisfy 0 < start <= stop and step > 0, was " + start + ":" + stop + ":" + step);
        }
        long n = (long) Math.floor((stop - start) / step + 1e-9) + 1;
        if (n > 10_000) {
            throw new IllegalArgumentException("at most 10000 rates, was " + n);
        }
        List<Double> out = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            out.add(start + i * step);
        }
        return out;
    }

    /** The scenario with its arrival rate replaced; only poisson and uniform arrivals have a rate. */
    public static Scenario atRate(Scenario scenario, double ratePerSec) {
        Arrivals a = scenario.arrivals();
        if (!a.hasRate()) {
            throw new IllegalArgumentException("only poisson and uniform arrivals have a rate; this scenario's are '" + a.pattern() + "'");
        }
        return scenario.withArrivals(a.withRatePerSec(ratePerSec));
    }

    /** Runs every point with {@code threads} worker threads. */
    public static Result run(Scenario scenario, List<Double> rates, int replications, int threads) {
        if (replications < 1) {
            throw new IllegalArgumentException("replications must be >= 1, was " + replications);
        }
        atRate(scenario, rates.get(0)); // fail fast on a pattern without a rate
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Point> points = new ArrayList<>();
            List<List<Future<Summary>>> pending = new ArrayList<>();
            List<Policy> order = new ArrayList<>();
            List<Double> rateOrder = new ArrayList<>();
            for (Policy policy : Policy.values()) {
                for (double rate : rates) {
                    List<Future<Summary>> reps = new ArrayList<>();
                    for (int r = 0; r < replications; r++) {
                        Scenario run = atRate(scenario, rate).withPolicy(policy).withSeed(scenario.seed() + r);
                        reps.add(pool.submit(() -> summarize(run)));
                    }
                    pending.add(reps);
                    order.add(policy);
                    rateOrder.add(rate);
                }
            }
            for (int i = 0; i < pending.size(); i++) {
                List<Future<Summary>> reps = pending.get(i);
                double[] means = new double[reps.size()];
                double p95 = 0;
                double throughput = 0;
                double cpu = 0;
                double workers = 0;
                double rejected = 0;
                for (int r = 0; r < reps.size(); r++) {
                    Summary s = reps.get(r).get();
                    means[r] = s.response().mean();
                    p95 += s.response().p95();
                    throughput += s.throughputPerSec();
                    cpu += s.cpuUtilization();
                    workers += s.workerUtilization();
                    rejected += s.rejected();
                }
                int n = reps.size();
                points.add(new Point(order.get(i), rateOrder.get(i), ConfidenceInterval.of(means, 0.95),
                        p95 / n, throughput / n, cpu / n, workers / n, rejected / n));
            }
            return new Result(List.copyOf(points));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a sweep run failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Summary summarize(Scenario scenario) {
        int count = scenario.arrivals().count();
        int warmup = (int) Math.min(count - 1L, Math.round(count * WARMUP_SHARE));
        SummaryCollector collector = new SummaryCollector(warmup, count);
        RunTotals totals = Simulation.run(scenario, collector);
        return collector.summarize(totals, scenario.server().workers(), scenario.server().cores());
    }
}
