package io.interleave.lessons;

import static io.interleave.lessons.Lesson.maxResponse;
import static io.interleave.lessons.Lesson.minResponse;
import static io.interleave.lessons.Lesson.ofType;
import static io.interleave.lessons.Lesson.overlapping;
import static io.interleave.lessons.Lesson.spans;
import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.scenario.Policy;
import io.interleave.scenario.SegmentKind;
import io.interleave.trace.RequestRecord;
import io.interleave.trace.Span;
import io.interleave.trace.SpanState;
import io.interleave.trace.Trace;
import io.interleave.trace.narration.Narration;
import io.interleave.trace.narration.Narrator;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Lesson 4, sentence by sentence. Pages (compute 3, database 40, compute 3:
 * 46 ms alone) arrive every 20 ms from 0 to 160; R3, the legacy handler,
 * arrives at 35: compute 3, time.sleep 150, compute 3. On the loop R3
 * computes 35-38 and blocks 38-188: R1's answer (43) and R2's (63) wait for
 * the loop, R4..R10 cannot start; after R3's last compute (188-191) the
 * loop works off the backlog, so the pages finish 101 to 197 ms after they
 * arrived. With 4 threads at most three pages and the sleeper are in flight
 * at once and no two computes meet: every page takes 46 ms.
 */
@DisplayName("Lesson 4: A blocking call in async code")
class BlockingCallTextTest {
    static final double BLOCK_START = 38;
    static final double BLOCK_END = 188;

    final Lesson lesson = Lesson.of("blocking-call");
    final Trace threads = lesson.variant("4 threads");
    final Trace loop = lesson.variant("1 event loop");

    @Test
    @DisplayName("“R3 calls time.sleep (a blocking call) for 150 ms inside async code.” teaching.md “Play the event loop timeline (the lesson opens on it).”")
    void theSleeper() {
        assertThat(lesson.alone().scenario().server().policy()).as("the lesson opens on the loop").isEqualTo(Policy.EVENT_LOOP);
        assertThat(lesson.traces()).extracting(Trace::label).containsExactly("4 threads", "1 event loop");
        assertThat(ofType(loop, "legacy")).extracting(RequestRecord::id).containsExactly(3);
        assertThat(loop.scenario().requestTypes().get(loop.request(3).type()).segments().get(1).label()).contains("time.sleep");
        assertThat(spans(loop, 3, SpanState.BLOCKED)).singleElement().satisfies(b -> {
            assertThat(b.durationMs()).isEqualTo(150.0);
            assertThat(b.holdsWorker()).isTrue();
        });
    }

    @Test
    @DisplayName("“While it sleeps the loop is held: no other request can run, not even R1 and R2, whose database answers arrive meanwhile, "
            + "and R4 to R10 cannot even start, so every page takes 101 to 197 ms instead of 46 ms.” "
            + "teaching.md “At 38 ms R3 calls a blocking sleep (cross-hatched purple): R1's and R2's database answers arrive at 43 and 63 ms, "
            + "but their continuations sit in light blue (ready) until the sleep is over, because the loop is held. R4 onwards cannot even start (hatched, queued).”")
    void everyoneStalls() {
        Span sleep = spans(loop, 3, SpanState.BLOCKED).get(0);
        assertThat(sleep.startMs()).isEqualTo(BLOCK_START);
        assertThat(sleep.endMs()).isEqualTo(BLOCK_END);
        assertThat(overlapping(loop, SpanState.COMPUTE, BLOCK_START, BLOCK_END)).as("nothing computes during the sleep").isEmpty();
        double[] answers = {43, 63};
        for (int id = 1; id <= 2; id++) {
            Span wait = spans(loop, id, SpanState.WAIT).get(0);
            assertThat(wait.endMs()).as("R%d's answer", id).isEqualTo(answers[id - 1]);
            Span ready = spans(loop, id, SpanState.READY).get(0);
            assertThat(ready.startMs()).isEqualTo(wait.endMs());
            assertThat(ready.endMs()).as("R%d ready until the sleep is over", id).isGreaterThanOrEqualTo(BLOCK_END);
        }
        for (int id = 4; id <= 10; id++) {
            RequestRecord r = loop.request(id);
            assertThat(r.arrivalMs()).isLessThan(BLOCK_END);
            assertThat(r.startMs()).as(r.label() + " starts after the sleep").isGreaterThanOrEqualTo(BLOCK_END);
            assertThat(spans(loop, id, SpanState.QUEUED)).singleElement()
                    .satisfies(q -> assertThat(q.startMs()).isEqualTo(r.arrivalMs()));
        }
        List<RequestRecord> pages = ofType(loop, "page");
        assertThat(pages).hasSize(9).allSatisfy(p -> assertThat(p.aloneMs()).isEqualTo(46.0));
        assertThat(minResponse(pages)).isEqualTo(101.0);
        assertThat(maxResponse(pages)).isEqualTo(197.0);
    }

    @Test
    @DisplayName("“With 4 threads the same call holds only its own thread: every page takes 46 ms, as it would alone.” "
            + "teaching.md “the sleep holds one thread for 150 ms and every page still takes 46 ms.”")
    void threadsShrugItOff() {
        Span sleep = spans(threads, 3, SpanState.BLOCKED).get(0);
        assertThat(sleep.durationMs()).isEqualTo(150.0);
        int thread = sleep.worker().getAsInt();
        assertThat(threads.workerLane(thread)).filteredOn(s -> s.startMs() < sleep.endMs() && s.endMs() > sleep.startMs())
                .allSatisfy(s -> assertThat(s.requestId()).isEqualTo(3));
        assertThat(ofType(threads, "page")).allSatisfy(p -> assertThat(p.responseMs()).as(p.label()).isEqualTo(46.0).isEqualTo(p.aloneMs()));
    }

    @Test
    @DisplayName("“Switch the block to a wait (await asyncio.sleep) and the stall disappears on the loop too.” "
            + "teaching.md “The stall disappears and every page is back to 46 ms.”")
    void awaitFixesIt() {
        Lesson fixed = lesson.edited(s -> Lesson.switchKind(s, "legacy", SegmentKind.BLOCK, SegmentKind.WAIT));
        Trace fixedLoop = fixed.variant("1 event loop");
        assertThat(fixedLoop.spans()).noneMatch(s -> s.state() == SpanState.BLOCKED);
        assertThat(ofType(fixedLoop, "page")).allSatisfy(p -> assertThat(p.responseMs()).as(p.label()).isEqualTo(46.0));
        assertThat(fixedLoop.request(3).responseMs()).isEqualTo(156.0);
    }

    @Test
    @DisplayName("teaching.md “38 ms — R3 blocks the loop (time.sleep)”")
    void narration() {
        Narration n = Narrator.narrate(loop);
        int line = n.indexOf(BLOCK_START);
        assertThat(line).isNotNegative();
        assertThat(n.lines().get(line).text()).isEqualTo("R3 blocks the loop (time.sleep)");
    }
}
