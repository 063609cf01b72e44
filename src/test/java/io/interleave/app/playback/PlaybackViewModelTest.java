package io.interleave.app.playback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.interleave.engine.Simulation;
import io.interleave.scenario.Policy;
import io.interleave.scenario.Presets;
import io.interleave.scenario.Scenario;
import io.interleave.trace.Trace;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PlaybackViewModelTest {
    private static final Scenario LESSON = Presets.load("three-requests").orElseThrow();
    private static final Trace SYNC = Simulation.trace(LESSON);
    private static final Trace LOOP = Simulation.trace(LESSON.withPolicy(Policy.EVENT_LOOP));

    @Test
    @DisplayName("the lesson opens showing everything; play starts at 0 and frames move the now line")
    void playsFromTheStart() {
        PlaybackViewModel vm = new PlaybackViewModel();
        vm.setTraces(List.of(SYNC));
        assertThat(vm.endMsProperty().get()).isEqualTo(236);
        assertThat(vm.playheadMsProperty().get()).isEqualTo(Double.POSITIVE_INFINITY);
        vm.play();
        assertThat(vm.playingProperty().get()).isTrue();
        assertThat(vm.playheadMsProperty().get()).isZero();
        vm.tick(1_000_000_000L);
        vm.tick(1_050_000_000L);
        assertThat(vm.positionMsProperty().get()).isCloseTo(236 / 15.0 * 0.05, within(1e-9));
        assertThat(vm.playheadMsProperty().get()).isEqualTo(vm.positionMsProperty().get());
    }

    @Test
    @DisplayName("step forward and back visit each event time of the lesson in order")
    void stepsThroughEvents() {
        PlaybackViewModel vm = new PlaybackViewModel();
        vm.setTraces(List.of(SYNC));
        vm.restart();
        vm.stepForward();
        assertThat(vm.positionMsProperty().get()).isEqualTo(10);
        vm.stepForward();
        assertThat(vm.positionMsProperty().get()).isEqualTo(40);
        vm.stepForward();
        assertThat(vm.positionMsProperty().get()).isEqualTo(70);
        vm.stepBack();
        assertThat(vm.positionMsProperty().get()).isEqualTo(40);
        vm.restart();
        vm.stepBack();
        assertThat(vm.positionMsProperty().get()).isZero();
    }

    @Test
    @DisplayName("comparing, a step stops at the next event of either trace")
    void stepsThroughBothTraces() {
        PlaybackViewModel vm = new PlaybackViewModel();
        vm.setTraces(List.of(SYNC, LOOP));
        vm.seek(70);
        vm.stepForward();
        // The event loop's R3 finishes computing at 74; sync has nothing until 90.
        assertThat(vm.positionMsProperty().get()).isEqualTo(74);
        assertThat(vm.endMsProperty().get()).isEqualTo(Math.max(SYNC.endMs(), LOOP.endMs()));
    }

    @Test
    @DisplayName("stepping pauses playback")
    void stepPauses() {
        PlaybackViewModel vm = new PlaybackViewModel();
        vm.setTraces(List.of(SYNC));
        vm.play();
        vm.stepForward();
        assertThat(vm.playingProperty().get()).isFalse();
    }

    @Test
    @DisplayName("faster and slower walk the offered speeds and stop at 16x and 0.25x")
    void fasterAndSlower() {
        PlaybackViewModel vm = new PlaybackViewModel();
        for (int i = 0; i < 10; i++) {
            vm.faster();
        }
        assertThat(vm.speedProperty().get()).isEqualTo(16);
        vm.slower();
        assertThat(vm.speedProperty().get()).isEqualTo(8);
        for (int i = 0; i < 10; i++) {
            vm.slower();
        }
        assertThat(vm.speedProperty().get()).isEqualTo(0.25);
    }

    @Test
    @DisplayName("a stop at exactly 0 ms is kept when playing from the start, and playing on does not stop there again")
    void stopAtZero() {
        PlaybackViewModel vm = new PlaybackViewModel();
        vm.setTraces(List.of(SYNC));
        vm.setStops((from, to) -> from < 0 && to >= 0 ? java.util.OptionalDouble.of(0) : java.util.OptionalDouble.empty());
        vm.play();
        vm.tick(1_000_000_000L);
        vm.tick(1_050_000_000L);
        assertThat(vm.playingProperty().get()).isFalse();
        assertThat(vm.positionMsProperty().get()).isZero();

        vm.play();
        vm.tick(2_000_000_000L);
        vm.tick(2_050_000_000L);
        assertThat(vm.playingProperty().get()).isTrue();
        assertThat(vm.positionMsProperty().get()).isGreaterThan(0);
    }

    @Test
    @DisplayName("another lesson opens at 0 ms, paused, nothing drawn, ready to play; even after the last one was played half way")
    void openStartsOver() {
        PlaybackViewModel vm = new PlaybackViewModel();
        vm.setTraces(List.of(SYNC));
        vm.seek(200);
        vm.play();
        vm.open(List.of(LOOP));
        assertThat(vm.positionMsProperty().get()).isZero();
        assertThat(vm.playheadMsProperty().get()).isZero();
        assertThat(vm.playingProperty().get()).isFalse();
        assertThat(vm.endMsProperty().get()).isEqualTo(LOOP.endMs());
        vm.play();
        vm.tick(1_000_000_000L);
        vm.tick(1_100_000_000L);
        assertThat(vm.positionMsProperty().get()).isCloseTo(LOOP.endMs() / 15.0 * 0.1, within(1e-9));
    }

    @Test
    @DisplayName("an edit keeps the now line's time while the new run reaches it, and stops at its end otherwise")
    void editKeepsTheTime() {
        PlaybackViewModel vm = new PlaybackViewModel();
        vm.open(List.of(SYNC));
        vm.seek(120);
        vm.setTraces(List.of(LOOP)); // ends at 140
        assertThat(vm.positionMsProperty().get()).isEqualTo(120);
        assertThat(vm.playheadMsProperty().get()).isEqualTo(120);
        vm.seek(200);
        assertThat(vm.positionMsProperty().get()).isEqualTo(140);
        vm.setTraces(List.of(SYNC));
        vm.seek(200);
        vm.setTraces(List.of(LOOP));
        assertThat(vm.positionMsProperty().get()).isEqualTo(140);
        assertThat(vm.playheadMsProperty().get()).isEqualTo(Double.POSITIVE_INFINITY); // at the end: all drawn
    }
}
