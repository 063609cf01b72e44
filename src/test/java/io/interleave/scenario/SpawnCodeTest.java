package io.interleave.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.scenario.code.CodeLine;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A spawn as Python: a helper holding the task's calls, started with create_task (a loop) or executor.submit (threads). */
@DisplayName("Handler code: a spawn starts its task without waiting")
class SpawnCodeTest {
    private static final RequestType SIGNUP = new RequestType("signup", "#0072B2", 1, List.of(
            Segment.compute(2, "validate"),
            Segment.spawn("send email", List.of(Segment.compute(15, "render"), Segment.waitFor(50, "smtp"))),
            Segment.waitFor(10, "db")));

    private static List<CodeLine> lines(Policy policy) {
        return HandlerCode.lines(SIGNUP, Server.of(policy, 1, 1), List.of());
    }

    private static List<String> texts(List<CodeLine> lines) {
        return lines.stream().map(CodeLine::text).map(String::stripTrailing).toList();
    }

    @Test
    @DisplayName("event loop: async def send_email(), then asyncio.create_task(send_email()); the steps point at the task's own")
    void eventLoop() {
        List<CodeLine> lines = lines(Policy.EVENT_LOOP);
        List<String> text = texts(lines);
        assertThat(text).anyMatch(l -> l.equals("    async def send_email():"));
        assertThat(text).anyMatch(l -> l.startsWith("        render()") && l.contains("# compute 15 ms"));
        assertThat(text).anyMatch(l -> l.startsWith("        await smtp()") && l.contains("# wait 50 ms"));
        assertThat(text).anyMatch(l -> l.startsWith("    asyncio.create_task(send_email())") && l.contains("# spawn \"send email\": goes on without waiting"));
        assertThat(text).anyMatch(l -> l.startsWith("    await db()"));
        // steps: validate 0, the spawn 1, db 2; the task's render 3 and smtp 4 (after the request's own)
        assertThat(lines.stream().filter(l -> l.step() >= 0).map(l -> l.text().strip().split(" ")[0] + "=" + l.step()))
                .containsExactly("validate()=0", "render()=3", "await=4", "asyncio.create_task(send_email())=1", "await=2");
    }

    @Test
    @DisplayName("sync: def send_email(), then executor.submit(send_email)")
    void sync() {
        List<String> text = texts(lines(Policy.SYNC));
        assertThat(text).anyMatch(l -> l.equals("    def send_email():"));
        assertThat(text).anyMatch(l -> l.startsWith("    executor.submit(send_email)"));
        assertThat(text).anyMatch(l -> l.startsWith("        smtp()"));
    }
}
