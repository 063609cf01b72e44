package io.interleave.app.metrics;

import io.interleave.app.SimulationResult;
import io.interleave.scenario.Policy;
import io.interleave.trace.Trace;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;

/**
 * The bottom panel: the metrics table and the two charts for the policies
 * shown. Rebuilt in one piece from each simulation result, so the table
 * and the charts always describe the same runs.
 */
public final class MetricsViewModel {

    /** A chart series: the policy it belongs to and its data. */
    public record Series<T>(Policy policy, List<T> data) {
        public Series {
            data = List.copyOf(data);
        }

        public String name() {
            return policy.displayName();
        }
    }

    /**
     * Everything the panel shows.
     *
     * @param policies the columns, in order (one, or sync then event loop)
     * @param rows the table
     * @param headline the comparison in one line, or ""
     * @param responseBars response time per request (or group), one series per policy
     * @param responseAxisLabel what the bar chart's categories are
     * @param inFlight requests in flight over time, one series per policy
     */
    public record Panel(List<Policy> policies, List<MetricRows.Row> rows, String headline,
                        List<Series<ChartData.Bar>> responseBars, String responseAxisLabel,
                        List<Series<ChartData.Point>> inFlight) {
        public Panel {
            policies = List.copyOf(policies);
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

    public MetricsViewModel(ObservableValue<SimulationResult> results) {
        results.addListener((obs, old, now) -> show(now));
        show(results.getValue());
    }

    /** What the panel shows; null before the first result. */
    public ReadOnlyObjectProperty<Panel> panelProperty() {
        return panel.getReadOnlyProperty();
    }

    private void show(SimulationResult result) {
        if (result != null) {
            panel.set(panelOf(result));
        }
    }

    /** The panel for a result (public for tests and exports). */
    public static Panel panelOf(SimulationResult result) {
        List<Trace> traces = result.traces();
        List<Policy> policies = traces.stream().map(t -> t.scenario().server().policy()).toList();
        List<Series<ChartData.Bar>> bars = traces.stream()
                .map(t -> new Series<>(t.scenario().server().policy(), ChartData.responseBars(t).bars())).toList();
        int group = ChartData.responseBars(traces.get(0)).groupSize();
        String axis = group == 1 ? "Request" : "Requests in arrival order (mean of each group of " + group + ")";
        List<Series<ChartData.Point>> inFlight = traces.stream()
                .map(t -> new Series<>(t.scenario().server().policy(), ChartData.inFlight(t))).toList();
        return new Panel(policies, SlowdownRows.addTo(MetricRows.of(result.summaries()), traces), MetricRows.headline(result.summaries()),
                bars, axis, inFlight);
    }
}
