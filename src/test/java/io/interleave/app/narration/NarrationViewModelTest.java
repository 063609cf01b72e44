package io.interleave.app.narration;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.app.playback.PlaybackViewModel;
import io.interleave.engine.Simulation;
import io.interleave.scenario.Policy;
import io.interleave.scenario.Presets;
import io.interleave.trace.Trace;
import java.util.List;
import java.util.OptionalDouble;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The panel's view model with no toolkit: frames of playback stop exactly at a breakpoint. */
@DisplayName("Narration view model: breakpoints stop playback frames at the event")
class NarrationViewModelTest {
    private static final long FRAME = 16_666_667L;

    private static Trace lesson(Policy p) {
        return Simulation.trace(Presets.load("three-requests").orElseThrow().withPolicy(p));
    }

    @Test
    @DisplayName("R2 chosen: frames of 60 fps stop the clock at exactly 200 ms, then it plays on to the end")
    void stopsAtCompletion() {
        List<Trace> traces = List.of(lesson(Policy.SYNC));
        PlaybackViewModel playback = new PlaybackViewModel();
        playback.setTraces(traces);
        NarrationViewModel vm = new NarrationViewModel(new SimpleObjectProperty<>(traces), playback);
        vm.pauseRequestProperty().set(2);
        playback.setSpeed(16);
        playback.restart();
        playback.play();
        long now = 0;
        for (int i = 0; i < 1000 && playback.playingProperty().get(); i++) {
            playback.tick(now += FRAME);
        }
        assertThat(playback.positionMsProperty().get()).isEqualTo(200);
        assertThat(playback.playheadMsProperty().get()).isEqualTo(200);
        assertThat(vm.statusProperty().get()).isEqualTo("Paused: R2 done in 160 ms");
        assertThat(vm.lines().get(vm.currentProperty().get()).timeMs()).isEqualTo(200);

        playback.play();
        assertThat(vm.statusProperty().get()).isEmpty();
        for (int i = 0; i < 1000 && playback.playingProperty().get(); i++) {
            playback.tick(now += FRAME);
        }
        assertThat(playback.playheadMsProperty().get()).isInfinite();
        assertThat(vm.currentProperty().get()).isEqualTo(vm.lines().size() - 1);
    }

    @Test
    @DisplayName("comparing, a time breakpoint stops both at 50 ms; a new run keeps a request that still exists")
    void timeAndNewRuns() {
        SimpleObjectProperty<List<Trace>> traces = new SimpleObjectProperty<>(List.of(lesson(Policy.SYNC), lesson(Policy.EVENT_LOOP)));
        PlaybackViewModel playback = new PlaybackViewModel();
        playback.setTraces(traces.get());
        NarrationViewModel vm = new NarrationViewModel(traces, playback);
        vm.pauseTimeProperty().set("50 ms");
        vm.pauseRequestProperty().set(3);
        assertThat(vm.breakpointsProperty().get().atMs()).hasValue(50);
        playback.restart();
        playback.play();
        long now = 0;
        for (int i = 0; i < 2000 && playback.playingProperty().get(); i++) {
            playback.tick(now += FRAME);
        }
        assertThat(playback.positionMsProperty().get()).isEqualTo(50);
        assertThat(vm.statusProperty().get()).isEqualTo("Paused: reached 50 ms");
        assertThat(vm.policiesProperty().get()).containsExactly(Policy.SYNC, Policy.EVENT_LOOP);

        traces.set(List.of(lesson(Policy.SYNC)));
        assertThat(vm.pauseRequestProperty().get()).isEqualTo(3);
        assertThat(vm.policiesProperty().get()).containsExactly(Policy.SYNC);
    }

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(value = {"'', ", "'  ', ", "120, 120", "12.5 ms, 12.5", "0, 0"}, nullValues = "")
    @DisplayName("the time field reads plain milliseconds; blank means none")
    void parsesTimes(String text, Double expected) {
        OptionalDouble parsed = NarrationViewModel.parseTime(text);
        assertThat(parsed).isNotNull();
        if (expected == null) {
            assertThat(parsed).isEmpty();
        } else {
            assertThat(parsed).hasValue(expected);
        }
    }

    @ParameterizedTest(name = "''{0}'' is not a time")
    @CsvSource({"soon", "-5", "Infinity", "NaN"})
    void rejectsNonTimes(String text) {
        assertThat(NarrationViewModel.parseTime(text)).isNull();
    }

    @Test
    @DisplayName("told in the background: lines appear when the story is handed back, and a stale story never replaces a newer one")
    void toldInTheBackground() {
        java.util.ArrayDeque<Runnable> background = new java.util.ArrayDeque<>();
        java.util.ArrayDeque<Runnable> fx = new java.util.ArrayDeque<>();
        SimpleObjectProperty<List<Trace>> traces = new SimpleObjectProperty<>(List.of(lesson(Policy.SYNC)));
        PlaybackViewModel playback = new PlaybackViewModel();
        NarrationViewModel vm = new NarrationViewModel(traces, playback,
                NarrationViewModel.Teller.inBackground(background::add, fx::add));
        assertThat(vm.lines()).isEmpty();

        traces.set(List.of(lesson(Policy.EVENT_LOOP)));
        // the older (sync) story finishes last: its lines must not win
        Runnable syncStory = background.poll();
        Runnable loopStory = background.poll();
        loopStory.run();
        fx.poll().run();
        syncStory.run();
        fx.poll().run();

        assertThat(vm.lines()).isNotEmpty();
        assertThat(vm.lines()).anyMatch(l -> l.text().contains("the loop"));
        assertThat(vm.lines()).noneMatch(l -> l.text().contains("the thread"));
    }

    @Test
    @DisplayName("a program of tasks: the picker chooses an item, playback stops when it is consumed, and 'queue full' is offered")
    void program() {
        io.interleave.scenario.Scenario s = io.interleave.scenario.ScenarioJson.read(java.nio.file.Path.of("examples", "producer-consumer.json"));
        List<Trace> traces = List.of(io.interleave.engine.Simulation.trace(s, s.compareVariants().get(1)));
        PlaybackViewModel playback = new PlaybackViewModel();
        playback.setTraces(traces);
        NarrationViewModel vm = new NarrationViewModel(new SimpleObjectProperty<>(traces), playback);
        assertThat(vm.programProperty().get()).isTrue();
        assertThat(vm.requestChoices()).hasSize(41); // none, then items 1 to 40
        vm.pauseRequestProperty().set(7);
        assertThat(vm.breakpointsProperty().get().itemConsumed()).hasValue(7);
        assertThat(vm.breakpointsProperty().get().requestId()).isEmpty();
        vm.pauseOnQueueFullProperty().set(true);
        assertThat(vm.breakpointsProperty().get().queueFull()).isTrue();
        playback.setSpeed(16);
        playback.restart();
        playback.play();
        long now = 0;
        for (int i = 0; i < 100_000 && playback.playingProperty().get(); i++) {
            playback.tick(now += FRAME);
        }
        assertThat(playback.playheadMsProperty().get()).isEqualTo(3_050);
        assertThat(vm.statusProperty().get()).isEqualTo("Paused: consumer takes item 7");
    }

    @Test
    @DisplayName("a run with gathers and background tasks offers their moments; playback stops where the task ends, then where the gather ends")
    void insideMoments() {
        // R1 at 0 on the loop: compute 1, spawn "mail" [await 80], gather ["a" await 100] ["b" await 50], compute 1:
        // the task starts at 1 and ends at 81; the gather starts at 1 and ends with "a" at 101
        io.interleave.scenario.Scenario s = io.interleave.scenario.ScenarioJson.parse("""
                {"schema": 1, "name": "fan-out",
                 "server": {"policy": "event-loop", "workers": 1, "cores": 1, "timeSliceMs": 0},
                 "requestTypes": [{"name": "page", "segments": [
                   {"kind": "compute", "ms": 1},
                   {"kind": "spawn", "label": "mail", "segments": [{"kind": "wait", "ms": 80}]},
                   {"kind": "gather", "branches": [[{"kind": "wait", "ms": 100}], [{"kind": "wait", "ms": 50}]]},
                   {"kind": "compute", "ms": 1}]}],
                 "arrivals": {"pattern": "uniform", "intervalMs": 1000, "count": 1}}
                """);
        List<Trace> traces = List.of(io.interleave.engine.Simulation.trace(s));
        PlaybackViewModel playback = new PlaybackViewModel();
        playback.setTraces(traces);
        NarrationViewModel vm = new NarrationViewModel(new SimpleObjectProperty<>(traces), playback);
        assertThat(vm.gathersProperty().get()).isTrue();
        assertThat(vm.spawnsProperty().get()).isTrue();
        vm.pauseOnProperty(io.interleave.trace.narration.Breakpoints.Moment.GATHER_ENDS).set(true);
        vm.pauseOnProperty(io.interleave.trace.narration.Breakpoints.Moment.BACKGROUND_ENDS).set(true);
        assertThat(vm.breakpointsProperty().get().moments()).containsExactly(
                io.interleave.trace.narration.Breakpoints.Moment.BACKGROUND_ENDS, io.interleave.trace.narration.Breakpoints.Moment.GATHER_ENDS);
        playback.restart();
        playback.play();
        long now = 0;
        for (int i = 0; i < 100_000 && playback.playingProperty().get(); i++) {
            playback.tick(now += FRAME);
        }
        assertThat(playback.playheadMsProperty().get()).isEqualTo(81);
        assertThat(vm.statusProperty().get()).isEqualTo("Paused: R1's task: mail ends");
        playback.play();
        for (int i = 0; i < 100_000 && playback.playingProperty().get(); i++) {
            playback.tick(now += FRAME);
        }
        assertThat(playback.playheadMsProperty().get()).isEqualTo(101);
        assertThat(vm.statusProperty().get()).isEqualTo("Paused: R1's gather ends: its last branch is done");
    }

    @Test
    @DisplayName("a run without gathers or background tasks does not offer their moments")
    void noInsideMoments() {
        List<Trace> traces = List.of(lesson(Policy.SYNC));
        NarrationViewModel vm = new NarrationViewModel(new SimpleObjectProperty<>(traces), new PlaybackViewModel());
        assertThat(vm.gathersProperty().get()).isFalse();
        assertThat(vm.spawnsProperty().get()).isFalse();
    }
}
