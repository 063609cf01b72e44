package io.interleave.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.interleave.scenario.code.CodeLine;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

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

    @ParameterizedTest
    @EnumSource(Policy.class)
    @DisplayName("the code written for a spawn reads back as the same segments, the task's calls and labels included")
    void readsBack(Policy policy) {
        String code = HandlerCode.text(SIGNUP, Server.of(policy, 1, 1), List.of());
        assertThat(HandlerCode.segments(code)).as(code).isEqualTo(SIGNUP.segments());
    }

    @Test
    @DisplayName("two spawns of one label get two helpers (send_email, send_email_2) and read back as two spawns")
    void twoSpawnsOfOneLabel() {
        Segment email = Segment.spawn("send email", List.of(Segment.waitFor(50, "smtp")));
        RequestType twice = new RequestType("twice", "#0072B2", 1, List.of(email, Segment.compute(1, "x"), email,
                Segment.spawn(null, List.of(Segment.compute(3, "log"))), Segment.spawn("a.b", List.of(Segment.compute(3, "log")))));
        for (Policy p : Policy.values()) {
            String code = HandlerCode.text(twice, Server.of(p, 1, 1), List.of());
            assertThat(code).contains("def send_email():").contains("def send_email_2():").contains("def background_task_1():")
                    .contains("def a_b():");
            assertThat(HandlerCode.segments(code)).as(code).isEqualTo(twice.segments());
        }
    }

    @Test
    @DisplayName("typed by hand: the helper's calls become the task; a spawn without a comment has no label")
    void typedByHand() {
        List<Segment> s = HandlerCode.segments("""
                async def signup(request):
                    validate()                  # compute 2 ms
                    async def send_email():
                        await smtp()            # wait 50 ms
                    asyncio.create_task(send_email())
                """);
        assertThat(s).containsExactly(Segment.compute(2, "validate"), Segment.spawn(null, List.of(Segment.waitFor(50, "smtp"))));
    }

    @Test
    @DisplayName("bad spawns: one message with the line, the column and what was expected")
    void badSpawns() {
        String ok = """
                async def signup(request):
                    async def send_email():
                        await smtp()            # wait 50 ms
                    asyncio.create_task(send_email())  # spawn "send email"
                """;
        assertThat(HandlerCode.segments(ok)).hasSize(1);
        assertThatThrownBy(() -> HandlerCode.segments(ok.replace("asyncio.create_task(send_email())", "executor.submit(send_email)")))
                .hasMessage("line 4, column 5: expected 'asyncio.create_task(helper())' to start a background task in async code"
                        + " (executor.submit is for a plain def)");
        assertThatThrownBy(() -> HandlerCode.segments(ok.replace("create_task(send_email())", "create_task(send_mail())")))
                .hasMessage("line 4, column 25: expected a helper named send_mail defined above"
                        + " (async def send_mail(): with the task's calls indented under it)");
        assertThatThrownBy(() -> HandlerCode.segments(ok.replace("    asyncio.create_task", "    await asyncio.create_task")))
                .hasMessage("line 4, column 5: expected no 'await' before a spawn: it goes on without waiting for its task");
        assertThatThrownBy(() -> HandlerCode.segments(ok.replace("# spawn", "# start")))
                .hasMessage("line 4, column 42: expected 'spawn' starting the comment of a spawn");
        assertThatThrownBy(() -> HandlerCode.segments(ok.replace("create_task(send_email())", "create_task(send_email)")))
                .hasMessage("line 4, column 35: expected '()' after send_email: create_task takes the coroutine send_email() returns");
        assertThatThrownBy(() -> HandlerCode.segments(ok + "    asyncio.create_task(send_email())\n"))
                .hasMessage("line 5, column 25: helper send_email is already used by a gather or a spawn above; define one helper each");
        assertThatThrownBy(() -> HandlerCode.segments(ok.replace("    asyncio.create_task(send_email())  # spawn \"send email\"\n", "")
                + "    validate()  # compute 1 ms\n"))
                .hasMessage("line 2, column 5: helper send_email is defined but no gather or spawn uses it");
        assertThatThrownBy(() -> HandlerCode.segments("""
                def signup(request):
                    def send_email():
                        smtp()            # wait 50 ms
                    asyncio.create_task(send_email())
                """)).hasMessage("line 4, column 5: expected 'executor.submit(helper)' to start a background task in a plain def"
                        + " (asyncio.create_task needs 'async def')");
        assertThatThrownBy(() -> HandlerCode.segments("""
                async def signup(request):
                    await asyncio.gather(
                        a(),  # wait 1 ms
                        asyncio.create_task(b()),
                    )
                """)).hasMessage("line 4, column 9: a gather's branch cannot start a background task; put the spawn before or after the gather");
    }

    @Test
    @DisplayName("the example of docs/scenario-format.md reads as written there; a misspelt helper names line 6, column 25")
    void docsExample() {
        String code = """
                async def handle_signup(request):
                    validate()                         # compute 2 ms
                    async def send_email():
                        render()                       # compute 15 ms
                        await smtp()                   # wait 50 ms on mail
                    asyncio.create_task(send_email())  # spawn "send email": goes on without waiting
                    await db()                         # wait 10 ms
                """;
        assertThat(HandlerCode.segments(code)).containsExactly(Segment.compute(2, "validate"),
                Segment.spawn("send email", List.of(Segment.compute(15, "render"),
                        new Segment(SegmentKind.WAIT, new Distribution.Constant(50), java.util.Optional.of("smtp"), java.util.Optional.of("mail")))),
                Segment.waitFor(10, "db"));
        assertThatThrownBy(() -> HandlerCode.segments(code.replace("create_task(send_email", "create_task(send_mail")))
                .hasMessage("line 6, column 25: expected a helper named send_mail defined above"
                        + " (async def send_mail(): with the task's calls indented under it)");
    }
}
