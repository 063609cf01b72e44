package io.interleave.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Background tasks in files: a segment {@code {"kind": "spawn", "label": "send email", "segments": [...]}}. */
@DisplayName("Scenario files: spawn segments")
class ScenarioJsonSpawnTest {

    private static String file(String segment) {
        return """
                {"schema": 1, "server": {"policy": "event-loop"},
                 "resources": [{"name": "smtp", "capacity": 2}],
                 "requestTypes": [{"name": "signup", "segments": [{"kind": "compute", "ms": 1}, %s]}],
                 "arrivals": {"pattern": "burst", "count": 3}}""".formatted(segment);
    }

    private static final String EMAIL = """
            {"kind": "spawn", "label": "send email", "segments": [
               {"kind": "compute", "ms": 3, "label": "render"},
               {"kind": "wait", "ms": 50, "on": "smtp"}]}""";

    @Test
    @DisplayName("reads a spawn's task and writes it back the same, with no ms of its own")
    void readsAndWrites() {
        Scenario s = ScenarioJson.parse(file(EMAIL));
        Segment spawn = s.requestTypes().get(0).segments().get(1);
        assertThat(spawn.kind()).isEqualTo(SegmentKind.SPAWN);
        assertThat(spawn.isSpawn()).isTrue();
        assertThat(spawn.label()).contains("send email");
        assertThat(spawn.segments()).extracting(Segment::kind).containsExactly(SegmentKind.COMPUTE, SegmentKind.WAIT);
        assertThat(spawn.segments().get(1).on()).contains("smtp");

        String written = ScenarioJson.write(s);
        assertThat(written).contains("\"kind\" : \"spawn\"");
        assertThat(written).as("a spawn has no ms; its 2 inner segments and the compute before it do").containsPattern(
                "(?s)^(?:(?!\"ms\").)*(\"ms\"(?:(?!\"ms\").)*){3}$");
        assertThat(ScenarioJson.parse(written)).isEqualTo(s);
    }

    @Test
    @DisplayName("a request steps through its own steps (the spawn is one), then its tasks' steps")
    void steps() {
        Segment spawn = ScenarioJson.parse(file(EMAIL)).requestTypes().get(0).segments().get(1);
        List<Segment> segments = List.of(Segment.compute(1, null), spawn, Segment.waitFor(5, null));
        List<Segment.Step> steps = Segment.steps(segments);
        assertThat(steps).extracting(st -> st.segment().kind())
                .containsExactly(SegmentKind.COMPUTE, SegmentKind.SPAWN, SegmentKind.WAIT, SegmentKind.COMPUTE, SegmentKind.WAIT);
        assertThat(steps).extracting(Segment.Step::spawn).containsExactly(-1, -1, -1, 1, 1);
        assertThat(Segment.ownSteps(segments)).isEqualTo(3);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"kind": "spawn"}                                                                              | requestTypes[0].segments[1].segments: a spawn's task must hold at least one segment
            {"kind": "spawn", "segments": []}                                                              | requestTypes[0].segments[1].segments: a spawn's task must hold at least one segment
            {"kind": "spawn", "ms": 5, "segments": [{"kind": "wait", "ms": 5}]}                            | requestTypes[0].segments[1].ms: a spawn goes on at once (its task takes the time of its segments); leave ms out
            {"kind": "spawn", "on": "smtp", "segments": [{"kind": "wait", "ms": 5}]}                       | requestTypes[0].segments[1].on: a spawn uses no resource itself (its task's segments can)
            {"kind": "spawn", "offload": true, "segments": [{"kind": "wait", "ms": 5}]}                    | requestTypes[0].segments[1].offload: a spawn cannot be offloaded (its task's segments can)
            {"kind": "spawn", "segments": [{"kind": "wait", "ms": -1}]}                                    | requestTypes[0].segments[1].segments[0].ms: must be >= 0, was -1
            {"kind": "spawn", "segments": [{"kind": "wait", "ms": 5, "on": "disk"}]}                       | requestTypes[0].segments[1].segments[0].on: unknown resource 'disk'
            {"kind": "spawn", "segments": [{"kind": "spawn", "segments": [{"kind": "wait", "ms": 1}]}]}    | requestTypes[0].segments[1].segments[0].kind: a background task holds compute, wait and block segments only (no spawn)
            {"kind": "spawn", "segments": [{"kind": "gather", "branches": [[{"kind": "wait", "ms": 1}], [{"kind": "wait", "ms": 1}]]}]} | requestTypes[0].segments[1].segments[0].kind: a background task holds compute, wait and block segments only (no gather)
            {"kind": "gather", "branches": [[{"kind": "wait", "ms": 5}], [{"kind": "spawn", "segments": [{"kind": "wait", "ms": 1}]}]]} | requestTypes[0].segments[1].branches[1][0].kind: a gather's branch cannot start a background task; put the spawn before or after the gather
            {"kind": "wait", "ms": 5, "segments": [{"kind": "wait", "ms": 5}]}                             | requestTypes[0].segments[1].segments: only a spawn holds segments
            {"kind": "spawn", "segments": [{"kind": "wait", "ms": 5}], "branches": [[{"kind": "wait", "ms": 5}], [{"kind": "wait", "ms": 5}]]} | requestTypes[0].segments[1].branches: only a gather has branches
            """)
    @DisplayName("bad spawns name their JSON path in one line")
    void badInput(String segment, String message) {
        assertThatThrownBy(() -> ScenarioJson.parse(file(segment)))
                .isInstanceOf(InvalidScenarioException.class).hasMessage(message);
    }
}
