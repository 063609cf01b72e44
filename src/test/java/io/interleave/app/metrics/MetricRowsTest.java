package io.interleave.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.app.Runs;
import io.interleave.app.SimulationResult;
import io.interleave.scenario.Presets;
import io.interleave.scenario.Scenario;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetricRowsTest {
    private static final Scenario LESSON = Presets.load("three-requests").orElseThrow();

    @Test
    @DisplayName("one policy: one column of values, no differences")
    void singleColumn() {
        SimulationResult r = Runs.simulate(LESSON, false, (d, t) -> { }, () -> false);
        MetricsViewModel.Panel panel = MetricsViewModel.panelOf(r);
        assertThat(panel.row("completed").values()).containsExactly("3");
        assertThat(panel.row("max").values()).containsExactly("166.0 ms");
        assertThat(panel.row("mean").values()).containsExactly("142.0 ms");
        assertThat(panel.row("workers").values()).containsExactly("100 %");
        assertThat(panel.row("max").difference()).isEmpty();
        assertThat(panel.headline()).isEmpty();
    }

    @Test
    @DisplayName("compare: sync and event loop side by side, with how the event loop differs")
    void twoColumns() {
        SimulationResult r = Runs.simulate(LESSON, true, (d, t) -> { }, () -> false);
        MetricsViewModel.Panel panel = MetricsViewModel.panelOf(r);
        assertThat(panel.row("max").values()).containsExactly("166.0 ms", "100.0 ms");
        assertThat(panel.row("max").difference()).isEqualTo("1.7x lower");
        assertThat(panel.row("rejected").difference()).isEqualTo("same");
        assertThat(panel.headline()).startsWith("p95 1.7x lower, mean 1.8x lower, throughput");
        assertThat(panel.responseBars()).hasSize(2);
    }

    @ParameterizedTest(name = "{0}: sync {1}, event loop {2} -> {3}")
    @CsvSource({
            "TIME, 310, 100, 3.1x lower",
            "TIME, 100, 310, 3.1x higher",
            "TIME, 100, 100, same",
            "TIME, 104, 100, 1.04x lower",
            "TIME, 50, 0, lower",
            "RATE, 10, 16, 1.6x higher",
            "RATE, 16, 10, 1.6x lower",
            "SHARE, 0.2, 0.45, +25 pts",
            "SHARE, 0.5, 0.3, -20 pts",
            "COUNT, 0, 3, +3",
            "COUNT, 2, 2, same"})
    void differences(MetricRows.Kind kind, double sync, double loop, String expected) {
        assertThat(MetricRows.difference(kind, sync, loop)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} ms reads {1}")
    @CsvSource(delimiter = '|', value = {"36|36.0 ms", "1250|1,250 ms", "12500|12.5 s"})
    void durations(double ms, String text) {
        assertThat(MetricRows.ms(ms)).isEqualTo(text);
    }

    @Test
    @DisplayName("nothing completed reads as a dash, not NaN")
    void nanIsADash() {
        assertThat(MetricRows.format(MetricRows.Kind.TIME, Double.NaN)).isEqualTo("–");
        assertThat(MetricRows.difference(MetricRows.Kind.TIME, Double.NaN, 3)).isEqualTo("–");
    }
}
