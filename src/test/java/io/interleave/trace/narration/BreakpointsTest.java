package io.interleave.trace.narration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.interleave.scenario.Policy;
import io.interleave.trace.Trace;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Breakpoints: the earliest pause in the time one frame covers")
class BreakpointsTest {
    private static final Trace SYNC = Lessons.preset("three-requests", Policy.SYNC);
    private static final Trace LOOP = Lessons.preset("three-requests", Policy.EVENT_LOOP);

    private static Breakpoints request(int id) {
        return Breakpoints.NONE.withRequest(OptionalInt.of(id));
    }

    @ParameterizedTest(name = "R2 under sync, frame ({0}, {1}] -> {2}")
    @CsvSource({"0, 236, 200", "199, 200, 200", "150, 199.99, NaN", "200, 236, NaN", "0, 0, NaN"})
    @DisplayName("a chosen request stops the playhead at its completion, within (from, to]")
    void requestDone(double from, double to, double expected) {
        var hit = request(2).firstBetween(List.of(SYNC), from, to);
        if (Double.isNaN(expected)) {
            assertThat(hit).isEmpty();
        } else {
            assertThat(hit).hasValueSatisfying(h -> {
                assertThat(h.timeMs()).isEqualTo(expected);
                assertThat(h.reason()).isEqualTo("R2 done in 160 ms");
            });
        }
    }

    @Test
    @DisplayName("comparing, the first policy to finish the request stops it: R2 at 140 ms under the event loop, then 200 ms under sync")
    void compare() {
        List<Trace> both = List.of(SYNC, LOOP);
        var first = request(2).firstBetween(both, 0, 236).orElseThrow();
        assertThat(first.timeMs()).isEqualTo(140);
        assertThat(first.reason()).isEqualTo("R2 done in 100 ms · Event loop");
        var second = request(2).firstBetween(both, 140, 236).orElseThrow();
        assertThat(second.timeMs()).isEqualTo(200);
        assertThat(second.reason()).isEqualTo("R2 done in 160 ms · Sync (threads)");
    }

    @Test
    @DisplayName("a chosen time stops exactly there; the earliest of several breakpoints wins")
    void timeAndEarliest() {
        Breakpoints at50 = Breakpoints.NONE.withAtMs(OptionalDouble.of(50));
        assertThat(at50.firstBetween(List.of(SYNC), 40, 60)).hasValueSatisfying(h -> {
            assertThat(h.timeMs()).isEqualTo(50);
            assertThat(h.reason()).isEqualTo("reached 50 ms");
        });
        assertThat(at50.firstBetween(List.of(SYNC), 50, 60)).isEmpty();
        Breakpoints both = request(1).withAtMs(OptionalDouble.of(120));
        assertThat(both.firstBetween(List.of(SYNC), 0, 236).orElseThrow().timeMs()).isEqualTo(100);
        assertThat(both.firstBetween(List.of(SYNC), 100, 236).orElseThrow().timeMs()).isEqualTo(120);
    }

    @Test
    @DisplayName("any rejection: the first request turned away in the frame (R6 at 50 ms of a burst), none before")
    void rejections() {
        Trace burst = Lessons.burst();
        Breakpoints any = Breakpoints.NONE.withAnyRejection(true);
        assertThat(any.firstBetween(List.of(burst), 0, 49.9)).isEmpty();
        assertThat(any.firstBetween(List.of(burst), 0, 400)).hasValueSatisfying(h -> {
            assertThat(h.timeMs()).isEqualTo(50);
            assertThat(h.reason()).isEqualTo("R6 rejected");
        });
        assertThat(any.firstBetween(List.of(burst), 50, 400)).isEmpty();
        assertThat(any.firstBetween(List.of(Lessons.withRejection()), 0, 236).orElseThrow().timeMs()).isEqualTo(70);
        // A chosen request that is rejected stops there too.
        assertThat(request(3).firstBetween(List.of(Lessons.withRejection()), 0, 236).orElseThrow().reason()).isEqualTo("R3 rejected");
    }

    @Test
    @DisplayName("no breakpoints, or a request the run does not have, never stop")
    void none() {
        assertThat(Breakpoints.NONE.any()).isFalse();
        assertThat(Breakpoints.NONE.firstBetween(List.of(SYNC), 0, 236)).isEmpty();
        assertThat(request(9).firstBetween(List.of(SYNC), 0, 236)).isEmpty();
        assertThatThrownBy(() -> request(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("requestId");
        assertThatThrownBy(() -> Breakpoints.NONE.withAtMs(OptionalDouble.of(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
