package io.interleave.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.app.Runs;
import io.interleave.scenario.Presets;
import io.interleave.scenario.Scenario;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Metrics: slowdown, response over time alone")
class SlowdownRowsTest {
    private static final Scenario LESSON = Presets.load("three-requests").orElseThrow();

    @Test
    @DisplayName("three requests: sync's R3 is 166/36 = 4.6x slower than alone, the event loop 1.0x throughout")
    void compare() {
        SimulationResult r = Runs.simulate(LESSON, true, (d, t) -> { }, () -> false);
        MetricsViewModel.Panel panel = MetricsViewModel.panelOf(r);
        assertThat(SlowdownRows.max(r.traces().get(0))).isEqualTo(166.0 / 36.0);
        assertThat(SlowdownRows.mean(r.traces().get(0))).isEqualTo((1 + 160.0 / 100 + 166.0 / 36) / 3);
        assertThat(panel.row("slowdown-max").values()).containsExactly("4.6x", "1.0x");
        assertThat(panel.row("slowdown-mean").values()).containsExactly("2.4x", "1.0x");
        assertThat(panel.row("slowdown-max").differences()).containsExactly("4.6x lower");
        assertThat(panel.row("slowdown-mean").label()).isEqualTo("Mean slowdown");
        // Right after the response times.
        List<String> keys = panel.rows().stream().map(MetricRows.Row::key).toList();
        assertThat(keys.subList(keys.indexOf("max"), keys.indexOf("max") + 3)).containsExactly("max", "slowdown-mean", "slowdown-max");
    }

    @Test
    @DisplayName("one policy: one value, no difference; no completed request reads '–'")
    void single() {
        SimulationResult r = Runs.simulate(LESSON, false, (d, t) -> { }, () -> false);
        MetricsViewModel.Panel panel = MetricsViewModel.panelOf(r);
        assertThat(panel.row("slowdown-max").values()).containsExactly("4.6x");
        assertThat(panel.row("slowdown-max").differences()).isEmpty();
        assertThat(SlowdownRows.format(Double.NaN)).isEqualTo("–");
    }
}
