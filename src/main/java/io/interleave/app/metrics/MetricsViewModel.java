package io.interleave.app.metrics;

import io.interleave.time.TimeText;
import io.interleave.scenario.Policy;
import io.interleave.stats.SoFar;
import io.interleave.stats.Summary;
import io.interleave.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;

/**
 * The bottom panel: the metrics table, its headline and the two charts for
 * the variants shown, as they stand at the playhead. While the run plays,
 * every figure is of what has happened by then ("So far, at 18.0 ms"), so
 * the answer is never on screen before the bars get there; with the
 * playhead at or past the end they are the whole run's.
 *
 * <p>The work per run is done once per result ({@link SoFar}, the in-flight
 * line); a playhead move then costs O(log n) per figure, and the response
 * bars are worked out again only when another request has completed.
 */
public final class MetricsViewModel {

    /** A column of the table and a series of each chart: one run, labelled as its variant. */
    public record Column(String label, Policy policy) {
    }

    /** A chart series: the run it belongs to and its data. */
    public record Series<T>(String name, Policy policy, List<T> data) {
        public Series {
            data = List.copyOf(data);
        }
    }

    /**
     * Everything the panel shows.
     *
     * @param caption what the figures are of: "So far, at 18.0 ms: 2 of 3 done", or "Whole run"
     * @param soFar true while any figure is of part of a run
     * @param columns the variants, in order (the first is the one the others are compared with)
     * @param rows the table
     * @param headline the comparison, one line per variant after the first, or ""
     * @param responseBars response time per request (or group), one series per variant
     * @param responseAxisLabel what the bar chart's categories are
     * @param inFlight requests in flight over time up to the playhead, one series per variant
     * @param endMs where the in-flight chart's time axis ends: the end of the longest run
     * @param program a program of tasks: the rows are its items' figures, the bars each item's latency, and
     *                the line the length of its queues over time instead of requests in flight
     */
    public record Panel(String caption, boolean soFar, List<Column> columns, List<MetricRows.Row> rows, String headline,
                        List<Series<ChartData.Bar>> responseBars, String responseAxisLabel,
                        List<Series<ChartData.Point>> inFlight, double endMs, boolean program) {
        public Panel {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
            responseBars = List.copyOf(responseBars);
            inFlight = List.copyOf(inFlight);
        }

        /** The row with this key. */
        public MetricRows.Row row(String key) {
            return rows.stream().filter(r -> r.key().equals(key)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no metric row '" + key + "'"));
        }
    }

    private final ReadOnlyObjectWrapper<Panel> panel = new ReadOnlyObjectWrapper<>(this, "panel");
    private final ObservableValue<? extends Number> playheadMs;
    private List<Run> runs = List.of();

    /**
     * @param results the simulation results to show
     * @param playheadMs the playback time the figures are at (+Infinity: the whole run)
     */
    public MetricsViewModel(ObservableValue<SimulationResult> results, ObservableValue<? extends Number> playheadMs) {
        this.playheadMs = playheadMs;
        results.addListener((obs, old, now) -> show(now));
        playheadMs.addListener((obs, old, now) -> publish());
        show(results.getValue());
    }

    /** What the panel shows; null before the first result. */
    public ReadOnlyObjectProperty<Panel> panelProperty() {
        return panel.getReadOnlyProperty();
    }

    private void show(SimulationResult result) {
        if (result != null) {
            runs = runsOf(result);
            publish();
        }
    }

    private void publish() {
        if (!runs.isEmpty()) {
            Number t = playheadMs.getValue();
            panel.set(panelAt(runs, t == null ? Double.POSITIVE_INFINITY : t.doubleValue()));
        }
    }

    /** The whole run's panel for a result (public for tests and exports). */
    public static Panel panelOf(SimulationResult result) {
        return panelAt(result, Double.POSITIVE_INFINITY);
    }

    /** The panel for a result with the playhead at {@code atMs}. */
    public static Panel panelAt(SimulationResult result, double atMs) {
        return panelAt(runsOf(result), atMs);
    }

    private static List<Run> runsOf(SimulationResult result) {
        return IntStream.range(0, result.traces().size())
                .mapToObj(i -> new Run(result.traces().get(i), result.summaries().get(i))).toList();
    }

    private static Panel panelAt(List<Run> runs, double atMs) {
        if (Double.isNaN(atMs)) {
            throw new IllegalArgumentException("atMs: must be a number");
        }
        if (runs.stream().anyMatch(r -> r.trace.scenario().hasTasks())) {
            return programPanelAt(runs, atMs);
        }
        List<Column> columns = runs.stream().map(r -> new Column(r.trace.label(), r.trace.scenario().server().policy())).toList();
        List<Summary> summaries = new ArrayList<>();
        List<OptionalLong> outOf = new ArrayList<>();
        double[] slowdownMeans = new double[runs.size()];
        double[] slowdownMaxes = new double[runs.size()];
        List<Series<ChartData.Bar>> bars = new ArrayList<>();
        List<Series<ChartData.Point>> inFlight = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            Run run = runs.get(i);
            boolean whole = run.whole(atMs);
            summaries.add(whole ? run.summary : run.soFar().at(atMs));
            outOf.add(whole ? OptionalLong.empty() : OptionalLong.of(run.trace.requests().size()));
            slowdownMeans[i] = run.slowdownMean(atMs);
            slowdownMaxes[i] = run.slowdownMax(atMs);
            bars.add(new Series<>(run.trace.label(), columns.get(i).policy(), run.bars(atMs).bars()));
            inFlight.add(new Series<>(run.trace.label(), columns.get(i).policy(), run.inFlight.upTo(atMs)));
        }
        boolean soFar = outOf.stream().anyMatch(OptionalLong::isPresent);
        int group = runs.get(0).bars(atMs).groupSize();
        String axis = group == 1 ? "Request" : "Requests in arrival order (mean of each group of " + group + ")";
        List<String> labels = columns.stream().map(Column::label).toList();
        boolean timeouts = runs.stream().anyMatch(r -> r.trace.scenario().requestTypes().stream().anyMatch(io.interleave.scenario.RequestType::hasTimeout));
        List<MetricRows.Row> rows = SlowdownRows.addTo(MetricRows.of(summaries, outOf, timeouts), slowdownMeans, slowdownMaxes);
        if (runs.stream().anyMatch(r -> r.trace.scenario().hasSpawns())) { // background tasks, apart from the requests, as far as the playhead
            rows = BackgroundRows.addTo(rows, runs.stream()
                    .map(r -> io.interleave.stats.Background.of(r.trace.program().tasks(), 0, atMs)).toList());
        }
        return new Panel(caption(runs, summaries, soFar, atMs), soFar, columns, rows, MetricRows.headline(labels, summaries),
                bars, axis, inFlight, runs.stream().mapToDouble(r -> r.trace.endMs()).max().orElse(0), false);
    }

    /**
     * A program of tasks: its items' figures as far as the playhead (made: put on a queue by then; consumed:
     * processed by then), each item's latency as a bar, and its queues' length over time.
     */
    private static Panel programPanelAt(List<Run> runs, double atMs) {
        List<Column> columns = runs.stream().map(r -> new Column(r.trace.label(), r.trace.scenario().server().policy())).toList();
        List<MetricRows.ProgramFigures> figures = new ArrayList<>();
        List<Series<ChartData.Bar>> bars = new ArrayList<>();
        List<Series<ChartData.Point>> queued = new ArrayList<>();
        boolean soFar = false;
        for (int i = 0; i < runs.size(); i++) {
            Run run = runs.get(i);
            boolean whole = run.whole(atMs);
            soFar |= !whole;
            figures.add(new MetricRows.ProgramFigures(itemsAt(run.trace, atMs), whole ? run.trace.endMs() : Double.NaN));
            bars.add(new Series<>(run.trace.label(), columns.get(i).policy(), ChartData.itemBars(run.trace, atMs).bars()));
            queued.add(new Series<>(run.trace.label(), columns.get(i).policy(), run.queueLength().upTo(atMs)));
        }
        int group = runs.get(0).trace.program().items().isEmpty() ? 1
                : ChartData.itemBars(runs.get(0).trace, Double.POSITIVE_INFINITY).groupSize();
        String axis = group == 1 ? "Item" : "Items in the order made (mean of each group of " + group + ")";
        List<String> labels = columns.stream().map(Column::label).toList();
        String caption = !soFar ? "Whole run" : "So far, at " + TimeText.readout(atMs) + (runs.size() == 1
                ? ": " + figures.get(0).items().consumed() + " of " + runs.get(0).trace.program().items().size() + " items processed" : "");
        return new Panel(caption, soFar, columns, MetricRows.ofProgram(figures), MetricRows.programHeadline(labels, figures),
                bars, axis, queued, runs.stream().mapToDouble(r -> r.trace.endMs()).max().orElse(0), true);
    }

    /** A program's item figures at {@code atMs}: the items put by then, those processed by then counted as consumed. */
    static io.interleave.stats.ItemSummary itemsAt(Trace trace, double atMs) {
        List<io.interleave.trace.ItemRecord> items = new ArrayList<>();
        for (io.interleave.trace.ItemRecord item : trace.program().items()) {
            if (item.putMs() > atMs) {
                continue;
            }
            items.add(item.consumed() && item.doneMs() <= atMs ? item
                    : new io.interleave.trace.ItemRecord(item.id(), item.queue(), item.producer(), item.madeMs(), item.putMs(),
                    0, Double.NaN, Double.NaN));
        }
        return io.interleave.stats.ItemSummary.of(items);
    }

    /** "So far, at 18.0 ms: 2 of 3 done" (the count only for one run), or "Whole run". */
    private static String caption(List<Run> runs, List<Summary> summaries, boolean soFar, double atMs) {
        if (!soFar) {
            return "Whole run";
        }
        String at = "So far, at " + TimeText.readout(atMs);
        return runs.size() == 1
                ? at + ": " + MetricRows.format(MetricRows.Kind.COUNT, summaries.get(0).completed()) + " of "
                        + MetricRows.format(MetricRows.Kind.COUNT, runs.get(0).trace.requests().size()) + " done"
                : at;
    }

    /** One run and what is worked out once for it. */
    private static final class Run {
        final Trace trace;
        final Summary summary;
        final ChartData.InFlight inFlight;
        private SoFar soFar;
        private ChartData.Growing growing;
        /** The whole run's slowdowns, worked out once (NaN: not yet, or none completed). */
        private double wholeSlowdownMean = Double.NaN;
        private double wholeSlowdownMax = Double.NaN;
        /** The bars last worked out, and for how many completed requests (-1: the whole run). */
        private ChartData.Bars bars;
        private int barsFor = Integer.MIN_VALUE;

        private ChartData.InFlight queueLength;

        Run(Trace trace, Summary summary) {
            this.trace = trace;
            this.summary = summary;
            this.inFlight = ChartData.InFlight.of(trace);
        }

        /** A program's queue length over time, worked out once. */
        ChartData.InFlight queueLength() {
            if (queueLength == null) {
                queueLength = ChartData.InFlight.queueLength(trace);
            }
            return queueLength;
        }

        boolean whole(double atMs) {
            return atMs >= trace.endMs();
        }

        /** Built on first use: a run looked at only as a whole never needs it. */
        SoFar soFar() {
            if (soFar == null) {
                soFar = new SoFar(trace, summary);
                growing = new ChartData.Growing(trace, soFar.completionOrder());
            }
            return soFar;
        }

        ChartData.Bars bars(double atMs) {
            int completed = whole(atMs) ? -1 : soFar().completedBy(atMs);
            if (completed != barsFor) {
                bars = completed < 0 ? ChartData.responseBars(trace) : growing.withDone(completed);
                barsFor = completed;
            }
            return bars;
        }

        double slowdownMean(double atMs) {
            if (whole(atMs) && Double.isNaN(wholeSlowdownMean)) {
                wholeSlowdownMean = SlowdownRows.mean(trace);
            }
            return whole(atMs) ? wholeSlowdownMean : soFar().slowdownMean(atMs);
        }

        double slowdownMax(double atMs) {
            if (whole(atMs) && Double.isNaN(wholeSlowdownMax)) {
                wholeSlowdownMax = SlowdownRows.max(trace);
            }
            return whole(atMs) ? wholeSlowdownMax : soFar().slowdownMax(atMs);
        }
    }
}
