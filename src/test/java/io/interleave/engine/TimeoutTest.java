package io.interleave.engine;

import static io.interleave.engine.TestScenarios.await;
import static io.interleave.engine.TestScenarios.awaitOn;
import static io.interleave.engine.TestScenarios.compute;
import static io.interleave.engine.TestScenarios.describe;
import static io.interleave.engine.TestScenarios.explicit;
import static io.interleave.engine.TestScenarios.gather;
import static io.interleave.engine.TestScenarios.resource;
import static io.interleave.engine.TestScenarios.scenario;
import static io.interleave.engine.TestScenarios.server;
import static io.interleave.engine.TestScenarios.timed;
import static io.interleave.engine.TestScenarios.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.scenario.Policy;
import io.interleave.scenario.RequestType;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.Segment;
import io.interleave.scenario.Server;
import io.interleave.trace.Causes;
import io.interleave.trace.RequestRecord;
import io.interleave.trace.Status;
import io.interleave.trace.Trace;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Client timeouts and cancellation, worked out by hand under each policy: a
 * timeout during a wait, during a compute, while queued, with a resource
 * slot held, inside a gather and during an offloaded call. One worker, one
 * core, no time slicing unless said.
 */
@DisplayName("Timeouts: sync runs on for nobody, the event loop with cancellation lets go")
class TimeoutTest {

    private static Trace run(Scenario s) {
        Trace trace = Simulation.trace(s);
        TraceChecks.all(trace);
        return trace;
    }

    private static Scenario one(Policy policy, RequestType type) {
        return scenario(server(policy, 1, 1), List.of(type), explicit(0, type.name()));
    }

    // ---------------------------------------------------------------- a timeout during a wait

    /** compute 10, await 100, compute 10; the client gives up at 50 (during the await). */
    private static RequestType duringWait(boolean cancel) {
        return timed("slow", 50, cancel, compute(10), await(100), compute(10));
    }

    /*
     * Sync: the thread cannot be cancelled (cancelOnTimeout is ignored): compute 0-10, wait 10-110
     * holding the thread, split at 50 where the client leaves; compute 110-120 for nobody.
     * Finish 120, timed out, 10 ms of CPU wasted.
     */
    @Test
    @DisplayName("during a wait, sync: the thread waits on and computes for nobody (finish 120, 10 ms CPU wasted)")
    void waitSync() {
        Trace t = run(one(Policy.SYNC, duringWait(true)));
        assertThat(describe(t.spansOf(1))).containsExactly(
                "compute 0-10 w0 c0", "wait 10-50 w0 held", "wait 50-110 w0 held wasted", "compute 110-120 w0 c0 wasted");
        RequestRecord r = t.request(1);
        assertThat(r.status()).isEqualTo(Status.TIMED_OUT);
        assertThat(r.finishMs()).isEqualTo(120.0);
        assertThat(r.wastedCpuMs()).isEqualTo(10.0);
    }

    /* Event loop, cancelOnTimeout: at 50 the task is awaiting, so it is cancelled at once. Finish 50. */
    @Test
    @DisplayName("during a wait, event loop with cancellation: cancelled at once (finish 50, nothing wasted)")
    void waitLoopCancels() {
        Trace t = run(one(Policy.EVENT_LOOP, duringWait(true)));
        assertThat(describe(t.spansOf(1))).containsExactly("compute 0-10 w0 c0", "wait 10-50 w0");
        RequestRecord r = t.request(1);
        assertThat(r.status()).isEqualTo(Status.CANCELLED);
        assertThat(r.finishMs()).isEqualTo(50.0);
        assertThat(r.wastedCpuMs()).isZero();
        assertThat(t.causes().gaveUp()).containsExactly(new Causes.GaveUp(50, 1, true, true));
    }

    /* Event loop without cancellation: as sync, but the await holds nothing. Finish 120, 10 ms wasted. */
    @Test
    @DisplayName("during a wait, event loop without cancellation: runs to the end for nobody (finish 120)")
    void waitLoopRunsOn() {
        Trace t = run(one(Policy.EVENT_LOOP, duringWait(false)));
        assertThat(describe(t.spansOf(1))).containsExactly(
                "compute 0-10 w0 c0", "wait 10-50 w0", "wait 50-110 w0 wasted", "compute 110-120 w0 c0 wasted");
        assertThat(t.request(1).status()).isEqualTo(Status.TIMED_OUT);
        assertThat(t.request(1).wastedCpuMs()).isEqualTo(10.0);
        assertThat(t.causes().gaveUp()).containsExactly(new Causes.GaveUp(50, 1, false, false));
    }

    // ---------------------------------------------------------------- a timeout during a compute

    /** compute 100, await 50, compute 10; the client gives up at 40 (during the first compute). */
    private static RequestType duringCompute() {
        return timed("cpu", 40, true, compute(100), await(50), compute(10));
    }

    /*
     * Event loop, cancelOnTimeout: at 40 the task holds the loop (computing); a running callback cannot be
     * interrupted, so the cancellation waits for its next await, at 100. Compute 0-40, 40-100 wasted.
     * Finish 100, cancelled, 60 ms CPU wasted.
     */
    @Test
    @DisplayName("during a compute, event loop with cancellation: cancelled at its next await (finish 100, 60 ms wasted)")
    void computeLoopCancelsAtAwait() {
        Trace t = run(one(Policy.EVENT_LOOP, duringCompute()));
        assertThat(describe(t.spansOf(1))).containsExactly("compute 0-40 w0 c0", "compute 40-100 w0 c0 wasted");
        RequestRecord r = t.request(1);
        assertThat(r.status()).isEqualTo(Status.CANCELLED);
        assertThat(r.finishMs()).isEqualTo(100.0);
        assertThat(r.wastedCpuMs()).isEqualTo(60.0);
        assertThat(t.causes().gaveUp()).containsExactly(new Causes.GaveUp(40, 1, true, false));
    }

    /* Sync: compute 0-40, 40-100 wasted, wait 100-150 held wasted, compute 150-160 wasted: 70 ms CPU wasted. */
    @Test
    @DisplayName("during a compute, sync: the whole handler runs (finish 160, 70 ms wasted)")
    void computeSync() {
        Trace t = run(one(Policy.SYNC, duringCompute()));
        assertThat(describe(t.spansOf(1))).containsExactly("compute 0-40 w0 c0", "compute 40-100 w0 c0 wasted",
                "wait 100-150 w0 held wasted", "compute 150-160 w0 c0 wasted");
        assertThat(t.request(1).status()).isEqualTo(Status.TIMED_OUT);
        assertThat(t.request(1).wastedCpuMs()).isEqualTo(70.0);
    }

    // ---------------------------------------------------------------- a timeout while queued

    /** "long" (compute 100, no timeout) at 0, then "short" (compute 10, gives up at 50) at 0. */
    private static Scenario queued(Policy policy, boolean cancel) {
        RequestType lng = type("long", compute(100));
        RequestType shrt = timed("short", 50, cancel, compute(10));
        return scenario(server(policy, 1, 1), List.of(lng, shrt), explicit(0, "long", 0, "short"));
    }

    /*
     * Event loop, cancelOnTimeout: R2 waits for the loop behind R1's 100 ms compute; at 50 its client
     * leaves and, as it is queued, it is dropped at once: queued 0-50, cancelled, never started (start 50).
     * R1 is untouched: finish 100.
     */
    @Test
    @DisplayName("while queued, event loop with cancellation: dropped at once (R2 ends at 50, never runs)")
    void queuedLoopCancels() {
        Trace t = run(queued(Policy.EVENT_LOOP, true));
        assertThat(describe(t.spansOf(2))).containsExactly("queued 0-50 w0");
        RequestRecord r2 = t.request(2);
        assertThat(r2.status()).isEqualTo(Status.CANCELLED);
        assertThat(r2.finishMs()).isEqualTo(50.0);
        assertThat(r2.startMs()).isEqualTo(50.0);
        assertThat(t.request(1).finishMs()).isEqualTo(100.0);
        assertThat(t.request(1).status()).isEqualTo(Status.COMPLETED);
    }

    /*
     * Sync (cancellation asked for, but a thread cannot be cancelled): R2 waits for the thread until
     * 100 (wasted from 50), then computes 100-110 for nobody. Finish 110, timed out, 10 ms wasted.
     */
    @Test
    @DisplayName("while queued, sync: served anyway when a thread frees (R2 computes 100-110 for nobody)")
    void queuedSyncServesAnyway() {
        Trace t = run(queued(Policy.SYNC, true));
        assertThat(describe(t.spansOf(2))).containsExactly("queued 0-50", "queued 50-100 wasted", "compute 100-110 w0 c0 wasted");
        assertThat(t.request(2).status()).isEqualTo(Status.TIMED_OUT);
        assertThat(t.request(2).finishMs()).isEqualTo(110.0);
        assertThat(t.request(2).wastedCpuMs()).isEqualTo(10.0);
    }

    // ---------------------------------------------------------------- a slot is released

    /*
     * A database with one connection. R1 ("q", gives up at 30, cancelled) takes it at 0 for 100 ms;
     * R2 ("p", no timeout) starts at 0 and waits for the connection. Event loop: at 30 R1 is cancelled
     * in its await, its connection goes to R2 at once: R2 waits 30-130, finish 130.
     * Sync with two threads: R1 keeps the connection to 100 (wasted from 30), R2 waits 0-100, then 100-200.
     */
    @Test
    @DisplayName("a cancelled await releases its connection at once (event loop: R2 gets it at 30, not 100)")
    void slotReleased() {
        RequestType q = timed("q", 30, true, awaitOn("db", 100));
        RequestType p = type("p", awaitOn("db", 100));
        Scenario loop = scenario(server(Policy.EVENT_LOOP, 1, 1), List.of(resource("db", 1)), List.of(q, p), explicit(0, "q", 0, "p"));
        Trace t = run(loop);
        assertThat(describe(t.spansOf(1))).containsExactly("wait 0-30 w0");
        assertThat(describe(t.spansOf(2))).containsExactly("waiting-resource 0-30 w0", "wait 30-130 w0");
        assertThat(t.request(1).status()).isEqualTo(Status.CANCELLED);
        assertThat(t.request(2).finishMs()).isEqualTo(130.0);

        Scenario sync = scenario(server(Policy.SYNC, 2, 1), List.of(resource("db", 1)), List.of(q, p), explicit(0, "q", 0, "p"));
        Trace s = run(sync);
        assertThat(describe(s.spansOf(1))).containsExactly("wait 0-30 w0 held", "wait 30-100 w0 held wasted");
        assertThat(describe(s.spansOf(2))).containsExactly("waiting-resource 0-100 w1 held", "wait 100-200 w1 held");
        assertThat(s.request(1).status()).isEqualTo(Status.TIMED_OUT);
    }

    // ---------------------------------------------------------------- gathers and the pool

    /*
     * Event loop: compute 2, then a gather of awaits of 100 and 200 ms, then compute 2; gives up at 50,
     * cancelled. At 50 both branches are awaiting: both are cancelled at once, and the request ends at 50.
     */
    @Test
    @DisplayName("a gather is cancelled with all its branches (event loop: ends at 50)")
    void gatherCancelled() {
        RequestType fan = timed("fan", 50, true, compute(2), gather(List.of(await(100)), List.of(await(200))), compute(2));
        Trace t = run(one(Policy.EVENT_LOOP, fan));
        assertThat(describe(t.spansOf(1))).containsExactly("compute 0-2 w0 c0", "wait 2-50 w0 b0", "wait 2-50 w0 b1");
        assertThat(t.request(1).status()).isEqualTo(Status.CANCELLED);
        assertThat(t.request(1).finishMs()).isEqualTo(50.0);
    }

    /*
     * Event loop + pool: an offloaded compute of 100 (a to_thread call) then compute 10; gives up at 40,
     * cancelled. The await of the pool thread is abandoned, but a thread cannot be stopped: the call runs
     * on the pool thread to 100 for nobody (60 ms CPU wasted), and nothing goes back to the loop.
     */
    @Test
    @DisplayName("an offloaded call runs on for nobody on its pool thread; the loop never resumes it")
    void offloadedCallRunsOn() {
        Segment off = new Segment(io.interleave.scenario.SegmentKind.COMPUTE, new io.interleave.scenario.Distribution.Constant(100),
                java.util.Optional.empty(), java.util.Optional.empty(), true);
        RequestType job = timed("job", 40, true, off, compute(10));
        Scenario s = scenario(new Server(Policy.EVENT_LOOP_POOL, 1, 2, 0, OptionalInt.empty(), OptionalInt.empty(), 2),
                List.of(job), explicit(0, "job"));
        Trace t = run(s);
        assertThat(t.spansOf(1)).extracting(sp -> sp.state().csvName() + " " + TestScenarios.num(sp.startMs()) + "-"
                + TestScenarios.num(sp.endMs()) + (sp.wasted() ? " wasted" : "") + sp.poolThread().stream().mapToObj(p -> " p" + p).findFirst().orElse(""))
                .containsExactly("compute 0-40 p0", "compute 40-100 wasted p0");
        assertThat(t.request(1).status()).isEqualTo(Status.CANCELLED);
        assertThat(t.request(1).finishMs()).isEqualTo(100.0);
        assertThat(t.request(1).wastedCpuMs()).isEqualTo(60.0);
    }

    /* A request that finishes before its timeout is completed, and nothing is wasted. */
    @Test
    @DisplayName("a response before the timeout completes as usual")
    void inTime() {
        Trace t = run(one(Policy.SYNC, timed("quick", 200, true, compute(10), await(100))));
        assertThat(t.request(1).status()).isEqualTo(Status.COMPLETED);
        assertThat(t.request(1).finishMs()).isEqualTo(110.0);
        assertThat(t.spans()).noneMatch(io.interleave.trace.Span::wasted);
    }
}
