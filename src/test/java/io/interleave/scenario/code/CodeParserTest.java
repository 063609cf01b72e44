package io.interleave.scenario.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Handler code parser: the documented subset of Python, one statement a line")
class CodeParserTest {

    @Test
    @DisplayName("a typed handler: assignments, arguments, comments and blank lines are allowed; the comment decides")
    void readsATypedHandler() {
        Handler h = CodeParser.parse("""
                # my handler
                async def view(request):

                    data = parse(request.body)           # compute 5 ms
                    # the slow part
                    rows = await db.fetch("select 1")    # wait exp(mean 80) ms on database "db query"
                    time.sleep(0.15)                     # block 150 ms
                    await asyncio.to_thread(resize, 3)   # compute uniform(min 10, max 30) ms
                    await asyncio.gather(                # gather "two calls"
                        a(),                             # wait 1 ms
                        b(),                             # wait normal(mean 5, sd 1) ms unlabelled
                    )
                """);
        assertThat(h.async()).isTrue();
        assertThat(h.body()).hasSize(5);
        Statement.Call parse = (Statement.Call) h.body().get(0);
        assertThat(parse.kind()).isEqualTo(StepKind.COMPUTE);
        assertThat(parse.label()).contains("parse");
        assertThat(parse.duration()).isEqualTo(Duration.constant(5));
        Statement.Call fetch = (Statement.Call) h.body().get(1);
        assertThat(fetch.kind()).isEqualTo(StepKind.WAIT);
        assertThat(fetch.label()).contains("db query");
        assertThat(fetch.on()).contains("database");
        assertThat(fetch.duration()).isEqualTo(new Duration(Duration.Family.EXPONENTIAL, List.of(80.0)));
        assertThat(fetch.at()).isEqualTo(new Position(6, 5));
        Statement.Call sleep = (Statement.Call) h.body().get(2);
        assertThat(sleep.kind()).isEqualTo(StepKind.BLOCK);
        assertThat(sleep.label()).contains("time.sleep");
        Statement.Call resize = (Statement.Call) h.body().get(3);
        assertThat(resize.offload()).isTrue();
        assertThat(resize.label()).contains("resize");
        Statement.Gather g = (Statement.Gather) h.body().get(4);
        assertThat(g.label()).contains("two calls");
        assertThat(g.branches()).hasSize(2);
        assertThat(g.branches().get(1).get(0).label()).isEqualTo(Optional.empty());
    }

    @Test
    @DisplayName("a branch of several calls is a helper defined above the gather")
    void helpersFormBranches() {
        Handler h = CodeParser.parse("""
                def view(request):
                    def branch_1():
                        a()    # wait 10 ms
                        b()    # compute 2 ms
                    gather(
                        branch_1(),
                        c(),   # wait 5 ms
                    )
                """);
        Statement.Gather g = (Statement.Gather) h.body().get(0);
        assertThat(g.branches().get(0)).extracting(Statement.Call::kind).containsExactly(StepKind.WAIT, StepKind.COMPUTE);
        assertThat(g.branches().get(1)).extracting(c -> c.label().orElseThrow()).containsExactly("c");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            'async def f(request):\\n    db()  # wait 80 ms'                 | line 2, column 5: expected 'await' before a wait in async code (write '# block' for a call that holds the loop)
            'def f(request):\\n    await db()  # wait 80 ms'                 | line 2, column 5: 'await' needs 'async def' (this handler is a plain def)
            'async def f(request):\\n    await x()  # compute 5 ms'          | line 2, column 5: expected no 'await' before a compute: it is a plain call that holds the CPU (write '# wait' for awaited I/O)
            'def f(request):\\n    db()'                                     | line 2, column 9: expected a comment saying what the call does, such as '# wait 80 ms' or '# compute 5 ms'
            'def f(request):\\n    db()  # wait 80'                          | line 2, column 20: expected 'ms' after the duration
            'def f(request):\\n    db()  # sleep 80 ms'                      | line 2, column 13: expected compute, wait or block starting the comment, found 'sleep'
            'def f(request):\\n    db()  # wait exp(80) ms'                  | line 2, column 22: expected mean, as in exp(mean 20)
            'def f(request):\\n    db()  # wait ms'                          | line 2, column 18: expected a duration such as 80 or exp(mean 20), found 'ms'
            'def f(request):\\n    db()  # wait 8 ms on'                     | line 2, column 25: expected a resource's name after 'on'
            'def f(request):\\n    db()  # wait 8 ms offload'                | line 2, column 23: a wait cannot be offloaded (an await already lets go of the loop); offload a block or a compute
            'def f(request):\\n    db()  # wait 8 ms "x" y'                  | line 2, column 27: expected the end of the comment after the label
            'def f(request):\\n    db() + 1  # wait 8 ms'                    | line 2, column 10: expected the end of the statement after ')'
            'def f(request):\\n    db(  # wait 8 ms'                         | line 2, column 7: expected ')' closing this bracket
            'f(request):\\n    db()  # wait 8 ms'                            | line 1, column 1: expected 'def' or 'async def' starting the handler
            '    def f(request):\\n    db()  # wait 8 ms'                    | line 1, column 5: expected 'def' or 'async def' at the start of the line, without indentation
            'def f(request):\\ndb()  # wait 8 ms'                            | line 2, column 1: expected the handler's body, indented under the def
            'def f(request):\\n    a()  # wait 8 ms\\n      b()  # wait 8 ms' | line 3, column 5: expected an indentation of 4 spaces (the body's indentation), found 6
            'def f(request):\\n    a()  # wait 8 ms\\ndef g(request):'        | line 3, column 1: expected the handler's body to go on, or nothing: one handler per request type
            'async def f(request):\\n    await asyncio.gather(a(), b())'     | line 2, column 26: expected a line break after 'asyncio.gather(': one branch a line, each with its comment
            'async def f(request):\\n    await asyncio.gather(\\n        a(),  # wait 1 ms' | line 3, column 1: expected ')' closing the gather opened at line 2, column 5
            'def f(request):\\n    gather(\\n        branch_9(),\\n    )'     | line 3, column 9: expected a comment saying what branch_9() does, or a helper of that name defined above
            'def f(request):\\n    await asyncio.to_thread(x)  # block 1 ms' | line 2, column 5: 'await' needs 'async def' (this handler is a plain def)
            'async def f(request):\\n    asyncio.to_thread(x)  # block 1 ms' | line 2, column 5: expected 'await' before asyncio.to_thread(...)
            'def f(request):\\n\\ta()  # wait 8 ms'                          | line 2, column 1: expected spaces for indentation, not a tab
            '# only a comment'                                               | line 1, column 1: expected 'def' or 'async def' starting the handler, found no code
            'def f(request):\\n    a()  # wait 8 ms "unclosed'               | line 2, column 22: expected '"' closing the text opened here
            """)
    @DisplayName("bad code: one message with the line, the column and what was expected")
    void badCodeNamesLineAndColumn(String code, String message) {
        assertThatThrownBy(() -> CodeParser.parse(code.replace("\\n", "\n").replace("\\t", "\t")))
                .isInstanceOf(CodeException.class)
                .hasMessage(message);
    }

    @Test
    @DisplayName("labels become names: spaces and symbols to '_', dots kept, keywords and leading digits made valid")
    void labelsBecomeNames() {
        assertThat(Identifiers.name("db query", "x")).isEqualTo("db_query");
        assertThat(Identifiers.name("time.sleep", "x")).isEqualTo("time.sleep");
        assertThat(Identifiers.name("3 calls", "x")).isEqualTo("_3_calls");
        assertThat(Identifiers.name("import", "x")).isEqualTo("import_");
        assertThat(Identifiers.name("  ", "compute")).isEqualTo("compute");
        assertThat(Identifiers.name("asyncio.gather", "x")).isEqualTo("asyncio.gather_");
        assertThat(Identifiers.name("café au lait", "x")).isEqualTo("café_au_lait");
    }
}
