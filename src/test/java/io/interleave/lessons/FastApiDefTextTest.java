package io.interleave.lessons;

import static io.interleave.lessons.Lesson.ofType;
import static io.interleave.lessons.Lesson.spans;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

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
 * Lesson 12, sentence by sentence. Event loop + thread pool with a GIL on 2
 * cores; R1 page at 0, R2 report (100 ms of computing, offloaded: a plain
 * {@code def} endpoint) at 5, R3 page at 10; a page computes 2 ms, awaits a
 * 20 ms query, computes 2 ms. Worked out by hand with CPython 3.12's rule (a
 * waiter waits one switch interval, 5 ms, from when it began waiting; then
 * the holder drops the GIL; an await, with nothing else ready on the loop,
 * releases it):
 *
 * <pre>
 * 1 process:  R1 parses 0-2 (GIL free), queries 2-22. Pool 1 takes R2 at 5 and
 *             the GIL. R3 arrives at 10: the loop waits for the GIL 10-15,
 *             parses 15-17, queries 17-37. R1's answer at 22: the loop waits
 *             22-27, renders 27-29 (R1: 29 ms). R3's at 37: waits 37-42,
 *             renders 42-44 (R3: 34 ms). Pool 1 computes 5-15, 17-27, 29-42,
 *             44-111: R2 106 ms.
 * 2 processes: round-robin, R1 and R3 on loop 1, R2 on loop 2's pool; each
 *             process its own GIL, each its own core: pages 24 ms, R2 5-105.
 * </pre>
 */
@DisplayName("Lesson 12: A CPU-bound def endpoint in FastAPI")
class FastApiDefTextTest {
    final Lesson lesson = Lesson.of("fastapi-def-endpoint");
    final Trace one = lesson.variant("1 process");
    final Trace two = lesson.variant("2 processes");

    @Test
    @DisplayName("“R2 is a plain def endpoint that computes a report for 100 ms; FastAPI runs it in its thread pool, so the loop stays free "
            + "for the async pages R1 and R3.”")
    void reportOnThePool() {
        assertThat(lesson.traces()).extracting(Trace::label).containsExactly("1 process", "2 processes");
        assertThat(one.scenario().server().policy()).isEqualTo(Policy.EVENT_LOOP_POOL);
        assertThat(ofType(one, "report")).extracting(RequestRecord::id).containsExactly(2);
        assertThat(ofType(one, "page")).extracting(RequestRecord::id).containsExactly(1, 3);
        Segment build = one.scenario().requestTypes().get(one.request(2).type()).segments().get(0);
        assertThat(build.kind()).isEqualTo(SegmentKind.COMPUTE);
        assertThat(build.offload()).isTrue();
        assertThat(build.ms().mean()).isEqualTo(100.0);
        assertThat(spans(one, 2, SpanState.COMPUTE)).allSatisfy(s -> {
            assertThat(s.poolThread()).hasValue(0);
            assertThat(s.holdsWorker()).as("the loop is free").isFalse();
        });
    }

    @Test
    @DisplayName("“But the pool thread and the loop share one process and its GIL: each time the loop wants to compute, it waits for the GIL "
            + "(sky blue, crosshatched) until the pool thread gives it up after the 5 ms switch interval.” "
            + "teaching.md “each time it has work it waits for the GIL (sky blue, cross-hatched on the loop's lane) for 5 ms, the switch interval, until the pool thread gives the GIL up.”")
    void loopWaitsForTheGil() {
        assertThat(one.scenario().server().gil()).isTrue();
        assertThat(one.scenario().server().processCount()).isEqualTo(1);
        assertThat(spans(one, 3, SpanState.WAITING_GIL)).extracting(Span::startMs, Span::endMs)
                .containsExactly(tuple(10.0, 15.0), tuple(37.0, 42.0));
        assertThat(spans(one, 1, SpanState.WAITING_GIL)).extracting(Span::startMs, Span::endMs)
                .containsExactly(tuple(22.0, 27.0));
        assertThat(one.spans()).filteredOn(s -> s.state() == SpanState.WAITING_GIL && s.requestId() != 2)
                .allSatisfy(s -> assertThat(s.durationMs()).isEqualTo(5.0));
        assertThat(spans(one, 2, SpanState.COMPUTE)).extracting(Span::startMs, Span::endMs)
                .containsExactly(tuple(5.0, 15.0), tuple(17.0, 27.0), tuple(29.0, 42.0), tuple(44.0, 111.0));
    }

    @Test
    @DisplayName("“So the pages take 29 and 34 ms instead of 24, with the loop never blocked.” "
            + "teaching.md “The pages take 29 and 34 ms instead of 24, although a core is free the whole time.”")
    void pagesSlowDown() {
        assertThat(ofType(one, "page")).extracting(RequestRecord::responseMs).containsExactly(29.0, 34.0);
        assertThat(ofType(one, "page")).allSatisfy(p -> assertThat(p.aloneMs()).isEqualTo(24.0));
        assertThat(one.spans()).noneSatisfy(s -> assertThat(s.state()).isEqualTo(SpanState.BLOCKED));
        assertThat(one.spans()).filteredOn(s -> s.state() == SpanState.COMPUTE)
                .allSatisfy(s -> assertThat(Lesson.overlapping(one, SpanState.COMPUTE, s.startMs(), s.endMs()))
                        .as("one computes at a time: the second core is idle").containsExactly(s));
    }

    @Test
    @DisplayName("“With 2 processes (workers 2) the report runs in the second process, under its own GIL on its own core, and the pages take 24 ms, as they would alone.” "
            + "teaching.md “the report computes there under its own GIL, on the other core, and the pages take 24 ms.”")
    void secondProcessFixesIt() {
        assertThat(two.scenario().server().workers()).isEqualTo(2);
        assertThat(two.scenario().server().processCount()).isEqualTo(2);
        assertThat(two.request(2).worker()).hasValue(1);
        assertThat(two.scenario().server().processOf(two.request(2).worker().getAsInt())).isEqualTo(1);
        assertThat(List.of(two.request(1), two.request(3))).allSatisfy(p -> {
            assertThat(p.worker()).hasValue(0);
            assertThat(p.responseMs()).isEqualTo(24.0).isEqualTo(p.aloneMs());
        });
        assertThat(two.spans()).noneSatisfy(s -> assertThat(s.state()).isEqualTo(SpanState.WAITING_GIL));
    }

    @Test
    @DisplayName("“The report itself takes 106 ms in one process and 100 ms in two: the pool moved its work off the loop, not out of the loop's GIL.” "
            + "teaching.md “The thread pool moves the work off the loop, not off the GIL.”")
    void reportTimes() {
        assertThat(one.request(2).responseMs()).isEqualTo(106.0);
        assertThat(two.request(2).responseMs()).isEqualTo(100.0).isEqualTo(two.request(2).aloneMs());
    }

    @Test
    @DisplayName("teaching.md “with no GIL the pool thread and the loop compute on the two cores at once, and the pages take 24 ms in one process too.”")
    void freeThreaded() {
        Trace free = lesson.edited(s -> s.withServer(s.server().withGil(false))).variant("1 process");
        assertThat(ofType(free, "page")).allSatisfy(p -> assertThat(p.responseMs()).isEqualTo(24.0));
        assertThat(free.spans()).noneSatisfy(s -> assertThat(s.state()).isEqualTo(SpanState.WAITING_GIL));
        assertThat(free.request(2).responseMs()).isEqualTo(100.0);
    }
}
