package io.interleave.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.engine.Simulation;
import io.interleave.scenario.Presets;
import io.interleave.scenario.Scenario;
import io.interleave.stats.Summary;
import io.interleave.stats.SummaryCollector;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The metrics table of a scenario whose clients give up (lesson 9: 4 threads, then 1 event loop). */
@DisplayName("Metrics: timed out, goodput and wasted CPU rows")
class TimeoutMetricRowsTest {
    static final Scenario LESSON = Presets.load("timeouts-under-overload").orElseThrow();

    static List<Summary> summaries() {
        return Simulation.compare(LESSON).stream().map(t -> SummaryCollector.of(t, 0)).toList();
    }

    @Test
    @DisplayName("with timeouts three rows follow the others: 8 and 5 timed out, goodput, 150 ms and 5 ms of CPU wasted")
    void rows() {
        List<MetricRows.Row> rows = MetricRows.of(summaries(), List.of(OptionalLong.empty(), OptionalLong.empty()), true);
        List<String> keys = rows.stream().map(MetricRows.Row::key).toList();
        assertThat(keys.subList(keys.size() - 3, keys.size())).containsExactly("timedOut", "goodput", "wastedCpu");
        MetricRows.Row timedOut = rows.get(keys.indexOf("timedOut"));
        assertThat(timedOut.label()).isEqualTo("Timed out");
        assertThat(timedOut.values()).containsExactly("8", "5");
        assertThat(timedOut.differences()).containsExactly("-3");
        MetricRows.Row wasted = rows.get(keys.indexOf("wastedCpu"));
        assertThat(wasted.values()).containsExactly("150 ms", "5 ms");
        MetricRows.Row goodput = rows.get(keys.indexOf("goodput"));
        assertThat(goodput.label()).isEqualTo("Goodput (in time)");
        assertThat(goodput.differences().get(0)).endsWith("higher");
    }

    @Test
    @DisplayName("without timeouts the table keeps its rows")
    void noRows() {
        List<Summary> s = summaries();
        assertThat(MetricRows.of(s, List.of(OptionalLong.empty(), OptionalLong.empty())))
                .extracting(MetricRows.Row::key).doesNotContain("timedOut", "goodput", "wastedCpu");
    }
}
