package io.interleave.app.metrics;

import io.interleave.trace.RequestRecord;
import io.interleave.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The single-user baseline in the metrics table: how many times longer than
 * alone on the server requests took (response / time alone; 1.0x = as fast
 * as alone). Mean and max over completed requests, per variant.
 */
public final class SlowdownRows {
    private SlowdownRows() {
    }

    /** {@code rows} with "Mean slowdown" and "Max slowdown" after the max response (or at the end). */
    public static List<MetricRows.Row> addTo(List<MetricRows.Row> rows, List<Trace> traces) {
        return insert(rows, of(traces));
    }

    private static List<MetricRows.Row> insert(List<MetricRows.Row> rows, List<MetricRows.Row> slowdowns) {
        List<MetricRows.Row> out = new ArrayList<>(rows);
        int at = 0;
        while (at < out.size() && !out.get(at).key().equals("max")) {
            at++;
        }
        at = at < out.size() ? at + 1 : out.size();
        out.addAll(at, slowdowns);
        return List.copyOf(out);
    }

    /** The two rows for one or more traces (each after the first compared with the first). */
    public static List<MetricRows.Row> of(List<Trace> traces) {
        return of(traces.stream().mapToDouble(SlowdownRows::mean).toArray(), traces.stream().mapToDouble(SlowdownRows::max).toArray());
    }

    /** The two rows from each column's mean and max slowdown (NaN: none completed). */
    public static List<MetricRows.Row> of(double[] means, double[] maxes) {
        return List.of(row("slowdown-mean", "Mean slowdown", means), row("slowdown-max", "Max slowdown", maxes));
    }

    /** {@code rows} with the two slowdown rows after the max response (or at the end). */
    public static List<MetricRows.Row> addTo(List<MetricRows.Row> rows, double[] means, double[] maxes) {
        return insert(rows, of(means, maxes));
    }

    private static MetricRows.Row row(String key, String label, double[] v) {
        List<String> values = new ArrayList<>();
        for (double x : v) {
            values.add(format(x));
        }
        List<String> diffs = new ArrayList<>();
        for (int c = 1; c < v.length; c++) {
            diffs.add(MetricRows.difference(MetricRows.Kind.TIME, v[0], v[c]));
        }
        return new MetricRows.Row(key, label, values, diffs);
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
