package io.interleave.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.scenario.Policy;
import io.interleave.scenario.Segment;
import io.interleave.scenario.SegmentKind;
import io.interleave.trace.RequestRecord;
import io.interleave.trace.Span;
import io.interleave.trace.SpanState;
import io.interleave.trace.Trace;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Lesson 7, sentence by sentence: three dashboards at 0, 50 and 100 ms, each
 * compute 2, a gather of three 100 ms waits, compute 2. On 10 threads (1 core)
 * the calls run in turn: R1 computes 0-2, calls 2-102, 102-202, 202-302,
 * renders 302-304 (R2 and R3 likewise 50 and 100 ms later; their computes
 * never meet), 304 ms each. On 1 loop the three calls of R1 all run 2-102
 * and it renders 102-104; R2 calls 52-152, renders 152-154; R3 computes
 * 100-102 while R1 waits, calls 102-202, renders 202-204 (R1 renders 102-104
 * first, but R3's calls began at 102 too): 104 ms each.
 */
@DisplayName("Lesson 7: Open all the sockets at once")
class GatherTextTest {
    final Lesson lesson = Lesson.of("open-all-sockets");
    final Trace threads = lesson.variant("10 threads");
    final Trace loop = lesson.variant("1 event loop");

    private static List<Span> waits(Trace t, int id) {
        return t.spansOf(id).stream().filter(s -> s.state() == SpanState.WAIT).toList();
    }

    @Test
    @DisplayName("“R1, R2 and R3 each call three services that take 100 ms each (await asyncio.gather(a(), b(), c())), between 2 ms of parsing and 2 ms of rendering.”")
    void threeCalls() {
        assertThat(lesson.traces()).extracting(Trace::label).containsExactly("10 threads", "1 event loop");
        assertThat(threads.scenario().server().policy()).isEqualTo(Policy.SYNC);
        assertThat(loop.scenario().server().policy()).isEqualTo(Policy.EVENT_LOOP);
        assertThat(loop.requests()).extracting(RequestRecord::id).containsExactly(1, 2, 3);
        List<Segment> segments = loop.scenario().requestTypes().get(0).segments();
        assertThat(segments).extracting(Segment::kind).containsExactly(SegmentKind.COMPUTE, SegmentKind.GATHER, SegmentKind.COMPUTE);
        assertThat(segments.get(1).branches()).hasSize(3).allSatisfy(b -> assertThat(b).singleElement()
                .satisfies(s -> assertThat(s.kind()).isEqualTo(SegmentKind.WAIT)));
        for (Trace t : lesson.traces()) {
            assertThat(t.requests()).allSatisfy(r -> {
                assertThat(r.computeMs()).isEqualTo(4.0);
                assertThat(r.waitMs()).isEqualTo(300.0);
            });
        }
    }

    @Test
    @DisplayName("“On a thread the calls are plain blocking calls, made one after another: every request takes 304 ms.” "
            + "teaching.md “On a thread they follow one another and the request takes 304 ms”")
    void threadsInTurn() {
        assertThat(threads.requests()).allSatisfy(r -> assertThat(r.responseMs()).isEqualTo(304.0).isEqualTo(r.aloneMs()));
        for (RequestRecord r : threads.requests()) {
            List<Span> calls = waits(threads, r.id());
            assertThat(calls).extracting(Span::branchIndex).containsExactly(0, 1, 2);
            assertThat(calls).allSatisfy(s -> assertThat(s.holdsWorker()).isTrue());
            assertThat(calls.get(1).startMs()).isEqualTo(calls.get(0).endMs());
            assertThat(calls.get(2).startMs()).isEqualTo(calls.get(1).endMs());
        }
    }

    @Test
    @DisplayName("“On the event loop the three calls are in flight at once: every request takes 104 ms, its longest call plus its own compute.” "
            + "teaching.md “on the loop they sit on top of each other and it takes 104 ms.”")
    void loopAtOnce() {
        assertThat(loop.requests()).allSatisfy(r -> assertThat(r.responseMs()).isEqualTo(104.0).isEqualTo(r.aloneMs()));
        for (RequestRecord r : loop.requests()) {
            List<Span> calls = waits(loop, r.id());
            assertThat(calls).extracting(Span::branchIndex).containsExactlyInAnyOrder(0, 1, 2);
            assertThat(calls).extracting(Span::startMs).containsOnly(calls.get(0).startMs());
            assertThat(calls).allSatisfy(s -> assertThat(s.holdsWorker()).isFalse());
        }
    }

    @Test
    @DisplayName("“The gather does not make any call faster: each still takes 100 ms, and they overlap.” "
            + "teaching.md “None: each still takes 100 ms. The calls overlap; the request waits for its longest one.”")
    void noCallFaster() {
        for (Trace t : lesson.traces()) {
            assertThat(t.spans().stream().filter(s -> s.state() == SpanState.WAIT)).hasSize(9)
                    .allSatisfy(s -> assertThat(s.durationMs()).isEqualTo(100.0));
        }
    }

    @Test
    @DisplayName("teaching.md “a gather counts as its longest branch under the loop and as the sum of its branches on a thread, so both servers show a slowdown of 1 here.”")
    void aloneFollowsThePolicy() {
        assertThat(threads.requests()).allSatisfy(r -> assertThat(r.slowdown()).isEqualTo(1.0));
        assertThat(loop.requests()).allSatisfy(r -> assertThat(r.slowdown()).isEqualTo(1.0));
        assertThat(threads.request(1).aloneMs()).isEqualTo(304.0);
        assertThat(loop.request(1).aloneMs()).isEqualTo(104.0);
    }
}
