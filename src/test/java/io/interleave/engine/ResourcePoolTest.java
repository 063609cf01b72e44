package io.interleave.engine;

import static io.interleave.engine.TestScenarios.awaitOn;
import static io.interleave.engine.TestScenarios.compute;
import static io.interleave.engine.TestScenarios.describe;
import static io.interleave.engine.TestScenarios.resource;
import static io.interleave.engine.TestScenarios.scenario;
import static io.interleave.engine.TestScenarios.server;
import static io.interleave.engine.TestScenarios.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.scenario.Arrivals;
import io.interleave.scenario.Policy;
import io.interleave.scenario.Resource;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.Segment;
import io.interleave.scenario.SegmentKind;
import io.interleave.scenario.Distribution;
import io.interleave.trace.RequestRecord;
import io.interleave.trace.Trace;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Lesson 3 (SPEC 1.3): a database with 2 connections. Each request "q" is
 * compute 2, query 20 on the database, compute 2; four arrive at 0, 1, 2, 3.
 */
@DisplayName("Lesson 3: a database of capacity 2 hands its slots over FIFO")
class ResourcePoolTest {

    private static Scenario db(Policy policy, int workers, int cores, Resource database) {
        return scenario(server(policy, workers, cores), List.of(database),
                List.of(type("q", compute(2), awaitOn("db", 20), compute(2))), new Arrivals.Uniform(1, 4));
    }

    private static Trace run(Scenario s) {
        Trace trace = Simulation.trace(s);
        TraceChecks.all(trace);
        return trace;
    }

    /*
     * Sync, 4 threads, 4 cores: nobody waits for a thread or a core.
     *   R1: compute 0-2, query 2-22 (slot 1), compute 22-24                 -> 24
     *   R2: compute 1-3, query 3-23 (slot 2), compute 23-25                 -> 25
     *   R3: compute 2-4, no free slot: waiting-resource 4-22; R1's slot passes to it
     *       the moment R1's query ends: query 22-42, compute 42-44          -> 44
     *   R4: compute 3-5, waiting-resource 5-23 (behind R3, FIFO); R2's slot at 23:
     *       query 23-43, compute 43-45                                      -> 45
     * Cores: R1 frees core 0 at 2 just before R3 arrives, so R3 takes core 0 (lowest free);
     * likewise R4 takes core 1, which R2 freed at 3.
     */
    @Test
    @DisplayName("sync: R3 and R4 wait for a connection until R1 and R2 release theirs (44, 45)")
    void syncFifoHandOff() {
        Trace t = run(db(Policy.SYNC, 4, 4, resource("db", 2)));

        assertThat(t.requests()).extracting(RequestRecord::finishMs).containsExactly(24.0, 25.0, 44.0, 45.0);
        assertThat(describe(t.spansOf(1))).containsExactly(
                "compute 0-2 w0 c0", "wait 2-22 w0 held", "compute 22-24 w0 c0");
        assertThat(describe(t.spansOf(3))).containsExactly(
                "compute 2-4 w2 c0", "waiting-resource 4-22 w2 held", "wait 22-42 w2 held", "compute 42-44 w2 c0");
        assertThat(describe(t.spansOf(4))).containsExactly(
                "compute 3-5 w3 c1", "waiting-resource 5-23 w3 held", "wait 23-43 w3 held", "compute 43-45 w3 c1");
    }

    @Test
    @DisplayName("sync with an unlimited database: the same four requests finish at 24, 25, 26, 27")
    void unlimited() {
        Trace t = run(db(Policy.SYNC, 4, 4, new Resource("db", OptionalInt.empty())));
        assertThat(t.requests()).extracting(RequestRecord::finishMs).containsExactly(24.0, 25.0, 26.0, 27.0);
        assertThat(t.spans()).noneMatch(s -> s.state() == io.interleave.trace.SpanState.WAITING_RESOURCE);
    }

    /*
     * Event loop, 1 loop, 1 core: the loop is free during queries, but the
     * database is not, so the bottleneck moved downstream.
     *   R1: compute 0-2, query 2-22.  R2 arrives at 1 and is queued on the busy loop.
     *   2: R1 awaits (its compute end was scheduled before R3's arrival); R2 computes 2-4,
     *      query 4-24.  R3 (arrived 2) computes 4-6, finds no slot: waiting-resource 6-22,
     *      without holding the loop.  R4 (arrived 3) computes 6-8, waiting-resource 8-24.
     *   22: R1's query ends; its slot passes to R3 (query 22-42); R1 computes 22-24    -> 24
     *   24: R2's query ends first (scheduled at 4, before R1's compute end at 22); its slot
     *       passes to R4 (query 24-44); R2 waits its turn 24-24, computes 24-26       -> 26
     *   42: R3 computes 42-44 -> 44.   44: R4 computes 44-46                          -> 46
     */
    @Test
    @DisplayName("event loop: the loop is free but the database is the bottleneck (24, 26, 44, 46)")
    void eventLoopBottleneckDownstream() {
        Trace t = run(db(Policy.EVENT_LOOP, 1, 1, resource("db", 2)));

        assertThat(t.requests()).extracting(RequestRecord::finishMs).containsExactly(24.0, 26.0, 44.0, 46.0);
        assertThat(describe(t.spansOf(2))).containsExactly(
                "queued 1-2 w0", "compute 2-4 w0 c0", "wait 4-24 w0", "compute 24-26 w0 c0");
        assertThat(describe(t.spansOf(3))).containsExactly(
                "queued 2-4 w0", "compute 4-6 w0 c0", "waiting-resource 6-22 w0", "wait 22-42 w0", "compute 42-44 w0 c0");
        assertThat(describe(t.spansOf(4))).containsExactly(
                "queued 3-6 w0", "compute 6-8 w0 c0", "waiting-resource 8-24 w0", "wait 24-44 w0", "compute 44-46 w0 c0");
    }

    /*
     * A blocking call that needs a connection holds the loop while it waits for
     * the slot. Capacity 1; R1 = query 10 (await); R2 = blocking query 10 arrives at 1,
     * R3 = compute 1 arrives at 2.
     *   R1 takes the slot, query 0-10.  R2 starts at 1, must wait for the slot and
     *   blocks the loop meanwhile (waiting-resource 1-10, held), then blocked 10-20.
     *   R3 (queued since 2) and R1's continuation (ready since 10, behind R3) are stuck
     *   behind it: at 20 R3 computes 20-21, then R1 sends its response at 21.
     */
    @Test
    @DisplayName("a blocking call waiting for a connection holds the loop while it waits")
    void blockingWaitForSlotHoldsLoop() {
        Segment blockingQuery = new Segment(SegmentKind.BLOCK, new Distribution.Constant(10), Optional.empty(), Optional.of("db"));
        Scenario s = scenario(server(Policy.EVENT_LOOP, 1, 1), List.of(resource("db", 1)),
                List.of(type("async", awaitOn("db", 10)), type("sync", blockingQuery), type("cpu", compute(1))),
                TestScenarios.explicit(0, "async", 1, "sync", 2, "cpu"));
        Trace t = run(s);
        assertThat(t.requests()).extracting(RequestRecord::finishMs).containsExactly(21.0, 20.0, 21.0);
        assertThat(describe(t.spansOf(2))).containsExactly("waiting-resource 1-10 w0 held", "blocked 10-20 w0 held");
        assertThat(describe(t.spansOf(1))).containsExactly("wait 0-10 w0", "ready 10-21 w0");
        assertThat(describe(t.spansOf(3))).containsExactly("queued 2-20 w0", "compute 20-21 w0 c0");
    }

    @Test
    @DisplayName("the connection pool is FIFO: with capacity 1, queries run strictly in request order")
    void strictFifo() {
        // 6 requests arrive together at time 0 on 6 threads; each queries for 10.
        Scenario s = scenario(server(Policy.SYNC, 6, 1), List.of(resource("db", 1)),
                List.of(type("q", awaitOn("db", 10))), new Arrivals.Burst(6, 0));
        Trace t = run(s);
        assertThat(t.requests()).extracting(RequestRecord::finishMs).containsExactly(10.0, 20.0, 30.0, 40.0, 50.0, 60.0);
        assertThat(describe(t.spansOf(4))).containsExactly("waiting-resource 0-30 w3 held", "wait 30-40 w3 held");
    }
}
