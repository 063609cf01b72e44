package io.interleave.app;

import io.interleave.app.metrics.SimulationResult;
import io.interleave.scenario.Scenario;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Service;
import javafx.concurrent.Task;
import javafx.util.Duration;

/**
 * Re-simulates off the FX thread. Requests are debounced (a slider dragged
 * across ten values runs once, {@value #DEBOUNCE_MS} ms after it stops), and
 * a newer request cancels the run in progress, whose result is then never
 * shown. The last good result stays until a newer one succeeds.
 */
public final class SimulationRunner {
    static final int DEBOUNCE_MS = 100;

    private final ReadOnlyObjectWrapper<SimulationResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final PauseTransition debounce = new PauseTransition(Duration.millis(DEBOUNCE_MS));
    private final Service<SimulationResult> service = new Service<>() {
        @Override
        protected Task<SimulationResult> createTask() {
            Scenario scenario = pendingScenario;
            boolean compare = pendingCompare;
            return new Task<>() {
                @Override
                protected SimulationResult call() {
                    updateProgress(-1, 1);
                    return Runs.simulate(scenario, compare, (done, total) -> updateProgress(done, total), this::isCancelled);
                }
            };
        }
    };
    private Scenario pendingScenario;
    private boolean pendingCompare;

    public SimulationRunner() {
        service.setOnSucceeded(e -> {
            SimulationResult value = service.getValue();
            result.set(value);
            error.set(value.deadlock().orElse("")); // a program that deadlocked shows its run up to then, and says why
        });
        service.setOnFailed(e -> {
            Throwable t = service.getException();
            error.set("Simulation failed: " + (t instanceof OutOfMemoryError ? "out of memory; lower the number of requests"
                    : t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage()));
        });
        debounce.setOnFinished(e -> service.restart());
    }

    /** Simulates after the debounce delay, replacing any pending or running request. */
    public void request(Scenario scenario, boolean compare) {
        pendingScenario = scenario;
        pendingCompare = compare;
        service.cancel();
        debounce.playFromStart();
    }

    /** Simulates now (a preset loaded, compare toggled), replacing any pending or running request. */
    public void requestNow(Scenario scenario, boolean compare) {
        pendingScenario = scenario;
        pendingCompare = compare;
        debounce.stop();
        service.restart();
    }

    /** The latest successful result. */
    public ReadOnlyObjectProperty<SimulationResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Why the latest run failed, or why the program it ran stopped short (a deadlock), or "". */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return service.isRunning();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return service.runningProperty();
    }

    /** -1 while the size is unknown, then 0..1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return service.progressProperty();
    }
}
