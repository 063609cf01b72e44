package io.interleave.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.engine.Simulation;
import io.interleave.render.TimelineLayout.Hit;
import io.interleave.scenario.Latency;
import io.interleave.scenario.Presets;
import io.interleave.scenario.Scenario;
import io.interleave.trace.Span;
import io.interleave.trace.Trace;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Hover: a wait in a shared-latency service says it is shared")
class SharedHoverTextTest {
    private static final TextMeasure MEASURE = (text, style) -> text.length() * style.size() * 0.6;

    private static Hit hit(Trace trace, int requestId, int spanIndex) {
        TimelineLayout l = TimelineLayout.of(List.of(trace), ViewMode.REQUESTS, 1000, 600, 1, MEASURE);
        Span span = trace.spansOf(requestId).get(spanIndex);
        return new Hit(0, l.requestRow(0, requestId).orElseThrow(), trace.request(requestId), Optional.of(span));
    }

    @Test
    @DisplayName("lesson 7 on the loop: R1's query reads 'db query (database, shared: …)'; with fixed latency the plain '(database)'")
    void sharedWait() {
        Scenario s = Presets.load("slow-database").orElseThrow();
        Trace shared = Simulation.trace(s);
        List<String> lines = HoverText.describe(shared, hit(shared, 1, 1)).lines().toList();
        assertThat(lines.get(0)).isEqualTo("R1 page · Wait, frees loop");
        assertThat(lines.get(1)).isEqualTo("db query (database, shared: slower while other calls are in it)");

        Trace fixed = Simulation.trace(s.withResources(List.of(s.resources().get(0).withLatency(Latency.FIXED))));
        assertThat(HoverText.describe(fixed, hit(fixed, 1, 1)).lines().toList().get(1)).isEqualTo("db query (database)");
    }
}
