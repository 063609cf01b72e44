package io.interleave.app.sweep;

import io.interleave.scenario.Arrivals;
import io.interleave.scenario.Distribution;
import io.interleave.scenario.Policy;
import io.interleave.scenario.Presets;
import io.interleave.scenario.RequestType;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.Segment;
import io.interleave.scenario.SegmentKind;
import io.interleave.scenario.Server;
import java.util.List;
import java.util.Optional;

/** Scenarios the sweep tests share. */
final class SweepScenarios {
    private SweepScenarios() {
    }

    /** The first lesson: two request types, explicit arrivals. */
    static Scenario threeRequests() {
        return Presets.load("three-requests").orElseThrow();
    }

    /** One exponential compute segment of 10 ms, one worker, one core: M/M/1 under both policies, capacity 100/s. */
    static Scenario mm1() {
        RequestType type = new RequestType("job", "#0072B2", 1,
                List.of(new Segment(SegmentKind.COMPUTE, new Distribution.Exponential(10), Optional.empty(), Optional.empty())));
        return new Scenario("One queue", "An M/M/1 queue.", 7, Server.of(Policy.SYNC, 1, 1), List.of(), List.of(type),
                new Arrivals.Poisson(50, 100));
    }
}
