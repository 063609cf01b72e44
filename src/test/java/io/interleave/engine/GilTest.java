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
import io.interleave.scenario.Server;
import io.interleave.trace.Causes;
import io.interleave.trace.RequestRecord;
import io.interleave.trace.Span;
import io.interleave.trace.SpanState;
import io.interleave.trace.Trace;
import io.interleave.trace.WaitCause;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Processes and the GIL (issue 14), times worked out by hand as CPython 3.12
 * would give them: a thread computes only while it holds its process's GIL; it
 * lets it go when it waits, blocks or finishes; a holder others wait for drops
 * it after the switch interval; processes never share one.
 */
@DisplayName("Processes and the GIL: exact times")
class GilTest {

    private static final RequestType CPU10 = type("cpu", compute(10));

    private static Trace run(Scenario s) {
        Trace trace = Simulation.trace(s);
        TraceChecks.all(trace);
        return trace;
    }

    private static Server gil(Server s) {
        return s.withGil(true);
    }

    /*
     * Two threads of one process, 10 ms of compute each, both arriving at 0, a GIL with a 5 ms switch interval, 2 cores:
     *   0: R1 (thread 0) takes the free GIL and core 0; R2 (thread 1) finds it held: waits for the GIL, on no core
     *   5: R2 has waited an interval: R1 drops it (5 ms left) and waits; R2 takes it and core 0 (R1 let it go first)
     *  10: R1 has waited an interval: R2 drops it (5 left) and core 0; R1 computes 10-15 on core 0, done at 15
     *  15: R1's thread lets the GIL go as its request ends: R2 takes it, computes 15-20 on core 1 (thread 0 keeps
     *      core 0 until it finds the accept queue empty, at the same instant) and finishes at 20.
     * CPython: two threads on a 2-core machine compute one at a time, switching every 5 ms: the one that started
     * first finishes after 15 ms, the other after 20; without the GIL both finish at 10.
     */
    @Test
    @DisplayName("two threads computing 10 ms under a GIL with a 5 ms interval on 2 cores take turns: done at 15 and 20")
    void twoThreadsTakeTurns() {
        Scenario free = scenario(server(Policy.SYNC, 2, 2), List.of(CPU10), explicit(0, "cpu", 0, "cpu"));
        Trace t = run(free.withServer(gil(free.server())));

        assertThat(t.requests()).extracting(RequestRecord::finishMs).containsExactly(15.0, 20.0);
        assertThat(describe(t.spansOf(1))).containsExactly("compute 0-5 w0 c0", "waiting-gil 5-10 w0 held", "compute 10-15 w0 c0");
        assertThat(describe(t.spansOf(2))).containsExactly("waiting-gil 0-5 w1 held", "compute 5-10 w1 c0",
                "waiting-gil 10-15 w1 held", "compute 15-20 w1 c1");
        assertThat(run(free).requests()).extracting(RequestRecord::finishMs).containsExactly(10.0, 10.0);

        Causes causes = t.causes();
        assertThat(causes.at(2, 0)).hasValueSatisfying(c -> {
            assertThat(c.kind()).isEqualTo(WaitCause.GIL);
            assertThat(c.holder()).hasValue(1);
            assertThat(c.subject()).as("the process").isEqualTo(0);
        });
        assertThat(causes.at(1, 5)).hasValueSatisfying(c -> assertThat(c.holder()).hasValue(2));
        assertThat(causes.resumedAt(2, 5)).hasValueSatisfying(r -> {
            assertThat(r.got()).isEqualTo(WaitCause.GIL);
            assertThat(r.by()).isEqualTo(1);
        });
    }

    /*
     * The switch interval is the server's: with 2 ms, R1 0-2, R2 2-4, R1 4-6, ... each has 10 ms: R1 ends its last
     * 2 ms at 18 (0-2, 4-6, 8-10, 12-14, 16-18) and R2 at 20 (2-4, ..., 18-20).
     */
    @Test
    @DisplayName("a 2 ms switch interval: turns of 2 ms, done at 18 and 20")
    void switchIntervalIsSettable() {
        Scenario s = scenario(gil(server(Policy.SYNC, 2, 2)).withSwitchIntervalMs(2), List.of(CPU10), explicit(0, "cpu", 0, "cpu"));
        Trace t = run(s);

        assertThat(t.requests()).extracting(RequestRecord::finishMs).containsExactly(18.0, 20.0);
        assertThat(computeTimes(t, 1)).containsExactly("0-2", "4-6", "8-10", "12-14", "16-18");
    }

    /*
     * R1: compute 2, wait 10 (a blocking call on a sync thread), compute 2; R2: compute 6; both at 0, GIL, 2 cores.
     *   0: R1 takes the GIL, computes 0-2; R2 waits for it
     *   2: R1's call lets the GIL go (and core 0) at once, no interval to wait: R2 computes 2-8 on core 0, done at 8
     *  12: R1's call returns; the GIL is free: R1 computes 12-14, done at 14.
     * The same with a block (time.sleep), which releases the GIL too.
     */
    @Test
    @DisplayName("a thread that waits or blocks lets the GIL go at once: R2 waits 2 ms, not the 5 ms interval")
    void aWaitReleasesTheGil() {
        for (RequestType io : List.of(type("io", compute(2), await(10), compute(2)), type("io", compute(2), block(10), compute(2)))) {
            Scenario s = scenario(gil(server(Policy.SYNC, 2, 2)), List.of(io, type("cpu", compute(6))),
                    explicit(0, "io", 0, "cpu"));
            Trace t = run(s);

            assertThat(t.requests()).extracting(RequestRecord::finishMs).containsExactly(14.0, 8.0);
            assertThat(describe(t.spansOf(2))).containsExactly("waiting-gil 0-2 w1 held", "compute 2-8 w1 c0");
        }
    }

    /*
     * Two processes of one thread, 2 cores, a GIL each: R1 and R2 compute 0-10 side by side, as without a GIL.
     * Two processes of two threads, 4 requests at 0: R1, R2 on process 0's threads 0 and 1, R3, R4 on process 1's
     * threads 2 and 3; each process takes turns as in twoThreadsTakeTurns (15 and 20) on its own core; no request
     * ever waits for a GIL held by a thread of the other process.
     */
    @Test
    @DisplayName("two processes never wait for each other's GIL")
    void processesDoNotShareAGil() {
        Scenario two = scenario(gil(server(Policy.SYNC, 1, 2)).withProcesses(2), List.of(CPU10), explicit(0, "cpu", 0, "cpu"));
        Trace t = run(two);
        assertThat(t.requests()).extracting(RequestRecord::finishMs).containsExactly(10.0, 10.0);
        assertThat(t.requests()).extracting(r -> r.worker().getAsInt()).containsExactly(0, 1);
        assertThat(t.spans()).noneMatch(s -> s.state() == SpanState.WAITING_GIL);

        Scenario four = scenario(gil(server(Policy.SYNC, 2, 2)).withProcesses(2), List.of(CPU10),
                explicit(0, "cpu", 0, "cpu", 0, "cpu", 0, "cpu"));
        Trace t4 = run(four);
        assertThat(t4.requests()).extracting(RequestRecord::finishMs).containsExactly(15.0, 20.0, 15.0, 20.0);
        assertThat(t4.requests()).extracting(r -> r.worker().getAsInt()).containsExactly(0, 1, 2, 3);
        Server server = four.server();
        for (int i = 0; i < t4.causes().size(); i++) {
            Causes.Cause c = t4.causes().get(i);
            if (c.kind() == WaitCause.GIL) {
                int waiter = server.processOf(t4.request(c.requestId()).worker().getAsInt());
                int holder = server.processOf(t4.request(c.holder().orElseThrow()).worker().getAsInt());
                assertThat(holder).as("R%d waits for a GIL held in its own process", c.requestId()).isEqualTo(waiter);
                assertThat(c.subject()).isEqualTo(waiter);
            }
        }
    }

    /*
     * event-loop+pool, one loop, 2 cores, a pool of 1 thread. R1 (a plain def endpoint: compute 20, offloaded) at 0;
     * R2 (async: compute 2, await 10, compute 2) at 1.
     * Without a GIL: R1 computes 0-20 on the pool thread (core 0), done at 20; R2 computes 1-3 on the loop (core 1),
     * awaits 3-13, computes 13-15: done at 15.
     * With a GIL (5 ms interval):
     *   0: the pool thread takes the GIL and core 0 for R1
     *   1: the loop wants to run R2: waits for the GIL (its timed wait runs out at 6)
     *   6: the pool thread drops it (14 ms left) and waits; the loop computes R2 6-8 on core 0
     *   8: R2 awaits: its turn is over, the loop lets the GIL go: the pool thread computes 8-22 on core 1 (the loop
     *      still has core 0 as it looks for its next callback; it finds none and goes idle)
     *  18: R2's await is over; the loop waits for the GIL held by R1 (drop at 23)
     *  22: R1's call is done: the pool thread lets the GIL go, the loop computes R2 22-24; R1's continuation waits
     *      for the loop, and R1 and R2 are both done at 24.
     * A second process (a second loop, each with its own pool and GIL) gives R2 its free-threaded 15 back.
     */
    @Test
    @DisplayName("offloaded compute slows the loop under a GIL (R2 done at 24, not 15); a second process fixes it")
    void offloadedComputeCompetesWithTheLoop() {
        RequestType def = type("def", compute(20).withOffload(true));
        RequestType async = type("async", compute(2), await(10), compute(2));
        Server pool = new Server(Policy.EVENT_LOOP_POOL, 1, 2, 0, java.util.OptionalInt.empty(), java.util.OptionalInt.empty(), 1);
        Scenario free = scenario(pool, List.of(def, async), explicit(0, "def", 1, "async"));

        assertThat(run(free).requests()).extracting(RequestRecord::finishMs).containsExactly(20.0, 15.0);

        Trace t = run(free.withServer(gil(pool)));
        assertThat(t.requests()).extracting(RequestRecord::finishMs).containsExactly(24.0, 24.0);
        assertThat(describe(t.spansOf(2))).containsExactly("waiting-gil 1-6 w0 held", "compute 6-8 w0 c0", "wait 8-18 w0",
                "waiting-gil 18-22 w0 held", "compute 22-24 w0 c0");
        assertThat(describe(t.spansOf(1))).containsExactly("compute 0-6 w0 c0", "waiting-gil 6-8 w0", "compute 8-22 w0 c1",
                "ready 22-24 w0");
        assertThat(t.spansOf(1).get(1).poolThread()).hasValue(0);
        assertThat(t.causes().at(2, 1)).hasValueSatisfying(c -> assertThat(c.holder()).hasValue(1));

        Trace two = run(free.withServer(gil(pool).withWorkers(2)));
        assertThat(two.requests()).extracting(RequestRecord::finishMs).containsExactly(20.0, 15.0);
        assertThat(two.spans()).noneMatch(s -> s.state() == SpanState.WAITING_GIL);
    }

    /*
     * With a GIL each loop has its own pool: two loops with pools of 1, two offloaded calls at 0 and 1 (R1 on loop 0,
     * R2 on loop 1) each run at once on their own process's pool thread (0 and 1); without a GIL the loops share the
     * one pool thread and R2 waits for it until 10.
     */
    @Test
    @DisplayName("with a GIL each process has its own pool; without one the loops share a pool")
    void aPoolPerProcessWithAGil() {
        RequestType def = type("def", compute(10).withOffload(true));
        Server pool = new Server(Policy.EVENT_LOOP_POOL, 2, 2, 0, java.util.OptionalInt.empty(), java.util.OptionalInt.empty(), 1);
        Scenario shared = scenario(pool, List.of(def), explicit(0, "def", 1, "def"));

        assertThat(run(shared).requests()).extracting(RequestRecord::finishMs).containsExactly(10.0, 20.0);

        Trace own = run(shared.withServer(gil(pool)));
        assertThat(own.requests()).extracting(RequestRecord::finishMs).containsExactly(10.0, 11.0);
        assertThat(own.usedPoolThreads()).containsExactly(0, 1);
        assertThat(gil(pool).processOfPoolThread(1)).isEqualTo(1);
        assertThat(pool.processOfPoolThread(0)).as("the shared pool is no process's").isEqualTo(-1);
    }

    /* A GIL and one thread per process (or one loop without a pool) changes no time: nobody else wants it. */
    @Test
    @DisplayName("a GIL with one thread per process changes nothing")
    void oneThreadPerProcessIsUnchanged() {
        Scenario s = scenario(server(Policy.SYNC, 1, 1).withProcesses(3).withTimeSliceMs(5),
                List.of(type("mixed", compute(7), await(4), compute(3))),
                explicit(0, "mixed", 1, "mixed", 2, "mixed", 3, "mixed", 9, "mixed"));
        Trace free = run(s);
        Trace withGil = run(s.withServer(gil(s.server())));
        assertThat(describeAll(withGil)).isEqualTo(describeAll(free));
    }

    private static List<String> computeTimes(Trace t, int id) {
        List<String> out = new ArrayList<>();
        for (Span s : t.spansOf(id)) {
            if (s.state() == SpanState.COMPUTE) {
                out.add(TestScenarios.num(s.startMs()) + "-" + TestScenarios.num(s.endMs()));
            }
        }
        return out;
    }

    private static List<String> describeAll(Trace t) {
        return TestScenarios.describeFully(t.spans());
    }
}
