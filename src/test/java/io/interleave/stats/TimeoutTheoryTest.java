package io.interleave.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.scenario.Policy;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.ScenarioJson;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Theory with client timeouts: no curve, since clients who give up leave the queue")
class TimeoutTheoryTest {
    static Scenario scenario(String timeout) {
        return ScenarioJson.parse("""
                { "schema": 1, "name": "t", "server": { "policy": "sync" },
                  "requestTypes": [ { "name": "job"%s,
                    "segments": [ { "kind": "compute", "ms": { "dist": "exponential", "mean": 10 } } ] } ],
                  "arrivals": { "pattern": "poisson", "ratePerSec": 50, "count": 10 } }""".formatted(timeout));
    }

    @Test
    @DisplayName("the same M/M/1 queue has its curve without a timeout and none with one")
    void noCurveWithTimeout() {
        assertThat(Theory.of(scenario(""), Policy.SYNC)).isPresent();
        assertThat(Theory.of(scenario(", \"timeoutMs\": 100"), Policy.SYNC)).isEmpty();
        assertThat(Theory.of(scenario(", \"timeoutMs\": 100, \"cancelOnTimeout\": true"), Policy.EVENT_LOOP)).isEmpty();
    }
}
