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
}
