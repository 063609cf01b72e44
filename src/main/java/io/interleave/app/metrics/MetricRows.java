package io.interleave.app.metrics;

import io.interleave.stats.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The metrics table as text: one row per figure, one value per policy shown,
 * and, when two are compared, how the event loop differs from sync.
 */
public final class MetricRows {
    /** How a row's values compare: times are better lower, throughput higher, shares in points. */
    enum Kind { TIME, RATE, SHARE, COUNT }

    /**
     * One row of the table.
     *
     * @param key stable id of the row ("p95"), used for control ids
     * @param label what people read ("p95 response")
     * @param values one formatted value per column
     * @param difference second column against the first ("3.1x lower"), or "" with one column
     */
    public record Row(String key, String label, List<String> values, String difference) {
        public Row {
            values = List.copyOf(values);
        }
    }

    private record Metric(String key, String label, Kind kind, ToDoubleFunction<Summary> value) {
    }

    private static final List<Metric> METRICS = List.of(
            new Metric("completed", "Requests served", Kind.COUNT, s -> s.completed()),
            new Metric("mean", "Mean response", Kind.TIME, s -> s.response().mean()),
            new Metric("p50", "p50 response", Kind.TIME, s -> s.response().p50()),
            new Metric("p95", "p95 response", Kind.TIME, s -> s.response().p95()),
            new Metric("max", "Max response", Kind.TIME, s -> s.response().max()),
            new Metric("throughput", "Throughput", Kind.RATE, Summary::throughputPerSec),
            new Metric("cpu", "CPU busy", Kind.SHARE, Summary::cpuUtilization),
            new Metric("workers", "Workers busy", Kind.SHARE, Summary::workerUtilization),
            new Metric("rejected", "Rejected", Kind.COUNT, s -> s.rejected()));

    private MetricRows() {
    }

    /** The rows for one or two summaries (the second compared with the first). */
    public static List<Row> of(List<Summary> summaries) {
        List<Row> rows = new ArrayList<>();
        for (Metric m : METRICS) {
            List<String> values = summaries.stream().map(s -> format(m.kind(), m.value().applyAsDouble(s))).toList();
            String diff = summaries.size() == 2
                    ? difference(m.kind(), m.value().applyAsDouble(summaries.get(0)), m.value().applyAsDouble(summaries.get(1)))
                    : "";
            rows.add(new Row(m.key(), m.label(), values, diff));
        }
        return rows;
    }

    /** The one-line verdict of a comparison: "p95 4.6x lower, throughput 1.5x higher". */
    public static String headline(List<Summary> summaries) {
        if (summaries.size() != 2) {
            return "";
        }
        Summary a = summaries.get(0);
        Summary b = summaries.get(1);
        return "p95 " + difference(Kind.TIME, a.response().p95(), b.response().p95())
                + ", mean " + difference(Kind.TIME, a.response().mean(), b.response().mean())
                + ", throughput " + difference(Kind.RATE, a.throughputPerSec(), b.throughputPerSec());
    }

    static String format(Kind kind, double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return switch (kind) {
            case TIME -> ms(v);
            case RATE -> String.format(Locale.ROOT, v < 100 ? "%.1f /s" : "%,.0f /s", v);
            case SHARE -> String.format(Locale.ROOT, "%.0f %%", v * 100);
            case COUNT -> String.format(Locale.ROOT, "%,d", (long) v);
        };
    }

    /** A duration for people: "36.0 ms", "1,250 ms", "12.5 s". */
    public static String ms(double v) {
        if (v >= 10_000) {
            return String.format(Locale.ROOT, "%.1f s", v / 1000);
        }
        return String.format(Locale.ROOT, v < 1000 ? "%.1f ms" : "%,.0f ms", v);
    }

    /** How {@code b} (the event loop) differs from {@code a} (sync). */
    static String difference(Kind kind, double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return "–";
        }
        return switch (kind) {
            case TIME -> ratio(a, b, "lower", "higher");
            case RATE -> ratio(b, a, "higher", "lower");
            case SHARE -> {
                long points = Math.round((b - a) * 100);
                yield points == 0 ? "same" : String.format(Locale.ROOT, "%+d pts", points);
            }
            case COUNT -> {
                long d = Math.round(b - a);
                yield d == 0 ? "same" : String.format(Locale.ROOT, "%+,d", d);
            }
        };
    }

    /** "{big/small}x {word}" when big > small; the other word the other way round. */
    private static String ratio(double big, double small, String bigger, String smaller) {
        if (big == small || Math.abs(big - small) <= 1e-9 * Math.max(Math.abs(big), Math.abs(small))) {
            return "same";
        }
        if (big > small) {
            return small <= 0 ? bigger : times(big / small) + " " + bigger;
        }
        return big <= 0 ? smaller : times(small / big) + " " + smaller;
    }

    /** "3.1x", or "1.04x" where one decimal would round a real difference to 1.0x. */
    private static String times(double r) {
        return String.format(Locale.ROOT, r < 1.1 ? "%.2fx" : "%.1fx", r);
    }
}
