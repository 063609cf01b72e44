package io.interleave.trace.narration;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.engine.Simulation;
import io.interleave.scenario.Presets;
import io.interleave.scenario.Scenario;
import io.interleave.trace.Trace;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Narration of lesson 7's gathers: three calls in flight at once on the loop, one after another on a thread. */
@DisplayName("Narration of a gather")
class GatherNarrationTest {
    private static Trace run(String label) {
        Scenario s = Presets.load("open-all-sockets").orElseThrow();
        return Simulation.compare(s).stream().filter(t -> t.label().equals(label)).findFirst().orElseThrow();
    }

    private static List<String> texts(Trace t) {
        return Narrator.narrate(t).lines().stream().map(NarrationLine::text).toList();
    }

    @Test
    @DisplayName("event loop: \"R1 awaits 3 calls at once (call service A, call service B and call service C)\", then back from the last")
    void loop() {
        List<String> lines = texts(run("1 event loop"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("R1 awaits 3 calls at once (call service A, call service B and call service C)"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("R2 awaits 3 calls at once ("));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("R1 back from call service"));
        assertThat(lines).noneMatch(l -> l.contains("waits on"));
    }

    @Test
    @DisplayName("sync: each call in turn, holding the thread")
    void sync() {
        List<String> lines = texts(run("10 threads"));
        assertThat(lines).noneMatch(l -> l.contains("at once"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("R1 waits on call service B, holding"));
    }
}
