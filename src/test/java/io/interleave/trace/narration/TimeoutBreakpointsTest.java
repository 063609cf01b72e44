package io.interleave.trace.narration;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.engine.Simulation;
import io.interleave.scenario.Presets;
import io.interleave.scenario.Scenario;
import io.interleave.trace.Trace;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * "Any timeout": playback pauses where a client gives up. Lesson 9 on the loop: R4's client gives
 * up at 75 + 150 = 225 ms, R5's at 250; on threads the same instants (the same requests), and R1 to
 * R4 never time out there.
 */
@DisplayName("Breakpoints: pause when a request's client gives up")
class TimeoutBreakpointsTest {
    static final Scenario LESSON = Presets.load("timeouts-under-overload").orElseThrow();
    static final Trace LOOP = Simulation.trace(LESSON, LESSON.compareVariants().get(1));
    static final Trace THREADS = Simulation.trace(LESSON, LESSON.compareVariants().get(0));
    static final Breakpoints ON = Breakpoints.NONE.withAnyTimeout(true);

    @Test
    @DisplayName("the first give-up after the playhead: R4 at 225 ms on the loop, then R5 at 250 ms")
    void firstGiveUp() {
        assertThat(ON.firstBetween(List.of(LOOP), 0, 1000)).contains(new Breakpoints.Hit(225, "R4's client gave up after 150 ms"));
        assertThat(ON.firstBetween(List.of(LOOP), 225, 1000)).contains(new Breakpoints.Hit(250, "R5's client gave up after 150 ms"));
        assertThat(ON.firstBetween(List.of(LOOP), 0, 224.9)).isEmpty();
    }

    @Test
    @DisplayName("comparing, the earliest in either run counts, named with its run; on threads R4 is in time, so R5 at 250 ms is first")
    void compare() {
        assertThat(ON.firstBetween(List.of(THREADS), 0, 1000)).contains(new Breakpoints.Hit(250, "R5's client gave up after 150 ms"));
        assertThat(ON.firstBetween(List.of(THREADS, LOOP), 0, 1000))
                .contains(new Breakpoints.Hit(225, "R4's client gave up after 150 ms · 1 event loop"));
    }

    @Test
    @DisplayName("off by default, and a run without timeouts never pauses for one")
    void offAndNone() {
        assertThat(Breakpoints.NONE.anyTimeout()).isFalse();
        assertThat(new Breakpoints(OptionalInt.empty(), false, OptionalDouble.empty()).firstBetween(List.of(LOOP), 0, 1000)).isEmpty();
        Trace plain = Simulation.trace(Presets.load("three-requests").orElseThrow());
        assertThat(ON.any()).isTrue();
        assertThat(ON.firstBetween(List.of(plain), 0, 1e6)).isEmpty();
    }
}
