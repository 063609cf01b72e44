package io.interleave.trace.narration;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.engine.Simulation;
import io.interleave.scenario.Presets;
import io.interleave.scenario.Scenario;
import io.interleave.trace.Trace;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Narration naming the code line: off by default, on names each step's line as the code view writes it")
class NarratorCodeTest {

    private static Trace trace(String lesson, io.interleave.scenario.Policy policy) {
        return Simulation.trace(Presets.load(lesson).orElseThrow().withPolicy(policy));
    }

    private static Trace spawn(int variant) throws Exception {
        try (var in = NarratorCodeTest.class.getResourceAsStream("/io/interleave/cli/spawn.json")) {
            Scenario s = io.interleave.scenario.ScenarioJson.parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            return Simulation.trace(s, s.variants().get(variant));
        }
    }

    private static List<String> texts(Narration n) {
        return n.lines().stream().map(NarrationLine::toString).toList();
    }

    @Test
    @DisplayName("off by default: no line names code, and narrate(trace) is narrate(trace, false) word for word")
    void offByDefault() {
        Trace t = trace("three-requests", io.interleave.scenario.Policy.EVENT_LOOP);
        assertThat(texts(Narrator.narrate(t))).isEqualTo(texts(Narrator.narrate(t, false)))
                .contains("10 ms — R1 awaits database (db query); the loop is idle")
                .noneMatch(l -> l.contains("`"));
    }

    @Test
    @DisplayName("on, event loop: R1 awaits database at `await db_query()`; the loop runs R1 at `parse_request()`")
    void eventLoop() {
        assertThat(texts(Narrator.narrate(trace("three-requests", io.interleave.scenario.Policy.EVENT_LOOP), true))).contains(
                "0 ms — R1 arrives; the loop runs it (parse request) at `parse_request()`",
                "10 ms — R1 awaits database (db query) at `await db_query()`; the loop is idle",
                "102 ms — R3 back from database; the loop runs it (render json) at `render_json()`",
                "106 ms — R3 done in 36 ms (alone: 36 ms); the loop is idle");
    }

    @Test
    @DisplayName("on, sync: the plain call the thread is held in, before \"holding the thread\"")
    void sync() {
        assertThat(texts(Narrator.narrate(trace("three-requests", io.interleave.scenario.Policy.SYNC), true))).contains(
                "10 ms — R1 waits on database (db query) at `db_query()`, holding the thread",
                "100 ms — R1 done in 100 ms (alone: 100 ms); the thread picks up R2 (parse request) at `parse_request()`");
    }

    @Test
    @DisplayName("on, a spawn: the create_task line, and the background task's steps on its helper's lines")
    void backgroundTask() throws Exception {
        assertThat(texts(Narrator.narrate(spawn(1), true))).contains(
                "2 ms — R1 awaits db at `await db()`; R1 starts a background task (send email) at `asyncio.create_task(send_email())`"
                        + " and goes on; R1's task: send email starts; the loop runs R1's task: send email (render) at `render()`",
                "12 ms — R1 back from db; it waits for the loop (running R1's task: send email)",
                "17 ms — R1's task: send email awaits (smtp) at `await smtp()`; the loop runs R1 (compute) at `compute()`");
        assertThat(texts(Narrator.narrate(spawn(0), true))).contains(
                "2 ms — R1 waits on db at `db()`, holding the thread; R1 starts a background task (send email)"
                        + " at `executor.submit(send_email)` and goes on; R1's task: send email starts; it waits for a free thread");
    }

    @Test
    @DisplayName("naming the code only adds \" at `code`\": without it every lesson's narration is the default one, under every policy")
    void onlyAdds() {
        for (String id : Presets.ids()) {
            Scenario s = Presets.load(id).orElseThrow();
            for (io.interleave.scenario.Policy p : io.interleave.scenario.Policy.values()) {
                Trace t = Simulation.trace(s.withPolicy(p));
                List<String> named = texts(Narrator.narrate(t, 400, true));
                assertThat(named.stream().map(l -> l.replaceAll(" at `[^`]*`", "")).toList()).as(id + " " + p)
                        .isEqualTo(texts(Narrator.narrate(t, 400)));
                if (!s.hasTasks()) {
                    assertThat(named).as(id + " " + p).anyMatch(l -> l.contains(" at `"));
                }
            }
        }
    }
}
