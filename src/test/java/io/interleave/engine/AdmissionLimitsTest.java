package io.interleave.engine;

import static io.interleave.engine.TestScenarios.await;
import static io.interleave.engine.TestScenarios.compute;
import static io.interleave.engine.TestScenarios.describe;
import static io.interleave.engine.TestScenarios.scenario;
import static io.interleave.engine.TestScenarios.server;
import static io.interleave.engine.TestScenarios.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.scenario.Arrivals;
import io.interleave.scenario.Policy;
import io.interleave.scenario.RequestType;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.Server;
import io.interleave.stats.Summary;
import io.interleave.stats.SummaryCollector;
import io.interleave.trace.RequestRecord;
import io.interleave.trace.Status;
import io.interleave.trace.Trace;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** queueLimit rejections and maxConcurrency on a loop (SPEC 2, Server). */
@DisplayName("Admission: queueLimit and maxConcurrency")
class AdmissionLimitsTest {

    private static final RequestType IO = type("io", compute(2), await(20), compute(2));

    private static Trace run(Scenario s) {
        Trace trace = Simulation.trace(s);
        TraceChecks.all(trace);
        return trace;
    }

    private static Server limited(Policy policy, Integer queueLimit, Integer maxConcurrency) {
        return server(policy, 1, 1)
                .withQueueLimit(queueLimit == null ? OptionalInt.empty() : OptionalInt.of(queueLimit))
                .withMaxConcurrency(maxConcurrency == null ? OptionalInt.empty() : OptionalInt.of(maxConcurrency));
    }

    /*
     * One worker, queueLimit 1, four requests (compute 10) at once, under either policy:
     *   R1 starts at once; R2 takes the one queue place; R3 and R4 find it full and are rejected.
     *   R1 0-10, R2 10-20.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Policy.class)
    @DisplayName("a full queue rejects arrivals at once; the rest are served")
    void rejections(Policy policy) {
        Scenario s = scenario(limited(policy, 1, null), List.of(type("cpu", compute(10))), new Arrivals.Burst(4, 0));
        Trace t = run(s);

        assertThat(t.requests()).extracting(RequestRecord::status)
                .containsExactly(Status.COMPLETED, Status.COMPLETED, Status.REJECTED, Status.REJECTED);
        assertThat(t.requests()).extracting(RequestRecord::finishMs).containsExactly(10.0, 20.0, 0.0, 0.0);
        assertThat(t.request(3).worker()).isEmpty();
        assertThat(t.request(3).responseMs()).isZero();
        assertThat(t.spansOf(3)).isEmpty();

        Summary summary = SummaryCollector.of(t, 0);
        assertThat(summary.requests()).isEqualTo(4);
        assertThat(summary.completed()).isEqualTo(2);
        assertThat(summary.rejected()).isEqualTo(2);
        assertThat(summary.maxInFlight()).isEqualTo(2);
        assertThat(summary.response().mean()).isEqualTo(15.0);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Policy.class)
    @DisplayName("queueLimit 0: only arrivals that can start at once are accepted")
    void zeroQueue(Policy policy) {
        // arrivals at 0, 4, 8, 12 (compute 6 each): R1 0-6; R2 at 4 finds the worker busy and is rejected;
        // R3 at 8 starts at once (8-14); R4 at 12 is rejected.
        Scenario s = scenario(limited(policy, 0, null), List.of(type("cpu", compute(6))), new Arrivals.Uniform(4, 4));
        Trace t = run(s);
        assertThat(t.requests()).extracting(RequestRecord::status)
                .containsExactly(Status.COMPLETED, Status.REJECTED, Status.COMPLETED, Status.REJECTED);
        assertThat(t.request(2).arrivalMs()).isEqualTo(4.0);
        assertThat(t.request(2).finishMs()).isEqualTo(4.0);
        assertThat(t.request(3).finishMs()).isEqualTo(14.0);
    }

    /*
     * Event loop, queueLimit 1 counts only requests not yet started on the loop:
     * arrivals at 0, 1, 2, 3 (compute 2, wait 20, compute 2).
     *   R1 starts at 0.  R2 arrives at 1 to a busy loop: queued (1 of 1).
     *   2: R1 awaits and R2 starts (its compute end came before R3's arrival), freeing the place;
     *      R3 arrives at 2 to a busy loop: queued (1 of 1).   R4 arrives at 3: rejected.
     * Sync, same limit: one thread held for 24 ms per request; R2 queued, R3 and R4 rejected.
     */
    @Test
    @DisplayName("event loop: a request stops counting against queueLimit once it has started")
    void loopQueueCountsOnlyUnstarted() {
        Scenario s = scenario(limited(Policy.EVENT_LOOP, 1, null), List.of(IO), new Arrivals.Uniform(1, 4));
        Trace loop = run(s);
        assertThat(loop.requests()).extracting(RequestRecord::status)
                .containsExactly(Status.COMPLETED, Status.COMPLETED, Status.COMPLETED, Status.REJECTED);

        Trace sync = run(s.withPolicy(Policy.SYNC));
        assertThat(sync.requests()).extracting(RequestRecord::status)
                .containsExactly(Status.COMPLETED, Status.COMPLETED, Status.REJECTED, Status.REJECTED);
        assertThat(sync.requests()).extracting(RequestRecord::finishMs).containsExactly(24.0, 48.0, 2.0, 3.0);
    }

    /*
     * One loop, maxConcurrency 2; R1, R2, R3 arrive at 0, 1, 2 (compute 2, wait 20, compute 2).
     *   R1: compute 0-2, wait 2-22.   R2 (admitted, 2 in flight): queued 1-2, compute 2-4, wait 4-24.
     *   R3 arrives at 2 with 2 in flight: not admitted, queued.
     *   22: R1 computes 22-24.  24: R2's wait ends first (scheduled at 4), joins the ready queue;
     *       R1 finishes 24, which admits R3 behind R2.  R2 computes 24-26 -> 26.
     *   26: R3 finally starts: compute 26-28, wait 28-48, compute 48-50 -> 50 (queued 2-26).
     * Unlimited, R3 would start at 4 and finish at 28.
     */
    @Test
    @DisplayName("maxConcurrency 2 on a loop: the third request waits until one finishes (50 instead of 28)")
    void maxConcurrency() {
        Scenario capped = scenario(limited(Policy.EVENT_LOOP, null, 2), List.of(IO), new Arrivals.Uniform(1, 3));
        Trace t = run(capped);
        assertThat(t.requests()).extracting(RequestRecord::finishMs).containsExactly(24.0, 26.0, 50.0);
        assertThat(t.request(3).startMs()).isEqualTo(26.0);
        assertThat(describe(t.spansOf(3))).containsExactly(
                "queued 2-26 w0", "compute 26-28 w0 c0", "wait 28-48 w0", "compute 48-50 w0 c0");
        assertThat(t.totals().maxInFlight()).isEqualTo(3); // accepted, though not admitted to the loop

        Trace free = run(capped.withServer(capped.server().withMaxConcurrency(OptionalInt.empty())));
        assertThat(free.requests()).extracting(RequestRecord::finishMs).containsExactly(24.0, 26.0, 28.0);
    }

    @Test
    @DisplayName("requests waiting for maxConcurrency count against queueLimit")
    void pendingCountsAgainstQueueLimit() {
        // maxConcurrency 1, queueLimit 1: R1 runs (in flight through its wait), R2 waits for admission, R3 is rejected
        Scenario s = scenario(limited(Policy.EVENT_LOOP, 1, 1), List.of(IO), new Arrivals.Uniform(1, 3));
        Trace t = run(s);
        assertThat(t.requests()).extracting(RequestRecord::status)
                .containsExactly(Status.COMPLETED, Status.COMPLETED, Status.REJECTED);
        // R2 is admitted only when R1 finishes at 24: 24-26, 26-46, 46-48
        assertThat(t.request(2).startMs()).isEqualTo(24.0);
        assertThat(t.request(2).finishMs()).isEqualTo(48.0);
    }

    /*
     * Two loops, six requests at once: bound round-robin 0, 1, 0, 1, 0, 1 and kept
     * there. Each loop serves its three requests' first computes back to back
     * (0-2, 2-4, 4-6 on cores 0 and 1), their waits overlap, and the continuations
     * come back in the same order: finishes 24, 26, 28 on each loop.
     */
    @Test
    @DisplayName("event loop: arrivals are bound to loops round-robin and stay there")
    void roundRobin() {
        Scenario s = scenario(server(Policy.EVENT_LOOP, 2, 2), List.of(IO), new Arrivals.Burst(6, 0));
        Trace t = run(s);
        assertThat(t.requests()).extracting(r -> r.worker().getAsInt()).containsExactly(0, 1, 0, 1, 0, 1);
        assertThat(t.requests()).extracting(RequestRecord::finishMs).containsExactly(24.0, 24.0, 26.0, 26.0, 28.0, 28.0);
        for (RequestRecord r : t.requests()) {
            assertThat(t.spansOf(r.id())).allMatch(span -> span.worker().equals(r.worker()));
        }
    }

    @Test
    @DisplayName("sync: idle threads are taken lowest index first, and one FIFO accept queue feeds them")
    void syncThreadOrder() {
        // 3 threads, 5 requests of compute 10 at once on 3 cores: R1-R3 on threads 0-2 at 0;
        // R4 and R5 queue and take threads 0 and 1 as they free at 10.
        Scenario s = scenario(server(Policy.SYNC, 3, 3), List.of(type("cpu", compute(10))), new Arrivals.Burst(5, 0));
        Trace t = run(s);
        assertThat(t.requests()).extracting(r -> r.worker().getAsInt()).containsExactly(0, 1, 2, 0, 1);
        assertThat(t.requests()).extracting(RequestRecord::finishMs).containsExactly(10.0, 10.0, 10.0, 20.0, 20.0);
        assertThat(describe(t.spansOf(5))).containsExactly("queued 0-10", "compute 10-20 w1 c1");
    }
}
