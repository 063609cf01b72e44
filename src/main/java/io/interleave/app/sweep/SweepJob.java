package io.interleave.app.sweep;

import io.interleave.scenario.Policy;
import io.interleave.scenario.Scenario;
import io.interleave.stats.Sweep;
import io.interleave.stats.Theory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * Runs a {@link SweepPlan} on a scenario with {@link Sweep}, one rate at a
 * time so it can report progress and stop between rates. No JavaFX: the
 * view model calls it on a background thread.
 */
public final class SweepJob {
    private SweepJob() {
    }

    /** A finished sweep and what the chart needs beside it. */
    public record Outcome(Sweep.Result result, Map<Policy, Theory.Model> theory, int replications, String title,
                          Scenario scenario) {
        public Outcome {
            theory = Map.copyOf(theory);
        }
    }

    /**
     * Runs every rate of {@code plan} on {@code scenario} (already converted
     * by {@link SweepPlan#apply}).
     *
     * @param progress told the share done, 0..1, after each rate
     * @param cancelled checked before each rate; when true the job throws {@link CancellationException}
     */
    public static Outcome run(SweepPlan plan, Scenario scenario, int threads, DoubleConsumer progress, BooleanSupplier cancelled) {
        List<Double> rates = plan.rates();
        List<Sweep.Point> points = new ArrayList<>();
        for (int i = 0; i < rates.size(); i++) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("sweep cancelled");
            }
            points.addAll(Sweep.run(scenario, List.of(rates.get(i)), plan.replications(), threads).points());
            progress.accept((i + 1.0) / rates.size());
        }
        points.sort(Comparator.comparing(Sweep.Point::policy).thenComparingDouble(Sweep.Point::ratePerSec));
        return new Outcome(new Sweep.Result(List.copyOf(points)), theory(scenario), plan.replications(),
                scenario.name() + " — response time against arrival rate", scenario);
    }

    /** The closed-form model of each policy, where one applies to the swept scenario. */
    public static Map<Policy, Theory.Model> theory(Scenario scenario) {
        Map<Policy, Theory.Model> theory = new EnumMap<>(Policy.class);
        for (Policy policy : Policy.values()) {
            Theory.of(scenario.withPolicy(policy), policy).ifPresent(m -> theory.put(policy, m));
        }
        return theory;
    }
}
