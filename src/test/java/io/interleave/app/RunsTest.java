package io.interleave.app;

import io.interleave.app.metrics.SimulationResult;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.interleave.scenario.Arrivals;
import io.interleave.scenario.Policy;
import io.interleave.scenario.Presets;
import io.interleave.scenario.Scenario;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RunsTest {
    private static final Scenario LESSON = Presets.load("three-requests").orElseThrow();

    @Test
    @DisplayName("compare runs the same workload under sync, then event loop")
    void compare() {
        SimulationResult r = Runs.simulate(LESSON, true, (d, t) -> { }, () -> false);
        assertThat(r.traces()).extracting(t -> t.scenario().server().policy()).containsExactly(Policy.SYNC, Policy.EVENT_LOOP);
        assertThat(r.summaries().get(0).response().max()).isEqualTo(166);
        assertThat(r.summaries().get(1).response().max()).isEqualTo(100);
    }

    @Test
    @DisplayName("a large run reports progress and stops when cancelled")
    void progressAndCancel() {
        Scenario big = LESSON.withArrivals(new Arrivals.Poisson(20, 20_000));
        AtomicLong seen = new AtomicLong();
        assertThatThrownBy(() -> Runs.simulate(big, false, (done, total) -> seen.set(done), () -> seen.get() >= 4096))
                .isInstanceOf(CancellationException.class);
        assertThat(seen.get()).isBetween(4096L, 5120L);
    }

    static final String DEADLOCK = """
            {"schema": 1, "name": "a consumer that wants one item too many",
             "server": {"policy": "event-loop", "workers": 1, "cores": 1},
             "queues": [{"name": "items"}],
             "tasks": [
               {"name": "producer", "steps": [{"kind": "compute", "ms": 100}, {"kind": "put", "queue": "items"}]},
               {"name": "consumer", "steps": [{"kind": "get", "queue": "items", "repeat": 2}]}]}
            """;

    @Test
    @DisplayName("a program of tasks runs in the window under each variant, keeping its tasks, items and queue lengths")
    void program() {
        Scenario example = io.interleave.scenario.ScenarioJson.read(java.nio.file.Path.of("examples", "producer-consumer.json"));
        SimulationResult r = Runs.simulate(example, true, (d, t) -> { }, () -> false);
        assertThat(r.traces()).extracting(io.interleave.trace.Trace::label).containsExactly("Sync (one thread)", "asyncio (one loop)");
        assertThat(r.traces()).extracting(io.interleave.trace.Trace::endMs).containsExactly(30_000.0, 20_000.0);
        assertThat(r.traces()).allSatisfy(t -> {
            assertThat(t.program().tasks()).hasSize(2);
            assertThat(t.program().items()).hasSize(40);
            assertThat(t.program().changes()).isNotEmpty();
        });
        assertThat(r.deadlock()).isEmpty();
    }

    @Test
    @DisplayName("a program that deadlocks is kept up to that instant, and the result says why")
    void deadlock() {
        Scenario stuck = io.interleave.scenario.ScenarioJson.parse(DEADLOCK);
        SimulationResult r = Runs.simulate(stuck, false, (d, t) -> { }, () -> false);
        assertThat(r.traces()).hasSize(1);
        assertThat(r.traces().get(0).endMs()).isEqualTo(100);
        assertThat(r.traces().get(0).program().items()).hasSize(1);
        assertThat(r.deadlock()).contains("deadlock at 100 ms: every task waits and nothing else can happen: "
                + "consumer waits to get from 'items' (empty)");
    }
}
