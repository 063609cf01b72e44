package io.interleave.app.metrics;

import io.interleave.scenario.Scenario;
import io.interleave.stats.Summary;
import io.interleave.trace.Trace;
import java.util.List;

/**
 * What one re-simulation produced: a trace and its summary per policy shown
 * (one, or sync then event loop when comparing).
 */
public record SimulationResult(Scenario scenario, boolean compare, List<Trace> traces, List<Summary> summaries) {
    public SimulationResult {
        traces = List.copyOf(traces);
        summaries = List.copyOf(summaries);
        if (traces.isEmpty() || traces.size() != summaries.size()) {
            throw new IllegalArgumentException("traces: one summary per trace, at least one, was "
                    + traces.size() + " traces and " + summaries.size() + " summaries");
        }
    }

    /**
     * Why a program of tasks stopped short, if a run of it deadlocked: the engine's one line
     * ("deadlock at 100 ms: every task waits …"), after the variant's label when comparing. That
     * run's trace holds it up to that instant.
     */
    public java.util.Optional<String> deadlock() {
        for (Trace t : traces) {
            if (t.program().deadlock().isPresent()) {
                String message = t.program().deadlock().get();
                return java.util.Optional.of(compare ? t.label() + ": " + message : message);
            }
        }
        return java.util.Optional.empty();
    }
}
