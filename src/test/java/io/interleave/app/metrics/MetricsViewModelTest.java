package io.interleave.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.app.Runs;
import io.interleave.scenario.Presets;
import io.interleave.scenario.Scenario;
import java.util.List;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Metrics at the playhead: no spoilers")
class MetricsViewModelTest {
    private static final Scenario LESSON = Presets.load("three-requests").orElseThrow();
    private static final SimulationResult SINGLE = Runs.simulate(LESSON, false, (d, t) -> { }, () -> false);
    private static final SimulationResult COMPARE = Runs.simulate(LESSON, true, (d, t) -> { }, () -> false);

    @Test
    @DisplayName("sync at 150 ms: only R1 (100 ms) done; the table, caption, bars and in-flight line say so")
    void singleSoFar() {
        MetricsViewModel.Panel p = MetricsViewModel.panelAt(SINGLE, 150);
        assertThat(p.soFar()).isTrue();
        assertThat(p.caption()).isEqualTo("So far, at 150.0 ms: 1 of 3 done");
        assertThat(p.row("completed").values()).containsExactly("1 of 3");
        assertThat(p.row("max").values()).containsExactly("100 ms");
        assertThat(p.row("mean").values()).containsExactly("100 ms");
        assertThat(p.row("throughput").values()).containsExactly("6.7 /s"); // 1 in 0.15 s
        assertThat(p.row("cpu").values()).containsExactly("20 %"); // 30 of 150 ms
        assertThat(p.row("slowdown-max").values()).containsExactly("1.0x");
        assertThat(p.responseBars().get(0).data()).containsExactly(
                new ChartData.Bar("R1", 100), new ChartData.Bar("R2", 0), new ChartData.Bar("R3", 0));
        List<ChartData.Point> line = p.inFlight().get(0).data();
        assertThat(line.get(line.size() - 1)).isEqualTo(new ChartData.Point(150, 2));
        assertThat(line).allMatch(pt -> pt.timeMs() <= 150);
    }

    @Test
    @DisplayName("compare at 120 ms: sync has served R1, the event loop R1 and R3; the headline compares what is done")
    void compareSoFar() {
        MetricsViewModel.Panel p = MetricsViewModel.panelAt(COMPARE, 120);
        assertThat(p.caption()).isEqualTo("So far, at 120.0 ms");
        assertThat(p.row("completed").values()).containsExactly("1 of 3", "2 of 3");
        assertThat(p.row("max").values()).containsExactly("100 ms", "100 ms");
        assertThat(p.row("mean").values()).containsExactly("100 ms", "68 ms");
        assertThat(p.row("mean").differences()).containsExactly("1.5x lower");
        assertThat(p.headline()).isEqualTo("Event loop vs Sync (threads): p95 same, mean 1.5x lower, throughput 2.0x higher");
    }

    @Test
    @DisplayName("at the start nothing is done: dashes, not zeros, and nothing to compare yet")
    void atZero() {
        MetricsViewModel.Panel p = MetricsViewModel.panelAt(COMPARE, 0);
        assertThat(p.row("completed").values()).containsExactly("0 of 3", "0 of 3");
        assertThat(p.row("p95").values()).containsExactly("–", "–");
        assertThat(p.headline()).endsWith(": nothing done yet to compare");
    }

    @Test
    @DisplayName("at the end of the longest run, and parked past it, the panel is the whole run's")
    void endIsWholeRun() {
        MetricsViewModel.Panel whole = MetricsViewModel.panelOf(COMPARE);
        assertThat(whole.soFar()).isFalse();
        assertThat(whole.row("max").values()).containsExactly("166 ms", "100 ms");
        assertThat(MetricsViewModel.panelAt(COMPARE, 236)).isEqualTo(whole);
        assertThat(MetricsViewModel.panelAt(COMPARE, Double.POSITIVE_INFINITY)).isEqualTo(whole);
        // between the two ends, the event loop's run (done at 140) is already whole
        MetricsViewModel.Panel at200 = MetricsViewModel.panelAt(COMPARE, 200);
        assertThat(at200.row("completed").values()).containsExactly("2 of 3", "3");
        assertThat(at200.row("max").values().get(1)).isEqualTo(whole.row("max").values().get(1));
    }

    @Test
    @DisplayName("the panel follows the playhead and a new result")
    void followsThePlayhead() {
        SimpleObjectProperty<SimulationResult> result = new SimpleObjectProperty<>(SINGLE);
        SimpleDoubleProperty playhead = new SimpleDoubleProperty(Double.POSITIVE_INFINITY);
        MetricsViewModel vm = new MetricsViewModel(result, playhead);
        assertThat(vm.panelProperty().get().row("max").values()).containsExactly("166 ms");
        playhead.set(18);
        assertThat(vm.panelProperty().get().caption()).isEqualTo("So far, at 18.0 ms: 0 of 3 done");
        playhead.set(220);
        assertThat(vm.panelProperty().get().row("max").values()).containsExactly("160 ms");
        result.set(COMPARE);
        assertThat(vm.panelProperty().get().row("completed").values()).containsExactly("2 of 3", "3");
    }
}
