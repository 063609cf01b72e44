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
}
