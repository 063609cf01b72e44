package io.interleave.app.metrics;

import io.interleave.time.TimeText;
import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.app.Runs;
import io.interleave.scenario.Policy;
import io.interleave.scenario.Presets;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.Variant;
import java.util.List;
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
        assertThat(panel.row("max").values()).containsExactly("166 ms");
        assertThat(panel.row("mean").values()).containsExactly("142 ms");
        assertThat(panel.row("workers").values()).containsExactly("100 %");
        assertThat(panel.row("max").differences()).isEmpty();
        assertThat(panel.headline()).isEmpty();
        assertThat(panel.caption()).isEqualTo("Whole run");
    }

    @Test
    @DisplayName("compare: sync and event loop side by side, with how the event loop differs")
    void twoColumns() {
        SimulationResult r = Runs.simulate(LESSON, true, (d, t) -> { }, () -> false);
        MetricsViewModel.Panel panel = MetricsViewModel.panelOf(r);
        assertThat(panel.row("max").values()).containsExactly("166 ms", "100 ms");
        assertThat(panel.row("max").differences()).containsExactly("1.7x lower");
        assertThat(panel.row("rejected").differences()).containsExactly("same");
        assertThat(panel.headline()).isEqualTo("Event loop vs Sync (threads): p95 1.7x lower, mean 1.8x lower, throughput 1.7x higher");
        assertThat(panel.responseBars()).hasSize(2);
    }

    @Test
    @DisplayName("three variants: a column each, labelled as the variant, each compared with the first in the table and the headline")
    void threeVariants() {
        Scenario three = LESSON.withVariants(List.of(Variant.of("1 thread", Policy.SYNC, 1),
                Variant.of("3 threads", Policy.SYNC, 3), Variant.of("one loop", Policy.EVENT_LOOP, 1)));
        SimulationResult r = Runs.simulate(three, true, (d, t) -> { }, () -> false);
        MetricsViewModel.Panel panel = MetricsViewModel.panelOf(r);
        assertThat(panel.columns()).extracting(MetricsViewModel.Column::label).containsExactly("1 thread", "3 threads", "one loop");
        // 3 threads: nobody queues, so each takes its time alone: 100, 100, 36; the loop: 100, 100, 36 as well
        assertThat(panel.row("max").values()).containsExactly("166 ms", "100 ms", "100 ms");
        assertThat(panel.row("max").differences()).containsExactly("1.7x lower", "1.7x lower");
        assertThat(panel.row("cpu").differences()).hasSize(2);
        assertThat(panel.headline().lines().toList()).containsExactly(
                "3 threads vs 1 thread: p95 1.7x lower, mean 1.8x lower, throughput 1.7x higher",
                "one loop vs 1 thread: p95 1.7x lower, mean 1.8x lower, throughput 1.7x higher");
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
    @CsvSource(delimiter = '|', value = {"36|36 ms", "183.64|184 ms", "1250|1.25 s", "12500|12.5 s"})
    @DisplayName("a time in the metrics reads as on the timeline (TimeText.duration)")
    void durations(double ms, String text) {
        assertThat(MetricRows.format(MetricRows.Kind.TIME, ms)).isEqualTo(text).isEqualTo(TimeText.duration(ms));
    }

    @Test
    @DisplayName("nothing completed reads as a dash, not NaN")
    void nanIsADash() {
        assertThat(MetricRows.format(MetricRows.Kind.TIME, Double.NaN)).isEqualTo("–");
        assertThat(MetricRows.difference(MetricRows.Kind.TIME, Double.NaN, 3)).isEqualTo("–");
    }
}
