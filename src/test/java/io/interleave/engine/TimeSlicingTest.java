package io.interleave.engine;

import static io.interleave.engine.TestScenarios.compute;
import static io.interleave.engine.TestScenarios.describe;
import static io.interleave.engine.TestScenarios.explicit;
import static io.interleave.engine.TestScenarios.scenario;
import static io.interleave.engine.TestScenarios.server;
import static io.interleave.engine.TestScenarios.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.scenario.Arrivals;
import io.interleave.scenario.Policy;
import io.interleave.scenario.Scenario;
import io.interleave.trace.RequestRecord;
import io.interleave.trace.Trace;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Round-robin time slicing of workers on cores (SPEC 2, timeSliceMs; lesson 5). */
@DisplayName("Time slicing: exact preemption times")
class TimeSlicingTest {

    private static Scenario cpu(Policy policy, int workers, int cores, double sliceMs, Arrivals arrivals, double... computeMs) {
        List<io.interleave.scenario.RequestType> types = new java.util.ArrayList<>();
        for (int i = 0; i < computeMs.length; i++) {
            types.add(type("t" + i, compute(computeMs[i])));
        }
        return scenario(server(policy, workers, cores).withTimeSliceMs(sliceMs), types, arrivals);
    }

    private static Trace run(Scenario s) {
        Trace trace = Simulation.trace(s);
        TraceChecks.all(trace);
        return trace;
    }

    /*
     * Two threads, one core, quantum 5; R1 and R2 (compute 12 each) arrive at 0.
     *   0-5 R1 runs, R2 ready.  5: R1 preempted to the back of the CPU queue, R2 runs 5-10.
     *   10: R2 preempted, R1 runs 10-15.  15: R1 (2 left) preempted, R2 runs 15-20.
     *   20: R2 (2 left) preempted, R1 runs 20-22 and finishes; R2 runs 22-24 and finishes.
     */
    @Test
    @DisplayName("two threads on one core alternate every 5 ms: R1 finishes 22, R2 24")
    void twoThreadsOneCore() {
        Trace t = run(cpu(Policy.SYNC, 2, 1, 5, new Arrivals.Burst(2, 0), 12));

        assertThat(t.requests()).extracting(RequestRecord::finishMs).containsExactly(22.0, 24.0);
        assertThat(describe(t.spansOf(1))).containsExactly(
                "compute 0-5 w0 c0", "ready 5-10 w0 held", "compute 10-15 w0 c0",
                "ready 15-20 w0 held", "compute 20-22 w0 c0");
        assertThat(describe(t.spansOf(2))).containsExactly(
                "ready 0-5 w1 held", "compute 5-10 w1 c0", "ready 10-15 w1 held",
                "compute 15-20 w1 c0", "ready 20-22 w1 held", "compute 22-24 w1 c0");
        assertThat(t.spans()).allMatch(s -> s.segment() == 0);
    }

    @Test
    @DisplayName("without slicing (timeSliceMs 0) the first thread runs to completion: 12 and 24")
    void noSlicing() {
        Trace t = run(cpu(Policy.SYNC, 2, 1, 0, new Arrivals.Burst(2, 0), 12));
        assertThat(t.requests()).extracting(RequestRecord::finishMs).containsExactly(12.0, 24.0);
        assertThat(describe(t.spansOf(2))).containsExactly("ready 0-12 w1 held", "compute 12-24 w1 c0");
    }

    /*
     * A long job (30) at 0 and a short one (2) at 1, two threads, one core, quantum 5.
     *   R1 runs 0-5; R2 is ready from 1.  5: R1 preempted, R2 runs 5-7 and finishes (response 6).
     *   7: R1 resumes with 25 left; nobody waits, so its quanta renew without a break: 7-32.
     * Without slicing the short job would wait for the whole long one (finish 32, response 31).
     */
    @Test
    @DisplayName("a short job slips past a long one after one quantum (finishes 7 instead of 32)")
    void shortJobSlipsIn() {
        Scenario sliced = cpu(Policy.SYNC, 2, 1, 5, explicit(0, "t0", 1, "t1"), 30, 2);
        Trace t = run(sliced);
        assertThat(t.requests()).extracting(RequestRecord::finishMs).containsExactly(32.0, 7.0);
        assertThat(describe(t.spansOf(1))).containsExactly("compute 0-5 w0 c0", "ready 5-7 w0 held", "compute 7-32 w0 c0");
        assertThat(describe(t.spansOf(2))).containsExactly("ready 1-5 w1 held", "compute 5-7 w1 c0");

        Trace unsliced = run(sliced.withServer(sliced.server().withTimeSliceMs(0)));
        assertThat(unsliced.requests()).extracting(RequestRecord::finishMs).containsExactly(30.0, 32.0);
    }

    @Test
    @DisplayName("a lone thread keeps its core across quanta: one unbroken compute span")
    void loneThreadIsNotPreempted() {
        Trace t = run(cpu(Policy.SYNC, 1, 1, 1, new Arrivals.Burst(1, 0), 12.5));
        assertThat(describe(t.spansOf(1))).containsExactly("compute 0-12.5 w0 c0");
    }

    /*
     * Three threads, two cores, quantum 5, three jobs of 10 at 0.
     *   0-5: R1 on core 0, R2 on core 1, R3 ready.
     *   5: R1's quantum ends first: R1 to the back, core 0 to R3 (5-10).
     *      R2's quantum ends: R2 to the back, core 1 to R1 (5-10, its last 5).
     *   10: R3's quantum ends (scheduled before R1's finish): R3 (5 left) to the back,
     *       core 0 to R2 (10-15). R1 finishes at 10, freeing core 1 for R3 (10-15).
     */
    @Test
    @DisplayName("three threads on two cores: R1 10, R2 15, R3 15, with the exact core hand-overs")
    void threeThreadsTwoCores() {
        Trace t = run(cpu(Policy.SYNC, 3, 2, 5, new Arrivals.Burst(3, 0), 10));
        assertThat(t.requests()).extracting(RequestRecord::finishMs).containsExactly(10.0, 15.0, 15.0);
        assertThat(describe(t.spansOf(1))).containsExactly("compute 0-5 w0 c0", "compute 5-10 w0 c1");
        assertThat(describe(t.spansOf(2))).containsExactly("compute 0-5 w1 c1", "ready 5-10 w1 held", "compute 10-15 w1 c0");
        assertThat(describe(t.spansOf(3))).containsExactly("ready 0-5 w2 held", "compute 5-10 w2 c0", "compute 10-15 w2 c1");
    }

    @Test
    @DisplayName("two event loops on one core are sliced like threads")
    void loopsAreSliced() {
        Trace t = run(cpu(Policy.EVENT_LOOP, 2, 1, 5, new Arrivals.Burst(2, 0), 12));
        assertThat(t.requests()).extracting(RequestRecord::finishMs).containsExactly(22.0, 24.0);
        assertThat(t.requests()).extracting(r -> r.worker().getAsInt()).containsExactly(0, 1);
        assertThat(describe(t.spansOf(2))).containsExactly(
                "ready 0-5 w1 held", "compute 5-10 w1 c0", "ready 10-15 w1 held",
                "compute 15-20 w1 c0", "ready 20-22 w1 held", "compute 22-24 w1 c0");
    }

    @Test
    @DisplayName("within one event loop compute never interleaves, whatever the quantum")
    void oneLoopNeverInterleaves() {
        Trace t = run(cpu(Policy.EVENT_LOOP, 1, 2, 1, new Arrivals.Burst(3, 0), 12));
        assertThat(t.requests()).extracting(RequestRecord::finishMs).containsExactly(12.0, 24.0, 36.0);
        assertThat(describe(t.spansOf(3))).containsExactly("queued 0-24 w0", "compute 24-36 w0 c0");
    }

    /*
     * Lesson 5: a CPU-heavy request (compute 40) arrives at 0, then quick ones
     * (compute 2) at 1, 2, 3. One loop: they wait for the whole 40 ms (finish
     * 42, 44, 46). Four threads on one core, quantum 5: each quick one gets the
     * core after at most one quantum; 5-7, 7-9, 9-11, and the heavy one ends at 46.
     */
    @Test
    @DisplayName("lesson 5: a heavy compute starves the loop; sliced threads degrade gently")
    void cpuHeavy() {
        Arrivals arrivals = explicit(0, "t0", 1, "t1", 2, "t1", 3, "t1");
        Trace loop = run(cpu(Policy.EVENT_LOOP, 1, 1, 5, arrivals, 40, 2));
        assertThat(loop.requests()).extracting(RequestRecord::finishMs).containsExactly(40.0, 42.0, 44.0, 46.0);

        Trace threads = run(cpu(Policy.SYNC, 4, 1, 5, arrivals, 40, 2));
        assertThat(threads.requests()).extracting(RequestRecord::finishMs).containsExactly(46.0, 7.0, 9.0, 11.0);
        assertThat(describe(threads.spansOf(1))).containsExactly("compute 0-5 w0 c0", "ready 5-11 w0 held", "compute 11-46 w0 c0");
    }

    /*
     * A schedule does not depend on how work is cut into segments. Two threads, one core, 1 ms slices;
     * R1 ("compute 1, compute 1") arrives at 0, R2 ("compute 1") at 1. R2's arrival was scheduled at 0,
     * after R1's run: R1's quantum ends at 1 before R2 arrives, finds nobody waiting and renews, so R1
     * runs on to 2 and R2 runs 2-3, exactly as with one "compute 2" segment. (Before the fix, the
     * boundary at 1 was a scheduling point: R1's new quantum was scheduled after R2's arrival, so R2
     * preempted it: R1 finished at 3, R2 at 2.)
     */
    @Test
    @DisplayName("'compute 1, compute 1' is scheduled exactly as 'compute 2': R1 finishes 2, R2 3, with 1 ms slices")
    void splitComputeIsNoSchedulingPoint() {
        Scenario split = scenario(server(Policy.SYNC, 2, 1).withTimeSliceMs(1),
                List.of(type("two", compute(1), compute(1)), type("one", compute(1))), explicit(0, "two", 1, "one"));
        Scenario whole = scenario(server(Policy.SYNC, 2, 1).withTimeSliceMs(1),
                List.of(type("two", compute(2)), type("one", compute(1))), explicit(0, "two", 1, "one"));

        Trace t = run(split);
        assertThat(t.requests()).extracting(RequestRecord::finishMs).containsExactly(2.0, 3.0);
        assertThat(describe(t.spansOf(1))).containsExactly("compute 0-1 w0 c0", "compute 1-2 w0 c0");
        assertThat(t.spansOf(1)).extracting(io.interleave.trace.Span::segment).containsExactly(0, 1);
        assertThat(describe(t.spansOf(2))).containsExactly("ready 1-2 w1 held", "compute 2-3 w1 c0");

        Trace w = run(whole);
        assertThat(w.requests()).extracting(RequestRecord::finishMs).containsExactly(2.0, 3.0);
        assertThat(t.totals().events()).isEqualTo(w.totals().events());
    }
}
