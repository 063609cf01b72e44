package io.interleave.lessons;

import static io.interleave.lessons.Lesson.maxResponse;
import static io.interleave.lessons.Lesson.minResponse;
import static io.interleave.lessons.Lesson.ofType;
import static io.interleave.lessons.Lesson.spans;
import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.scenario.Policy;
import io.interleave.scenario.SegmentKind;
import io.interleave.trace.RequestRecord;
import io.interleave.trace.Span;
import io.interleave.trace.SpanState;
import io.interleave.trace.Trace;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Lesson 5, sentence by sentence. Pages (compute 3, database 20, compute 3:
 * 26 ms alone) arrive every 20 ms from 0 to 200, except at 40, where R3
 * brings 200 ms of computing; one core, 5 ms slices. On the one loop R3
 * computes 40-240 in one piece: R2's answer (43) and R4..R11 (60 to 200)
 * wait for it. With 4 threads the core is handed round in slices: a ready
 * page waits at most the rest of the resize's slice (under 5 ms) per
 * compute, and the resize finishes 51 ms late, at 291.
 */
@DisplayName("Lesson 5: CPU-heavy work starves the loop")
class CpuHeavyTextTest {
    static final double RESIZE_START = 40;
    static final double RESIZE_END = 240;

    final Lesson lesson = Lesson.of("cpu-heavy");
    final Trace threads = lesson.variant("4 threads");
    final Trace loop = lesson.variant("1 event loop");

    @Test
    @DisplayName("“R3 resizes an image, 200 ms of pure computing.”")
    void theResize() {
        assertThat(lesson.traces()).extracting(Trace::label).containsExactly("4 threads", "1 event loop");
        assertThat(lesson.alone().scenario().server().policy()).as("the lesson opens on the loop").isEqualTo(Policy.EVENT_LOOP);
        assertThat(ofType(loop, "resize")).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo(3);
            assertThat(r.computeMs()).isEqualTo(200.0);
            assertThat(r.waitMs()).isZero();
        });
    }

    @Test
    @DisplayName("“On the event loop it runs to completion without yielding: R2, whose database answer arrives meanwhile, and every request that arrives meanwhile (R4 to R11) wait for the loop, "
            + "so pages that take 26 ms alone take 91 to 223 ms.”")
    void loopStarves() {
        assertThat(spans(loop, 3, SpanState.COMPUTE)).singleElement().satisfies(c -> {
            assertThat(c.startMs()).isEqualTo(RESIZE_START);
            assertThat(c.endMs()).isEqualTo(RESIZE_END);
        });
        Span r2Wait = spans(loop, 2, SpanState.WAIT).get(0);
        assertThat(r2Wait.endMs()).isBetween(RESIZE_START, RESIZE_END);
        assertThat(spans(loop, 2, SpanState.READY)).singleElement().satisfies(r -> {
            assertThat(r.startMs()).isEqualTo(r2Wait.endMs());
            assertThat(r.endMs()).isGreaterThanOrEqualTo(RESIZE_END);
        });
        List<RequestRecord> arrivingMeanwhile = loop.requests().stream()
                .filter(r -> r.arrivalMs() > RESIZE_START && r.arrivalMs() < RESIZE_END).toList();
        assertThat(arrivingMeanwhile).extracting(RequestRecord::id).containsExactly(4, 5, 6, 7, 8, 9, 10, 11);
        assertThat(arrivingMeanwhile).allSatisfy(r -> assertThat(r.startMs()).as(r.label()).isGreaterThanOrEqualTo(RESIZE_END));
        List<RequestRecord> stalled = Stream.concat(Stream.of(loop.request(2)), arrivingMeanwhile.stream()).toList();
        assertThat(stalled).allSatisfy(p -> assertThat(p.aloneMs()).isEqualTo(26.0));
        assertThat(minResponse(stalled)).isEqualTo(91.0);
        assertThat(maxResponse(stalled)).isEqualTo(223.0);
    }

    @Test
    @DisplayName("“With 4 threads the operating system time-slices the one core between the resize and the short requests (5 ms turns), "
            + "so the pages slow down gently, to at most 35 ms, while the resize itself takes longer (251 ms).”")
    void threadsShareTheCore() {
        assertThat(threads.scenario().server().cores()).isEqualTo(1);
        assertThat(threads.scenario().server().timeSliceMs()).isEqualTo(5.0);
        // the resize is preempted again and again: a page that becomes ready while it runs has the core within 5 ms
        assertThat(spans(threads, 3, SpanState.READY)).hasSizeGreaterThan(10);
        for (Span c : spans(threads, 3, SpanState.COMPUTE)) {
            for (Span r : Lesson.overlapping(threads, SpanState.READY, c.startMs(), c.endMs())) {
                if (r.startMs() >= c.startMs()) {
                    assertThat(c.endMs() - r.startMs()).as("%s while the resize runs from %s ms", r, c.startMs()).isLessThanOrEqualTo(5.0);
                }
            }
        }
        for (RequestRecord p : ofType(threads, "page")) {
            // the rest of the resize's 5 ms turn, at worst after another page's 3 ms compute
            assertThat(spans(threads, p.id(), SpanState.READY)).as(p.label())
                    .allSatisfy(r -> assertThat(r.durationMs()).isLessThanOrEqualTo(6.0));
        }
        List<RequestRecord> pages = ofType(threads, "page");
        assertThat(maxResponse(pages)).isEqualTo(35.0);
        assertThat(maxResponse(pages)).isLessThan(minResponse(ofType(loop, "page").subList(1, 10)));
        assertThat(threads.request(3).responseMs()).isEqualTo(251.0);
    }

    @Test
    @DisplayName("teaching.md “Under 4 threads the core lane switches between the resize and the short requests: a page that becomes ready waits for the core at most about one 5 ms slice (6 ms here). "
            + "Under the event loop the loop's lane is solid dark blue for 200 ms (from 40 to 240 ms), and every other request waits for it.”")
    void workersView() {
        List<Span> core = threads.coreLane(0).stream().filter(s -> s.startMs() >= RESIZE_START && s.endMs() <= RESIZE_END).toList();
        long switches = 0;
        for (int i = 1; i < core.size(); i++) {
            if ((core.get(i).requestId() == 3) != (core.get(i - 1).requestId() == 3)) {
                switches++;
            }
        }
        assertThat(switches).as("turns between the resize and the pages on the core").isGreaterThan(10);
        for (RequestRecord p : ofType(threads, "page")) {
            assertThat(spans(threads, p.id(), SpanState.READY)).allSatisfy(r -> assertThat(r.durationMs()).isLessThanOrEqualTo(6.0));
        }
        assertThat(ofType(threads, "page")).anySatisfy(p -> assertThat(spans(threads, p.id(), SpanState.READY))
                .anySatisfy(r -> assertThat(r.durationMs()).isEqualTo(6.0)));
        List<Span> lane = loop.workerLane(0).stream().filter(s -> s.startMs() < RESIZE_END && s.endMs() > RESIZE_START).toList();
        assertThat(lane).singleElement().satisfies(s -> {
            assertThat(s.requestId()).isEqualTo(3);
            assertThat(s.state()).isEqualTo(SpanState.COMPUTE);
            assertThat(s.startMs()).isEqualTo(RESIZE_START);
            assertThat(s.endMs()).isEqualTo(RESIZE_END);
        });
        assertThat(loop.requests()).filteredOn(r -> r.id() != 3 && r.finishMs() > RESIZE_START)
                .allSatisfy(r -> assertThat(r.finishMs()).as(r.label()).isGreaterThan(RESIZE_END));
    }

    @Test
    @DisplayName("teaching.md “Change Time slice to 0 (no preemption) and watch threads lose their advantage: the resize keeps the core for its whole 200 ms and the pages stall as they do on the loop.”")
    void noSlices() {
        Lesson unsliced = lesson.edited(s -> s.withServer(s.server().withTimeSliceMs(0)));
        Trace t = unsliced.variant("4 threads");
        assertThat(spans(t, 3, SpanState.COMPUTE)).singleElement().satisfies(c -> {
            assertThat(c.startMs()).isEqualTo(RESIZE_START);
            assertThat(c.endMs()).isEqualTo(RESIZE_END);
        });
        assertThat(maxResponse(ofType(t, "page"))).isGreaterThanOrEqualTo(maxResponse(ofType(loop, "page")));
    }

    @Test
    @DisplayName("teaching.md “To model it, change the resize's segment from compute to wait (the work now happens elsewhere): the loop is free and every page is back to 26 ms.”")
    void offloaded() {
        Lesson offloaded = lesson.edited(s -> Lesson.switchKind(s, "resize", SegmentKind.COMPUTE, SegmentKind.WAIT));
        assertThat(ofType(offloaded.variant("1 event loop"), "page")).allSatisfy(p -> assertThat(p.responseMs()).as(p.label()).isEqualTo(26.0));
    }
}
