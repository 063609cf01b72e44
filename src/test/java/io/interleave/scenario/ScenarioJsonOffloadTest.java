package io.interleave.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The third policy in files: {@code "policy": "event-loop+pool"}, {@code server.poolThreads}, a segment's {@code offload}. */
@DisplayName("Scenario files: event-loop+pool, poolThreads and offload")
class ScenarioJsonOffloadTest {

    private static String file(String server, String segment) {
        return """
                {"schema": 1, "server": %s,
                 "requestTypes": [{"name": "io", "segments": [{"kind": "compute", "ms": 1}, %s]}],
                 "arrivals": {"pattern": "burst", "count": 3}}""".formatted(server, segment);
    }

    @Test
    @DisplayName("reads the policy, poolThreads and offload, and writes them back the same")
    void readsAndWrites() {
        Scenario s = ScenarioJson.parse(file("{\"policy\": \"event-loop+pool\", \"poolThreads\": 4}",
                "{\"kind\": \"block\", \"ms\": 50, \"offload\": true}"));
        assertThat(s.server().policy()).isEqualTo(Policy.EVENT_LOOP_POOL);
        assertThat(s.server().poolThreads()).isEqualTo(4);
        assertThat(s.requestTypes().get(0).segments()).extracting(Segment::offload).containsExactly(false, true);

        String written = ScenarioJson.write(s);
        assertThat(written).contains("\"policy\" : \"event-loop+pool\"").contains("\"poolThreads\" : 4").contains("\"offload\" : true");
        assertThat(written).containsOnlyOnce("offload"); // written only when true
        assertThat(ScenarioJson.parse(written)).isEqualTo(s);
    }

    @Test
    @DisplayName("left out: 40 pool threads (Starlette's) and no offload; a file without them is written as before")
    void defaults() {
        Scenario s = ScenarioJson.parse(file("{\"policy\": \"event-loop\"}", "{\"kind\": \"block\", \"ms\": 50}"));
        assertThat(s.server().poolThreads()).isEqualTo(40);
        assertThat(s.requestTypes().get(0).segments().get(1).offload()).isFalse();
        assertThat(ScenarioJson.write(s)).doesNotContain("poolThreads").doesNotContain("offload");
        assertThat(Policy.EVENT_LOOP_POOL.displayName()).isEqualTo("Event loop + thread pool");
        assertThat(Policy.EVENT_LOOP_POOL.workerName(0)).isEqualTo("Loop 1");
        assertThat(Policy.EVENT_LOOP_POOL.styleKey()).isEqualTo("event-loop-pool");
        assertThat(Policy.EVENT_LOOP_POOL.waitsHoldWorker()).isFalse();
    }

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            {"policy": "event-loop+pool", "poolThreads": 0}     | {"kind": "block", "ms": 5}                    | server.poolThreads: must be between 1 and 10000, was 0
            {"policy": "event-loop+pool", "poolThreads": 2.5}   | {"kind": "block", "ms": 5}                    | server.poolThreads: must be an integer, was 2.5
            {"policy": "event-loop+pool", "poolThreads": null}  | {"kind": "block", "ms": 5}                    | server.poolThreads: must not be null
            {"policy": "event-loop+pool"}                       | {"kind": "block", "ms": 5, "offload": "yes"}  | requestTypes[0].segments[1].offload: must be true or false
            {"policy": "event-loop+pool"}                       | {"kind": "block", "ms": 5, "offload": 1}      | requestTypes[0].segments[1].offload: must be true or false
            {"policy": "event-loop+pool"}                       | {"kind": "wait", "ms": 5, "offload": true}    | requestTypes[0].segments[1].offload: only block and compute segments can be offloaded (a wait already lets go of the loop)
            """)
    @DisplayName("bad poolThreads and offload values name their path")
    void badInput(String server, String segment, String message) {
        assertThatThrownBy(() -> ScenarioJson.parse(file(server, segment)))
                .isInstanceOf(InvalidScenarioException.class).hasMessage(message);
    }
}
