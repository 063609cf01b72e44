package io.interleave.lessons;

import static io.interleave.lessons.Lesson.completionOrder;
import static io.interleave.lessons.Lesson.spans;
import static io.interleave.lessons.Lesson.timeIn;
import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.scenario.Policy;
import io.interleave.trace.RequestRecord;
import io.interleave.trace.Span;
import io.interleave.trace.SpanState;
import io.interleave.trace.Trace;
import java.util.Comparator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Lesson 1, sentence by sentence. R1 at 0 and R2 at 40 are reports (compute
 * 10, database 80, compute 10); R3 at 70 is a lookup (4, 28, 4); one core.
 * One thread: R1 0-100, R2 queued to 100 and done at 200, R3 queued to 200
 * and done at 236. One loop: R1 computes 0-10 and waits 10-90; R2 computes
 * 40-50 and waits 50-130; R3 computes 70-74 and waits 74-102; R1 renders
 * 90-100, R3 102-106, R2 130-140: done in the order 1, 3, 2, each as alone.
 */
@DisplayName("Lesson 1: Three requests")
class ThreeRequestsTextTest {
    final Lesson lesson = Lesson.of("three-requests");
    final Trace sync = lesson.variant(Policy.SYNC.displayName());
    final Trace loop = lesson.variant(Policy.EVENT_LOOP.displayName());

    @Test
    @DisplayName("“R1 and R2 spend 80 of their 100 ms waiting on the database.”")
    void mostlyWaiting() {
        for (Trace t : lesson.traces()) {
            for (int id : new int[] {1, 2}) {
                RequestRecord r = t.request(id);
                assertThat(r.aloneMs()).as(t.label() + " R" + id).isEqualTo(100.0);
                assertThat(timeIn(t, id, SpanState.WAIT)).as(t.label() + " R" + id).isEqualTo(80.0);
            }
        }
    }

    @Test
    @DisplayName("“With one synchronous thread, R2 waits for R1 and R3 waits for both, so R3, the shortest request, gets the worst response time.” "
            + "teaching.md “R3 needs 36 ms of work. Why does it take 166 ms? It waits for R1 and R2, which spend most of their time waiting on the database while holding the only thread.”")
    void syncMakesTheShortestWorst() {
        assertThat(sync.scenario().server().workers()).isEqualTo(1);
        assertThat(lesson.alone().scenario().server().policy()).as("the lesson opens on sync").isEqualTo(Policy.SYNC);
        RequestRecord r1 = sync.request(1);
        RequestRecord r2 = sync.request(2);
        RequestRecord r3 = sync.request(3);
        assertThat(r2.startMs()).as("R2 starts when R1 is done").isEqualTo(r1.finishMs()).isGreaterThan(r2.arrivalMs());
        assertThat(r3.startMs()).as("R3 starts when R2 is done").isEqualTo(r2.finishMs()).isGreaterThan(r3.arrivalMs());
        assertThat(spans(sync, 3, SpanState.QUEUED)).singleElement()
                .satisfies(q -> assertThat(q.startMs()).isEqualTo(70.0))
                .satisfies(q -> assertThat(q.endMs()).isEqualTo(200.0));
        assertThat(r3.aloneMs()).isEqualTo(36.0);
        assertThat(r3.responseMs()).isEqualTo(166.0);
        assertThat(sync.requests().stream().min(Comparator.comparingDouble(RequestRecord::aloneMs)).orElseThrow().id()).isEqualTo(3);
        assertThat(sync.requests().stream().max(Comparator.comparingDouble(RequestRecord::responseMs)).orElseThrow().id()).isEqualTo(3);
        // while R3 queues, R1 and R2 hold the only thread, mostly in their database waits
        double held = 0;
        double heldWaiting = 0;
        for (Span s : sync.workerLane(0)) {
            double overlap = Math.min(s.endMs(), 200) - Math.max(s.startMs(), 70);
            if (overlap > 0) {
                assertThat(s.requestId()).isIn(1, 2);
                held += overlap;
                heldWaiting += s.state() == SpanState.WAIT ? overlap : 0;
            }
        }
        assertThat(held).isEqualTo(130.0);
        assertThat(heldWaiting / held).isGreaterThan(0.5);
    }

    @Test
    @DisplayName("“Under the event loop R2 starts while R1 waits, R3 slips in between, responses come back 1, 3, 2, and each takes as long as it would alone.” "
            + "teaching.md “Press Compare (Ctrl+K): one thread against one event loop.” teaching.md “Under the event loop R2 starts while R1 waits, R3 slips in between, responses come back 1, 3, 2, and every response equals its single-user time (the faint outline).”")
    void loopServesEachAsAlone() {
        assertThat(lesson.traces()).containsExactly(sync, loop);
        assertThat(sync.scenario().server().workers()).isEqualTo(1);
        assertThat(loop.scenario().server().workers()).isEqualTo(1);
        Span r1Wait = spans(loop, 1, SpanState.WAIT).get(0);
        assertThat(loop.request(2).startMs()).isBetween(r1Wait.startMs(), r1Wait.endMs());
        // R3 runs between R2's first compute and R1's last one, and is sent between R1 and R2
        Span r3First = spans(loop, 3, SpanState.COMPUTE).get(0);
        assertThat(r3First.startMs()).isGreaterThanOrEqualTo(spans(loop, 2, SpanState.COMPUTE).get(0).endMs());
        assertThat(r3First.endMs()).isLessThanOrEqualTo(spans(loop, 1, SpanState.COMPUTE).get(1).startMs());
        assertThat(completionOrder(loop)).containsExactly(1, 3, 2);
        for (RequestRecord r : loop.requests()) {
            assertThat(r.responseMs()).as(r.label()).isEqualTo(r.aloneMs());
        }
    }

    @Test
    @DisplayName("teaching.md “the thread lane is busy during the database waits; the loop lane is free during them.”")
    void workersView() {
        for (int id = 1; id <= 3; id++) {
            for (Span wait : spans(sync, id, SpanState.WAIT)) {
                assertThat(wait.holdsWorker()).isTrue();
                assertThat(sync.workerLane(0)).contains(wait);
            }
            for (Span wait : spans(loop, id, SpanState.WAIT)) {
                assertThat(wait.holdsWorker()).isFalse();
                assertThat(loop.workerLane(0)).doesNotContain(wait);
            }
        }
        // from 10 to 40 ms R1 is the only request and it waits: the loop's lane is empty, the thread's is not
        assertThat(loop.workerLane(0)).noneMatch(s -> s.startMs() < 40 && s.endMs() > 10);
        assertThat(sync.workerLane(0)).anyMatch(s -> s.startMs() <= 10 && s.endMs() >= 40);
    }

    @Test
    @DisplayName("teaching.md “Drag Workers to 3: sync matches it; with 2, R3 still waits for a thread.”")
    void threeThreadsMatchTheLoop() {
        Lesson three = lesson.edited(s -> s.withServer(s.server().withWorkers(3)));
        Trace threads = three.variant(Policy.SYNC.displayName());
        for (RequestRecord r : threads.requests()) {
            assertThat(r.responseMs()).as(r.label()).isEqualTo(loop.request(r.id()).responseMs());
        }
        Trace two = lesson.edited(s -> s.withServer(s.server().withWorkers(2))).variant(Policy.SYNC.displayName());
        assertThat(two.request(3).queueMs()).isEqualTo(30.0);
        assertThat(two.request(3).responseMs()).isGreaterThan(loop.request(3).responseMs());
    }
}
