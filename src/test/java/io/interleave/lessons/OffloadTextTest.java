package io.interleave.lessons;

import static io.interleave.lessons.Lesson.maxResponse;
import static io.interleave.lessons.Lesson.minResponse;
import static io.interleave.lessons.Lesson.ofType;
import static io.interleave.lessons.Lesson.spans;
import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.scenario.Policy;
import io.interleave.scenario.Segment;
import io.interleave.scenario.SegmentKind;
import io.interleave.trace.RequestRecord;
import io.interleave.trace.SpanState;
import io.interleave.trace.Trace;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Lesson 6, sentence by sentence: lesson 4's pages and sleeper, the sleep
 * marked offload. On the plain loop it runs in place (lesson 4's times:
 * R3 blocks the loop 38-188, pages take 101 to 197 ms). With the pool R3
 * computes 35-38, its sleep holds a pool thread 38-188 while the loop serves
 * the pages (each 3 ms computes at most, 20 ms apart, so none waits: 46 ms),
 * and R3's continuation computes 188-191: 156 ms.
 */
@DisplayName("Lesson 6: Offload the blocking call")
class OffloadTextTest {
    final Lesson lesson = Lesson.of("offload-blocking-call");
    final Trace loop = lesson.variant("1 event loop");
    final Trace pool = lesson.variant("event loop + pool");

    @Test
    @DisplayName("“R3 calls time.sleep for 150 ms inside async code, marked to run in a thread pool (await asyncio.to_thread).” "
            + "teaching.md “The sleep is marked offload in both; without a pool it runs on the loop, exactly as in lesson 4.”")
    void theSleeperIsMarked() {
        assertThat(lesson.traces()).extracting(Trace::label).containsExactly("1 event loop", "event loop + pool");
        assertThat(pool.scenario().server().policy()).isEqualTo(Policy.EVENT_LOOP_POOL);
        assertThat(ofType(pool, "legacy")).extracting(RequestRecord::id).containsExactly(3);
        Segment sleep = pool.scenario().requestTypes().get(pool.request(3).type()).segments().get(1);
        assertThat(sleep.kind()).isEqualTo(SegmentKind.BLOCK);
        assertThat(sleep.offload()).isTrue();
        assertThat(sleep.label()).contains("time.sleep");
        assertThat(spans(pool, 3, SpanState.BLOCKED)).singleElement().satisfies(b -> assertThat(b.durationMs()).isEqualTo(150.0));
        // without a pool: lesson 4's loop, request for request
        assertThat(loop.requests()).isEqualTo(Lesson.of("blocking-call").variant("1 event loop").requests());
    }

    @Test
    @DisplayName("“On 1 event loop there is no pool, so the call runs on the loop and holds it: every page takes 101 to 197 ms instead of 46 ms.”")
    void noPoolStalls() {
        assertThat(spans(loop, 3, SpanState.BLOCKED)).singleElement().satisfies(b -> assertThat(b.holdsWorker()).isTrue());
        List<RequestRecord> pages = ofType(loop, "page");
        assertThat(pages).hasSize(9).allSatisfy(p -> assertThat(p.aloneMs()).isEqualTo(46.0));
        assertThat(minResponse(pages)).isEqualTo(101.0);
        assertThat(maxResponse(pages)).isEqualTo(197.0);
    }

    @Test
    @DisplayName("“With the pool the sleep holds a pool thread, not the loop: the loop goes on serving, and every page takes 46 ms, as it would alone.” "
            + "teaching.md “With the pool the sleep is drawn on R3's row without holding the loop, and the loop goes on serving the pages.”")
    void poolFreesTheLoop() {
        assertThat(spans(pool, 3, SpanState.BLOCKED)).singleElement().satisfies(b -> {
            assertThat(b.startMs()).isEqualTo(38.0);
            assertThat(b.endMs()).isEqualTo(188.0);
            assertThat(b.holdsWorker()).isFalse();
        });
        assertThat(Lesson.overlapping(pool, SpanState.COMPUTE, 38, 188)).as("the loop computes during the sleep").isNotEmpty();
        assertThat(ofType(pool, "page")).hasSize(9)
                .allSatisfy(p -> assertThat(p.responseMs()).as(p.label()).isEqualTo(46.0).isEqualTo(p.aloneMs()));
    }

    @Test
    @DisplayName("“R3 itself still takes 156 ms: offloading frees the loop, it does not make the call faster.” "
            + "teaching.md “No: its sleep still takes 150 ms. The pool frees the loop, not the caller.”")
    void callerNoFaster() {
        assertThat(pool.request(3).responseMs()).isEqualTo(156.0).isEqualTo(pool.request(3).aloneMs());
        assertThat(loop.request(3).responseMs()).isEqualTo(156.0);
    }
}
