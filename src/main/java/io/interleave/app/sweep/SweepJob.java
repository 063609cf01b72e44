package io.interleave.app.sweep;

import io.interleave.scenario.Scenario;
import io.interleave.stats.Sweep;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * Runs a {@link SweepPlan} on a scenario with {@link Sweep}, reporting
 * progress after each rate and stopping when cancelled. No JavaFX: the view
 * model calls it on a background thread.
 */
public final class SweepJob {
    private SweepJob() {
    }

    /**
     * A finished sweep and what the chart needs beside it.
     *
     * @param title the scenario's name
     * @param scenario the scenario swept (after {@link SweepPlan#apply})
     */
    public record Outcome(Sweep.Result result, String title, Scenario scenario) {
        public Outcome {
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(scenario, "scenario");
        }

        public int replications() {
            return result.replications();
        }
    }

    /**
     * Runs every rate of {@code plan} on {@code scenario} (already converted
     * by {@link SweepPlan#apply}) under each of its compare variants.
     *
     * @param progress told the share done, 0..1, after each rate
     * @param cancelled polled while running; when true the job throws {@link CancellationException}
     */
    public static Outcome run(SweepPlan plan, Scenario scenario, int threads, DoubleConsumer progress, BooleanSupplier cancelled) {
        Sweep.Result result = Sweep.run(scenario, plan.rates(), plan.replications(), threads, progress, cancelled);
        return new Outcome(result, scenario.name(), scenario);
    }
}
