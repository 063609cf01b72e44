package io.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.interleave.scenario.HandlerCode;
import io.interleave.scenario.InvalidScenarioException;
import io.interleave.scenario.Policy;
import io.interleave.scenario.Presets;
import io.interleave.scenario.RequestType;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.ScenarioJson;
import io.interleave.trace.Span;
import io.interleave.trace.Trace;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Request types given as code: read from the file, simulated exactly as the same types given as segments")
class CodeTypesSimulateTest {

    static List<String> lessons() {
        return Presets.ids();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lessons")
    @DisplayName("each lesson with its types replaced by their code (written under the lesson's policy) gives the same trace")
    void codeSimulatesLikeSegments(String id) {
        Scenario lesson = Presets.load(id).orElseThrow();
        List<RequestType> asCode = lesson.requestTypes().stream()
                .map(t -> t.withCode(HandlerCode.text(t, lesson.server(), lesson.resources()))).toList();
        Scenario coded = ScenarioJson.parse(ScenarioJson.write(lesson.withRequestTypes(asCode)));

        assertThat(coded.requestTypes()).allSatisfy(t -> assertThat(t.code()).isPresent());
        for (Policy p : Policy.values()) {
            Trace expected = Simulation.trace(lesson.withPolicy(p));
            Trace actual = Simulation.trace(coded.withPolicy(p));
            assertThat(actual.requests()).as(p.jsonName()).isEqualTo(expected.requests());
            assertThat(actual.spans().stream().map(CodeTypesSimulateTest::span).toList()).as(p.jsonName())
                    .isEqualTo(expected.spans().stream().map(CodeTypesSimulateTest::span).toList());
        }
    }

    private static String span(Span s) {
        return s.toString() + " " + s.segment() + " " + s.branchIndex() + " " + s.worker() + " " + s.core() + " " + s.poolThread();
    }

    private static final String FILE = """
            {"schema": 1, "name": "typed", "seed": 1,
             "server": {"policy": "event-loop", "workers": 1, "cores": 1},
             "resources": [{"name": "database", "capacity": 2}],
             "requestTypes": [{"name": "page", "color": "#0072B2", "weight": 1,
               "code": "async def page(request):\\n    parse()  # compute 4 ms\\n    await db()  # wait 100 ms on database \\"db query\\"\\n"}],
             "arrivals": {"pattern": "burst", "count": 3, "atMs": 0}}
            """;

    @Test
    @DisplayName("a type given as code is saved as code (no segments), and reads back the same")
    void codeIsKeptWhenSaved() {
        Scenario s = ScenarioJson.parse(FILE);
        RequestType page = s.requestTypes().get(0);
        assertThat(page.segments()).hasSize(2);
        assertThat(page.segments().get(1).label()).contains("db query");
        assertThat(page.segments().get(1).on()).contains("database");

        String saved = ScenarioJson.write(s);
        assertThat(saved).contains("\"code\" : \"async def page(request):\\n    parse()  # compute 4 ms\\n")
                .doesNotContain("\"segments\"");
        assertThat(ScenarioJson.parse(saved)).isEqualTo(s);
    }

    @Test
    @DisplayName("a type edited as segments afterwards is saved as segments")
    void segmentsReplaceCode() {
        Scenario s = ScenarioJson.parse(FILE);
        RequestType edited = s.requestTypes().get(0).withSegments(s.requestTypes().get(0).segments());
        assertThat(edited.code()).isEmpty();
        assertThat(ScenarioJson.write(s.withRequestTypes(List.of(edited)))).contains("\"segments\"").doesNotContain("\"code\"");
    }

    @Test
    @DisplayName("bad code: the JSON path, then the line and column in the code and what was expected")
    void badCodeNamesPathLineAndColumn() {
        assertThatThrownBy(() -> ScenarioJson.parse(FILE.replace("await db()", "db()")))
                .isInstanceOf(InvalidScenarioException.class)
                .hasMessage("requestTypes[0].code: line 3, column 5: expected 'await' before a wait in async code"
                        + " (write '# block' for a call that holds the loop)");
        assertThatThrownBy(() -> ScenarioJson.parse(FILE.replace("compute 4 ms", "compute exp(mean 0) ms")))
                .isInstanceOf(InvalidScenarioException.class)
                .hasMessage("requestTypes[0].code: line 2, column 24: mean: must be > 0, was 0");
        assertThatThrownBy(() -> ScenarioJson.parse(FILE.replace("\"code\"", "\"segments\": [{\"kind\": \"compute\", \"ms\": 1}], \"code\"")))
                .isInstanceOf(InvalidScenarioException.class)
                .hasMessage("requestTypes[0].segments: leave segments out when the type is given as code");
    }
}
