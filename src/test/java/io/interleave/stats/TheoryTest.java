package io.interleave.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.interleave.scenario.Policy;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.ScenarioJson;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Theory: which closed form predicts a scenario, and its values")
class TheoryTest {
    static Scenario scenario(String server, String segments, String arrivals) {
        return ScenarioJson.parse("""
                { "schema": 1, "name": "t", "server": %s,
                  "resources": [ { "name": "db", "capacity": null }, { "name": "pool", "capacity": 2 } ],
                  "requestTypes": [ { "name": "job", "segments": [ %s ] } ],
                  "arrivals": %s }""".formatted(server, segments, arrivals));
    }

    static final String POISSON = "{ \"pattern\": \"poisson\", \"ratePerSec\": 50, \"count\": 10 }";
    static final String EXP10 = "{ \"kind\": \"compute\", \"ms\": { \"dist\": \"exponential\", \"mean\": 10 } }";

    @Test
    @DisplayName("one thread, exponential 10 ms: M/M/1, mean 1/(mu - lambda) = 20 ms at 50/s, capacity 100/s")
    void mm1() {
        Theory.Model m = Theory.of(scenario("{ \"policy\": \"sync\" }", EXP10, POISSON), Policy.SYNC).orElseThrow();

        assertThat(m.name()).isEqualTo("M/M/1");
        assertThat(m.capacityPerSec()).isEqualTo(100.0);
        assertThat(m.meanResponseMs(50).orElseThrow()).isCloseTo(20.0, within(1e-9));
        assertThat(m.meanResponseMs(100)).isEmpty();
        assertThat(m.meanResponseMs(150)).isEmpty();
    }

    @Test
    @DisplayName("three threads on three cores: M/M/3 with Erlang C")
    void mmc() {
        Theory.Model m = Theory.of(scenario("{ \"policy\": \"sync\", \"workers\": 3, \"cores\": 3 }", EXP10, POISSON), Policy.SYNC).orElseThrow();

        assertThat(m.name()).isEqualTo("M/M/3 (Erlang C)");
        assertThat(m.meanResponseMs(200).orElseThrow()).isCloseTo(QueueingTheory.mmcMeanResponseMs(3, 200, 10), within(1e-12));
    }

    @Test
    @DisplayName("one thread holding a constant 4 ms compute and a uniform 2-8 ms wait: M/G/1 with the summed mean and variance")
    void mg1WithWait() {
        Theory.Model m = Theory.of(scenario("{ \"policy\": \"sync\" }",
                "{ \"kind\": \"compute\", \"ms\": 4 }, { \"kind\": \"wait\", \"ms\": { \"dist\": \"uniform\", \"min\": 2, \"max\": 8 }, \"on\": \"db\" }",
                POISSON), Policy.SYNC).orElseThrow();

        assertThat(m.name()).isEqualTo("M/G/1 (Pollaczek–Khinchine)");
        assertThat(m.meanServiceMs()).isEqualTo(9.0);
        assertThat(m.serviceVarianceMs2()).isCloseTo(3.0, within(1e-12));
        assertThat(m.meanResponseMs(50).orElseThrow()).isCloseTo(QueueingTheory.mg1MeanResponseMs(50, 9, 3), within(1e-12));
    }

    @Test
    @DisplayName("one event loop that only computes is M/G/1 too; with a wait it is no textbook queue")
    void eventLoop() {
        assertThat(Theory.of(scenario("{ \"policy\": \"event-loop\" }", EXP10, POISSON), Policy.EVENT_LOOP))
                .map(Theory.Model::name).contains("M/M/1");
        assertThat(Theory.of(scenario("{ \"policy\": \"event-loop\" }",
                EXP10 + ", { \"kind\": \"wait\", \"ms\": 5 }", POISSON), Policy.EVENT_LOOP)).isEmpty();
    }

    @Test
    @DisplayName("no theory for fewer cores than threads, a limited pool, a queue limit, or non-Poisson arrivals")
    void noTheory() {
        assertThat(Theory.of(scenario("{ \"policy\": \"sync\", \"workers\": 2, \"cores\": 1 }", EXP10, POISSON), Policy.SYNC)).isEmpty();
        assertThat(Theory.of(scenario("{ \"policy\": \"sync\" }", "{ \"kind\": \"wait\", \"ms\": 5, \"on\": \"pool\" }", POISSON), Policy.SYNC)).isEmpty();
        assertThat(Theory.of(scenario("{ \"policy\": \"sync\", \"queueLimit\": 3 }", EXP10, POISSON), Policy.SYNC)).isEmpty();
        assertThat(Theory.of(scenario("{ \"policy\": \"sync\" }", EXP10, "{ \"pattern\": \"uniform\", \"intervalMs\": 20, \"count\": 5 }"), Policy.SYNC)).isEmpty();
        assertThat(Theory.of(scenario("{ \"policy\": \"sync\", \"workers\": 2, \"cores\": 2 }",
                "{ \"kind\": \"compute\", \"ms\": 5 }", POISSON), Policy.SYNC)).as("M/D/2 has no closed form here").isEqualTo(Optional.empty());
    }
}
