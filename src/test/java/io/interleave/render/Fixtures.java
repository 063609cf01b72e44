package io.interleave.render;

import io.interleave.engine.Simulation;
import io.interleave.scenario.Arrivals;
import io.interleave.scenario.Distribution;
import io.interleave.scenario.Policy;
import io.interleave.scenario.Presets;
import io.interleave.scenario.RequestType;
import io.interleave.scenario.Resource;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.Segment;
import io.interleave.scenario.SegmentKind;
import io.interleave.scenario.Server;
import io.interleave.trace.Trace;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Traces the timeline tests draw. */
public final class Fixtures {
    private Fixtures() {
    }

    /** The lesson: R1 0–100, R2 and R3 queue behind it under sync (one thread, one core). */
    public static Trace threeRequests(Policy policy) {
        return Simulation.trace(Presets.load("three-requests").orElseThrow().withPolicy(policy));
    }

    /** Many requests of one kind arriving at random; {@code queueLimit} may reject some. */
    public static Trace many(Policy policy, int count, double ratePerSec, int workers, OptionalInt queueLimit) {
        RequestType page = new RequestType("page", "#0072B2", 1, List.of(
                Segment.compute(4, "framework"),
                new Segment(SegmentKind.WAIT, new Distribution.Exponential(30), Optional.of("db query"), Optional.of("database")),
                Segment.compute(2, "render"),
                new Segment(SegmentKind.BLOCK, new Distribution.Constant(3), Optional.of("log write"), Optional.empty())));
        Scenario scenario = new Scenario("Many", "", 11,
                new Server(policy, workers, 2, 5, queueLimit, OptionalInt.empty()),
                List.of(new Resource("database", OptionalInt.of(3))), List.of(page),
                new Arrivals.Poisson(ratePerSec, count));
        return Simulation.trace(scenario);
    }
}
