package io.interleave.trace.narration;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.engine.Simulation;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.ScenarioJson;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Narration of a background task: one "signup" request R1 at 0: compute 2, spawn "send email"
 * [compute 15 "render", await 50 "smtp"], await 10 "db", compute 2 (the times are worked out in
 * SpawnTest).
 */
@DisplayName("Narration: a request starts a background task and goes on")
class SpawnNarrationTest {
    private static final String SIGNUP = """
            {"schema": 1, "name": "signup",
             "server": {"policy": "%s", "workers": 1, "cores": 1, "timeSliceMs": 0},
             "requestTypes": [{"name": "signup", "segments": [
               {"kind": "compute", "ms": 2},
               {"kind": "spawn", "label": "send email", "segments": [
                 {"kind": "compute", "ms": 15, "label": "render"}, {"kind": "wait", "ms": 50, "label": "smtp"}]},
               {"kind": "wait", "ms": 10, "label": "db"},
               {"kind": "compute", "ms": 2}]}],
             "arrivals": {"pattern": "uniform", "intervalMs": 100, "count": 1}}
            """;

    private static Narration narrate(String policy) {
        Scenario s = ScenarioJson.parse(SIGNUP.formatted(policy));
        return Narrator.narrate(Simulation.trace(s));
    }

    private static String at(Narration n, double t) {
        return n.lines().stream().filter(l -> l.timeMs() == t).map(NarrationLine::text).findFirst().orElse("(no line)");
    }

    @Test
    @DisplayName("event loop: at 2 R1 starts the task and awaits; the task runs on the loop; at 67 it is done")
    void eventLoop() {
        Narration n = narrate("event-loop");
        assertThat(at(n, 2)).contains("R1 starts a background task (send email) and goes on")
                .contains("R1's task: send email starts").contains("render");
        assertThat(at(n, 67)).contains("R1's task: send email is done");
    }

    @Test
    @DisplayName("sync, one thread: the task waits for a free thread until R1 is done")
    void syncOneThread() {
        Narration n = narrate("sync");
        assertThat(at(n, 2)).contains("R1 starts a background task (send email) and goes on")
                .contains("R1's task: send email starts; it waits for a free thread");
        assertThat(at(n, 79)).contains("R1's task: send email is done");
    }
}
