package io.interleave.engine;

import static io.interleave.engine.TestScenarios.awaitOn;
import static io.interleave.engine.TestScenarios.compute;
import static io.interleave.engine.TestScenarios.describe;
import static io.interleave.engine.TestScenarios.scenario;
import static io.interleave.engine.TestScenarios.segment;
import static io.interleave.engine.TestScenarios.server;
import static io.interleave.engine.TestScenarios.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.scenario.Arrivals;
import io.interleave.scenario.Distribution;
import io.interleave.scenario.Latency;
import io.interleave.scenario.Policy;
import io.interleave.scenario.Resource;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.SegmentKind;
import io.interleave.trace.RequestRecord;
import io.interleave.trace.Trace;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A resource with {@code "latency": "shared"}: processor sharing, worked out
 * by hand. With k calls inside, each progresses at 1/k of the speed; the
 * comments track the work each call has left.
 */
@DisplayName("A shared-latency service: k calls inside each progress at 1/k speed, exactly")
class SharedServiceTest {

    private static Resource shared(OptionalInt capacity) {
        return new Resource("db", capacity, Latency.SHARED);
    }

    private static Scenario db(Policy policy, int workers, int cores, Resource database, double waitMs, Arrivals arrivals) {
        return scenario(server(policy, workers, cores), List.of(database),
                List.of(type("q", compute(10), awaitOn("db", waitMs), compute(10))), arrivals);
    }

    private static Trace run(Scenario s) {
        Trace trace = Simulation.trace(s);
        TraceChecks.all(trace);
        return trace;
    }

    /*
     * Sync, 2 threads, 2 cores, unlimited shared db; q = compute 10, db 100, compute 10; R1 at 0, R2 at 50.
     *   R1: compute 0-10, enters db at 10 alone: 10-60 it does 50 of its 100 ms of work.
     *   R2: compute 50-60 (core 0, which R1 freed), enters db at 60. Now k = 2: each at half speed.
     *   R1 has 50 left: 100 ms at half speed -> leaves at 160; R2 has done 50 by then, 50 left,
     *   alone again -> leaves at 210.
     *   R1: compute 160-170 -> 170.  R2: compute 210-220 -> 220.
     * Each thread stays held for the whole stretched wait.
     */
    @Test
    @DisplayName("sync: two overlapping calls of 100 ms leave at 160 and 210 (170, 220), threads held throughout")
    void syncTwoOverlapping() {
        Trace t = run(db(Policy.SYNC, 2, 2, shared(OptionalInt.empty()), 100, new Arrivals.Uniform(50, 2)));

        assertThat(t.requests()).extracting(RequestRecord::finishMs).containsExactly(170.0, 220.0);
        assertThat(describe(t.spansOf(1))).containsExactly("compute 0-10 w0 c0", "wait 10-160 w0 held", "compute 160-170 w0 c0");
        assertThat(describe(t.spansOf(2))).containsExactly("compute 50-60 w1 c0", "wait 60-210 w1 held", "compute 210-220 w1 c0");
    }

    @Test
    @DisplayName("the same two calls with fixed latency take 100 ms each (120, 170): shared is what stretches them")
    void fixedForComparison() {
        Trace t = run(db(Policy.SYNC, 2, 2, new Resource("db", OptionalInt.empty()), 100, new Arrivals.Uniform(50, 2)));
        assertThat(t.requests()).extracting(RequestRecord::finishMs).containsExactly(120.0, 170.0);
    }

    /*
     * Event loop, 1 loop, 1 core, unlimited shared db; q = compute 10, db 30, compute 10; three arrive at 0.
     *   R1 computes 0-10 and awaits: inside alone from 10.          R1 left 30
     *   R2 computes 10-20 and awaits at 20; R1 has done 10.          R1 20, R2 30
     *   R3 computes 20-30 and awaits at 30; 20-30 at half speed.     R1 15, R2 25, R3 30
     *   k = 3: R1 needs 15 more = 45 ms -> leaves at 75.             R2 10, R3 15
     *   k = 2: R2 needs 10 more = 20 ms -> leaves at 95.             R3 5
     *   k = 1: R3 leaves at 100.
     *   Continuations: R1 computes 75-85 -> 85; R2 95-105 -> 105; R3 is ready at 100 but the loop
     *   is R2's until 105: ready 100-105, compute 105-115 -> 115.
     */
    @Test
    @DisplayName("event loop: three awaits overlap in the shared db and leave at 75, 95, 100 (85, 105, 115)")
    void eventLoopThree() {
        Trace t = run(db(Policy.EVENT_LOOP, 1, 1, shared(OptionalInt.empty()), 30, new Arrivals.Uniform(0, 3)));

        assertThat(t.requests()).extracting(RequestRecord::finishMs).containsExactly(85.0, 105.0, 115.0);
        assertThat(describe(t.spansOf(1))).containsExactly("compute 0-10 w0 c0", "wait 10-75 w0", "compute 75-85 w0 c0");
        assertThat(describe(t.spansOf(2))).containsExactly("queued 0-10 w0", "compute 10-20 w0 c0", "wait 20-95 w0",
                "compute 95-105 w0 c0");
        assertThat(describe(t.spansOf(3))).containsExactly("queued 0-20 w0", "compute 20-30 w0 c0", "wait 30-100 w0",
                "ready 100-105 w0", "compute 105-115 w0 c0");
    }

    /*
     * The same three under the event loop, but the shared db has 2 slots in front of it.
     *   R1 inside at 10, R2 inside at 20 (R1 has 20 left), R3 at 30 finds both slots taken:
     *   waiting-resource from 30; only R1 and R2 share: 20-30 R1 -> 15, R2 -> 25.
     *   k = 2: R1 needs 15 = 30 ms -> leaves at 60; R2 has 10 left.
     *   R1's slot passes to R3 at 60 (FIFO), R3 enters with 30.
     *   k = 2: R2 needs 10 = 20 ms -> leaves at 80; R3 has 20 left -> alone, leaves at 100.
     *   R1 computes 60-70 -> 70; R2 80-90 -> 90; R3 100-110 -> 110.
     */
    @Test
    @DisplayName("event loop with 2 slots in front: R3 queues for a slot 30-60, then shares (70, 90, 110)")
    void slotsInFront() {
        Trace t = run(db(Policy.EVENT_LOOP, 1, 1, shared(OptionalInt.of(2)), 30, new Arrivals.Uniform(0, 3)));

        assertThat(t.requests()).extracting(RequestRecord::finishMs).containsExactly(70.0, 90.0, 110.0);
        assertThat(describe(t.spansOf(3))).containsExactly("queued 0-20 w0", "compute 20-30 w0 c0",
                "waiting-resource 30-60 w0", "wait 60-100 w0", "compute 100-110 w0 c0");
    }

    /*
     * Sync, 2 threads, 1 core (no slicing), shared db of 30; three arrive at 0.
     *   R1 (thread 1) computes 0-10; R2 (thread 2) waits for the core 0-10, computes 10-20; R3 waits for a thread.
     *   R1 inside at 10 alone; R2 inside at 20 (R1 has 20 left). k = 2: R1 leaves at 20 + 2*20 = 60, R2 has 10 left,
     *   alone: leaves at 70. R1 computes 60-70 and finishes at 70; its thread takes R3 at once, which computes 70-80
     *   on the core R1 held (R2, back from the db at 70, waits for the core 70-80 holding its thread) -> R2
     *   computes 80-90 -> 90. R3 inside alone at 80 -> 110, computes 110-120 -> 120.
     */
    @Test
    @DisplayName("sync with a thread short: the waits stretch while the threads are held (70, 90, 120)")
    void syncThreadsHeld() {
        Trace t = run(db(Policy.SYNC, 2, 1, shared(OptionalInt.empty()), 30, new Arrivals.Uniform(0, 3)));

        assertThat(t.requests()).extracting(RequestRecord::finishMs).containsExactly(70.0, 90.0, 120.0);
        assertThat(describe(t.spansOf(2))).containsExactly("ready 0-10 w1 held", "compute 10-20 w1 c0",
                "wait 20-70 w1 held", "ready 70-80 w1 held", "compute 80-90 w1 c0");
    }

    /*
     * A block on the shared db holds the loop: under the event loop, R1 blocks 0-100 alone (nothing else can
     * run, so nothing else enters the db) -> 100; R2 then blocks 100-200. One at a time: no sharing at all.
     */
    @Test
    @DisplayName("event loop: a blocking call on the shared db holds the loop, so calls never overlap (100, 200)")
    void blockHoldsTheLoop() {
        Scenario s = scenario(server(Policy.EVENT_LOOP, 1, 1), List.of(shared(OptionalInt.empty())),
                List.of(type("b", segment(SegmentKind.BLOCK, new Distribution.Constant(100), "db"))), new Arrivals.Uniform(0, 2));
        Trace t = run(s);
        assertThat(t.requests()).extracting(RequestRecord::finishMs).containsExactly(100.0, 200.0);
    }

    /*
     * Awkward numbers: calls of 1/3 ms and 0.1 ms that overlap many times must still land on the µs.
     * Ten calls of 0.3 ms each arrive 0.1 ms apart into an unlimited shared db (event loop, waits only).
     * Whatever the order, the service is busy without a gap from 0 to 10 * 0.3 = 3 ms (it always works at
     * full speed while anyone is inside), so the last call leaves at exactly 3 ms.
     */
    @Test
    @DisplayName("work is conserved: ten overlapping calls of 0.3 ms arriving every 0.1 ms all leave by exactly 3 ms")
    void workConserved() {
        Scenario s = scenario(server(Policy.EVENT_LOOP, 1, 1), List.of(shared(OptionalInt.empty())),
                List.of(type("w", awaitOn("db", 0.3))), new Arrivals.Uniform(0.1, 10));
        Trace t = run(s);
        double last = t.requests().stream().mapToDouble(RequestRecord::finishMs).max().orElseThrow();
        assertThat(last).isCloseTo(3.0, org.assertj.core.data.Offset.offset(1e-9));
        // processor sharing keeps the order of arrival when every call needs the same work
        assertThat(t.requests()).extracting(RequestRecord::finishMs).isSorted();
    }
}
