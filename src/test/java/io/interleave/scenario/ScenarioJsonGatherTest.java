package io.interleave.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Fan-out in files: a segment {@code {"kind": "gather", "branches": [[...], [...]]}}. */
@DisplayName("Scenario files: gather segments")
class ScenarioJsonGatherTest {

    private static String file(String segment) {
        return """
                {"schema": 1, "server": {"policy": "event-loop"},
                 "resources": [{"name": "api", "capacity": 2}],
                 "requestTypes": [{"name": "fan", "segments": [{"kind": "compute", "ms": 1}, %s]}],
                 "arrivals": {"pattern": "burst", "count": 3}}""".formatted(segment);
    }

    private static final String THREE_CALLS = """
            {"kind": "gather", "label": "three calls", "branches": [
               [{"kind": "wait", "ms": 100, "on": "api"}],
               [{"kind": "compute", "ms": 2}, {"kind": "wait", "ms": 100}],
               [{"kind": "block", "ms": {"dist": "exponential", "mean": 50}}]]}""";

    @Test
    @DisplayName("reads a gather's branches and writes them back the same, with no ms of its own")
    void readsAndWrites() {
        Scenario s = ScenarioJson.parse(file(THREE_CALLS));
        Segment g = s.requestTypes().get(0).segments().get(1);
        assertThat(g.kind()).isEqualTo(SegmentKind.GATHER);
        assertThat(g.label()).contains("three calls");
        assertThat(g.branches()).hasSize(3);
        assertThat(g.branches().get(1)).extracting(Segment::kind).containsExactly(SegmentKind.COMPUTE, SegmentKind.WAIT);
        assertThat(g.branches().get(0).get(0).on()).contains("api");

        String written = ScenarioJson.write(s);
        assertThat(written).contains("\"kind\" : \"gather\"").contains("\"branches\"");
        assertThat(written).as("a gather has no ms; its 4 inner segments and the compute before it do").containsPattern(
                "(?s)^(?:(?!\"ms\").)*(\"ms\"(?:(?!\"ms\").)*){5}$");
        assertThat(ScenarioJson.parse(written)).isEqualTo(s);
    }

    @Test
    @DisplayName("a request steps through the branches inline, in branch order")
    void steps() {
        Segment g = ScenarioJson.parse(file(THREE_CALLS)).requestTypes().get(0).segments().get(1);
        List<Segment.Step> steps = Segment.steps(List.of(Segment.compute(1, null), g));
        assertThat(steps).extracting(Segment.Step::branch).containsExactly(-1, 0, 1, 1, 2);
        assertThat(steps).extracting(Segment.Step::gather).containsExactly(-1, 1, 1, 1, 1);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"kind": "gather", "branches": [[{"kind": "wait", "ms": 5}]]}                                  | requestTypes[0].segments[1].branches: must hold 2 to 64 branches, was 1
            {"kind": "gather"}                                                                             | requestTypes[0].segments[1].branches: must hold 2 to 64 branches, was 0
            {"kind": "gather", "branches": [[{"kind": "wait", "ms": 5}], []]}                              | requestTypes[0].segments[1].branches[1]: must not be empty
            {"kind": "gather", "ms": 5, "branches": [[{"kind": "wait", "ms": 5}], [{"kind": "wait", "ms": 5}]]} | requestTypes[0].segments[1].ms: a gather takes its time from its branches; leave ms out
            {"kind": "gather", "on": "api", "branches": [[{"kind": "wait", "ms": 5}], [{"kind": "wait", "ms": 5}]]} | requestTypes[0].segments[1].on: a gather uses no resource itself (its branches' segments can)
            {"kind": "gather", "branches": [[{"kind": "wait", "ms": 5}], [{"kind": "wait", "ms": -1}]]}    | requestTypes[0].segments[1].branches[1][0].ms: must be >= 0, was -1
            {"kind": "gather", "branches": [[{"kind": "wait", "ms": 5}], [{"kind": "wait"}]]}              | requestTypes[0].segments[1].branches[1][0].ms: is required
            {"kind": "gather", "branches": [[{"kind": "wait", "ms": 5}], [{"kind": "wait", "ms": 5, "on": "disk"}]]} | requestTypes[0].segments[1].branches[1][0].on: unknown resource 'disk'
            {"kind": "gather", "branches": [[{"kind": "wait", "ms": 5}], [{"kind": "gather", "branches": [[{"kind": "wait", "ms": 1}], [{"kind": "wait", "ms": 1}]]}]]} | requestTypes[0].segments[1].branches[1][0].kind: a gather cannot hold another gather
            {"kind": "gather", "branches": [[{"kind": "wait", "ms": 5}], {"kind": "wait", "ms": 5}]}       | requestTypes[0].segments[1].branches[1]: must be an array
            {"kind": "wait", "ms": 5, "branches": [[{"kind": "wait", "ms": 5}], [{"kind": "wait", "ms": 5}]]} | requestTypes[0].segments[1].branches: only a gather has branches
            {"kind": "wait"}                                                                               | requestTypes[0].segments[1].ms: is required
            """)
    @DisplayName("bad gathers name their JSON path in one line")
    void badInput(String segment, String message) {
        assertThatThrownBy(() -> ScenarioJson.parse(file(segment)))
                .isInstanceOf(InvalidScenarioException.class).hasMessage(message);
    }

    @Test
    @DisplayName("65 branches are too many")
    void tooManyBranches() {
        String branch = "[{\"kind\": \"wait\", \"ms\": 1}]";
        String many = String.join(", ", java.util.Collections.nCopies(65, branch));
        assertThatThrownBy(() -> ScenarioJson.parse(file("{\"kind\": \"gather\", \"branches\": [" + many + "]}")))
                .isInstanceOf(InvalidScenarioException.class)
                .hasMessage("requestTypes[0].segments[1].branches: must hold 2 to 64 branches, was 65");
    }
}
