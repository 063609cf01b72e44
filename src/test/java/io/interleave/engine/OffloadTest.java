package io.interleave.engine;

import static io.interleave.engine.TestScenarios.await;
import static io.interleave.engine.TestScenarios.block;
import static io.interleave.engine.TestScenarios.compute;
import static io.interleave.engine.TestScenarios.describe;
import static io.interleave.engine.TestScenarios.explicit;
import static io.interleave.engine.TestScenarios.scenario;
import static io.interleave.engine.TestScenarios.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.scenario.Policy;
import io.interleave.scenario.RequestType;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.Server;
import io.interleave.trace.RequestRecord;
import io.interleave.trace.Span;
import io.interleave.trace.Trace;
import io.interleave.trace.WaitCause;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The third policy, {@code event-loop+pool}: a segment marked offload runs
 * on a pool thread while the loop goes on. Times worked out by hand below.
 */
@DisplayName("Event loop + thread pool: offloaded calls run beside the loop")
class OffloadTest {

    private static final RequestType QUICK = type("quick", compute(2), await(10), compute(2));

    private static Server server(Policy policy, int loops, int cores, double slice, int poolThreads) {
        return new Server(policy, loops, cores, slice, OptionalInt.empty(), OptionalInt.empty(), poolThreads);
    }

    private static Trace run(Scenario s) {
        Trace trace = Simulation.trace(s);
        TraceChecks.all(trace);
        return trace;
    }

    private static Scenario sleepyAndQuick(Policy policy) {
        RequestType sleepy = type("sleepy", compute(5), block(50).withOffload(true), compute(5));
        return scenario(server(policy, 1, 1, 0, 40), List.of(sleepy, QUICK), explicit(0, "sleepy", 10, "quick", 20, "quick"));
    }

    /*
     * Lesson 4's scenario with the time.sleep offloaded (asyncio.to_thread):
     *   R1: compute 0-5 on the loop; 5: the block goes to pool thread 1, blocked 5-55, not holding the loop
     *   R2 at 10: compute 10-12, wait 12-22;  R3 at 20: compute 20-22, wait 22-32
     *   22: R2's continuation (its wait was scheduled first) computes 22-24 -> 24
     *   32: R3 computes 32-34 -> 34
     *   55: the pool thread is done; R1's continuation joins the idle loop: compute 55-60 -> 60
     * Exactly the await-sleep times (60, 24, 34), where the inline block gives 60, 74, 76.
     */
    @Test
    @DisplayName("an offloaded block: the loop keeps serving; R2 and R3 finish at 24 and 34 instead of 74 and 76")
    void offloadedBlockLetsTheLoopServe() {
        Trace t = run(sleepyAndQuick(Policy.EVENT_LOOP_POOL));

        assertThat(t.requests()).extracting(RequestRecord::finishMs).containsExactly(60.0, 24.0, 34.0);
        assertThat(describe(t.spansOf(1))).containsExactly("compute 0-5 w0 c0", "blocked 5-55 w0", "compute 55-60 w0 c0");
        assertThat(describe(t.spansOf(2))).containsExactly("compute 10-12 w0 c0", "wait 12-22 w0", "compute 22-24 w0 c0");
        assertThat(t.label()).isEqualTo("Event loop + thread pool");
    }

    /* Without a pool there is no to_thread: sync and the plain loop run the marked block in place (Lesson 4's times). */
    @Test
    @DisplayName("under sync and the plain event loop, offload changes nothing")
    void offloadIsInlineWithoutAPool() {
        Trace loop = run(sleepyAndQuick(Policy.EVENT_LOOP));
        assertThat(loop.requests()).extracting(RequestRecord::finishMs).containsExactly(60.0, 74.0, 76.0);
        assertThat(describe(loop.spansOf(1))).containsExactly("compute 0-5 w0 c0", "blocked 5-55 w0 held", "compute 55-60 w0 c0");

        Scenario sync = sleepyAndQuick(Policy.SYNC);
        Scenario syncUnmarked = sync.withRequestTypes(List.of(
                type("sleepy", compute(5), block(50), compute(5)), QUICK));
        assertThat(run(sync).requests()).isEqualTo(run(syncUnmarked).requests());
    }

    /*
     * One loop, one core, a pool of ONE thread; "io" = compute 1, offloaded block 10, compute 1; R1 at 0, R2 at 2.
     *   R1: compute 0-1; 1: takes the pool thread, blocked 1-11
     *   R2: compute 2-3; 3: the pool is full, so R2's call queues (ready 3-11, not holding the loop)
     *   11: R1's call ends: its continuation joins the idle loop, compute 11-12 -> 12;
     *       the pool thread takes R2's call: blocked 11-21
     *   21: R2's continuation: compute 21-22 -> 22
     * With two pool threads R2's call runs at once: blocked 3-13, compute 13-14 -> 14.
     */
    @Test
    @DisplayName("a pool of 1 thread: the second offloaded call queues FIFO until the first ends (R2 at 22, not 14)")
    void fullPoolQueues() {
        RequestType io = type("io", compute(1), block(10).withOffload(true), compute(1));
        Scenario one = scenario(server(Policy.EVENT_LOOP_POOL, 1, 1, 0, 1), List.of(io), explicit(0, "io", 2, "io"));

        Trace t = run(one);
        assertThat(t.requests()).extracting(RequestRecord::finishMs).containsExactly(12.0, 22.0);
        assertThat(describe(t.spansOf(1))).containsExactly("compute 0-1 w0 c0", "blocked 1-11 w0", "compute 11-12 w0 c0");
        assertThat(describe(t.spansOf(2))).containsExactly(
                "compute 2-3 w0 c0", "ready 3-11 w0", "blocked 11-21 w0", "compute 21-22 w0 c0");
        assertThat(t.causes().at(2, 3.0)).hasValueSatisfying(c -> assertThat(c.kind()).isEqualTo(WaitCause.THREAD));

        Trace two = run(one.withServer(one.server().withPoolThreads(2)));
        assertThat(two.requests()).extracting(RequestRecord::finishMs).containsExactly(12.0, 14.0);
    }

    /*
     * Offloaded compute competes for cores like a sync thread. One loop, ONE core, 5 ms slices, pool 40.
     * "hash" = offloaded compute 10 (at 0); "quick" = compute 2 (at 1).
     *   0: R1's compute goes to a pool thread, which takes the free core: compute 0-5 (not holding the loop)
     *   1: R2 starts on the loop and waits for the core, holding the loop: ready 1-5
     *   5: the pool thread's quantum ends with R2 waiting: preempted; R2 computes 5-7 -> 7
     *   7: the pool thread gets the core back: compute 7-12 -> R1 finishes at 12
     * With 2 cores nobody waits: R1 0-10, R2 1-3.
     */
    @Test
    @DisplayName("offloaded compute takes a core beside the loop and is time-sliced like a thread")
    void offloadedComputeCompetesForCores() {
        RequestType hash = type("hash", compute(10).withOffload(true));
        RequestType quick = type("quick", compute(2));
        Scenario s = scenario(server(Policy.EVENT_LOOP_POOL, 1, 1, 5, 40), List.of(hash, quick), explicit(0, "hash", 1, "quick"));

        Trace t = run(s);
        assertThat(t.requests()).extracting(RequestRecord::finishMs).containsExactly(12.0, 7.0);
        assertThat(describe(t.spansOf(1))).containsExactly("compute 0-5 w0 c0", "ready 5-7 w0", "compute 7-12 w0 c0");
        assertThat(t.spansOf(1)).noneMatch(Span::holdsWorker);
        assertThat(describe(t.spansOf(2))).containsExactly("ready 1-5 w0 held", "compute 5-7 w0 c0");

        Trace twoCores = run(s.withServer(s.server().withCores(2)));
        assertThat(twoCores.requests()).extracting(RequestRecord::finishMs).containsExactly(10.0, 3.0);
    }
}
