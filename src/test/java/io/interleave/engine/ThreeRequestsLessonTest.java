package io.interleave.engine;

import static io.interleave.engine.TestScenarios.describe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.interleave.scenario.Policy;
import io.interleave.scenario.Presets;
import io.interleave.scenario.Scenario;
import io.interleave.stats.Summary;
import io.interleave.stats.SummaryCollector;
import io.interleave.trace.RequestRecord;
import io.interleave.trace.Trace;
import java.util.Comparator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The classic slide (SPEC 1.1) with the built-in preset: R1 at 0 and R2 at
 * 40 are "report" requests (compute 10, wait 80 on the database, compute
 * 10); R3 at 70 is a "lookup" (compute 4, wait 28, compute 4). The database
 * has no capacity limit; there is one core and a 5 ms time slice.
 */
@DisplayName("Lesson 1: three requests, exact times")
class ThreeRequestsLessonTest {

    private static Scenario preset() {
        return Presets.load("three-requests").orElseThrow();
    }

    private static Trace run(Scenario s) {
        Trace trace = Simulation.trace(s);
        TraceChecks.all(trace);
        return trace;
    }

    @Test
    @DisplayName("the preset is the lesson as described: one sync worker, one core")
    void presetShape() {
        Scenario s = preset();
        assertThat(s.server().policy()).isEqualTo(Policy.SYNC);
        assertThat(s.server().workers()).isEqualTo(1);
        assertThat(s.server().cores()).isEqualTo(1);
        assertThat(s.arrivals().count()).isEqualTo(3);
    }

    /*
     * Sync, one thread. The thread is held for a whole request, waits included:
     *   R1: compute 0-10, db 10-90, compute 90-100          -> finishes 100 (response 100)
     *   R2: arrives 40, queued until the thread frees at 100,
     *       compute 100-110, db 110-190, compute 190-200    -> finishes 200 (response 160)
     *   R3: arrives 70, queued until 200,
     *       compute 200-204, db 204-232, compute 232-236    -> finishes 236 (response 166)
     * The shortest request has the worst response time.
     */
    @Test
    @DisplayName("sync, 1 worker: R1 100, R2 200, R3 236; the short R3 suffers most")
    void syncOneWorker() {
        Trace t = run(preset());

        assertThat(t.requests()).extracting(RequestRecord::finishMs).containsExactly(100.0, 200.0, 236.0);
        assertThat(t.requests()).extracting(RequestRecord::startMs).containsExactly(0.0, 100.0, 200.0);
        assertThat(t.requests()).extracting(RequestRecord::responseMs).containsExactly(100.0, 160.0, 166.0);
        assertThat(t.request(3).responseMs()).isGreaterThan(t.request(1).responseMs());

        assertThat(describe(t.spansOf(1))).containsExactly(
                "compute 0-10 w0 c0", "wait 10-90 w0 held", "compute 90-100 w0 c0");
        assertThat(describe(t.spansOf(2))).containsExactly(
                "queued 40-100", "compute 100-110 w0 c0", "wait 110-190 w0 held", "compute 190-200 w0 c0");
        assertThat(describe(t.spansOf(3))).containsExactly(
                "queued 70-200", "compute 200-204 w0 c0", "wait 204-232 w0 held", "compute 232-236 w0 c0");

        // The one thread is occupied from 0 to 236 without a break; the core computes 48 ms of it.
        Summary summary = SummaryCollector.of(t, 0);
        assertThat(summary.makespanMs()).isEqualTo(236.0);
        assertThat(summary.workerUtilization()).isCloseTo(1.0, within(1e-12));
        assertThat(summary.cpuUtilization()).isCloseTo(48.0 / 236.0, within(1e-12));
        assertThat(summary.queueMeanMs()).isCloseTo((0 + 60 + 130) / 3.0, within(1e-12));
        assertThat(summary.maxInFlight()).isEqualTo(3);
    }

    /*
     * Event loop, one loop. A wait frees the loop; the continuation rejoins the ready queue:
     *   R1: compute 0-10, db 10-90 (loop free)
     *   R2: arrives 40 to an idle loop: compute 40-50, db 50-130
     *   R3: arrives 70 to an idle loop: compute 70-74, db 74-102
     *   90: R1's continuation runs at once (loop idle): compute 90-100 -> finishes 100
     *   102: R3's continuation: compute 102-106                    -> finishes 106
     *   130: R2's continuation: compute 130-140                    -> finishes 140
     * Responses come back in the order 1, 3, 2; each is exactly its time alone (100, 100, 36).
     */
    @Test
    @DisplayName("event loop: R1 100, R3 106, R2 140, each as fast as alone, in the order 1, 3, 2")
    void eventLoop() {
        Trace t = run(preset().withPolicy(Policy.EVENT_LOOP));

        assertThat(t.requests()).extracting(RequestRecord::finishMs).containsExactly(100.0, 140.0, 106.0);
        assertThat(t.requests()).extracting(RequestRecord::responseMs).containsExactly(100.0, 100.0, 36.0);
        assertThat(t.requests().stream().sorted(Comparator.comparingDouble(RequestRecord::finishMs)).map(RequestRecord::id))
                .containsExactly(1, 3, 2);
        assertThat(t.requests()).extracting(RequestRecord::queueMs).containsOnly(0.0);

        assertThat(describe(t.spansOf(1))).containsExactly(
                "compute 0-10 w0 c0", "wait 10-90 w0", "compute 90-100 w0 c0");
        assertThat(describe(t.spansOf(2))).containsExactly(
                "compute 40-50 w0 c0", "wait 50-130 w0", "compute 130-140 w0 c0");
        assertThat(describe(t.spansOf(3))).containsExactly(
                "compute 70-74 w0 c0", "wait 74-102 w0", "compute 102-106 w0 c0");

        // The loop is only occupied while it computes: 48 ms of 140.
        Summary summary = SummaryCollector.of(t, 0);
        assertThat(summary.makespanMs()).isEqualTo(140.0);
        assertThat(summary.cpuUtilization()).isCloseTo(48.0 / 140.0, within(1e-12));
        assertThat(summary.workerUtilization()).isCloseTo(48.0 / 140.0, within(1e-12));
    }

    /*
     * Sync with three threads on one core: nobody ever waits for a thread, and
     * the computes never overlap (0-10, 40-50, 70-74, 90-100, 102-106,
     * 130-140), so the single core is never contended and the times equal the
     * event loop's: R1 100, R2 140, R3 106, on threads 0, 1, 2.
     */
    @Test
    @DisplayName("sync, 3 workers on 1 core: same times as the event loop, one thread per request")
    void syncThreeWorkers() {
        Scenario s = preset().withServer(preset().server().withWorkers(3));
        Trace t = run(s);

        assertThat(t.requests()).extracting(RequestRecord::finishMs).containsExactly(100.0, 140.0, 106.0);
        assertThat(t.requests()).extracting(r -> r.worker().getAsInt()).containsExactly(0, 1, 2);
        assertThat(describe(t.spansOf(2))).containsExactly(
                "compute 40-50 w1 c0", "wait 50-130 w1 held", "compute 130-140 w1 c0");
        assertThat(describe(t.spansOf(3))).containsExactly(
                "compute 70-74 w2 c0", "wait 74-102 w2 held", "compute 102-106 w2 c0");

        // Threads are held through their waits: 100 + 100 + 36 ms of 3 x 140.
        Summary summary = SummaryCollector.of(t, 0);
        assertThat(summary.workerUtilization()).isCloseTo(236.0 / 420.0, within(1e-12));
        assertThat(summary.cpuUtilization()).isCloseTo(48.0 / 140.0, within(1e-12));
    }

    @Test
    @DisplayName("lesson 2: the waits (green boxes) are 80, 80 and 28 ms under every policy; only the queueing changes")
    void waitsDoNotShrink() {
        for (Scenario s : new Scenario[] {preset(), preset().withPolicy(Policy.EVENT_LOOP),
                preset().withServer(preset().server().withWorkers(3))}) {
            Trace t = run(s);
            for (int id = 1; id <= 3; id++) {
                double waited = t.spansOf(id).stream()
                        .filter(span -> span.state() == io.interleave.trace.SpanState.WAIT)
                        .mapToDouble(io.interleave.trace.Span::durationMs).sum();
                assertThat(waited).as("%s R%d", s.server().policy(), id).isEqualTo(id == 3 ? 28.0 : 80.0);
            }
        }
    }
}
