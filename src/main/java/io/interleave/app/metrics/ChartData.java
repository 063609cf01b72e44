package io.interleave.app.metrics;

import io.interleave.stats.SoFar;
import io.interleave.trace.RequestRecord;
import io.interleave.trace.Trace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The numbers behind the two charts, kept small enough to draw however large
 * the run: at most {@value #MAX_BARS} bars and about {@value #MAX_STEPS}
 * steps per series.
 */
public final class ChartData {
    static final int MAX_BARS = 60;
    static final int MAX_STEPS = 400;

    /** One bar: a category (a request, or a group of consecutive requests) and a response time. */
    public record Bar(String category, double responseMs) {
    }

    /** The bars of one policy and how many requests each bar stands for. */
    public record Bars(List<Bar> bars, int groupSize) {
        public Bars {
            bars = List.copyOf(bars);
        }
    }

    /** One point of the in-flight step line. */
    public record Point(double timeMs, double inFlight) {
    }

    private ChartData() {
    }

    /**
     * Response time per request in request order; beyond {@value #MAX_BARS}
     * requests each bar is the mean of a group of consecutive requests
     * (rejected requests have no response and count as 0 in a group of one).
     */
    public static Bars responseBars(Trace trace) {
        return responseBars(trace, Double.POSITIVE_INFINITY);
    }

    /**
     * The bars as they stand at {@code atMs}: only requests completed by then
     * (finish at or before it) have a height; the others, and groups with
     * none completed yet, are 0. The categories are the whole run's, so bars
     * appear in place as playback goes on.
     */
    public static Bars responseBars(Trace trace, double atMs) {
        List<RequestRecord> rs = trace.requests();
        int group = Math.max(1, (rs.size() + MAX_BARS - 1) / MAX_BARS);
        List<Bar> bars = new ArrayList<>();
        for (int from = 0; from < rs.size(); from += group) {
            int to = Math.min(rs.size(), from + group);
            double sum = 0;
            int n = 0;
            for (RequestRecord r : rs.subList(from, to)) {
                if (r.completed() && r.finishMs() <= atMs) {
                    sum += r.responseMs();
                    n++;
                }
            }
            String category = group == 1 ? rs.get(from).label() : rs.get(from).label() + "–" + rs.get(to - 1).label();
            bars.add(new Bar(category, n == 0 ? 0 : sum / n));
        }
        return new Bars(bars, group);
    }

    /**
     * Each item's latency (made to processed) in the order the items were made, as {@link #responseBars} does for
     * requests: only items processed by {@code atMs} have a height; beyond {@value #MAX_BARS} items each bar is the
     * mean of a group. Categories are the items' numbers ("7", "41–80").
     */
    public static Bars itemBars(Trace trace, double atMs) {
        List<io.interleave.trace.ItemRecord> items = trace.program().items();
        int group = Math.max(1, (items.size() + MAX_BARS - 1) / MAX_BARS);
        List<Bar> bars = new ArrayList<>();
        for (int from = 0; from < items.size(); from += group) {
            int to = Math.min(items.size(), from + group);
            double sum = 0;
            int n = 0;
            for (io.interleave.trace.ItemRecord item : items.subList(from, to)) {
                if (item.consumed() && item.doneMs() <= atMs) {
                    sum += item.latencyMs();
                    n++;
                }
            }
            String category = group == 1 ? Integer.toString(items.get(from).id()) : items.get(from).id() + "–" + items.get(to - 1).id();
            bars.add(new Bar(category, n == 0 ? 0 : sum / n));
        }
        return new Bars(bars, group);
    }

    /**
     * One run's response bars as playback moves, kept in step with the
     * completions: moving on by k completions costs O(k), not a pass over
     * every request (a step back starts again from none).
     */
    public static final class Growing {
        private final Trace trace;
        private final int[] order;
        private final int group;
        private final double[] sums;
        private final int[] counts;
        private final List<String> categories = new ArrayList<>();
        private int done;

        /**
         * @param trace the run
         * @param completionOrder ids of its completed requests in the order they finished
         */
        public Growing(Trace trace, int[] completionOrder) {
            this.trace = trace;
            this.order = completionOrder.clone();
            List<RequestRecord> rs = trace.requests();
            this.group = Math.max(1, (rs.size() + MAX_BARS - 1) / MAX_BARS);
            int bars = (rs.size() + group - 1) / group;
            this.sums = new double[bars];
            this.counts = new int[bars];
            for (int from = 0; from < rs.size(); from += group) {
                int to = Math.min(rs.size(), from + group);
                categories.add(group == 1 ? rs.get(from).label() : rs.get(from).label() + "–" + rs.get(to - 1).label());
            }
        }

        /** The bars with the first {@code completed} completions done, as {@link #responseBars(Trace, double)} draws them. */
        public Bars withDone(int completed) {
            if (completed < 0 || completed > order.length) {
                throw new IllegalArgumentException("completed must be in [0, " + order.length + "], was " + completed);
            }
            if (completed < done) {
                java.util.Arrays.fill(sums, 0);
                java.util.Arrays.fill(counts, 0);
                done = 0;
            }
            for (; done < completed; done++) {
                int index = order[done] - 1;
                sums[index / group] += trace.requests().get(index).responseMs();
                counts[index / group]++;
            }
            List<Bar> bars = new ArrayList<>(categories.size());
            for (int b = 0; b < categories.size(); b++) {
                bars.add(new Bar(categories.get(b), counts[b] == 0 ? 0 : sums[b] / counts[b]));
            }
            return new Bars(bars, group);
        }
    }

    /**
     * Requests in flight (arrived, accepted, not yet finished) over time, as
     * a step line. A long run is cut into {@value #MAX_STEPS} equal slices
     * and each slice shows its highest count, so peaks are never lost.
     */
    public static List<Point> inFlight(Trace trace) {
        return InFlight.of(trace).upTo(Double.POSITIVE_INFINITY);
    }

    /**
     * One run's in-flight line, worked out once, drawn up to any time: the
     * playhead moves every frame and asks for the line up to it.
     */
    public static final class InFlight {
        /** Every change of the level, as pairs of points (before, after), from (0, 0). */
        private final List<Point> steps;
        private final double[] stepTimes;
        /** The whole run's line: the steps, or their slices' peaks for a long run. */
        private final List<Point> whole;
        private final double endMs;
        private final double sliceMs;

        private InFlight(List<Point> steps, double endMs) {
            this.steps = steps;
            this.endMs = endMs;
            this.stepTimes = steps.stream().mapToDouble(Point::timeMs).toArray();
            this.sliceMs = endMs / MAX_STEPS;
            this.whole = sliced() ? downsample(steps, endMs) : steps;
        }

        /** The line of {@code trace}. */
        public static InFlight of(Trace trace) {
            return new InFlight(steps(trace), trace.endMs());
        }

        /**
         * The length of a program's queues over time (all its queues together): the items waiting in them,
         * from {@link io.interleave.trace.Program#changes()}, as the same step line.
         */
        public static InFlight queueLength(Trace trace) {
            int queues = trace.scenario().queues().size();
            int[] length = new int[Math.max(1, queues)];
            int total = 0;
            List<Point> steps = new ArrayList<>();
            for (io.interleave.trace.QueueChange c : trace.program().changes()) {
                int before = total;
                total += c.length() - length[c.queue()];
                length[c.queue()] = c.length();
                steps.add(new Point(c.timeMs(), before));
                steps.add(new Point(c.timeMs(), total));
            }
            return new InFlight(steps, trace.endMs());
        }

        private boolean sliced() {
            return steps.size() > 2 * MAX_STEPS;
        }

        /**
         * The line from 0 to {@code atMs}, ending in a point at {@code atMs}
         * with the level then; from the end of the run on, the whole line.
         * A long run's slices after {@code atMs} are left out, and the slice
         * that holds it shows its peak so far.
         */
        public List<Point> upTo(double atMs) {
            if (atMs >= endMs) {
                return whole;
            }
            double t = Math.max(0, atMs);
            List<Point> out = new ArrayList<>();
            if (!sliced()) {
                int n = SoFar.countAtOrBefore(stepTimes, t);
                out.addAll(steps.subList(0, n));
                out.add(new Point(t, n == 0 ? 0 : steps.get(n - 1).inFlight()));
                return out;
            }
            int slice = Math.min(MAX_STEPS - 1, (int) (t / sliceMs));
            out.addAll(whole.subList(0, 2 * slice));
            double from = slice * sliceMs;
            int k = SoFar.countAtOrBefore(stepTimes, from);
            double peak = k == 0 ? 0 : steps.get(k - 1).inFlight();
            for (int i = k; i < steps.size() && stepTimes[i] <= t; i++) {
                peak = Math.max(peak, steps.get(i).inFlight());
            }
            out.add(new Point(from, peak));
            out.add(new Point(t, peak));
            return out;
        }

        /** The highest level drawn by {@link #upTo}. */
        public static double peak(List<Point> line) {
            return line.stream().mapToDouble(Point::inFlight).max().orElse(0);
        }
    }

    private static List<Point> steps(Trace trace) {
        List<RequestRecord> accepted = trace.requests().stream().filter(RequestRecord::completed).toList();
        int n = accepted.size();
        double[] arrivals = new double[n];
        double[] finishes = new double[n];
        for (int i = 0; i < n; i++) {
            arrivals[i] = accepted.get(i).arrivalMs();
            finishes[i] = accepted.get(i).finishMs();
        }
        Arrays.sort(arrivals);
        Arrays.sort(finishes);
        List<Point> steps = new ArrayList<>();
        steps.add(new Point(0, 0));
        int level = 0;
        int a = 0;
        int f = 0;
        while (a < n || f < n) {
            double t = Math.min(a < n ? arrivals[a] : Double.POSITIVE_INFINITY, f < n ? finishes[f] : Double.POSITIVE_INFINITY);
            int before = level;
            // Everything at the same instant is one step, so a request that leaves as another arrives is not counted twice.
            while (f < n && finishes[f] == t) {
                level--;
                f++;
            }
            while (a < n && arrivals[a] == t) {
                level++;
                a++;
            }
            if (level != before) {
                steps.add(new Point(t, before));
                steps.add(new Point(t, level));
            }
        }
        return List.copyOf(steps);
    }

    private static List<Point> downsample(List<Point> steps, double endMs) {
        double width = endMs / MAX_STEPS;
        List<Point> out = new ArrayList<>(2 * MAX_STEPS);
        int k = 0;
        double level = 0;
        for (int slice = 0; slice < MAX_STEPS; slice++) {
            double to = (slice + 1) * width;
            double peak = level;
            while (k < steps.size() && (steps.get(k).timeMs() < to || slice == MAX_STEPS - 1)) {
                level = steps.get(k++).inFlight();
                peak = Math.max(peak, level);
            }
            out.add(new Point(slice * width, peak));
            out.add(new Point(to, peak));
        }
        return List.copyOf(out);
    }
}
