package io.interleave.app.metrics;

import io.interleave.trace.RequestRecord;
import io.interleave.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The single-user baseline in the metrics table: how many times longer than
 * alone on the server requests took (response / time alone; 1.0x = as fast
 * as alone). Mean and max over completed requests, per policy.
 */
public final class SlowdownRows {
    private SlowdownRows() {
    }

    /** {@code rows} with "Mean slowdown" and "Max slowdown" after the max response (or at the end). */
    public static List<MetricRows.Row> addTo(List<MetricRows.Row> rows, List<Trace> traces) {
        List<MetricRows.Row> out = new ArrayList<>(rows);
        int at = 0;
        while (at < out.size() && !out.get(at).key().equals("max")) {
            at++;
        }
        at = at < out.size() ? at + 1 : out.size();
        out.addAll(at, of(traces));
        return List.copyOf(out);
    }

    /** The two rows for one or two traces (the second compared with the first). */
    public static List<MetricRows.Row> of(List<Trace> traces) {
        return List.of(row("slowdown-mean", "Mean slowdown", traces, SlowdownRows::mean),
                row("slowdown-max", "Max slowdown", traces, SlowdownRows::max));
    }

    private static MetricRows.Row row(String key, String label, List<Trace> traces, ToDoubleFunction<Trace> f) {
        double[] v = traces.stream().mapToDouble(f).toArray();
        List<String> values = new ArrayList<>();
        for (double x : v) {
            values.add(format(x));
        }
        String diff = v.length == 2 ? MetricRows.difference(MetricRows.Kind.TIME, v[0], v[1]) : "";
        return new MetricRows.Row(key, label, values, diff);
    }

    /** "4.6x"; "–" when no request completed. */
    public static String format(double slowdown) {
        return Double.isNaN(slowdown) ? "–" : String.format(Locale.ROOT, "%.1fx", slowdown);
    }

    /** Mean response / time alone over completed requests; NaN if none. */
    public static double mean(Trace trace) {
        double sum = 0;
        int n = 0;
        for (RequestRecord r : trace.requests()) {
            double s = r.slowdown();
            if (!Double.isNaN(s)) {
                sum += s;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** The largest response / time alone over completed requests; NaN if none. */
    public static double max(Trace trace) {
        double max = Double.NaN;
        for (RequestRecord r : trace.requests()) {
            double s = r.slowdown();
            if (!Double.isNaN(s) && !(s <= max)) {
                max = s;
            }
        }
        return max;
    }
}
