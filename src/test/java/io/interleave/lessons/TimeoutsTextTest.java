package io.interleave.lessons;

import static io.interleave.lessons.Lesson.summary;
import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.scenario.RequestType;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.SegmentKind;
import io.interleave.trace.Causes;
import io.interleave.trace.RequestRecord;
import io.interleave.trace.Span;
import io.interleave.trace.SpanState;
import io.interleave.trace.Status;
import io.interleave.trace.Trace;
import io.interleave.trace.narration.Narrator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Lesson 9, sentence by sentence: twelve reports (compute 20, query 50, compute 20), one every
 * 25 ms on one core, each client giving up after 150 ms, the task cancelled when it does.
 *
 * <p>4 threads (time-sliced on the one core): R1 to R4 finish at 110, 150, 175 and 225 (R4 exactly
 * at its client's 150 ms, which counts as in time); from R5 on the threads fall further behind
 * and every request ends after its client left, each served to the end. Event loop: R4 is
 * rendering when its client leaves at 225 and ends at 230; R5 to R8 are waiting (for the loop or
 * their query) when theirs leave and are cancelled at once, at 250, 275, 300 and 325; R9 to R12
 * then run with the core to themselves and finish at 350, 370, 390 and 410, all within 150 ms.
 */
@DisplayName("Lesson 9: Timeouts under overload")
class TimeoutsTextTest {
    final Lesson lesson = Lesson.of("timeouts-under-overload");
    final Trace threads = lesson.variant("4 threads");
    final Trace loop = lesson.variant("1 event loop");

    static List<Status> statuses(Trace t) {
        return t.requests().stream().map(RequestRecord::status).toList();
    }

    static List<Status> repeat(Status s, int n) {
        return IntStream.range(0, n).mapToObj(i -> s).toList();
    }

    static double wastedCompute(Trace t) {
        return t.spans().stream().filter(s -> s.wasted() && s.state() == SpanState.COMPUTE).mapToDouble(Span::durationMs).sum();
    }

    @Test
    @DisplayName("“A report takes 90 ms alone (20 ms of CPU, a 50 ms query, 20 ms of CPU), one arrives every 25 ms on one core, which is more work than the core can do, and each client gives up after 150 ms.”")
    void theSetting() {
        Scenario s = lesson.scenario();
        RequestType report = s.requestTypes().get(0);
        assertThat(report.segments()).extracting(seg -> seg.kind()).containsExactly(SegmentKind.COMPUTE, SegmentKind.WAIT, SegmentKind.COMPUTE);
        assertThat(report.meanComputeMs()).isEqualTo(40.0);
        assertThat(report.meanWaitMs()).isEqualTo(50.0);
        assertThat(threads.request(1).aloneMs()).isEqualTo(90.0);
        assertThat(report.timeoutMs()).isEqualTo(OptionalDouble.of(150));
        assertThat(report.cancelOnTimeout()).isTrue();
        assertThat(s.server().cores()).isEqualTo(1);
        // 40 ms of CPU every 25 ms: more than one core can do
        assertThat(threads.request(2).arrivalMs() - threads.request(1).arrivalMs()).isEqualTo(25.0);
        assertThat(report.meanComputeMs()).isGreaterThan(25.0);
    }

    @Test
    @DisplayName("“Four threads answer R1 to R4 in time, then keep serving requests whose clients had left: R5 to R12 all time out, and 150 ms of CPU goes to clients who had gone.”")
    void threadsServeClientsWhoLeft() {
        assertThat(statuses(threads).subList(0, 4)).containsOnly(Status.COMPLETED);
        assertThat(statuses(threads).subList(4, 12)).isEqualTo(repeat(Status.TIMED_OUT, 8)); // run to the end, never cancelled
        for (RequestRecord r : threads.requests().subList(4, 12)) {
            assertThat(r.finishMs()).as(r.label()).isGreaterThan(r.arrivalMs() + 150);
            // served to the end: all its compute ran
            double computed = threads.spansOf(r.id()).stream().filter(s -> s.state() == SpanState.COMPUTE).mapToDouble(Span::durationMs).sum();
            assertThat(computed).as(r.label()).isEqualTo(40.0);
        }
        assertThat(summary(threads).wastedCpuMs()).isEqualTo(150.0);
        assertThat(wastedCompute(threads)).isEqualTo(150.0);
    }

    @Test
    @DisplayName("“The event loop cancels a request whose client left, at once while it waits (R5 to R8), so the core goes to requests still wanted: R9 to R12 are answered in time again.”")
    void loopCancelsAndRecovers() {
        assertThat(statuses(loop).subList(4, 8)).isEqualTo(repeat(Status.CANCELLED, 4));
        for (RequestRecord r : loop.requests().subList(4, 8)) {
            assertThat(r.finishMs()).as(r.label() + " ends where its client leaves").isEqualTo(r.arrivalMs() + 150);
            assertThat(r.wastedCpuMs()).isZero();
        }
        assertThat(loop.causes().gaveUp()).filteredOn(g -> g.requestId() >= 5 && g.requestId() <= 8)
                .extracting(Causes.GaveUp::now).containsExactly(true, true, true, true);
        assertThat(statuses(loop).subList(8, 12)).isEqualTo(repeat(Status.COMPLETED, 4));
        assertThat(loop.requests().subList(8, 12)).extracting(RequestRecord::finishMs).containsExactly(350.0, 370.0, 390.0, 410.0);
    }

    @Test
    @DisplayName("“R4 shows the limit: its client left while it was rendering, a running callback cannot be interrupted, and with no await left it runs to the end for nobody.”")
    void r4RunsToTheEnd() {
        RequestRecord r4 = loop.request(4);
        assertThat(r4.status()).isEqualTo(Status.TIMED_OUT);
        assertThat(loop.causes().gaveUp()).contains(new Causes.GaveUp(225, 4, true, false)); // cancellation asked, not at once
        Span atGiveUp = loop.spansOf(4).stream().filter(s -> s.startMs() == 225).findFirst().orElseThrow();
        assertThat(atGiveUp.state()).isEqualTo(SpanState.COMPUTE);
        assertThat(atGiveUp.wasted()).isTrue();
        assertThat(lesson.scenario().requestTypes().get(0).segments().get(2).label()).contains("render page");
        assertThat(atGiveUp.segment()).isEqualTo(2); // the last segment: no await after it
        assertThat(r4.finishMs()).isEqualTo(230.0);
    }

    @Test
    @DisplayName("“The loop answers 7 of the 12 in time against 4 for the threads, and wastes 5 ms of CPU against 150 ms.”")
    void figures() {
        assertThat(summary(loop).completed()).isEqualTo(7);
        assertThat(summary(threads).completed()).isEqualTo(4);
        assertThat(summary(loop).timedOut()).isEqualTo(5);
        assertThat(summary(loop).wastedCpuMs()).isEqualTo(5.0);
        assertThat(summary(threads).wastedCpuMs()).isEqualTo(150.0);
    }

    @Test
    @DisplayName("teaching.md “On threads they fill the second half of the run: R5 to R12 all time out, yet every one of them is served to the end.”")
    void guideThreads() {
        assertThat(threads.spans().stream().filter(Span::wasted).mapToDouble(Span::startMs).min().orElseThrow())
                .isGreaterThanOrEqualTo(threads.endMs() / 2 - 1); // the first wasted bar starts near the middle (250 of 500 ms)
        assertThat(statuses(threads).subList(4, 12)).containsOnly(Status.TIMED_OUT);
    }

    @Test
    @DisplayName("teaching.md “they were waiting for the loop or for their query, so each is cancelled at once, and the core goes to R9 to R12, which are answered in time again.”")
    void guideLoop() {
        for (int id = 5; id <= 8; id++) {
            RequestRecord r = loop.request(id);
            Span last = loop.spansOf(id).get(loop.spansOf(id).size() - 1);
            assertThat(last.state()).as(r.label()).isIn(SpanState.QUEUED, SpanState.READY, SpanState.WAIT);
            assertThat(last.holdsWorker()).as(r.label() + " does not hold the loop").isFalse();
        }
        assertThat(loop.requests().subList(8, 12)).allMatch(RequestRecord::completed);
    }

    @Test
    @DisplayName("teaching.md “R5's client gave up after 150 ms; the loop cancels it at once”")
    void guideNarration() {
        assertThat(Narrator.narrate(loop).lines()).anySatisfy(l -> assertThat(l.text()).contains("R5's client gave up after 150 ms; the loop cancels it at once"));
        assertThat(Narrator.narrate(threads).lines()).anySatisfy(l -> assertThat(l.text()).contains("R5's client gave up after 150 ms; its thread works on for nobody"));
        assertThat(Narrator.narrate(loop).lines()).anySatisfy(l -> assertThat(l.text()).contains("R4's client gave up after 150 ms; the loop cancels it at its next await"));
    }

    @Test
    @DisplayName("teaching.md “7 answered in time on the loop against 4 on threads, 5 ms of CPU wasted against 150 ms.”")
    void guideFigures() {
        assertThat(summary(loop).completed()).isEqualTo(7);
        assertThat(summary(threads).completed()).isEqualTo(4);
        assertThat(summary(loop).wastedCpuMs()).isEqualTo(5.0);
    }

    @Test
    @DisplayName("teaching.md “the loop now runs every timed-out request to the end as well.”")
    void guideWithoutCancel() {
        Lesson runOn = lesson.edited(s -> s.withRequestTypes(List.of(s.requestTypes().get(0).withTimeout(OptionalDouble.of(150), false))));
        Trace l = runOn.variant("1 event loop");
        assertThat(statuses(l)).doesNotContain(Status.CANCELLED).contains(Status.TIMED_OUT);
        assertThat(summary(l).wastedCpuMs()).isGreaterThan(summary(loop).wastedCpuMs());
    }
}
