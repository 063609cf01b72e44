package io.interleave.cli;

import static io.interleave.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.cli.CliRunner.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("interleave code: each request type's handler as text")
class CodeCommandTest {

    @Test
    @DisplayName("prints every type's handler under the server's policy, a blank line between them")
    void printsEachHandler() {
        Result r = run("code", "preset:three-requests");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("""
                # server: sync (threads), 1 thread on 1 core
                # each request holds its thread from start to end, waits included
                def handle_report(request):
                    parse_request()  # compute 10 ms "parse request"
                    db_query()       # wait 80 ms on database "db query"
                    render_page()    # compute 10 ms "render page"

                # server: sync (threads), 1 thread on 1 core
                # each request holds its thread from start to end, waits included
                def handle_lookup(request):
                    parse_request()  # compute 4 ms "parse request"
                    db_query()       # wait 28 ms on database "db query"
                    render_json()    # compute 4 ms "render json"
                """);
    }

    @Test
    @DisplayName("--policy event-loop and --type: one handler, async, with await on the query")
    void policyAndType() {
        Result r = run("code", "preset:three-requests", "--policy", "event-loop", "--type", "lookup");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("# server: event loop, 1 loop on 1 core\n")
                .contains("async def handle_lookup(request):\n")
                .contains("    await db_query()  # wait 28 ms on database \"db query\"\n")
                .doesNotContain("handle_report");
    }

    @Test
    @DisplayName("a file whose type is given as code prints that code's handler, and its errors name the line")
    void fileGivenAsCode(@TempDir Path dir) throws Exception {
        String json = """
                {"schema": 1, "name": "typed", "seed": 1,
                 "server": {"policy": "event-loop", "workers": 1, "cores": 1},
                 "requestTypes": [{"name": "page", "color": "#0072B2", "weight": 1,
                   "code": "async def page(request):\\n    await db()  # wait 100 ms\\n"}],
                 "arrivals": {"pattern": "burst", "count": 1, "atMs": 0}}
                """;
        Path good = Files.writeString(dir.resolve("good.json"), json);
        Result ok = run("code", good.toString(), "--policy", "sync");
        assertThat(ok.code()).as(ok.toString()).isZero();
        assertThat(ok.out()).contains("def handle_page(request):\n    db()  # wait 100 ms\n");

        Path bad = Files.writeString(dir.resolve("bad.json"), json.replace("await db()", "db()"));
        Result r = run("code", bad.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).containsExactly("interleave: " + bad + ": requestTypes[0].code: line 2, column 5: "
                + "expected 'await' before a wait in async code (write '# block' for a call that holds the loop)");
    }

    @Test
    @DisplayName("bad flags: exit 2 with one line naming the flag")
    void badInput() {
        Result type = run("code", "preset:three-requests", "--type", "nope");
        assertThat(type.code()).isEqualTo(2);
        assertThat(type.errLines()).containsExactly("interleave: --type: no request type named 'nope' (known: report, lookup)");
        Result policy = run("code", "preset:three-requests", "--policy", "fast");
        assertThat(policy.code()).isEqualTo(2);
        assertThat(policy.errLines()).containsExactly("interleave: --policy: must be sync, event-loop or event-loop+pool, was 'fast'");
    }

    @Test
    @DisplayName("a program of tasks: the producer and consumer as coroutines under asyncio, thread functions under sync")
    void programOfTasks() throws Exception {
        Result r = run("code", "preset:producer-consumer");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo(golden("producer-consumer.event-loop.py"));
        Result sync = run("code", "preset:producer-consumer", "--policy", "sync", "--type", "consumer");
        assertThat(sync.code()).as(sync.toString()).isZero();
        assertThat(sync.out()).isEqualTo(golden("producer-consumer.sync.py"))
                .contains("def consumer(items):\n    for _ in range(40):\n        item = items.get()\n");
        Result unknown = run("code", "preset:producer-consumer", "--type", "nope");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.errLines()).containsExactly("interleave: --type: no request type or task named 'nope' (known: producer, consumer)");
    }

    private static String golden(String name) throws java.io.IOException {
        try (var in = CodeCommandTest.class.getResourceAsStream("/io/interleave/scenario/code/tasks/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
