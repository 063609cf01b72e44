package io.interleave.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.interleave.engine.Simulation;
import io.interleave.scenario.Arrivals;
import io.interleave.scenario.Policy;
import io.interleave.scenario.Presets;
import io.interleave.scenario.Scenario;
import io.interleave.trace.Trace;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("SoFar: a run's figures at a moment of playback")
class SoFarTest {
    private static final Scenario LESSON = Presets.load("three-requests").orElseThrow();
    private static final Trace SYNC = Simulation.trace(LESSON);
    private static final Trace LOOP = Simulation.trace(LESSON.withPolicy(Policy.EVENT_LOOP));

    /*
     * Sync, one thread, one core (the lesson's timeline):
     *   R1 arrives 0:  compute 0-10, db 10-90, compute 90-100, done 100 (response 100, queue 0)
     *   R2 arrives 40: queued 40-100, compute 100-110, db 110-190, compute 190-200, done 200 (160, queue 60)
     *   R3 arrives 70: queued 70-200, compute 200-204, db 204-232, compute 232-236, done 236 (166, queue 130)
     * The thread is held from 0 to 236 without a gap; the core computes 0-10, 90-110, 190-204, 232-236.
     */
    @Test
    @DisplayName("sync at 50 ms: nothing done yet, the core busy 10 of 50 ms, the thread all 50")
    void syncAt50() {
        Summary s = new SoFar(SYNC).at(50);
        assertThat(s.requests()).isEqualTo(2); // R1 and R2 have arrived
        assertThat(s.completed()).isZero();
        assertThat(s.response().mean()).isNaN();
        assertThat(s.response().p95()).isNaN();
        assertThat(s.throughputPerSec()).isZero();
        assertThat(s.makespanMs()).isEqualTo(50);
        assertThat(s.cpuUtilization()).isCloseTo(10 / 50.0, within(1e-12));
        assertThat(s.workerUtilization()).isCloseTo(1.0, within(1e-12));
        assertThat(s.maxInFlight()).isEqualTo(2);
    }

    @Test
    @DisplayName("sync at 150 ms: R1 done in 100 ms, 1 per 0.15 s, the core busy 30 of 150 ms")
    void syncAt150() {
        Summary s = new SoFar(SYNC).at(150);
        assertThat(s.requests()).isEqualTo(3);
        assertThat(s.completed()).isEqualTo(1);
        assertThat(s.response()).isEqualTo(new Summary.Response(100, 100, 100, 100, 100, 100, 100));
        assertThat(s.throughputPerSec()).isCloseTo(1 / 0.150, within(1e-9));
        assertThat(s.cpuUtilization()).isCloseTo(30 / 150.0, within(1e-12));
        assertThat(s.workerUtilization()).isCloseTo(1.0, within(1e-12));
        assertThat(s.queueMeanMs()).isZero();
    }

    @Test
    @DisplayName("sync at 220 ms: R1 (100) and R2 (160) done: mean 130, p50 100, p95 160; core busy 44 of 220 ms")
    void syncAt220() {
        Summary s = new SoFar(SYNC).at(220);
        assertThat(s.completed()).isEqualTo(2);
        // nearest rank: p50 of two is the 1st value, p95 the 2nd
        assertThat(s.response()).isEqualTo(new Summary.Response(130, 100, 100, 160, 160, 160, 160));
        assertThat(s.throughputPerSec()).isCloseTo(2 / 0.220, within(1e-9));
        assertThat(s.cpuUtilization()).isCloseTo(44 / 220.0, within(1e-12));
        assertThat(s.queueMeanMs()).isEqualTo(30);
        assertThat(s.queueMaxMs()).isEqualTo(60);
    }

    /*
     * Event loop, one loop, one core:
     *   R1 arrives 0:  compute 0-10, db 10-90, compute 90-100, done 100 (response 100)
     *   R2 arrives 40: compute 40-50, db 50-130, compute 130-140, done 140 (100)
     *   R3 arrives 70: compute 70-74, db 74-102, compute 102-106, done 106 (36)
     * The loop is held exactly while it computes: 0-10, 40-50, 70-74, 90-100, 102-106, 130-140.
     */
    @Test
    @DisplayName("event loop at 60, 104 and 120 ms: the loop busy 20/60, 36/104, 38/120; R1 then R3 done")
    void loopAtThreeTimes() {
        SoFar loop = new SoFar(LOOP);
        Summary at60 = loop.at(60);
        assertThat(at60.completed()).isZero();
        assertThat(at60.cpuUtilization()).isCloseTo(20 / 60.0, within(1e-12));
        assertThat(at60.workerUtilization()).isCloseTo(20 / 60.0, within(1e-12));

        Summary at104 = loop.at(104);
        assertThat(at104.completed()).isEqualTo(1);
        assertThat(at104.response().max()).isEqualTo(100);
        assertThat(at104.throughputPerSec()).isCloseTo(1 / 0.104, within(1e-9));
        assertThat(at104.cpuUtilization()).isCloseTo(36 / 104.0, within(1e-12));

        Summary at120 = loop.at(120);
        assertThat(at120.completed()).isEqualTo(2);
        assertThat(at120.response()).isEqualTo(new Summary.Response(68, 36, 36, 100, 100, 100, 100));
        assertThat(at120.throughputPerSec()).isCloseTo(2 / 0.120, within(1e-9));
        assertThat(at120.cpuUtilization()).isCloseTo(38 / 120.0, within(1e-12));
        assertThat(at120.workerUtilization()).isCloseTo(38 / 120.0, within(1e-12));
    }

    @Test
    @DisplayName("slowdown so far: R1 alone-fast (1.0x) at 150 ms, then R2's 160/100 joins it at 220 ms")
    void slowdownSoFar() {
        SoFar sync = new SoFar(SYNC);
        assertThat(sync.slowdownMean(50)).isNaN();
        assertThat(sync.slowdownMax(150)).isEqualTo(1.0);
        assertThat(sync.slowdownMean(220)).isEqualTo((1.0 + 1.6) / 2);
        assertThat(sync.slowdownMax(220)).isEqualTo(1.6);
        assertThat(sync.slowdownMax(236)).isEqualTo(166.0 / 36);
        assertThat(sync.slowdownMean(236)).isEqualTo((1 + 160.0 / 100 + 166.0 / 36) / 3);
    }

    @Test
    @DisplayName("a request counts as done at the instant it finishes")
    void doneAtItsFinish() {
        SoFar sync = new SoFar(SYNC);
        assertThat(sync.completedBy(99.999)).isZero();
        assertThat(sync.completedBy(100)).isEqualTo(1);
        assertThat(sync.at(100).response().max()).isEqualTo(100);
    }

    @Test
    @DisplayName("before the first arrival nothing has elapsed: rates and shares are unknown, not zero")
    void beforeAnything() {
        Summary s = new SoFar(SYNC).at(0);
        assertThat(s.completed()).isZero();
        assertThat(s.throughputPerSec()).isNaN();
        assertThat(s.cpuUtilization()).isNaN();
        assertThat(s.requests()).isEqualTo(1); // R1 arrives at 0
    }

    static Stream<Trace> runs() {
        Scenario loaded = LESSON.withArrivals(new Arrivals.Poisson(40, 400));
        return Stream.concat(Stream.of(SYNC, LOOP, Simulation.trace(loaded), Simulation.trace(loaded.withPolicy(Policy.EVENT_LOOP))),
                Presets.ids().stream().map(id -> Simulation.trace(Presets.load(id).orElseThrow())));
    }

    @ParameterizedTest
    @MethodSource("runs")
    @DisplayName("at the end, and after it, the figures are SummaryCollector's whole-run summary exactly")
    void endIsTheWholeRun(Trace trace) {
        SoFar soFar = new SoFar(trace);
        Summary whole = SummaryCollector.of(trace, 0);
        assertThat(soFar.at(trace.endMs())).isEqualTo(whole);
        assertThat(soFar.at(trace.endMs() + 1)).isEqualTo(whole);
        assertThat(soFar.at(Double.POSITIVE_INFINITY)).isEqualTo(whole);
    }

    @ParameterizedTest
    @MethodSource("runs")
    @DisplayName("just before the end the so-far figures have all but caught up with the whole run")
    void justBeforeTheEnd(Trace trace) {
        Summary whole = SummaryCollector.of(trace, 0);
        double t = Math.nextDown(trace.endMs());
        Summary s = new SoFar(trace).at(t);
        // busy time from the spans agrees with the engine's own totals
        assertThat(s.cpuUtilization()).isCloseTo(whole.cpuUtilization(), within(1e-9));
        assertThat(s.workerUtilization()).isCloseTo(whole.workerUtilization(), within(1e-9));
        long lastDone = trace.requests().stream().filter(r -> r.completed() && r.finishMs() == trace.endMs()).count();
        assertThat(s.completed()).isEqualTo(whole.completed() - lastDone);
    }

    @ParameterizedTest
    @MethodSource("runs")
    @DisplayName("at any time the percentiles are those of the responses completed by then")
    void percentilesOfTheCompleted(Trace trace) {
        SoFar soFar = new SoFar(trace);
        for (int i = 1; i <= 7; i++) {
            double t = trace.endMs() * i / 8;
            double[] done = trace.requests().stream().filter(r -> r.completed() && r.finishMs() <= t)
                    .mapToDouble(r -> r.responseMs()).toArray();
            Summary s = soFar.at(t);
            assertThat(s.completed()).isEqualTo(done.length);
            if (done.length > 0) {
                Percentiles p = Percentiles.of(done);
                assertThat(s.response()).usingRecursiveComparison().ignoringFields("mean")
                        .isEqualTo(new Summary.Response(0, p.min(), p.at(50), p.at(90), p.at(95), p.at(99), p.max()));
            }
        }
    }
}
