package io.interleave.engine;

import static io.interleave.engine.TestScenarios.describe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.interleave.scenario.Policy;
import io.interleave.scenario.Presets;
import io.interleave.scenario.Scenario;
import io.interleave.trace.RequestRecord;
import io.interleave.trace.Span;
import io.interleave.trace.SpanState;
import io.interleave.trace.Trace;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the timeline and playback read from a trace, on the three-request lesson. */
@DisplayName("Trace: rows, lanes and playback steps")
class TraceApiTest {

    private static Scenario lesson(Policy policy) {
        return Presets.load("three-requests").orElseThrow().withPolicy(policy);
    }

    @Test
    @DisplayName("event loop: the loop's lane holds only computes; the core lane the same six bars")
    void loopLanes() {
        Trace t = Simulation.trace(lesson(Policy.EVENT_LOOP));
        List<String> computes = List.of("compute 0-10 w0 c0", "compute 40-50 w0 c0", "compute 70-74 w0 c0",
                "compute 90-100 w0 c0", "compute 102-106 w0 c0", "compute 130-140 w0 c0");
        assertThat(describe(t.workerLane(0))).isEqualTo(computes);
        assertThat(describe(t.coreLane(0))).isEqualTo(computes);
        assertThat(t.workerLane(0)).extracting(Span::requestId).containsExactly(1, 2, 3, 1, 3, 2);
    }

    @Test
    @DisplayName("sync: the thread's lane is occupied without a break from 0 to 236, request after request")
    void syncLane() {
        Trace t = Simulation.trace(lesson(Policy.SYNC));
        List<Span> lane = t.workerLane(0);
        assertThat(lane).extracting(Span::requestId).containsExactly(1, 1, 1, 2, 2, 2, 3, 3, 3);
        assertThat(lane.get(0).startMs()).isZero();
        assertThat(lane.get(lane.size() - 1).endMs()).isEqualTo(236.0);
        for (int i = 1; i < lane.size(); i++) {
            assertThat(lane.get(i).startMs()).isEqualTo(lane.get(i - 1).endMs());
        }
        assertThat(lane).noneMatch(s -> s.state() == SpanState.QUEUED);
    }

    @Test
    @DisplayName("event times step through every change; next and previous stop at the ends")
    void playbackSteps() {
        Trace t = Simulation.trace(lesson(Policy.EVENT_LOOP));
        assertThat(t.eventTimes()).containsExactly(0, 10, 40, 50, 70, 74, 90, 100, 102, 106, 130, 140);
        assertThat(t.nextEventAfter(0)).isEqualTo(10);
        assertThat(t.nextEventAfter(45)).isEqualTo(50);
        assertThat(t.nextEventAfter(50)).isEqualTo(70);
        assertThat(t.nextEventAfter(140)).isEqualTo(140);
        assertThat(t.nextEventAfter(-5)).isEqualTo(0);
        assertThat(t.previousEventBefore(70)).isEqualTo(50);
        assertThat(t.previousEventBefore(71)).isEqualTo(70);
        assertThat(t.previousEventBefore(0)).isEqualTo(0);
        assertThat(t.endMs()).isEqualTo(140);
        // the array is a copy
        t.eventTimes()[0] = 99;
        assertThat(t.eventTimes()[0]).isZero();
    }

    @Test
    @DisplayName("requests by id; spansOf rejects an unknown id")
    void lookups() {
        Trace t = Simulation.trace(lesson(Policy.SYNC));
        assertThat(t.request(2).id()).isEqualTo(2);
        assertThat(t.request(2).label()).isEqualTo("R2");
        assertThat(t.spansOf(3)).allMatch(s -> s.requestId() == 3);
        assertThatThrownBy(() -> t.spansOf(0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> t.spansOf(4)).isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("R4");
        assertThatThrownBy(() -> t.spans().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    @DisplayName("a trace needs its requests ordered by id 1..n; spans and records reject impossible times")
    void validation() {
        Trace t = Simulation.trace(lesson(Policy.SYNC));
        List<RequestRecord> swapped = List.of(t.request(2), t.request(1), t.request(3));
        assertThatThrownBy(() -> new Trace(t.scenario(), swapped, t.spans(), t.totals()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("R2");
        assertThatThrownBy(() -> new Span(1, SpanState.COMPUTE, 5, 5, OptionalInt.of(0), OptionalInt.of(0), 0, true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RequestRecord(1, 0, 10, 5, 20, io.interleave.trace.Status.COMPLETED, 1, 1, OptionalInt.of(0)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
