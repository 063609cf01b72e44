package io.interleave.engine;

import static io.interleave.engine.TestScenarios.await;
import static io.interleave.engine.TestScenarios.compute;
import static io.interleave.engine.TestScenarios.describe;
import static io.interleave.engine.TestScenarios.explicit;
import static io.interleave.engine.TestScenarios.scenario;
import static io.interleave.engine.TestScenarios.server;
import static io.interleave.engine.TestScenarios.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.scenario.Policy;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.Server;
import io.interleave.trace.RequestRecord;
import io.interleave.trace.Status;
import io.interleave.trace.Trace;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The choices SPEC section 2 leaves open, one test each, as written down in
 * the README's "Design notes". Each timeline is worked out by hand.
 */
@DisplayName("Design notes: the choices the spec leaves open")
class OpenChoicesTest {

    private static Trace run(Scenario s) {
        Trace trace = Simulation.trace(s);
        TraceChecks.all(trace);
        return trace;
    }

    /*
     * Two threads, one core, no slicing. R1 and R2 (compute 10) arrive at 0, R3 (compute 10) at 1.
     *   0: thread 1 runs R1 on the core; thread 2 holds R2, ready for the core.  1: R3 waits for a thread.
     *   10: R1 done. Thread 1 takes R3 from the accept queue and keeps the core: R3 runs 10-20,
     *       while R2 (first in the CPU queue) keeps waiting until 20 and runs 20-30.
     */
    @Test
    @DisplayName("a sync thread that finishes a request and takes the next from the accept queue keeps its core")
    void syncThreadKeepsItsCore() {
        Scenario s = scenario(server(Policy.SYNC, 2, 1).withTimeSliceMs(0), List.of(type("cpu", compute(10))),
                explicit(0, "cpu", 0, "cpu", 1, "cpu"));
        Trace t = run(s);
        assertThat(t.requests()).extracting(RequestRecord::finishMs).containsExactly(10.0, 30.0, 20.0);
        assertThat(describe(t.spansOf(3))).containsExactly("queued 1-10", "compute 10-20 w0 c0");
        assertThat(describe(t.spansOf(2))).containsExactly("ready 0-20 w1 held", "compute 20-30 w1 c0");
    }

    /*
     * Two loops, two cores, queueLimit 1. R1 (compute 10) at 0 on loop 1, R2 (compute 2) at 0 on loop 2.
     *   1: R3 (loop 1, busy) takes the one place: 1 request waiting to start, counted over all loops.
     *   1.5: R4 (loop 2, still busy with R2) finds the place taken, although loop 2's own queue is empty:
     *        rejected, and its turn stays with loop 2.  3: R5 goes to loop 2, idle since 2, and starts at once
     *        (3-5) although R3 still waits to start: an arrival whose loop is idle is never rejected.
     */
    @Test
    @DisplayName("event loop: queueLimit counts requests waiting on all loops and never rejects an arrival whose loop is idle")
    void eventLoopQueueLimitIsGlobal() {
        Server loops = server(Policy.EVENT_LOOP, 2, 2).withQueueLimit(OptionalInt.of(1));
        Scenario s = scenario(loops, List.of(type("long", compute(10)), type("short", compute(2))),
                explicit(0, "long", 0, "short", 1, "short", 1.5, "short", 3, "short"));
        Trace t = run(s);
        assertThat(t.requests()).extracting(RequestRecord::status).containsExactly(
                Status.COMPLETED, Status.COMPLETED, Status.COMPLETED, Status.REJECTED, Status.COMPLETED);
        assertThat(t.request(3).worker()).hasValue(0);
        assertThat(t.request(3).startMs()).isEqualTo(10.0);
        assertThat(t.request(5).worker()).hasValue(1);
        assertThat(t.request(5).startMs()).isEqualTo(3.0);
        assertThat(t.request(5).finishMs()).isEqualTo(5.0);
    }

    /*
     * Two loops, two cores, queueLimit 0. R1 (compute 10) at 0 on loop 1; R2 (compute 1) at 1 on loop 2, done at 2.
     *   3: R3's turn is loop 1, busy with R1, and nothing may wait: rejected, and the turn stays with loop 1.
     *   11: R4 goes to loop 1 (idle since 10) and runs 11-12. Had R3 used up the turn, R4 would be on loop 2.
     */
    @Test
    @DisplayName("event loop: a rejected arrival does not use up a round-robin turn")
    void rejectionKeepsTheTurn() {
        Server loops = server(Policy.EVENT_LOOP, 2, 2).withQueueLimit(OptionalInt.of(0));
        Scenario s = scenario(loops, List.of(type("long", compute(10)), type("short", compute(1))),
                explicit(0, "long", 1, "short", 3, "short", 11, "short"));
        Trace t = run(s);
        assertThat(t.requests()).extracting(RequestRecord::status).containsExactly(
                Status.COMPLETED, Status.COMPLETED, Status.REJECTED, Status.COMPLETED);
        assertThat(t.request(4).worker()).hasValue(0);
        assertThat(t.request(4).finishMs()).isEqualTo(12.0);
    }

    /*
     * One thread, queueLimit 0; R2 arrives at 10, the instant the thread frees.
     * Arrivals are scheduled one at a time: R2's arrival is scheduled when R1 arrives, at 0.
     *   (a) R1 = compute 10: its end at 10 was scheduled at 0 before R2's arrival, so it runs first;
     *       R2 finds the thread free and starts at 10.
     *   (b) R1 = wait 5, compute 5: its end at 10 is scheduled at 5, after R2's arrival; R2 arrives
     *       first, finds the thread busy and, with no room to wait, is rejected.
     */
    @Test
    @DisplayName("an arrival at the instant a thread frees sees it free when the freeing event was scheduled first")
    void arrivalAtTheFreeingInstant() {
        Server one = server(Policy.SYNC, 1, 1).withQueueLimit(OptionalInt.of(0));
        Trace first = run(scenario(one, List.of(type("r1", compute(10)), type("r2", compute(1))),
                explicit(0, "r1", 10, "r2")));
        assertThat(first.request(2).status()).isEqualTo(Status.COMPLETED);
        assertThat(first.request(2).startMs()).isEqualTo(10.0);

        Trace later = run(scenario(one, List.of(type("r1", await(5), compute(5)), type("r2", compute(1))),
                explicit(0, "r1", 10, "r2")));
        assertThat(later.request(1).finishMs()).isEqualTo(10.0);
        assertThat(later.request(2).status()).isEqualTo(Status.REJECTED);
    }
}
