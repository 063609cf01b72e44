package io.interleave.stats;

import io.interleave.trace.RequestRecord;
import io.interleave.trace.Span;
import io.interleave.trace.Trace;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * A run's figures as they stand at a moment of playback, so the window never
 * shows the answer before the bars get there.
 *
 * <p>At time t: response statistics over the requests completed by t
 * (finish &le; t), throughput as those completions per second since the first
 * arrival, CPU and worker utilisation as busy time up to t (from the spans)
 * over the time elapsed since the first arrival, requests and rejections as
 * arrived by t. At or after the end of the run the figures are the whole
 * run's {@link SummaryCollector#of(Trace, int) summary}, exactly.
 *
 * <p>Built once per trace in O(n log n); each query is O(log n): the
 * completions are kept in finish order with prefix sums, the busy time as
 * sorted span starts and ends with prefix sums, and percentiles of any prefix
 * of the completions come from a {@link PrefixOrder}.
 */
public final class SoFar {
    private final Summary whole;
    private final double endMs;
    private final double firstArrivalMs;
    private final int workers;
    private final int cores;
    private final int total;
    /** Finish times of completed requests, ascending (ties by id). */
    private final double[] finishes;
    private final int[] completionOrder;
    /** Prefix sums (length m + 1) over completions in finish order. */
    private final double[] responseSums;
    private final double[] queueSums;
    /** Prefix maxima (length m + 1) of queue time over completions in finish order. */
    private final double[] queueMaxes;
    private final PrefixOrder responses;
    /** Slowdowns (response / time alone) over completions in finish order: prefix sums, counts and maxima. */
    private final double[] slowdownSums;
    private final int[] slowdownCounts;
    private final double[] slowdownMaxes;
    private final double wholeSlowdownMean;
    private final double wholeSlowdownMax;
    private final double[] arrivals;
    private final double[] rejections;
    /** Finish times of requests whose clients gave up, ascending; prefix counts of those that sent a response and prefix sums of wasted CPU. */
    private final double[] lateFinishes;
    private final int[] lateSent;
    private final double[] lateWasted;
    private final Busy coreBusy;
    private final Busy workerBusy;
    /** The in-flight level's changes: times ascending and the highest level reached by each. */
    private final double[] inFlightTimes;
    private final int[] inFlightPeaks;

    /** The figures of {@code trace} at any time (no warm-up: every request counts). */
    public SoFar(Trace trace) {
        this(trace, SummaryCollector.of(trace, 0));
    }

    /**
     * As {@link #SoFar(Trace)}, given the whole run's summary already made
     * ({@code SummaryCollector.of(trace, 0)}), which the end returns.
     */
    public SoFar(Trace trace, Summary whole) {
        this.whole = whole;
        endMs = trace.endMs();
        firstArrivalMs = trace.totals().firstArrivalMs();
        workers = trace.scenario().server().workerCount();
        cores = trace.scenario().server().cores();
        List<RequestRecord> requests = trace.requests();
        total = requests.size();
        RequestRecord[] done = requests.stream().filter(RequestRecord::completed)
                .sorted(Comparator.comparingDouble(RequestRecord::finishMs).thenComparingInt(RequestRecord::id))
                .toArray(RequestRecord[]::new);
        int m = done.length;
        finishes = new double[m];
        completionOrder = new int[m];
        responseSums = new double[m + 1];
        queueSums = new double[m + 1];
        queueMaxes = new double[m + 1];
        double[] responseTimes = new double[m];
        slowdownSums = new double[m + 1];
        slowdownCounts = new int[m + 1];
        slowdownMaxes = new double[m + 1];
        slowdownMaxes[0] = Double.NaN;
        for (int i = 0; i < m; i++) {
            RequestRecord r = done[i];
            double slowdown = r.slowdown();
            boolean known = !Double.isNaN(slowdown);
            slowdownSums[i + 1] = slowdownSums[i] + (known ? slowdown : 0);
            slowdownCounts[i + 1] = slowdownCounts[i] + (known ? 1 : 0);
            slowdownMaxes[i + 1] = known && !(slowdown <= slowdownMaxes[i]) ? slowdown : slowdownMaxes[i];
            finishes[i] = r.finishMs();
            completionOrder[i] = r.id();
            responseTimes[i] = r.responseMs();
            responseSums[i + 1] = responseSums[i] + r.responseMs();
            queueSums[i + 1] = queueSums[i] + r.queueMs();
            queueMaxes[i + 1] = Math.max(queueMaxes[i], r.queueMs());
        }
        responses = new PrefixOrder(responseTimes);
        double sum = 0; // the whole run's, added in id order like everywhere else
        int known = 0;
        for (RequestRecord r : requests) {
            if (!Double.isNaN(r.slowdown())) {
                sum += r.slowdown();
                known++;
            }
        }
        wholeSlowdownMean = known == 0 ? Double.NaN : sum / known;
        wholeSlowdownMax = slowdownMaxes[m];
        arrivals = requests.stream().mapToDouble(RequestRecord::arrivalMs).sorted().toArray();
        rejections = requests.stream().filter(RequestRecord::rejected).mapToDouble(RequestRecord::arrivalMs).sorted().toArray();
        RequestRecord[] late = requests.stream().filter(RequestRecord::timedOut)
                .sorted(Comparator.comparingDouble(RequestRecord::finishMs).thenComparingInt(RequestRecord::id))
                .toArray(RequestRecord[]::new);
        lateFinishes = new double[late.length];
        lateSent = new int[late.length + 1];
        lateWasted = new double[late.length + 1];
        for (int i = 0; i < late.length; i++) {
            lateFinishes[i] = late[i].finishMs();
            lateSent[i + 1] = lateSent[i] + (late[i].status() == io.interleave.trace.Status.TIMED_OUT ? 1 : 0);
            lateWasted[i + 1] = lateWasted[i] + late[i].wastedCpuMs();
        }
        coreBusy = new Busy(trace.spans(), s -> s.core().isPresent());
        workerBusy = new Busy(trace.spans(), s -> s.holdsWorker() && s.worker().isPresent());
        // in flight: every request the server took up, until the server was done with it (a timed-out one too)
        double[] starts = requests.stream().filter(r -> !r.rejected()).mapToDouble(RequestRecord::arrivalMs).sorted().toArray();
        double[] ends = requests.stream().filter(r -> !r.rejected()).mapToDouble(RequestRecord::finishMs).sorted().toArray();
        int n = starts.length;
        double[] times = new double[2 * n];
        int[] peaks = new int[2 * n];
        int level = 0;
        int peak = 0;
        int a = 0;
        int f = 0;
        int k = 0;
        while (a < n || f < n) {
            double t = Math.min(a < n ? starts[a] : Double.POSITIVE_INFINITY, f < n ? ends[f] : Double.POSITIVE_INFINITY);
            while (f < n && ends[f] == t) { // as the chart counts: a request leaving as another arrives is not counted twice
                level--;
                f++;
            }
            while (a < n && starts[a] == t) {
                level++;
                a++;
            }
            peak = Math.max(peak, level);
            times[k] = t;
            peaks[k++] = peak;
        }
        inFlightTimes = Arrays.copyOf(times, k);
        inFlightPeaks = Arrays.copyOf(peaks, k);
    }

    /** When the run ends: from then on the figures are the whole run's. */
    public double endMs() {
        return endMs;
    }

    /** Requests in the run, counted or not yet: the "3" of "2 of 3 done". */
    public int requests() {
        return total;
    }

    /** The whole run's summary. */
    public Summary whole() {
        return whole;
    }

    /** Ids of the completed requests in the order they finished (ties by id): the first {@link #completedBy} are done. */
    public int[] completionOrder() {
        return completionOrder.clone();
    }

    /** Requests completed by {@code atMs} (finish at or before it). */
    public int completedBy(double atMs) {
        return countAtOrBefore(finishes, atMs);
    }

    /**
     * The summary as it stands at {@code atMs}; at or after {@link #endMs()}
     * (or +Infinity) the whole run's. Before the end: {@code requests} and
     * {@code rejected} are those arrived by then, {@code makespanMs} is the
     * time elapsed since the first arrival, figures that divide by it are NaN
     * before the first arrival, and {@code events} (not kept per instant) is 0.
     */
    public Summary at(double atMs) {
        if (Double.isNaN(atMs)) {
            throw new IllegalArgumentException("atMs: must be a number");
        }
        if (atMs >= endMs) {
            return whole;
        }
        int m = completedBy(atMs);
        double elapsed = Math.max(0, atMs - firstArrivalMs);
        Summary.Response response = m == 0
                ? new Summary.Response(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN)
                : new Summary.Response(responseSums[m] / m, responses.kth(m, 0), percentile(m, 50), percentile(m, 90),
                        percentile(m, 95), percentile(m, 99), responses.kth(m, m - 1));
        int inFlightAt = countAtOrBefore(inFlightTimes, atMs);
        int late = countAtOrBefore(lateFinishes, atMs);
        return new Summary(countAtOrBefore(arrivals, atMs), m, countAtOrBefore(rejections, atMs), elapsed,
                elapsed > 0 ? (m + lateSent[late]) / (elapsed / 1000.0) : Double.NaN,
                response,
                m == 0 ? 0 : queueSums[m] / m, queueMaxes[m],
                elapsed > 0 ? share(coreBusy.upTo(atMs), cores, elapsed) : Double.NaN,
                elapsed > 0 ? share(workerBusy.upTo(atMs), workers, elapsed) : Double.NaN,
                inFlightAt == 0 ? 0 : inFlightPeaks[inFlightAt - 1], 0,
                late, elapsed > 0 ? m / (elapsed / 1000.0) : Double.NaN, lateWasted[late]);
    }

    /** Mean response over time alone of the requests completed by {@code atMs}; NaN if none. */
    public double slowdownMean(double atMs) {
        if (atMs >= endMs) {
            return wholeSlowdownMean;
        }
        int m = completedBy(atMs);
        return slowdownCounts[m] == 0 ? Double.NaN : slowdownSums[m] / slowdownCounts[m];
    }

    /** The largest response over time alone of the requests completed by {@code atMs}; NaN if none. */
    public double slowdownMax(double atMs) {
        return atMs >= endMs ? wholeSlowdownMax : slowdownMaxes[completedBy(atMs)];
    }

    private double percentile(int m, double p) {
        long rank = Percentiles.nearestRank(p, m);
        return responses.kth(m, (int) Math.max(0, Math.min(m - 1, rank - 1)));
    }

    private static double share(double busyMs, int units, double elapsedMs) {
        return Math.max(0, Math.min(1, busyMs / (units * elapsedMs)));
    }

    /** How many of the ascending {@code times} are at or before {@code t} (binary search). */
    public static int countAtOrBefore(double[] times, double t) {
        int lo = 0;
        int hi = times.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** How many of the ascending {@code times} are strictly before {@code t}. */
    private static int countBefore(double[] times, double t) {
        int lo = 0;
        int hi = times.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Busy time up to any instant, summed over the spans that count: with i
     * spans started and j ended before t, it is the sum over started spans of
     * (t - start) less the sum over ended ones of (t - end).
     */
    private static final class Busy {
        private final double[] starts;
        private final double[] ends;
        private final double[] startSums;
        private final double[] endSums;

        Busy(List<Span> spans, Predicate<Span> counts) {
            starts = spans.stream().filter(counts).mapToDouble(Span::startMs).sorted().toArray();
            ends = spans.stream().filter(counts).mapToDouble(Span::endMs).sorted().toArray();
            startSums = prefixSums(starts);
            endSums = prefixSums(ends);
        }

        double upTo(double t) {
            int i = countBefore(starts, t);
            int j = countBefore(ends, t);
            return Math.max(0, (i - j) * t - startSums[i] + endSums[j]);
        }

        private static double[] prefixSums(double[] v) {
            double[] sums = new double[v.length + 1];
            for (int i = 0; i < v.length; i++) {
                sums[i + 1] = sums[i] + v[i];
            }
            return sums;
        }
    }
}
