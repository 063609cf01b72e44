package io.interleave.app.metrics;

import io.interleave.stats.Background;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The rows a run with background tasks (spawn segments) adds at the end of the
 * metrics table, kept apart from the requests' figures: how many tasks ended,
 * the CPU they used, their mean and longest duration (spawn to last step), and
 * how many outlived the request that started them. The same figures as
 * simulate's {@code background*} keys.
 */
public final class BackgroundRows {
    /** The rows' keys, in the order shown. */
    public static final List<String> KEYS = List.of("backgroundTasks", "backgroundCpu", "backgroundMean", "backgroundMax",
            "backgroundOutlived");

    private record Figure(String key, String label, MetricRows.Kind kind, ToDoubleFunction<Background> value) {
    }

    private static final List<Figure> FIGURES = List.of(
            new Figure("backgroundTasks", "Background tasks", MetricRows.Kind.COUNT, b -> b.tasks()),
            new Figure("backgroundCpu", "Background CPU", MetricRows.Kind.TIME, Background::cpuMs),
            new Figure("backgroundMean", "Mean task duration", MetricRows.Kind.TIME, Background::meanMs),
            new Figure("backgroundMax", "Max task duration", MetricRows.Kind.TIME, Background::maxMs),
            new Figure("backgroundOutlived", "Outlived their request", MetricRows.Kind.COUNT, b -> b.outlived()));

    private BackgroundRows() {
    }

    /** The five rows, one value per column (each after the first compared with the first). */
    public static List<MetricRows.Row> of(List<Background> columns) {
        List<MetricRows.Row> rows = new ArrayList<>();
        for (Figure f : FIGURES) {
            List<String> values = columns.stream().map(b -> MetricRows.format(f.kind(), f.value().applyAsDouble(b))).toList();
            List<String> diffs = new ArrayList<>();
            for (int c = 1; c < columns.size(); c++) {
                diffs.add(MetricRows.difference(f.kind(), f.value().applyAsDouble(columns.get(0)), f.value().applyAsDouble(columns.get(c))));
            }
            rows.add(new MetricRows.Row(f.key(), f.label(), values, diffs));
        }
        return List.copyOf(rows);
    }

    /** {@code rows} with the background rows at the end. */
    public static List<MetricRows.Row> addTo(List<MetricRows.Row> rows, List<Background> columns) {
        List<MetricRows.Row> out = new ArrayList<>(rows);
        out.addAll(of(columns));
        return List.copyOf(out);
    }
}
