package io.interleave.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.engine.Simulation;
import io.interleave.scenario.Presets;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.ScenarioJson;
import io.interleave.stats.Background;
import io.interleave.stats.SummaryCollector;
import io.interleave.trace.Trace;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The metrics panel's background-task rows. Signup (as in SpawnNarrationTest): R1 at 0 computes 2, spawns
 * "send email" [compute 15, await 50], awaits 10, computes 2. On one sync thread the task waits for the thread
 * until R1 is done at 14, then runs 14 to 29 and awaits to 79: 77 ms from its spawn at 2. On the loop it computes
 * 2 to 17 and awaits to 67: 65 ms. Either way 15 ms of CPU, and it outlives R1 (done at 14 on the thread, at 19 on
 * the loop, where R1's last compute waits for the task's until 17).
 */
@DisplayName("Metrics: background tasks' rows")
class BackgroundMetricRowsTest {
    private static final String SIGNUP = """
            {"schema": 1, "name": "signup",
             "server": {"policy": "sync", "workers": 1, "cores": 1, "timeSliceMs": 0},
             "requestTypes": [{"name": "signup", "segments": [
               {"kind": "compute", "ms": 2},
               {"kind": "spawn", "label": "send email", "segments": [
                 {"kind": "compute", "ms": 15, "label": "render"}, {"kind": "wait", "ms": 50, "label": "smtp"}]},
               {"kind": "wait", "ms": 10, "label": "db"},
               {"kind": "compute", "ms": 2}]}],
             "arrivals": {"pattern": "uniform", "intervalMs": 100, "count": 1}}
            """;

    private static SimulationResult compared() {
        Scenario s = ScenarioJson.parse(SIGNUP);
        List<Trace> traces = Simulation.compare(s);
        return new SimulationResult(s, true, traces, traces.stream().map(t -> SummaryCollector.of(t, 0)).toList());
    }

    private static MetricRows.Row row(MetricsViewModel.Panel panel, String key) {
        return panel.rows().stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("the whole run: 1 task each, 15 ms of CPU, 77 ms on the thread against 65 ms on the loop, 1 outlived its request")
    void wholeRun() {
        MetricsViewModel.Panel panel = MetricsViewModel.panelOf(compared());
        List<String> keys = panel.rows().stream().map(MetricRows.Row::key).toList();
        assertThat(keys.subList(keys.size() - 5, keys.size())).containsExactlyElementsOf(BackgroundRows.KEYS);
        assertThat(row(panel, "backgroundTasks").values()).containsExactly("1", "1");
        assertThat(row(panel, "backgroundCpu").values()).containsExactly("15 ms", "15 ms");
        assertThat(row(panel, "backgroundMean").values()).containsExactly("77 ms", "65 ms");
        assertThat(row(panel, "backgroundMax").label()).isEqualTo("Max task duration");
        assertThat(row(panel, "backgroundMax").values()).containsExactly("77 ms", "65 ms");
        assertThat(row(panel, "backgroundMean").differences().get(0)).endsWith("lower");
        assertThat(row(panel, "backgroundOutlived").values()).containsExactly("1", "1");
        assertThat(row(panel, "backgroundOutlived").label()).isEqualTo("Outlived their request");
    }

    @Test
    @DisplayName("as far as the playhead: at 70 ms the loop's task has ended, the thread's not yet")
    void soFar() {
        MetricsViewModel.Panel panel = MetricsViewModel.panelAt(compared(), 70);
        assertThat(row(panel, "backgroundTasks").values()).containsExactly("0", "1");
        assertThat(row(panel, "backgroundMean").values()).containsExactly("–", "65 ms");
    }

    @Test
    @DisplayName("the figures are simulate's: Background.of the whole run equals the summary collector's")
    void sameAsSimulate() {
        for (Trace t : Simulation.compare(ScenarioJson.parse(SIGNUP))) {
            SummaryCollector c = new SummaryCollector(0, t.requests().size());
            t.requests().forEach(c::request);
            t.program().tasks().forEach(c::task);
            assertThat(Background.of(t.program().tasks(), 0, Double.POSITIVE_INFINITY)).isEqualTo(c.background());
        }
    }

    @Test
    @DisplayName("a run without background tasks has no such rows")
    void none() {
        Scenario s = Presets.load("three-requests").orElseThrow();
        List<Trace> traces = List.of(Simulation.trace(s));
        MetricsViewModel.Panel panel = MetricsViewModel.panelOf(new SimulationResult(s, false, traces,
                traces.stream().map(t -> SummaryCollector.of(t, 0)).toList()));
        assertThat(panel.rows()).extracting(MetricRows.Row::key).doesNotContainAnyElementsOf(BackgroundRows.KEYS);
    }
}
