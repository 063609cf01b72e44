package io.interleave.trace.narration;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.engine.Simulation;
import io.interleave.scenario.Presets;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.ScenarioJson;
import io.interleave.trace.Trace;
import io.interleave.trace.WaitCause;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Why a gather's calls wait, in words, and a call that shares a shared-latency service.
 *
 * <p>Two queries: requests arrive at 0, 1 and 2 on one loop; each computes 1 ms, then gathers ["query A" 100 ms on
 * the database] and ["query B" 100 ms on the database], then computes 1 ms. The database has 1 slot. At 1 R1's
 * call 1 takes the slot; its call 2 waits for it, held by its sibling. At 2 and 3, R2's and R3's calls wait for the
 * slot, held by R1.
 *
 * <p>Two computes: one request gathers [compute 10, await 50] twice: at 0 branch 1 runs on the loop; branch 2 waits
 * for the loop, run by branch 1.
 */
@DisplayName("Narration: why a gather's calls wait, and calls sharing a service")
class GatherCausesNarrationTest {
    private static final String QUERIES = """
            {"schema": 1, "name": "g",
             "server": {"policy": "%s", "workers": 1, "cores": 1, "timeSliceMs": 0},
             "resources": [{"name": "database", "capacity": 1}],
             "requestTypes": [{"name": "page", "segments": [
               {"kind": "compute", "ms": 1},
               {"kind": "gather", "branches": [
                 [{"kind": "wait", "ms": 100, "on": "database", "label": "query A"}],
                 [{"kind": "wait", "ms": 100, "on": "database", "label": "query B"}]]},
               {"kind": "compute", "ms": 1}]}],
             "arrivals": {"pattern": "uniform", "intervalMs": 1, "count": 3}}
            """;

    private static String at(Narration n, double t) {
        return n.lines().stream().filter(l -> l.timeMs() == t).map(NarrationLine::text).findFirst().orElse("(no line)");
    }

    @Test
    @DisplayName("event loop: \"R1's call 2 waits for a database slot (held by R1's call 1)\", then R2's calls wait for R1")
    void slotHolders() {
        Trace t = Simulation.trace(ScenarioJson.parse(QUERIES.formatted("event-loop")));
        Narration n = Narrator.narrate(t);
        assertThat(at(n, 1)).isEqualTo("R1 awaits database (query A); R1's call 2 waits for a database slot (held by R1's call 1); "
                + "R2 arrives; the loop runs it (compute)");
        assertThat(at(n, 2)).startsWith("R2's call 1 waits for a database slot (held by R1); R2's call 2 waits for a database slot (held by R1)");
        assertThat(t.causes().at(2, 2, WaitCause.SLOT)).hasValueSatisfying(c -> assertThat(c.holders()).containsExactly(1));
    }

    @Test
    @DisplayName("sync: the calls run one after another on the thread, narrated as before (no call names)")
    void syncUnchanged() {
        Narration n = Narrator.narrate(Simulation.trace(ScenarioJson.parse(QUERIES.formatted("sync").replace("\"count\": 3", "\"count\": 1"))));
        assertThat(at(n, 1)).isEqualTo("R1 waits on database (query A), holding the thread");
        assertThat(n.lines()).noneMatch(l -> l.text().contains("'s call"));
    }

    @Test
    @DisplayName("a call waiting for its loop: \"R1's call 2 waits for the loop (running R1's call 1)\", the engine's cause LOOP")
    void loopHolder() {
        Scenario s = ScenarioJson.parse("""
                {"schema": 1, "name": "g",
                 "server": {"policy": "event-loop", "workers": 1, "cores": 1, "timeSliceMs": 0},
                 "requestTypes": [{"name": "page", "segments": [
                   {"kind": "gather", "branches": [
                     [{"kind": "compute", "ms": 10}, {"kind": "wait", "ms": 50}],
                     [{"kind": "compute", "ms": 10}, {"kind": "wait", "ms": 50}]]}]}],
                 "arrivals": {"pattern": "uniform", "intervalMs": 1000, "count": 1}}
                """);
        Trace t = Simulation.trace(s);
        assertThat(at(Narrator.narrate(t), 0)).isEqualTo("R1 arrives; the loop runs it (compute); R1's call 2 waits for the loop (running R1's call 1)");
        assertThat(t.causes().at(1, 0, WaitCause.LOOP)).isPresent();
    }

    @Test
    @DisplayName("a shared database (lesson): at 79 ms \"R4's db query shares the database with 3 others\"; R1's first query is alone")
    void sharing() {
        Scenario lesson = Presets.load("slow-database").orElseThrow();
        Trace loop = Simulation.trace(lesson, lesson.compareVariants().get(1));
        Narration n = Narrator.narrate(loop);
        assertThat(at(n, 79)).startsWith("R4 awaits the shared database (db query); R4's db query shares the database with 3 others");
        assertThat(at(n, 29)).contains("R2's db query shares the database with 1 other;");
        assertThat(at(n, 4)).isEqualTo("R1 awaits the shared database (db query); the loop is idle");
    }

    @Test
    @DisplayName("a database with fixed latency never says it is shared")
    void notShared() {
        Narration n = Narrator.narrate(Simulation.trace(Presets.load("wimpy-database").orElseThrow()));
        assertThat(n.lines()).noneMatch(l -> l.text().contains(" shares the "));
    }
}
