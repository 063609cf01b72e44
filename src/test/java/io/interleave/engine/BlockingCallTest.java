package io.interleave.engine;

import static io.interleave.engine.TestScenarios.await;
import static io.interleave.engine.TestScenarios.block;
import static io.interleave.engine.TestScenarios.compute;
import static io.interleave.engine.TestScenarios.describe;
import static io.interleave.engine.TestScenarios.explicit;
import static io.interleave.engine.TestScenarios.scenario;
import static io.interleave.engine.TestScenarios.server;
import static io.interleave.engine.TestScenarios.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.scenario.Policy;
import io.interleave.scenario.RequestType;
import io.interleave.scenario.Scenario;
import io.interleave.trace.RequestRecord;
import io.interleave.trace.Trace;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Lesson 4 (SPEC 1.4): a blocking call inside async code holds the loop.
 * R1 "sleepy" at 0: compute 5, sleep 50, compute 5. R2 and R3 "quick" at 10
 * and 20: compute 2, wait 10, compute 2. One loop, one core, no slicing.
 */
@DisplayName("Lesson 4: a blocking call on the event loop stalls everyone")
class BlockingCallTest {

    private static final RequestType QUICK = type("quick", compute(2), await(10), compute(2));

    private static Scenario withSleep(RequestType sleepy, Policy policy) {
        return scenario(server(policy, 1, 1), List.of(sleepy, QUICK), explicit(0, "sleepy", 10, "quick", 20, "quick"));
    }

    private static Trace run(Scenario s) {
        Trace trace = Simulation.trace(s);
        TraceChecks.all(trace);
        return trace;
    }

    /*
     * time.sleep (block) holds the loop from 5 to 55:
     *   R1: compute 0-5, blocked 5-55 (holding the loop), compute 55-60 -> 60
     *   R2, R3 arrive at 10 and 20 and sit queued on the busy loop until 60.
     *   60: R2 compute 60-62, wait 62-72; the loop moves on to R3: compute 62-64, wait 64-74
     *   72: R2's continuation: compute 72-74 -> 74
     *   74: R3's continuation: compute 74-76 -> 76
     * Responses 60, 64, 56: the quick requests pay for the whole sleep.
     */
    @Test
    @DisplayName("with time.sleep (block 50): R2 and R3 queue behind it and finish at 74 and 76")
    void blockingSleep() {
        Trace t = run(withSleep(type("sleepy", compute(5), block(50), compute(5)), Policy.EVENT_LOOP));

        assertThat(t.requests()).extracting(RequestRecord::finishMs).containsExactly(60.0, 74.0, 76.0);
        assertThat(t.requests()).extracting(RequestRecord::startMs).containsExactly(0.0, 60.0, 62.0);
        assertThat(describe(t.spansOf(1))).containsExactly(
                "compute 0-5 w0 c0", "blocked 5-55 w0 held", "compute 55-60 w0 c0");
        assertThat(describe(t.spansOf(2))).containsExactly(
                "queued 10-60 w0", "compute 60-62 w0 c0", "wait 62-72 w0", "compute 72-74 w0 c0");
        assertThat(describe(t.spansOf(3))).containsExactly(
                "queued 20-62 w0", "compute 62-64 w0 c0", "wait 64-74 w0", "compute 74-76 w0 c0");
        // the loop's lane shows R1 blocking it; while blocked the core is free
        assertThat(describe(t.workerLane(0)).subList(0, 3)).containsExactly(
                "compute 0-5 w0 c0", "blocked 5-55 w0 held", "compute 55-60 w0 c0");
        assertThat(t.totals().busyCoreMs()).isEqualTo(18.0);
    }

    /*
     * await asyncio.sleep (wait) frees the loop from 5 to 55:
     *   R2: compute 10-12, wait 12-22;  R3: compute 20-22, wait 22-32
     *   22: R2's wait ends (scheduled at 12) before R3's compute ends (scheduled at 20),
     *       so R2 joins the ready queue; R3 then awaits and R2 computes 22-24 -> 24
     *   32: R3 compute 32-34 -> 34;  55: R1 compute 55-60 -> 60
     * Responses 60, 14, 14: the quick requests are as fast as alone.
     */
    @Test
    @DisplayName("with await sleep (wait 50) instead: R2 and R3 finish at 24 and 34, as fast as alone")
    void asyncSleep() {
        Trace t = run(withSleep(type("sleepy", compute(5), await(50), compute(5)), Policy.EVENT_LOOP));

        assertThat(t.requests()).extracting(RequestRecord::finishMs).containsExactly(60.0, 24.0, 34.0);
        assertThat(t.requests()).extracting(RequestRecord::responseMs).containsExactly(60.0, 14.0, 14.0);
        assertThat(describe(t.spansOf(2))).containsExactly(
                "compute 10-12 w0 c0", "wait 12-22 w0", "compute 22-24 w0 c0");
    }

    @Test
    @DisplayName("under sync a block behaves exactly like a wait (only the span's name differs)")
    void syncBlockIsWait() {
        Trace blocking = run(withSleep(type("sleepy", compute(5), block(50), compute(5)), Policy.SYNC));
        Trace waiting = run(withSleep(type("sleepy", compute(5), await(50), compute(5)), Policy.SYNC));

        assertThat(blocking.requests()).isEqualTo(waiting.requests());
        // one thread: 0-60 R1, then R2 60-74 (2 + 10 + 2), then R3 74-88
        assertThat(blocking.requests()).extracting(RequestRecord::finishMs).containsExactly(60.0, 74.0, 88.0);
        assertThat(describe(blocking.spansOf(1))).containsExactly(
                "compute 0-5 w0 c0", "blocked 5-55 w0 held", "compute 55-60 w0 c0");
        assertThat(describe(waiting.spansOf(1))).containsExactly(
                "compute 0-5 w0 c0", "wait 5-55 w0 held", "compute 55-60 w0 c0");
    }

    /*
     * The compute after a block runs on without a loop turn: R1 = compute 5,
     * block 10, compute 5. R2 (compute 1) arrives at 2 and queues. At 15 the
     * block ends and R1 computes 15-20 straight away, ahead of R2; R2 runs 20-21.
     */
    @Test
    @DisplayName("the compute after a block runs on without yielding to ready requests")
    void computeAfterBlockDoesNotYield() {
        Scenario s = scenario(server(Policy.EVENT_LOOP, 1, 1),
                List.of(type("a", compute(5), block(10), compute(5)), type("b", compute(1))),
                explicit(0, "a", 2, "b"));
        Trace t = run(s);
        assertThat(t.requests()).extracting(RequestRecord::finishMs).containsExactly(20.0, 21.0);
        assertThat(describe(t.spansOf(2))).containsExactly("queued 2-20 w0", "compute 20-21 w0 c0");
    }

    /*
     * Consecutive computes run on without yielding, but a wait of any length
     * yields: R1 = compute 3, compute 3, wait 1, compute 3; R2 = compute 2 arrives at 1.
     * R1 computes 0-6 in one go, waits 6-7 while R2 runs 6-8; R1's continuation
     * is ready at 7 but must wait for its turn until 8, then computes 8-11.
     */
    @Test
    @DisplayName("consecutive computes run on; a continuation waits its turn in the ready queue")
    void continuationWaitsItsTurn() {
        Scenario s = scenario(server(Policy.EVENT_LOOP, 1, 1),
                List.of(type("a", compute(3), compute(3), await(1), compute(3)), type("b", compute(2))),
                explicit(0, "a", 1, "b"));
        Trace t = run(s);
        assertThat(t.requests()).extracting(RequestRecord::finishMs).containsExactly(11.0, 8.0);
        assertThat(describe(t.spansOf(1))).containsExactly(
                "compute 0-3 w0 c0", "compute 3-6 w0 c0", "wait 6-7 w0", "ready 7-8 w0", "compute 8-11 w0 c0");
        assertThat(t.spansOf(1)).extracting(io.interleave.trace.Span::segment).containsExactly(0, 1, 2, 3, 3);
    }

    /*
     * A request that ends with a wait still needs a loop turn to send its
     * response: R1 = compute 2, wait 3 (ends at 5); R2 = compute 10 arrives at 1
     * and runs 2-12. R1's continuation is ready from 5 and finishes at 12.
     */
    @Test
    @DisplayName("a request ending in a wait finishes only when its loop comes round to it")
    void finishingNeedsATurn() {
        Scenario s = scenario(server(Policy.EVENT_LOOP, 1, 1),
                List.of(type("a", compute(2), await(3)), type("b", compute(10))),
                explicit(0, "a", 1, "b"));
        Trace t = run(s);
        assertThat(t.request(1).finishMs()).isEqualTo(12.0);
        assertThat(describe(t.spansOf(1))).containsExactly("compute 0-2 w0 c0", "wait 2-5 w0", "ready 5-12 w0");
        assertThat(t.spansOf(1).get(2).segment()).as("the final turn is past the last segment").isEqualTo(2);
    }
}
