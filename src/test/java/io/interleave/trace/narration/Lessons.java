package io.interleave.trace.narration;

import io.interleave.engine.Simulation;
import io.interleave.scenario.Arrivals;
import io.interleave.scenario.Policy;
import io.interleave.scenario.Presets;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.Server;
import io.interleave.trace.Trace;
import java.util.List;
import java.util.OptionalInt;

/** Traces the narration tests tell. */
public final class Lessons {
    private Lessons() {
    }

    public static Trace preset(String id, Policy policy) {
        return Simulation.trace(Presets.load(id).orElseThrow().withPolicy(policy));
    }

    /** The lesson run under its compare variant with this label, e.g. "4 threads". */
    public static Trace variant(String id, String label) {
        Scenario s = Presets.load(id).orElseThrow();
        return Simulation.trace(s, s.compareVariants().stream().filter(v -> v.label().equals(label)).findFirst().orElseThrow());
    }

    /**
     * The three-request lesson on one sync thread whose queue holds one:
     * R1 at 0 runs, R2 at 40 queues, R3 at 70 is turned away.
     */
    public static Trace withRejection() {
        Scenario s = Presets.load("three-requests").orElseThrow();
        Server server = new Server(Policy.SYNC, 1, 1, 5, OptionalInt.of(1), OptionalInt.empty());
        return Simulation.trace(s.withServer(server));
    }

    /** Ten lookups at once on one sync thread with room for three to wait: R5..R10 are turned away at 0. */
    public static Trace burst() {
        Scenario s = Presets.load("three-requests").orElseThrow();
        Server server = new Server(Policy.SYNC, 1, 1, 5, OptionalInt.of(3), OptionalInt.empty());
        List<Arrivals.At> at = java.util.stream.IntStream.range(0, 10).mapToObj(i -> new Arrivals.At(i < 4 ? 0 : 50, "lookup")).toList();
        return Simulation.trace(s.withServer(server).withArrivals(new Arrivals.Explicit(at)));
    }
}
