package io.interleave.app;

import static io.interleave.engine.TestScenarios.compute;
import static io.interleave.engine.TestScenarios.scenario;
import static io.interleave.engine.TestScenarios.server;
import static io.interleave.engine.TestScenarios.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.scenario.Arrivals;
import io.interleave.scenario.Policy;
import io.interleave.scenario.Scenario;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window's runs: a run the engine stops (a limit of one run) becomes a message, never a crash. */
@ExtendWith(ApplicationExtension.class)
@DisplayName("SimulationRunner: a run past its limits")
class SimulationRunnerTest {
    @Start
    void start(Stage stage) {
        // only the toolkit is needed
    }

    /** Requests of 10^9 ms each from 10^9 ms on one thread: the last would end past the clock's range. */
    private static Scenario pastTheClock() {
        return scenario(server(Policy.SYNC, 1, 1), List.of(type("long", compute(1e9))), new Arrivals.Burst(1099, 1e9));
    }

    @Test
    @DisplayName("the engine's one line reaches the window as the runner's error; a good run afterwards clears it")
    void runPastTheClock() throws Exception {
        SimulationRunner runner = onFx(SimulationRunner::new);
        onFx(() -> {
            runner.requestNow(pastTheClock(), false);
            return true;
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !onFx(() -> runner.errorProperty().get()).isEmpty());

        assertThat(onFx(() -> runner.errorProperty().get()))
                .isEqualTo("Simulation failed: the simulated clock would pass 1099511627776 ms (about 34.8 years), beyond which it cannot"
                        + " keep 1 µs (an event was due at 1100000000000 ms); shorten the durations or lower the count");
        assertThat(onFx(() -> runner.resultProperty().get())).isNull();

        onFx(() -> {
            runner.requestNow(scenario(server(Policy.SYNC, 1, 1), List.of(type("short", compute(1))), new Arrivals.Burst(2, 0)), false);
            return true;
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> runner.resultProperty().get()) != null);
        assertThat(onFx(() -> runner.errorProperty().get())).isEmpty();
    }

    @Test
    @DisplayName("a program that deadlocks: the run up to then is the result, and the deadlock's line is the runner's error")
    void deadlock() throws Exception {
        SimulationRunner runner = onFx(SimulationRunner::new);
        onFx(() -> {
            runner.requestNow(io.interleave.scenario.ScenarioJson.parse(RunsTest.DEADLOCK), false);
            return true;
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> runner.resultProperty().get()) != null);
        assertThat(onFx(() -> runner.errorProperty().get()))
                .isEqualTo("deadlock at 100 ms: every task waits and nothing else can happen: consumer waits to get from 'items' (empty)");
        assertThat(onFx(() -> runner.resultProperty().get().traces().get(0).program().deadlock())).isPresent();
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
    }
}
