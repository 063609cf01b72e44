package io.interleave.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.interleave.scenario.Policy;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.ScenarioJson;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Theory and capacity with a shared-latency resource: drawn only where a closed form applies")
class SharedTheoryTest {
    static Scenario scenario(String server, String segments) {
        return ScenarioJson.parse("""
                { "schema": 1, "name": "t", "server": %s,
                  "resources": [ { "name": "db", "capacity": null, "latency": "shared" },
                                 { "name": "gate", "capacity": 2, "latency": "shared" } ],
                  "requestTypes": [ { "name": "job", "segments": [ %s ] } ],
                  "arrivals": { "pattern": "poisson", "ratePerSec": 50, "count": 10 } }""".formatted(server, segments));
    }

    static final String AWAIT_EXP10 = "{ \"kind\": \"wait\", \"ms\": { \"dist\": \"exponential\", \"mean\": 10 }, \"on\": \"db\" }";
    static final String AWAIT_CONST10 = "{ \"kind\": \"wait\", \"ms\": 10, \"on\": \"db\" }";

    @Test
    @DisplayName("an event loop that only awaits a shared db is M/M/1-PS: 20 ms at 50/s when the work is 10 ms")
    void mm1ps() {
        Theory.Model m = Theory.of(scenario("{ \"policy\": \"event-loop\" }", AWAIT_EXP10), Policy.EVENT_LOOP).orElseThrow();
        assertThat(m.name()).isEqualTo("M/M/1-PS");
        assertThat(m.capacityPerSec()).isEqualTo(100.0);
        assertThat(m.meanResponseMs(50).orElseThrow()).isCloseTo(20.0, within(1e-9));
        assertThat(m.meanResponseMs(100)).isEmpty();
    }

    @Test
    @DisplayName("processor sharing is insensitive: constant 10 ms work has the same 20 ms mean at 50/s (M/G/1-PS), 4 loops too")
    void mg1psInsensitive() {
        Theory.Model m = Theory.of(scenario("{ \"policy\": \"event-loop\", \"workers\": 4, \"cores\": 4 }", AWAIT_CONST10),
                Policy.EVENT_LOOP).orElseThrow();
        assertThat(m.name()).isEqualTo("M/G/1-PS");
        assertThat(m.meanResponseMs(50).orElseThrow()).isCloseTo(20.0, within(1e-9));
        // a FIFO M/D/1 would say 15 ms: the shared service is not a queue
        assertThat(QueueingTheory.mg1MeanResponseMs(50, 10, 0)).isCloseTo(15.0, within(1e-9));
    }

    @Test
    @DisplayName("no theory: two threads sharing it, a compute before the await, slots in front, or a loop limit")
    void noTheory() {
        assertThat(Theory.of(scenario("{ \"policy\": \"sync\", \"workers\": 2, \"cores\": 2 }", AWAIT_EXP10), Policy.SYNC)).isEmpty();
        assertThat(Theory.of(scenario("{ \"policy\": \"event-loop\" }",
                "{ \"kind\": \"compute\", \"ms\": 1 }, " + AWAIT_EXP10), Policy.EVENT_LOOP)).isEmpty();
        assertThat(Theory.of(scenario("{ \"policy\": \"event-loop\" }",
                "{ \"kind\": \"wait\", \"ms\": 10, \"on\": \"gate\" }"), Policy.EVENT_LOOP)).isEmpty();
        assertThat(Theory.of(scenario("{ \"policy\": \"event-loop\", \"maxConcurrency\": 3 }", AWAIT_EXP10), Policy.EVENT_LOOP)).isEmpty();
    }

    @Test
    @DisplayName("one sync thread never shares the service with anyone: still M/M/1 (the wait is its plain duration)")
    void oneThreadStillMm1() {
        assertThat(Theory.of(scenario("{ \"policy\": \"sync\" }", AWAIT_EXP10), Policy.SYNC)).map(Theory.Model::name).contains("M/M/1");
    }

    @Test
    @DisplayName("capacity: a shared db does one ms of work per ms, so 10 ms of work a request saturates it at 100/s")
    void capacityOfSharedService() {
        Capacity c = Capacity.of(scenario("{ \"policy\": \"event-loop\" }", AWAIT_CONST10));
        assertThat(c.perSecond()).isCloseTo(100.0, within(1e-9));
        assertThat(c.bottleneck()).isEqualTo("db (shared)");
        Capacity gate = Capacity.of(scenario("{ \"policy\": \"event-loop\" }", "{ \"kind\": \"wait\", \"ms\": 10, \"on\": \"gate\" }"));
        assertThat(gate.perSecond()).as("the shared service, not its 2 slots, is the limit").isCloseTo(100.0, within(1e-9));
    }
}
