package io.interleave.stats;

import io.interleave.engine.RunLimitException;
import io.interleave.engine.Simulation;
import io.interleave.scenario.Arrivals;
import io.interleave.scenario.Limits;
import io.interleave.scenario.Policy;
import io.interleave.scenario.RequestType;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.Server;
import io.interleave.scenario.Variant;
import io.interleave.trace.RunTotals;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * Runs a scenario's request mix at a range of arrival rates under each of
 * its compare variants ({@link Scenario#compareVariants()}: the file's, or
 * sync against the event loop), with independent replications per point,
 * in parallel (each run owns its engine). Replication r uses seed
 * {@code seed + r} for every variant, so the variants at one rate see
 * identical requests (common random numbers).
 */
public final class Sweep {
    /** Share of each run's requests left out of the statistics as warm-up. */
    public static final double WARMUP_SHARE = 0.1;
    /**
     * A run is saturated when its throughput falls below this share of the
     * offered rate: finite Poisson runs fluctuate by a few percent, a
     * saturated server falls behind by much more.
     */
    public static final double SATURATED_THROUGHPUT = 0.9;
    /** ...or when its threads or loops are busy at least this share of the time (the queue then grows without bound). */
    public static final double SATURATED_WORKERS = 0.97;
    /** Requests per run unless asked otherwise (and the least by default, see {@link #defaultRequests}). */
    public static final int DEFAULT_REQUESTS = 2000;

    private Sweep() {
    }

    /**
     * One variant at one rate, over the replications.
     *
     * @param variant the compare variant
     * @param server the server the variant resolves to (the scenario's with the variant's overrides)
     * @param meanResponseMs the mean response time with its 95% interval over the replications
     *        ({@link ConfidenceInterval#ofPositive}: never below zero)
     */
    public record Point(Variant variant, Server server, double ratePerSec, ConfidenceInterval meanResponseMs, double p95Ms,
                        double throughputPerSec, double cpuUtilization, double workerUtilization, double rejected) {
        public Point {
            Objects.requireNonNull(variant, "variant");
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(meanResponseMs, "meanResponseMs");
        }

        /** The variant's label, e.g. "4 threads". */
        public String label() {
            return variant.label();
        }

        public Policy policy() {
            return server.policy();
        }

        /**
         * Whether this run fell behind: threads or loops busy
         * {@value #SATURATED_WORKERS} of the time or more, throughput below
         * {@value #SATURATED_THROUGHPUT} of the offered rate, or rejections.
         */
        public boolean saturated() {
            return workerUtilization >= SATURATED_WORKERS || throughputPerSec < SATURATED_THROUGHPUT * ratePerSec || rejected > 0;
        }
    }

    /**
     * One variant's curve.
     *
     * @param capacity the rate its bottleneck sustains, computed from the mix ({@link Capacity})
     * @param theory the closed-form model of its mean response, where one applies
     * @param points by rate, ascending
     */
    public record Series(Variant variant, Server server, Capacity capacity, Optional<Theory.Model> theory, List<Point> points) {
        public Series {
            Objects.requireNonNull(variant, "variant");
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(capacity, "capacity");
            Objects.requireNonNull(theory, "theory");
            points = List.copyOf(points);
        }

        public String label() {
            return variant.label();
        }

        /** The lowest swept rate at which a run was measured saturated, if any. */
        public OptionalDouble firstSaturatedRate() {
            return points.stream().filter(Point::saturated).mapToDouble(Point::ratePerSec).findFirst();
        }

        /** Whether the capacity lies within the swept rates (so a chart can mark it). */
        public boolean capacityInRange() {
            return capacity.isFinite() && !points.isEmpty() && capacity.perSecond() <= points.get(points.size() - 1).ratePerSec();
        }

        /**
         * Where it saturates, in words: at its capacity, with the swept rate
         * only named as what was measured. "Sync (threads) saturates at
         * ≈25/s (capacity of 2 threads); measured past it at 35/s", or
         * "Event loop keeps up at every rate (capacity ≈120/s)".
         */
        public String saturationText() {
            OptionalDouble measured = firstSaturatedRate();
            String label = variant.label();
            if (!capacityInRange() && measured.isEmpty()) {
                return label + " keeps up at every rate" + (capacity.isFinite() ? " (capacity " + capacity.rateText() + ")" : "");
            }
            StringBuilder b = new StringBuilder(label).append(" saturates at ").append(capacity.rateText())
                    .append(" (capacity of ").append(capacity.bottleneck()).append(capacityInRange() ? ")" : ", past the swept rates)");
            if (measured.isPresent()) {
                double m = measured.getAsDouble();
                b.append(m > capacity.perSecond() * (1 + 1e-9) ? "; measured past it at " : "; measured saturated at ")
                        .append(Capacity.format(m)).append("/s");
            }
            return b.toString();
        }
    }

    /**
     * The whole sweep.
     *
     * @param series one per compare variant, in the scenario's order
     * @param replications runs per point
     */
    public record Result(List<Series> series, int replications) {
        public Result {
            series = List.copyOf(series);
            if (replications < 1) {
                throw new IllegalArgumentException("replications must be >= 1, was " + replications);
            }
        }

        /** Every point, by variant in order and then by rate. */
        public List<Point> points() {
            return series.stream().flatMap(s -> s.points().stream()).toList();
        }

        /** The highest swept rate. */
        public double maxRate() {
            return points().stream().mapToDouble(Point::ratePerSec).max().orElse(0);
        }
    }

    /** The rates start, start + step, ... up to and including stop (within rounding). */
    public static List<Double> rates(double start, double stop, double step) {
        if (!(start > 0) || !(stop >= start) || !(step > 0) || Double.isInfinite(stop)) {
            throw new IllegalArgumentException("rates must satisfy 0 < start <= stop and step > 0, was " + start + ":" + stop + ":" + step);
        }
        if (start + step == start) {
            throw new IllegalArgumentException("step " + step + " is too small to move from " + start + " to a next rate");
        }
        double points = Math.floor((stop - start) / step + 1e-9) + 1; // a double: a tiny step cannot overflow it
        if (points > 10_000) {
            throw new IllegalArgumentException("at most 10000 rates, was " + (points < 1e15 ? Long.toString((long) points) : "more than 10^15"));
        }
        long n = (long) points;
        if (stop > Limits.MAX_RATE_PER_SEC) {
            throw new IllegalArgumentException("rates must be at most " + Capacity.format(Limits.MAX_RATE_PER_SEC) + " per second, was " + stop);
        }
        List<Double> out = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            out.add(start + i * step);
        }
        return out;
    }

    /**
     * The scenario a sweep runs: its mix, server, resources and variants,
     * with arrivals that have a rate. Poisson and uniform arrivals stay as
     * they are; explicit, burst and closed arrivals become Poisson, and an
     * explicit list's mix becomes the types' weights (each type's share of
     * the listed arrivals), so a lesson's sweep sends the requests the
     * lesson is about. {@code requests} arrivals per run.
     */
    public static Scenario prepare(Scenario scenario, int requests) {
        Arrivals a = scenario.arrivals();
        if (a.hasRate()) {
            return scenario.withArrivals(a.withCount(requests));
        }
        Scenario s = scenario;
        if (a instanceof Arrivals.Explicit) {
            double[] shares = Capacity.mix(scenario);
            List<RequestType> types = new ArrayList<>();
            for (int t = 0; t < shares.length; t++) {
                // whole counts as weights: the same shares, and a file that reads well if saved
                types.add(scenario.requestTypes().get(t).withWeight(Math.round(shares[t] * a.count())));
            }
            s = s.withRequestTypes(types);
        }
        return s.withArrivals(new Arrivals.Poisson(1, requests));
    }

    /**
     * Requests per run when none are asked for: the scenario's own count if
     * its arrivals have a rate, but at least {@value #DEFAULT_REQUESTS} (a
     * lesson's two dozen requests say little about a steady state, and a
     * short run's drain at the end looks like falling behind).
     */
    public static int defaultRequests(Scenario scenario) {
        return scenario.arrivals().hasRate() ? Math.max(DEFAULT_REQUESTS, scenario.arrivals().count()) : DEFAULT_REQUESTS;
    }

    /** "page 90%, legacy 10%": each type's share of the arrivals, as the sweep sends them. */
    public static String mixText(Scenario scenario) {
        double[] shares = Capacity.mix(scenario);
        List<String> parts = new ArrayList<>();
        for (int t = 0; t < shares.length; t++) {
            if (shares[t] > 0) {
                parts.add(scenario.requestTypes().get(t).name() + " " + percent(shares[t]));
            }
        }
        return String.join(", ", parts);
    }

    private static String percent(double share) {
        double p = share * 100;
        return (Math.abs(p - Math.rint(p)) < 0.05 ? Long.toString(Math.round(p)) : String.format(Locale.ROOT, "%.1f", p)) + "%";
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
        return run(scenario, rates, replications, threads, share -> { }, () -> false);
    }

    /**
     * Runs every point with {@code threads} worker threads, the lower rates
     * first.
     *
     * @param scenario with poisson or uniform arrivals (see {@link #prepare})
     * @param progress told the share of rates done, 0..1, after each rate, in rate order
     * @param cancelled polled while waiting; when true the sweep stops and throws {@link CancellationException}
     */
    public static Result run(Scenario scenario, List<Double> rates, int replications, int threads,
                             DoubleConsumer progress, BooleanSupplier cancelled) {
        if (replications < 1) {
            throw new IllegalArgumentException("replications must be >= 1, was " + replications);
        }
        if (rates.isEmpty()) {
            throw new IllegalArgumentException("need at least one rate");
        }
        atRate(scenario, rates.get(0)); // fail fast on a pattern without a rate
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("sweep cancelled");
        }
        List<Variant> variants = scenario.compareVariants();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "interleave-sweep-run");
            t.setDaemon(true);
            return t;
        });
        try {
            // pending[rate][variant][replication]
            List<List<List<Future<Summary>>>> pending = new ArrayList<>();
            for (double rate : rates) {
                List<List<Future<Summary>>> atRate = new ArrayList<>();
                for (Variant v : variants) {
                    List<Future<Summary>> reps = new ArrayList<>();
                    for (int r = 0; r < replications; r++) {
                        Scenario run = atRate(scenario.under(v), rate).withSeed(scenario.seed() + r);
                        reps.add(pool.submit(() -> summarize(run)));
                    }
                    atRate.add(reps);
                }
                pending.add(atRate);
            }
            List<List<Point>> byVariant = new ArrayList<>();
            variants.forEach(v -> byVariant.add(new ArrayList<>()));
            for (int i = 0; i < rates.size(); i++) {
                for (int j = 0; j < variants.size(); j++) {
                    Variant v = variants.get(j);
                    byVariant.get(j).add(point(v, v.apply(scenario.server()), rates.get(i), pending.get(i).get(j), cancelled));
                }
                progress.accept((i + 1.0) / rates.size());
            }
            List<Series> series = new ArrayList<>();
            for (int j = 0; j < variants.size(); j++) {
                Variant v = variants.get(j);
                Scenario under = scenario.under(v);
                series.add(new Series(v, under.server(), Capacity.of(under), Theory.of(under), byVariant.get(j)));
            }
            return new Result(series, replications);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted", e);
        } catch (ExecutionException e) {
            // a run past its limits, or out of memory: reported as a single run's would be
            if (e.getCause() instanceof RunLimitException limit) {
                throw limit;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("a sweep run failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Point point(Variant variant, Server server, double rate, List<Future<Summary>> reps, BooleanSupplier cancelled)
            throws InterruptedException, ExecutionException {
        int n = reps.size();
        double[] means = new double[n];
        double p95 = 0;
        double throughput = 0;
        double cpu = 0;
        double workers = 0;
        double rejected = 0;
        for (int r = 0; r < n; r++) {
            Summary s = await(reps.get(r), cancelled);
            means[r] = s.response().mean();
            p95 += s.response().p95();
            throughput += s.throughputPerSec();
            cpu += s.cpuUtilization();
            workers += s.workerUtilization();
            rejected += s.rejected();
        }
        return new Point(variant, server, rate, ConfidenceInterval.ofPositive(means, 0.95),
                p95 / n, throughput / n, cpu / n, workers / n, rejected / n);
    }

    private static Summary await(Future<Summary> f, BooleanSupplier cancelled) throws InterruptedException, ExecutionException {
        while (true) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("sweep cancelled");
            }
            try {
                return f.get(50, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // poll the cancel flag again
            }
        }
    }

    private static Summary summarize(Scenario scenario) {
        int count = scenario.arrivals().count();
        int warmup = (int) Math.min(count - 1L, Math.round(count * WARMUP_SHARE));
        SummaryCollector collector = new SummaryCollector(warmup, count);
        RunTotals totals = Simulation.run(scenario, collector);
        return collector.summarize(totals, scenario.server().workerCount(), scenario.server().cores());
    }
}
