package io.interleave.app;

import io.interleave.app.metrics.SimulationResult;
import io.interleave.engine.DeadlockException;
import io.interleave.engine.Simulation;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.Variant;
import io.interleave.stats.SummaryCollector;
import io.interleave.trace.RequestRecord;
import io.interleave.trace.RunTotals;
import io.interleave.trace.SpanState;
import io.interleave.trace.Trace;
import io.interleave.trace.TraceListener;
import io.interleave.trace.TraceRecorder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/** Runs the simulations behind the window; plain Java, called off the FX thread. */
public final class Runs {
    private Runs() {
    }

    /** Reports how far a run has got. */
    public interface Progress {
        void update(long done, long total);
    }

    /**
     * Simulates the scenario under its own server, or under each of its
     * compare variants in order when comparing (the same workload, by common
     * random numbers).
     *
     * @throws CancellationException as soon as {@code cancelled} says so
     */
    public static SimulationResult simulate(Scenario scenario, boolean compare, Progress progress, BooleanSupplier cancelled) {
        List<Variant> variants = compare ? scenario.compareVariants() : List.of();
        if (scenario.hasTasks()) {
            return program(scenario, compare, variants, cancelled);
        }
        long total = (long) scenario.arrivals().count() * Math.max(1, variants.size());
        List<Trace> traces = new ArrayList<>();
        if (variants.isEmpty()) {
            traces.add(trace(scenario, scenario.server().policy().displayName(), done -> progress.update(done, total), cancelled));
        }
        for (Variant variant : variants) {
            long before = (long) scenario.arrivals().count() * traces.size();
            traces.add(trace(scenario.under(variant), variant.label(), done -> progress.update(before + done, total), cancelled));
        }
        return new SimulationResult(scenario, compare, traces,
                traces.stream().map(t -> SummaryCollector.of(t, 0)).toList());
    }

    /**
     * A program of tasks: each run kept whole (its tasks, items and queue lengths); a run that
     * deadlocks is kept up to the deadlock, its trace's program saying why (see {@link SimulationResult#deadlock()}).
     */
    private static SimulationResult program(Scenario scenario, boolean compare, List<Variant> variants, BooleanSupplier cancelled) {
        List<Trace> traces = new ArrayList<>();
        if (variants.isEmpty()) {
            traces.add(upToDeadlock(() -> Simulation.trace(scenario)));
        }
        for (Variant variant : variants) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("superseded by a newer change");
            }
            traces.add(upToDeadlock(() -> Simulation.trace(scenario, variant)));
        }
        return new SimulationResult(scenario, compare, traces,
                traces.stream().map(t -> SummaryCollector.of(t, 0)).toList());
    }

    private static Trace upToDeadlock(java.util.function.Supplier<Trace> run) {
        try {
            return run.get();
        } catch (DeadlockException e) {
            return e.trace().orElseThrow(() -> e);
        }
    }

    private static Trace trace(Scenario scenario, String label, java.util.function.LongConsumer done, BooleanSupplier cancelled) {
        TraceRecorder recorder = new TraceRecorder();
        TraceListener watcher = new TraceListener() {
            private long finished;

            @Override
            public void request(RequestRecord request) {
                finished++;
                if ((finished & 0x3FF) == 0) {
                    if (cancelled.getAsBoolean()) {
                        throw new CancellationException("superseded by a newer change");
                    }
                    done.accept(finished);
                }
            }

            @Override
            public void span(int requestId, SpanState state, double startMs, double endMs,
                             int worker, int poolThread, int core, int segment, boolean holdsWorker) {
            }

            @Override
            public boolean wantsSpans() {
                return false;
            }
        };
        RunTotals totals = Simulation.run(scenario, TraceListener.both(recorder, watcher));
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("superseded by a newer change");
        }
        return recorder.toTrace(scenario, label, totals);
    }
}
