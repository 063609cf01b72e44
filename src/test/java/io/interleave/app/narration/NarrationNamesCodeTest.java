package io.interleave.app.narration;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.app.playback.PlaybackViewModel;
import io.interleave.engine.Simulation;
import io.interleave.scenario.Policy;
import io.interleave.scenario.Presets;
import io.interleave.trace.Trace;
import io.interleave.trace.narration.NarrationLine;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The panel's option to name each step's code line, with no toolkit. */
@DisplayName("Narration view model: naming the code line is off by default; turning it on and off tells the run again")
class NarrationNamesCodeTest {

    @Test
    @DisplayName("off: \"R1 awaits database (db query)\"; on: \"… at `await db_query()`\"; off again: the plain words, the playhead's line kept")
    void toggles() {
        List<Trace> traces = List.of(Simulation.trace(Presets.load("three-requests").orElseThrow().withPolicy(Policy.EVENT_LOOP)));
        PlaybackViewModel playback = new PlaybackViewModel();
        playback.setTraces(traces);
        NarrationViewModel vm = new NarrationViewModel(new SimpleObjectProperty<>(traces), playback);
        playback.seek(12);

        assertThat(vm.namesCodeProperty().get()).isFalse();
        assertThat(texts(vm)).contains("R1 awaits database (db query); the loop is idle").noneMatch(l -> l.contains("`"));
        int current = vm.currentProperty().get();

        vm.namesCodeProperty().set(true);
        assertThat(texts(vm)).contains("R1 awaits database (db query) at `await db_query()`; the loop is idle",
                "R1 arrives; the loop runs it (parse request) at `parse_request()`");
        assertThat(vm.currentProperty().get()).isEqualTo(current);

        vm.namesCodeProperty().set(false);
        assertThat(texts(vm)).contains("R1 awaits database (db query); the loop is idle").noneMatch(l -> l.contains("`"));
    }

    private static List<String> texts(NarrationViewModel vm) {
        return vm.lines().stream().map(NarrationLine::text).toList();
    }
}
