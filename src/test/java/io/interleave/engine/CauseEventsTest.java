package io.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.scenario.Policy;
import io.interleave.scenario.Presets;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.Server;
import io.interleave.trace.Causes;
import io.interleave.trace.RequestRecord;
import io.interleave.trace.Trace;
import io.interleave.trace.TraceListener;
import io.interleave.trace.WaitCause;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The engine says why a request waits, as it decides it; a listener that does not ask pays nothing. */
@DisplayName("Cause events: why a request waits, from the engine")
class CauseEventsTest {

    /**
     * The lessons as they stood when these causes were worked out (the
     * lessons have moved on since; the times below are pinned to these files).
     */
    private static Scenario fixture(String id) {
        if (id.equals("three-requests")) {
            return Presets.load(id).orElseThrow();
        }
        try (java.io.InputStream in = CauseEventsTest.class.getResourceAsStream("causes-" + id + ".json")) {
            return io.interleave.scenario.ScenarioJson.read(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Trace preset(String id, Policy policy) {
        return Simulation.trace(fixture(id).withPolicy(policy));
    }

    private static Causes.Cause cause(Trace t, int id, double ms) {
        return t.causes().at(id, ms).orElseThrow(() -> new AssertionError("no cause for R" + id + " at " + ms));
    }

    /* Three requests, one sync thread: R2 (40) waits for the thread R1 holds; R3 (70) queues behind R2. */
    @Test
    @DisplayName("sync: waits for the thread held by R1; queued behind R2")
    void threadAndQueue() {
        Trace t = preset("three-requests", Policy.SYNC);
        Causes.Cause r2 = cause(t, 2, 40);
        assertThat(r2.kind()).isEqualTo(WaitCause.THREAD);
        assertThat(r2.holders()).containsExactly(1);
        assertThat(r2.count()).isEqualTo(1);
        Causes.Cause r3 = cause(t, 3, 70);
        assertThat(r3.kind()).isEqualTo(WaitCause.QUEUE);
        assertThat(r3.holders()).containsExactly(2);
        assertThat(r3.count()).isEqualTo(1);
    }

    /* A blocking call on the loop: R5 arrives at 40 and R1's wait ends at 43 while R4 blocks the loop. */
    @Test
    @DisplayName("event loop: waits for its loop, held by R4 in a blocking call")
    void behindABlockingCall() {
        Trace t = preset("blocking-call", Policy.EVENT_LOOP);
        assertThat(cause(t, 5, 40).kind()).isEqualTo(WaitCause.LOOP);
        assertThat(cause(t, 5, 40).holders()).containsExactly(4);
        assertThat(cause(t, 1, 43).kind()).isEqualTo(WaitCause.LOOP);
        assertThat(cause(t, 1, 43).holders()).containsExactly(4);
        assertThat(t.spansOf(4)).anySatisfy(sp -> assertThat(sp.state().csvName()).isEqualTo("blocked"));
    }

    /* A database pool of 2: R3 waits at 54 for a slot held by two requests that are waiting on it. */
    @Test
    @DisplayName("waits for a resource slot, naming the requests that hold the slots")
    void slotHolders() {
        Trace t = preset("wimpy-database", Policy.EVENT_LOOP);
        Causes.Cause c = cause(t, 3, 54);
        assertThat(c.kind()).isEqualTo(WaitCause.SLOT);
        assertThat(c.count()).isEqualTo(2);
        assertThat(c.holders()).hasSize(2).doesNotContain(3);
        for (int holder : c.holders()) {
            assertThat(t.spansOf(holder)).anySatisfy(sp -> {
                assertThat(sp.state().csvName()).isEqualTo("wait");
                assertThat(sp.startMs()).isLessThanOrEqualTo(54.0);
                assertThat(sp.endMs()).isGreaterThan(54.0);
            });
        }
    }

    /* Time slices on one core: at 45 R3's slice is up and the core goes to R2, which R3 now waits behind. */
    @Test
    @DisplayName("waits for a core: a preempted request names who runs after the hand-off")
    void core() {
        Trace t = preset("cpu-heavy", Policy.SYNC);
        Causes.Cause c = cause(t, 3, 45);
        assertThat(c.kind()).isEqualTo(WaitCause.CORE);
        assertThat(c.count()).isEqualTo(1);
        assertThat(c.holders()).containsExactly(2);
    }

    @Test
    @DisplayName("a rejection says the queue was full and how many it holds; an idle loop is reported when it runs out of work")
    void rejectionAndIdle() {
        Scenario s = Presets.load("three-requests").orElseThrow()
                .withServer(new Server(Policy.SYNC, 1, 1, 5, OptionalInt.of(1), OptionalInt.empty()));
        Trace t = Simulation.trace(s);
        assertThat(cause(t, 3, 70).kind()).isEqualTo(WaitCause.QUEUE_FULL);
        assertThat(cause(t, 3, 70).count()).isEqualTo(1);

        Trace loop = preset("three-requests", Policy.EVENT_LOOP);
        for (double idle : new double[] {10, 50, 74, 100, 106, 140}) {
            assertThat(loop.causes().wentIdle(0, idle)).as("idle at %s", idle).isTrue();
        }
        assertThat(loop.causes().wentIdle(0, 40)).isFalse();
    }

    @Test
    @DisplayName("a listener that does not want causes is never told them, and the schedule is the same")
    void noCausesUnlessAsked() {
        Scenario s = fixture("wimpy-database");
        List<RequestRecord> records = new ArrayList<>();
        int[] told = new int[1];
        Simulation.run(s, new TraceListener() {
            @Override
            public void request(RequestRecord r) {
                records.add(r);
            }

            @Override
            public void waits(int requestId, double timeMs, WaitCause cause, int subject, int count, int[] holders, int n) {
                told[0]++;
            }

            @Override
            public void idle(int worker, double timeMs) {
                told[0]++;
            }

            @Override
            public boolean wantsSpans() {
                return false;
            }
        });
        assertThat(told[0]).isZero();
        records.sort(java.util.Comparator.comparingInt(RequestRecord::id));
        Trace traced = Simulation.trace(s);
        assertThat(records).isEqualTo(traced.requests());
        assertThat(traced.causes().size()).isPositive();
    }

    /*
     * Why waits end. Three requests, one sync thread: R2 gets the thread at 100 when R1 lets go of it,
     * R3 at 200 from R2. A database pool of 2: R3 gets its slot at 104 from a request whose query ended.
     * Time slices: at 45 the core passes from R3 to R2.
     */
    @Test
    @DisplayName("why a wait ends: the thread, slot or core it waited for, let go by whom")
    void resumes() {
        Trace sync = preset("three-requests", Policy.SYNC);
        assertThat(sync.causes().resumedAt(2, 100)).hasValueSatisfying(r -> {
            assertThat(r.got()).isEqualTo(WaitCause.THREAD);
            assertThat(r.by()).isEqualTo(1);
        });
        assertThat(sync.request(2).startMs()).isEqualTo(100.0);
        assertThat(sync.causes().resumedAt(3, sync.request(3).startMs())).hasValueSatisfying(r -> assertThat(r.by()).isEqualTo(2));

        Trace pool = preset("wimpy-database", Policy.EVENT_LOOP);
        assertThat(pool.causes().resumedAt(3, 104)).hasValueSatisfying(r -> {
            assertThat(r.got()).isEqualTo(WaitCause.SLOT);
            assertThat(cause(pool, 3, 54).holders()).contains(r.by());
            assertThat(pool.spansOf(r.by())).anySatisfy(sp -> assertThat(sp.endMs()).isEqualTo(104.0));
        });

        Trace cpu = preset("cpu-heavy", Policy.SYNC);
        assertThat(cpu.causes().resumedAt(2, 45)).hasValueSatisfying(r -> {
            assertThat(r.got()).isEqualTo(WaitCause.CORE);
            assertThat(r.by()).isEqualTo(3);
        });
    }
}
