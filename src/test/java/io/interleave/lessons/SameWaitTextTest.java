package io.interleave.lessons;

import static io.interleave.lessons.Lesson.responses;
import static io.interleave.lessons.Lesson.spans;
import static io.interleave.lessons.Lesson.summary;
import static io.interleave.lessons.Lesson.timeIn;
import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.scenario.Arrivals;
import io.interleave.scenario.Policy;
import io.interleave.stats.Summary;
import io.interleave.trace.RequestRecord;
import io.interleave.trace.Span;
import io.interleave.trace.SpanState;
import io.interleave.trace.Trace;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Lesson 2, sentence by sentence. Twelve pages, one every 25 ms, each
 * compute 4, database 100, compute 4 (108 ms alone). Two threads take two
 * at a time: R1 and R2 at once, then each pair 58 ms later than the pair
 * before (108, 166, 224, ... 398 ms). One loop: a page's first compute ends
 * at 25k+4 and its last starts at 25k+104 = 25(k+4)+4, right after the
 * page four places later has computed, so no two computes ever meet and
 * every page takes 108 ms.
 */
@DisplayName("Lesson 2: Async doesn't shorten the wait")
class SameWaitTextTest {
    final Lesson lesson = Lesson.of("async-same-wait");
    final Trace threads = lesson.variant("2 threads");
    final Trace loop = lesson.variant("1 event loop");

    @Test
    @DisplayName("teaching.md “Compare (Ctrl+K): 2 threads against 1 event loop, the same 12 requests, one every 25 ms.”")
    void compares() {
        assertThat(lesson.traces()).extracting(Trace::label).containsExactly("2 threads", "1 event loop");
        assertThat(threads.scenario().server().policy()).isEqualTo(Policy.SYNC);
        assertThat(threads.scenario().server().workers()).isEqualTo(2);
        assertThat(loop.scenario().server().policy()).isEqualTo(Policy.EVENT_LOOP);
        assertThat(loop.scenario().server().workers()).isEqualTo(1);
        assertThat(loop.requests()).hasSize(12);
        for (int id = 2; id <= 12; id++) {
            assertThat(threads.request(id).arrivalMs() - threads.request(id - 1).arrivalMs()).isEqualTo(25.0);
        }
    }

    @Test
    @DisplayName("“Every request waits 100 ms for the database on both servers: the wait bars are the same length.” "
            + "teaching.md “Point at the wait bars: 100 ms under both.”")
    void sameWaits() {
        for (Trace t : lesson.traces()) {
            for (RequestRecord r : t.requests()) {
                List<Span> waits = spans(t, r.id(), SpanState.WAIT);
                assertThat(waits).as(t.label() + " " + r.label()).singleElement()
                        .satisfies(w -> assertThat(w.durationMs()).isEqualTo(100.0));
            }
        }
    }

    @Test
    @DisplayName("“Two threads can serve only two requests at a time, so a queue builds up and response times climb, from 108 ms to 398 ms.”")
    void threadsQueue() {
        for (double at : threads.eventTimes()) {
            long serving = threads.requests().stream().filter(r -> r.startMs() <= at && at < r.finishMs()).count();
            assertThat(serving).as("requests holding a thread at %s ms", at).isLessThanOrEqualTo(2);
        }
        assertThat(threads.request(1).queueMs()).isZero();
        assertThat(threads.request(2).queueMs()).isZero();
        for (int id = 3; id <= 12; id++) {
            assertThat(timeIn(threads, id, SpanState.QUEUED)).as("R" + id).isPositive()
                    .isGreaterThanOrEqualTo(timeIn(threads, id - 1, SpanState.QUEUED));
        }
        List<Double> responses = responses(threads.requests());
        assertThat(responses).isSorted();
        assertThat(responses.get(0)).isEqualTo(108.0);
        assertThat(responses.get(11)).isEqualTo(398.0);
    }

    @Test
    @DisplayName("“One event loop serves them all: each request takes 108 ms, as long as it would alone, and one leaves every 25 ms, as fast as they arrive.”")
    void loopKeepsUp() {
        for (RequestRecord r : loop.requests()) {
            assertThat(r.worker().getAsInt()).isZero();
            assertThat(r.responseMs()).as(r.label()).isEqualTo(108.0).isEqualTo(r.aloneMs());
        }
        for (int id = 2; id <= 12; id++) {
            assertThat(loop.request(id).finishMs() - loop.request(id - 1).finishMs()).isEqualTo(25.0);
            assertThat(loop.request(id).arrivalMs() - loop.request(id - 1).arrivalMs()).isEqualTo(25.0);
        }
    }

    @Test
    @DisplayName("“Async raised throughput; it did not make any single request faster.” "
            + "teaching.md “Single-request latency (unchanged: R1 takes 108 ms on both) against throughput under load (higher).”")
    void throughputNotLatency() {
        Summary t = summary(threads);
        Summary l = summary(loop);
        assertThat(l.throughputPerSec()).isGreaterThan(1.5 * t.throughputPerSec());
        assertThat(threads.request(1).responseMs()).isEqualTo(108.0);
        assertThat(loop.request(1).responseMs()).isEqualTo(108.0);
        for (RequestRecord r : loop.requests()) {
            assertThat(r.responseMs()).as(r.label() + " is no faster than alone").isGreaterThanOrEqualTo(r.aloneMs());
        }
    }

    @Test
    @DisplayName("teaching.md “the event loop sends a response every 25 ms, as fast as the requests arrive, while the two threads fall behind and the queue (hatched) grows with every pair of requests.”")
    void queueGrowsPerPair() {
        for (int pair = 1; pair < 6; pair++) {
            int first = 2 * pair + 1;
            double queued = threads.request(first).queueMs();
            assertThat(threads.request(first + 1).queueMs()).isEqualTo(queued);
            assertThat(queued).as("pair R%d-R%d", first, first + 1).isGreaterThan(threads.request(first - 1).queueMs());
        }
        double lastArrival = loop.request(12).arrivalMs();
        assertThat(loop.request(12).finishMs() - lastArrival).as("the loop is done 108 ms after the last arrival").isEqualTo(108.0);
        assertThat(threads.request(12).finishMs() - lastArrival).as("the threads are far behind").isGreaterThan(300);
    }

    @Test
    @DisplayName("teaching.md “two threads carry about 18 requests per second (2 threads / 108 ms) and their curve blows up past it; the loop's stays flat far beyond.”")
    void acrossRates() {
        assertThat(meanAt("2 threads", 15)).isLessThan(1.05 * 108);
        assertThat(meanAt("2 threads", 17)).isLessThan(1.05 * 108);
        assertThat(meanAt("2 threads", 20)).isGreaterThan(3 * 108);
        assertThat(meanAt("1 event loop", 20)).isEqualTo(108.0);
        assertThat(meanAt("1 event loop", 80)).isLessThan(1.1 * 108);
    }

    double meanAt(String variant, double perSec) {
        Lesson atRate = lesson.edited(s -> s.withArrivals(new Arrivals.Uniform(1000 / perSec, 400)));
        return summary(atRate.variant(variant)).response().mean();
    }
}
