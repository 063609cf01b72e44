package io.interleave.engine;

import static io.interleave.engine.TestScenarios.await;
import static io.interleave.engine.TestScenarios.compute;
import static io.interleave.engine.TestScenarios.scenario;
import static io.interleave.engine.TestScenarios.server;
import static io.interleave.engine.TestScenarios.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.scenario.Arrivals;
import io.interleave.scenario.Distribution;
import io.interleave.scenario.Policy;
import io.interleave.scenario.Scenario;
import io.interleave.trace.RequestRecord;
import io.interleave.trace.Trace;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Closed workloads: each user sends, waits for the response, thinks, and sends again (SPEC 2, Arrivals). */
@DisplayName("Closed users")
class ClosedUsersTest {

    private static Trace run(Scenario s) {
        Trace trace = Simulation.trace(s);
        TraceChecks.all(trace);
        return trace;
    }

    /*
     * Two users, think 10 ms, 5 requests in total, each compute 10, one thread:
     *   0: both users send (R1 from user 0, R2 from user 1). R1 runs 0-10; R2 queues.
     *   10: R1 done; user 0 thinks until 20. R2 runs 10-20.
     *   20: user 0 sends R3 (its send was scheduled before R2's end), R2 finishes, R3 runs 20-30.
     *   30: user 1 sends R4; R3 finishes; R4 runs 30-40.   40: user 0 sends R5, runs 40-50.
     *   The 6th send (user 1 at 50) does not happen: 5 were sent.
     */
    @Test
    @DisplayName("sync, 2 users thinking 10 ms: arrivals 0, 0, 20, 30, 40 and finishes 10, 20, 30, 40, 50")
    void syncClosedLoop() {
        Scenario s = scenario(server(Policy.SYNC, 1, 1), List.of(type("cpu", compute(10))),
                new Arrivals.Closed(2, new Distribution.Constant(10), 5));
        Trace t = run(s);
        assertThat(t.requests()).extracting(RequestRecord::arrivalMs).containsExactly(0.0, 0.0, 20.0, 30.0, 40.0);
        assertThat(t.requests()).extracting(RequestRecord::finishMs).containsExactly(10.0, 20.0, 30.0, 40.0, 50.0);
        assertThat(t.totals().maxInFlight()).isEqualTo(2);
        assertThat(t.endMs()).isEqualTo(50.0);
    }

    /*
     * Two users, think 5 ms, 4 requests, each compute 2, wait 10, compute 2, one loop:
     *   R1 (user 0) compute 0-2, wait 2-12; R2 (user 1) compute 2-4, wait 4-14.
     *   12: R1 computes 12-14.  14: R2's wait end (scheduled at 4) comes before R1's compute end,
     *   so R2 is ready; R1 finishes at 14 (user 0 sends again at 19); R2 computes 14-16 (user 1 at 21).
     *   19: R3 computes 19-21, waits 21-31.  21: R4 (sent before R3's compute ended) queues,
     *   then computes 21-23, waits 23-33.  31: R3 computes 31-33.  33: R4 computes 33-35.
     */
    @Test
    @DisplayName("event loop, 2 users thinking 5 ms: each sends again 5 ms after its response")
    void eventLoopClosedLoop() {
        Scenario s = scenario(server(Policy.EVENT_LOOP, 1, 1), List.of(type("io", compute(2), await(10), compute(2))),
                new Arrivals.Closed(2, new Distribution.Constant(5), 4));
        Trace t = run(s);
        assertThat(t.requests()).extracting(RequestRecord::arrivalMs).containsExactly(0.0, 0.0, 19.0, 21.0);
        assertThat(t.requests()).extracting(RequestRecord::finishMs).containsExactly(14.0, 16.0, 33.0, 35.0);
        assertThat(t.request(3).arrivalMs()).isEqualTo(t.request(1).finishMs() + 5);
        assertThat(t.request(4).arrivalMs()).isEqualTo(t.request(2).finishMs() + 5);
    }

    @Test
    @DisplayName("a rejected user thinks and tries again; the run still sends exactly 'count' requests")
    void rejectedUserRetries() {
        // queueLimit 0, one thread, 3 users, think 1, compute 10, 6 requests:
        // at 0 R1 starts, R2 and R3 are rejected; their users retry at 1 and are rejected again
        // (R4, R5), and so on until the thread frees at 10.
        Scenario s = scenario(server(Policy.SYNC, 1, 1).withQueueLimit(java.util.OptionalInt.of(0)),
                List.of(type("cpu", compute(10))), new Arrivals.Closed(3, new Distribution.Constant(1), 6));
        Trace t = run(s);
        assertThat(t.requests()).hasSize(6);
        assertThat(t.requests()).extracting(RequestRecord::arrivalMs).containsExactly(0.0, 0.0, 0.0, 1.0, 1.0, 2.0);
        assertThat(t.requests()).filteredOn(RequestRecord::completed).extracting(RequestRecord::id).containsExactly(1);
    }
}
