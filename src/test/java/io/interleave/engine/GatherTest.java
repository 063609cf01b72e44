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
import static io.interleave.engine.TestScenarios.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.scenario.Arrivals;
import io.interleave.scenario.Distribution;
import io.interleave.scenario.Policy;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.Segment;
import io.interleave.scenario.SegmentKind;
import io.interleave.trace.RequestRecord;
import io.interleave.trace.Span;
import io.interleave.trace.Trace;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Fan-out inside a request: a gather's branches overlap on the event loop and run one after another on a sync thread. */
@DisplayName("A gather: branches overlap under the event loop, run in turn on a sync thread")
class GatherTest {

    private static Trace run(Scenario s) {
        Trace trace = Simulation.trace(s);
        TraceChecks.all(trace);
        return trace;
    }

    /** compute 2, gather of three 100 ms awaits, compute 2; one request at 0; 1 worker, 1 core. */
    private static Scenario threeCalls(Policy policy) {
        return scenario(server(policy, 1, 1),
                List.of(type("fan", compute(2), gather(List.of(await(100)), List.of(await(100)), List.of(await(100))), compute(2))),
                new Arrivals.Uniform(1, 1));
    }

    /*
     * Sync: the thread makes the three calls one after another, holding the thread.
     *   compute 0-2, branch 0 wait 2-102, branch 1 wait 102-202, branch 2 wait 202-302, compute 302-304 -> 304.
     * Alone it takes the same 304: the sum of the branches.
     */
    @Test
    @DisplayName("sync: three 100 ms calls take 300 ms, one after another (finish 304)")
    void syncRunsBranchesInTurn() {
        Trace t = run(threeCalls(Policy.SYNC));
        assertThat(describe(t.spansOf(1))).containsExactly(
                "compute 0-2 w0 c0", "wait 2-102 w0 held b0", "wait 102-202 w0 held b1", "wait 202-302 w0 held b2",
                "compute 302-304 w0 c0");
        RequestRecord r = t.request(1);
        assertThat(r.finishMs()).isEqualTo(304.0);
        assertThat(r.aloneMs()).isEqualTo(304.0);
    }

    /*
     * Event loop: at 2 the gather forks; branch 0 awaits at once (2-102, freeing the loop), then
     * branch 1 and branch 2 start at 2 from the front of the ready queue and await too. All three
     * calls end at 102; the last branch to finish carries the request on: compute 102-104 -> 104.
     * Alone: 2 + the longest branch (100) + 2 = 104.
     */
    @ParameterizedTest
    @EnumSource(value = Policy.class, names = {"EVENT_LOOP", "EVENT_LOOP_POOL"})
    @DisplayName("event loop: the three calls overlap (finish 104)")
    void loopOverlapsBranches(Policy policy) {
        Trace t = run(threeCalls(policy));
        assertThat(describe(t.spansOf(1))).containsExactly(
                "compute 0-2 w0 c0", "wait 2-102 w0 b0", "wait 2-102 w0 b1", "wait 2-102 w0 b2", "compute 102-104 w0 c0");
        RequestRecord r = t.request(1);
        assertThat(r.finishMs()).isEqualTo(104.0);
        assertThat(r.aloneMs()).isEqualTo(104.0);
        assertThat(r.computeMs()).isEqualTo(4.0);
        assertThat(r.waitMs()).as("every branch's wait counted").isEqualTo(300.0);
    }

    /**
     * R1 "fan" at 0: gather of [compute 5, wait 20] and [compute 3, wait 10]; R2 "plain" at 1: compute 4.
     * 1 worker, 1 core.
     */
    private static Scenario computeInBranches(Policy policy) {
        return scenario(server(policy, 1, 1), List.of(
                        type("fan", gather(List.of(compute(5), await(20)), List.of(compute(3), await(10)))),
                        type("plain", compute(4))),
                explicit(0, "fan", 1, "plain"));
    }

    /*
     * Event loop. t=0: R1 forks; branch 0 computes 0-5, branch 1 is ready (front of the queue) 0-5.
     * t=1: R2 arrives, queued behind (back of the queue). t=5: branch 0 awaits 5-25; branch 1
     * (ahead of R2) computes 5-8, then awaits 8-18; R2 runs 8-12 (queued 1-8) and finishes at 12.
     * t=18: branch 1's continuation ends it. t=25: branch 0's does, the last: R1 finishes at 25.
     * R1 alone: the longer branch, 25.
     */
    @Test
    @DisplayName("event loop: a later branch starts when the one before it first awaits, ahead of other requests")
    void loopStartsBranchesEagerlyInOrder() {
        Trace t = run(computeInBranches(Policy.EVENT_LOOP));
        assertThat(describe(t.spansOf(1))).containsExactly(
                "compute 0-5 w0 c0 b0", "ready 0-5 w0 b1", "wait 5-25 w0 b0", "compute 5-8 w0 c0 b1", "wait 8-18 w0 b1");
        assertThat(describe(t.spansOf(2))).containsExactly("queued 1-8 w0", "compute 8-12 w0 c0");
        assertThat(t.requests()).extracting(RequestRecord::finishMs).containsExactly(25.0, 12.0);
        assertThat(t.request(1).aloneMs()).isEqualTo(25.0);
    }

    /*
     * Sync, 1 thread: R1 runs branch 0 (compute 0-5, wait 5-25) then branch 1 (compute 25-28,
     * wait 28-38) and finishes at 38; R2 queues 1-38 and computes 38-42. R1 alone: the sum, 38.
     */
    @Test
    @DisplayName("sync: the branches run one after another on the thread (38), and R2 waits for the thread")
    void syncComputeInBranches() {
        Trace t = run(computeInBranches(Policy.SYNC));
        assertThat(describe(t.spansOf(1))).containsExactly(
                "compute 0-5 w0 c0 b0", "wait 5-25 w0 held b0", "compute 25-28 w0 c0 b1", "wait 28-38 w0 held b1");
        assertThat(describe(t.spansOf(2))).containsExactly("queued 1-38", "compute 38-42 w0 c0");
        assertThat(t.request(1).aloneMs()).isEqualTo(38.0);
    }

    /** One request at 0: a gather of two 10 ms awaits on a database with one connection. */
    private static Scenario fullResource(Policy policy) {
        return scenario(server(policy, 1, 1), List.of(resource("db", 1)),
                List.of(type("fan", gather(List.of(awaitOn("db", 10)), List.of(awaitOn("db", 10))))),
                new Arrivals.Uniform(1, 1));
    }

    /*
     * Event loop: branch 0 takes the only connection (wait 0-10); branch 1 finds it taken and
     * waits for it 0-10 without holding the loop; at 10 the slot passes to it: wait 10-20.
     * The request finishes at 20. Alone it would do the same (the branches queue for the one
     * connection even with nobody else about), so its time alone is 20, run alone on the same
     * server rather than the longest branch's 10, and its slowdown shows 1.
     */
    @Test
    @DisplayName("event loop: a branch waits for a connection its sibling holds (finish 20)")
    void loopBranchWaitsOnAFullResource() {
        Trace t = run(fullResource(Policy.EVENT_LOOP));
        assertThat(describe(t.spansOf(1))).containsExactly(
                "wait 0-10 w0 b0", "waiting-resource 0-10 w0 b1", "wait 10-20 w0 b1");
        assertThat(t.request(1).finishMs()).isEqualTo(20.0);
        assertThat(t.request(1).aloneMs()).isEqualTo(20.0);
    }

    /* Sync: the calls are one after another anyway: wait 0-10 (b0), wait 10-20 (b1), never short of the slot. */
    @Test
    @DisplayName("sync: one after another, the branches never contend for the connection (finish 20)")
    void syncBranchesOnAResource() {
        Trace t = run(fullResource(Policy.SYNC));
        assertThat(describe(t.spansOf(1))).containsExactly("wait 0-10 w0 held b0", "wait 10-20 w0 held b1");
        assertThat(t.request(1).aloneMs()).isEqualTo(20.0);
    }

    /*
     * Two gathers back to back on the loop: [wait 10 | wait 30] then [wait 5 | wait 5]. The first
     * ends at 30 (its last branch), which forks the second at once: 30-35. Finish 35; alone 30 + 5.
     */
    @Test
    @DisplayName("event loop: two gathers in a row; the second forks the moment the first's last branch ends")
    void gathersBackToBack() {
        Trace t = run(scenario(server(Policy.EVENT_LOOP, 1, 1),
                List.of(type("two", gather(List.of(await(10)), List.of(await(30))), gather(List.of(await(5)), List.of(await(5))))),
                new Arrivals.Uniform(1, 1)));
        assertThat(describe(t.spansOf(1))).containsExactly(
                "wait 0-10 w0 b0", "wait 0-30 w0 b1", "wait 30-35 w0 b0", "wait 30-35 w0 b1");
        assertThat(t.request(1).finishMs()).isEqualTo(35.0);
        assertThat(t.request(1).aloneMs()).isEqualTo(35.0);
        assertThat(t.spansOf(1)).extracting(Span::segment).containsExactly(0, 1, 2, 3);
    }

    /*
     * The same seed gives the same branch durations under every policy: each step's spans add up
     * to the one sample drawn for it (TraceChecks.segmentsRunOnceInOrder checks that against the
     * workload, which does not know the policy), and the total waited is the same under all three.
     */
    @Test
    @DisplayName("the same seed gives the same branch durations under every policy")
    void commonRandomNumbers() {
        double[] waited = new double[Policy.values().length];
        for (Policy policy : Policy.values()) {
            Scenario s = scenario(server(policy, 2, 2), List.of(resource("db", 2)), List.of(type("fan",
                            compute(new Distribution.Exponential(3)),
                            gather(List.of(new Segment(SegmentKind.WAIT, new Distribution.Exponential(40), Optional.empty(), Optional.of("db"))),
                                    List.of(compute(new Distribution.Exponential(2)), new Segment(SegmentKind.BLOCK,
                                            new Distribution.Exponential(10), Optional.empty(), Optional.empty())),
                                    List.of(new Segment(SegmentKind.WAIT, new Distribution.Exponential(25), Optional.empty(), Optional.empty()))),
                            compute(1))),
                    new Arrivals.Poisson(40, 300));
            Trace t = run(s);
            waited[policy.ordinal()] = t.requests().stream().mapToDouble(RequestRecord::waitMs).sum();
            assertThat(t.spans()).anyMatch(sp -> sp.branchIndex() == 2);
        }
        assertThat(waited[1]).isEqualTo(waited[0]);
        assertThat(waited[2]).isEqualTo(waited[0]);
    }
}
