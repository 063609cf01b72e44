package io.interleave.app.code;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.engine.Simulation;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.ScenarioJson;
import io.interleave.trace.Trace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The code view's badges of a background task: on the lines of its spawn's helper function. The signup
 * request (cli/spawn.json) computes 0–2, spawns "send email" (render 15 ms, then smtp 50 ms) and waits on
 * db 10 ms. Worked out by hand: on one event loop the task joins the loop's ready queue at 2 and renders
 * 2–17 while R1 waits on db 2–12 (R1's last compute waits for the loop until 17), then waits on smtp 17–67.
 * On one thread the task queues for the thread until R1 lets go of it at 14, renders 14–29, smtp 29–79.
 */
@DisplayName("Code view: a background task's badge stands on its helper's lines")
class CodeBadgesSpawnTest {

    private static Scenario scenario() throws IOException {
        try (InputStream in = CodeBadgesSpawnTest.class.getResourceAsStream("/io/interleave/cli/spawn.json")) {
            return ScenarioJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static Trace trace(int variant) throws IOException {
        Scenario s = scenario();
        return Simulation.trace(s, s.variants().get(variant));
    }

    /** The badges on the first line of the handler that starts with {@code code} (stripped), as "name state". */
    private static List<String> on(CodeBadges badges, double timeMs, String code) {
        CodeBadges.Handler h = badges.handlers().get(0);
        for (int i = 0; i < h.lines().size(); i++) {
            if (h.lines().get(i).text().strip().startsWith(code)) {
                return badges.at(timeMs).get(0).get(i).stream().map(b -> b.text() + " " + b.state().name().toLowerCase()).toList();
            }
        }
        throw new AssertionError("no line " + code + " in " + h.lines());
    }

    @Test
    @DisplayName("one event loop: R1's task renders on render() at 10 ms while R1 waits on await db(); at 30 ms it awaits smtp()")
    void eventLoop() throws IOException {
        CodeBadges badges = new CodeBadges(trace(1));
        assertThat(on(badges, 10, "render()")).containsExactly("R1's task compute");
        assertThat(on(badges, 10, "await db()")).containsExactly("R1 wait");
        assertThat(on(badges, 10, "await smtp()")).isEmpty();
        assertThat(on(badges, 30, "await smtp()")).containsExactly("R1's task wait");
        assertThat(on(badges, 30, "render()")).isEmpty();
        assertThat(on(badges, 30, "asyncio.create_task(send_email())")).isEmpty();
        assertThat(on(badges, 70, "await smtp()")).isEmpty();
    }

    @Test
    @DisplayName("one thread: the task queues on render() until R1 lets go of the thread at 14 ms, then renders and waits on smtp()")
    void sync() throws IOException {
        CodeBadges badges = new CodeBadges(trace(0));
        assertThat(on(badges, 5, "render()")).containsExactly("R1's task queued");
        assertThat(on(badges, 5, "db()")).containsExactly("R1 wait");
        assertThat(on(badges, 20, "render()")).containsExactly("R1's task compute");
        assertThat(on(badges, 40, "smtp()")).containsExactly("R1's task wait");
    }

    @Test
    @DisplayName("clicking the helper's render() line highlights the task's render bar, not the request's")
    void spansOfHelperLine() throws IOException {
        Trace t = trace(1);
        CodeBadges badges = new CodeBadges(t);
        CodeBadges.Handler h = badges.handlers().get(0);
        int render = 0;
        while (!h.lines().get(render).text().strip().startsWith("render()")) {
            render++;
        }
        assertThat(badges.spansOf(0, render)).isNotEmpty()
                .allSatisfy(s -> assertThat(s.requestId()).isGreaterThan(t.requests().size()));
    }
}
