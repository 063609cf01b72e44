package io.interleave.app.metrics;

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
        List<RequestRecord> rs = trace.requests();
        int group = Math.max(1, (rs.size() + MAX_BARS - 1) / MAX_BARS);
        List<Bar> bars = new ArrayList<>();
        for (int from = 0; from < rs.size(); from += group) {
            int to = Math.min(rs.size(), from + group);
            double sum = 0;
            int n = 0;
            for (RequestRecord r : rs.subList(from, to)) {
                if (r.completed()) {
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
     * Requests in flight (arrived, accepted, not yet finished) over time, as
     * a step line. A long run is cut into {@value #MAX_STEPS} equal slices
     * and each slice shows its highest count, so peaks are never lost.
     */
    public static List<Point> inFlight(Trace trace) {
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
        return steps.size() <= 2 * MAX_STEPS ? steps : downsample(steps, trace.endMs());
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
        return out;
    }
}
