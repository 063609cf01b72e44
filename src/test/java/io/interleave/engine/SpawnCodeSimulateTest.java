package io.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.scenario.HandlerCode;
import io.interleave.scenario.Policy;
import io.interleave.scenario.RequestType;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.ScenarioJson;
import io.interleave.trace.Span;
import io.interleave.trace.Trace;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.DisplayName;

@DisplayName("A type with a spawn given as code simulates exactly like the same type given as segments")
class SpawnCodeSimulateTest {
    private static final String FILE = """
            {"schema": 1, "name": "signup", "seed": 7,
             "server": {"policy": "sync", "workers": 2, "cores": 1, "poolThreads": 2},
             "resources": [{"name": "smtp", "capacity": 1}],
             "requestTypes": [{"name": "signup", "color": "#0072B2", "weight": 1, "segments": [
               {"kind": "compute", "ms": 2, "label": "validate"},
               {"kind": "spawn", "label": "send email", "segments": [
                 {"kind": "compute", "ms": {"dist": "exponential", "mean": 15}, "label": "render"},
                 {"kind": "block", "ms": 5, "offload": true},
                 {"kind": "wait", "ms": 50, "on": "smtp"}]},
               {"kind": "wait", "ms": 10, "label": "db"},
               {"kind": "spawn", "segments": [{"kind": "compute", "ms": 3, "label": "audit log"}]},
               {"kind": "compute", "ms": 2}]}],
             "arrivals": {"pattern": "uniform", "intervalMs": 20, "count": 6}}
            """;

    @ParameterizedTest
    @EnumSource(Policy.class)
    @DisplayName("the type replaced by its code written under each policy: the same requests, background tasks and spans")
    void codeSimulatesLikeSegments(Policy policy) {
        Scenario segments = ScenarioJson.parse(FILE).withPolicy(policy);
        List<RequestType> asCode = segments.requestTypes().stream()
                .map(t -> t.withCode(HandlerCode.text(t, segments.server(), segments.resources()))).toList();
        Scenario coded = ScenarioJson.parse(ScenarioJson.write(segments.withRequestTypes(asCode)));
        assertThat(coded.requestTypes().get(0).code()).get().asString().contains("send_email");

        Trace expected = Simulation.trace(segments);
        Trace actual = Simulation.trace(coded);
        assertThat(expected.program().tasks()).as("the scenario starts background tasks").isNotEmpty();
        assertThat(actual.requests()).isEqualTo(expected.requests());
        assertThat(actual.program().tasks()).isEqualTo(expected.program().tasks());
        assertThat(actual.spans().stream().map(SpawnCodeSimulateTest::span).toList())
                .isEqualTo(expected.spans().stream().map(SpawnCodeSimulateTest::span).toList());
    }

    private static String span(Span s) {
        return s + " " + s.segment() + " " + s.branchIndex() + " " + s.worker() + " " + s.core() + " " + s.poolThread();
    }
}
