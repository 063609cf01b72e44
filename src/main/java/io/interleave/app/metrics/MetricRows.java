package io.interleave.app.metrics;

import io.interleave.time.TimeText;
import io.interleave.stats.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.ToDoubleFunction;

/**
 * The metrics table as text: one row per figure, one value per variant
 * shown, and how each variant after the first differs from the first.
 */
public final class MetricRows {
    /** How a row's values compare: times are better lower, throughput higher, shares in points. */
    enum Kind { TIME, RATE, SHARE, COUNT }

    /** Keys of the rows about response times; the others are about load. */
    public static final List<String> RESPONSE_KEYS = List.of("mean", "p50", "p95", "max", "slowdown-mean", "slowdown-max");

    /**
     * One row of the table.
     *
     * @param key stable id of the row ("p95"), used for control ids
     * @param label what people read ("p95 response")
     * @param values one formatted value per column
     * @param differences for each column after the first, how it differs from the first ("3.1x lower")
     */
    public record Row(String key, String label, List<String> values, List<String> differences) {
        public Row {
            values = List.copyOf(values);
            differences = List.copyOf(differences);
            if (differences.size() != Math.max(0, values.size() - 1)) {
                throw new IllegalArgumentException("row " + key + ": one difference per column after the first, was "
                        + differences.size() + " for " + values.size() + " columns");
            }
        }

        /** Is this row about response times, or items' latency (the table's first block)? */
        public boolean aboutResponse() {
            return RESPONSE_KEYS.contains(key) || ITEM_LATENCY_KEYS.contains(key);
        }
    }

    private record Metric(String key, String label, Kind kind, ToDoubleFunction<Summary> value) {
    }

    private static final List<Metric> METRICS = List.of(
            new Metric("completed", "Completed", Kind.COUNT, s -> s.completed()),
            new Metric("mean", "Mean response", Kind.TIME, s -> s.response().mean()),
            new Metric("p50", "p50 response", Kind.TIME, s -> s.response().p50()),
            new Metric("p95", "p95 response", Kind.TIME, s -> s.response().p95()),
            new Metric("max", "Max response", Kind.TIME, s -> s.response().max()),
            new Metric("throughput", "Throughput", Kind.RATE, Summary::throughputPerSec),
            new Metric("cpu", "CPU busy", Kind.SHARE, Summary::cpuUtilization),
            new Metric("workers", "Workers busy", Kind.SHARE, Summary::workerUtilization),
            new Metric("rejected", "Rejected", Kind.COUNT, s -> s.rejected()));

    /** The rows a run with client timeouts adds at the end: who gave up, what was answered in time, and the CPU spent for nobody. */
    private static final List<Metric> TIMEOUT_METRICS = List.of(
            new Metric("timedOut", "Timed out", Kind.COUNT, s -> s.timedOut()),
            new Metric("goodput", "Goodput (in time)", Kind.RATE, Summary::goodputPerSec),
            new Metric("wastedCpu", "Wasted CPU", Kind.TIME, Summary::wastedCpuMs));

    /** Keys of a program's rows about its items' latency (the first block); made, consumed and makespan follow. */
    public static final List<String> ITEM_LATENCY_KEYS = List.of("item-mean", "item-p50", "item-p95", "item-max");

    /**
     * What a program of tasks did, as far as the playhead: items made and consumed, item latency (made to
     * processed) of the items processed, and the run's length once it is over (NaN while it is not).
     */
    public record ProgramFigures(io.interleave.stats.ItemSummary items, double makespanMs) {
    }

    private record ProgramMetric(String key, String label, Kind kind, ToDoubleFunction<ProgramFigures> value) {
    }

    private static final List<ProgramMetric> PROGRAM_METRICS = List.of(
            new ProgramMetric("item-mean", "Mean item latency", Kind.TIME, f -> f.items().meanMs()),
            new ProgramMetric("item-p50", "p50 item latency", Kind.TIME, f -> f.items().p50Ms()),
            new ProgramMetric("item-p95", "p95 item latency", Kind.TIME, f -> f.items().p95Ms()),
            new ProgramMetric("item-max", "Max item latency", Kind.TIME, f -> f.items().maxMs()),
            new ProgramMetric("items-made", "Items made", Kind.COUNT, f -> f.items().made()),
            new ProgramMetric("items-consumed", "Items consumed", Kind.COUNT, f -> f.items().consumed()),
            new ProgramMetric("makespan", "Makespan", Kind.TIME, ProgramFigures::makespanMs));

    /** The rows of a program of tasks, one value per run (each after the first compared with the first). */
    public static List<Row> ofProgram(List<ProgramFigures> figures) {
        List<Row> rows = new ArrayList<>();
        for (ProgramMetric m : PROGRAM_METRICS) {
            List<String> values = figures.stream().map(f -> format(m.kind(), m.value().applyAsDouble(f))).toList();
            List<String> diffs = new ArrayList<>();
            for (int c = 1; c < figures.size(); c++) {
                diffs.add(difference(m.kind(), m.value().applyAsDouble(figures.get(0)), m.value().applyAsDouble(figures.get(c))));
            }
            rows.add(new Row(m.key(), m.label(), values, diffs));
        }
        return rows;
    }

    /**
     * A program's verdict, one line per run after the first: "asyncio (one loop) vs Sync (one thread): mean item
     * latency 58.0x lower, makespan 1.5x lower"; "" with one run.
     */
    public static String programHeadline(List<String> labels, List<ProgramFigures> figures) {
        List<String> lines = new ArrayList<>();
        for (int c = 1; c < figures.size(); c++) {
            ProgramFigures a = figures.get(0);
            ProgramFigures b = figures.get(c);
            List<String> parts = new ArrayList<>();
            if (a.items().consumed() > 0 && b.items().consumed() > 0) {
                parts.add("mean item latency " + difference(Kind.TIME, a.items().meanMs(), b.items().meanMs()));
            } else {
                parts.add(String.format(Locale.ROOT, "%,d items processed against %,d", b.items().consumed(), a.items().consumed()));
            }
            if (!Double.isNaN(a.makespanMs()) && !Double.isNaN(b.makespanMs())) {
                parts.add("makespan " + difference(Kind.TIME, a.makespanMs(), b.makespanMs()));
            }
            String verdict = a.items().consumed() == 0 && b.items().consumed() == 0 ? "nothing processed yet to compare"
                    : String.join(", ", parts);
            lines.add(labels.get(c) + " vs " + labels.get(0) + ": " + verdict);
        }
        return String.join("\n", lines);
    }

    private MetricRows() {
    }

    /** The rows for one or more summaries (each after the first compared with the first). */
    public static List<Row> of(List<Summary> summaries) {
        return of(summaries, summaries.stream().map(s -> OptionalLong.empty()).toList());
    }

    /**
     * The rows for summaries of which some may be "so far": where {@code outOf}
     * holds the run's number of requests, "Requests served" reads "2 of 3".
     */
    public static List<Row> of(List<Summary> summaries, List<OptionalLong> outOf) {
        return of(summaries, outOf, false);
    }

    /**
     * As {@link #of(List, List)}; with {@code timeouts} (a scenario whose clients may give up) three
     * rows follow: timed out, goodput (completed within the timeout per second) and wasted CPU.
     */
    public static List<Row> of(List<Summary> summaries, List<OptionalLong> outOf, boolean timeouts) {
        if (outOf.size() != summaries.size()) {
            throw new IllegalArgumentException("outOf: one per summary");
        }
        List<Row> rows = new ArrayList<>();
        List<Metric> metrics = new ArrayList<>(METRICS);
        if (timeouts) {
            metrics.addAll(TIMEOUT_METRICS);
        }
        for (Metric m : metrics) {
            List<String> values = new ArrayList<>();
            for (int c = 0; c < summaries.size(); c++) {
                String v = format(m.kind(), m.value().applyAsDouble(summaries.get(c)));
                values.add(m.key().equals("completed") && outOf.get(c).isPresent() ? v + " of " + format(Kind.COUNT, outOf.get(c).getAsLong()) : v);
            }
            List<String> diffs = new ArrayList<>();
            for (int c = 1; c < summaries.size(); c++) {
                diffs.add(difference(m.kind(), m.value().applyAsDouble(summaries.get(0)), m.value().applyAsDouble(summaries.get(c))));
            }
            rows.add(new Row(m.key(), m.label(), values, diffs));
        }
        return rows;
    }

    /**
     * The verdict of a comparison, one line per variant after the first:
     * "Event loop vs Sync (threads): p95 4.6x lower, mean 1.8x lower,
     * throughput 1.5x higher"; "" with one variant.
     */
    public static String headline(List<String> labels, List<Summary> summaries) {
        if (labels.size() != summaries.size()) {
            throw new IllegalArgumentException("labels: one per summary");
        }
        List<String> lines = new ArrayList<>();
        Summary a = summaries.isEmpty() ? null : summaries.get(0);
        for (int c = 1; c < summaries.size(); c++) {
            Summary b = summaries.get(c);
            String verdict = a.completed() == 0 && b.completed() == 0 ? "nothing done yet to compare"
                    : "p95 " + difference(Kind.TIME, a.response().p95(), b.response().p95())
                    + ", mean " + difference(Kind.TIME, a.response().mean(), b.response().mean())
                    + ", throughput " + difference(Kind.RATE, a.throughputPerSec(), b.throughputPerSec());
            lines.add(labels.get(c) + " vs " + labels.get(0) + ": " + verdict);
        }
        return String.join("\n", lines);
    }

    static String format(Kind kind, double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return switch (kind) {
            case TIME -> TimeText.duration(v);
            case RATE -> String.format(Locale.ROOT, v < 100 ? "%.1f /s" : "%,.0f /s", v);
            case SHARE -> String.format(Locale.ROOT, "%.0f %%", v * 100);
            case COUNT -> String.format(Locale.ROOT, "%,d", (long) v);
        };
    }

    /** How {@code b} (a variant) differs from {@code a} (the first). */
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
