package io.interleave.lessons;

import static io.interleave.lessons.Lesson.countAt;
import static io.interleave.lessons.Lesson.maxResponse;
import static io.interleave.lessons.Lesson.responses;
import static io.interleave.lessons.Lesson.summary;
import static io.interleave.lessons.Lesson.timeIn;
import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.scenario.Resource;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.Variant;
import io.interleave.trace.RequestRecord;
import io.interleave.trace.Span;
import io.interleave.trace.SpanState;
import io.interleave.trace.Trace;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Lesson 3, sentence by sentence: lesson 2's traffic and servers with a
 * pool of two database connections. Two threads never need more than two
 * connections, so they are exactly as in lesson 2 (108 to 398 ms). On the
 * loop R1 and R2 take both connections; R3 (first compute done at 54)
 * waits until R1's query ends at 104, and so on: each pair gets a
 * connection 50 ms later than the pair before (108, 158, ... 358 ms).
 */
@DisplayName("Lesson 3: The database is the limit")
class DatabaseLimitTextTest {
    final Lesson lesson = Lesson.of("wimpy-database");
    final Trace threads = lesson.variant("2 threads");
    final Trace loop = lesson.variant("1 event loop");

    static Scenario withPool(Scenario s, OptionalInt capacity) {
        return s.withResources(List.of(new Resource("database", capacity)));
    }

    @Test
    @DisplayName("“The same traffic as in the last lesson, but the database accepts only 2 queries at a time (a pool of 2 connections).” "
            + "teaching.md “Compare: the same traffic and servers as lesson 2.”")
    void sameTrafficSmallPool() {
        Scenario before = Lesson.of("async-same-wait").scenario();
        Scenario now = lesson.scenario();
        assertThat(now.arrivals()).isEqualTo(before.arrivals());
        assertThat(now.requestTypes()).isEqualTo(before.requestTypes());
        assertThat(now.seed()).isEqualTo(before.seed());
        assertThat(now.compareVariants()).isEqualTo(before.compareVariants());
        assertThat(now.resources()).containsExactly(new Resource("database", OptionalInt.of(2)));
        for (Trace t : lesson.traces()) {
            long most = 0;
            for (double at : t.eventTimes()) {
                most = Math.max(most, countAt(t, SpanState.WAIT, at));
            }
            assertThat(most).as(t.label() + ": queries at once").isEqualTo(2);
        }
    }

    @Test
    @DisplayName("“The event loop still starts every request as it arrives, but now the requests queue for a connection (the dotted waiting-for-resource state) instead of for a thread, "
            + "so response times climb almost as they do with 2 threads: up to 358 ms against 398 ms.” "
            + "teaching.md “Under the event loop requests now queue in dotted orange (waiting for a connection) instead of hatched grey (waiting for a thread). "
            + "The two servers' response times are close: up to 358 ms on the loop against 398 ms on 2 threads.”")
    void queueMovedToThePool() {
        for (RequestRecord r : loop.requests()) {
            assertThat(r.startMs()).as(r.label()).isEqualTo(r.arrivalMs());
            assertThat(timeIn(loop, r.id(), SpanState.QUEUED)).isZero();
            assertThat(timeIn(threads, r.id(), SpanState.WAITING_RESOURCE)).isZero();
        }
        for (int id = 3; id <= 12; id++) {
            assertThat(timeIn(loop, id, SpanState.WAITING_RESOURCE)).as("R" + id + " on the loop").isPositive();
            assertThat(timeIn(threads, id, SpanState.QUEUED)).as("R" + id + " on threads").isPositive();
        }
        assertThat(responses(loop.requests())).isSorted();
        assertThat(maxResponse(loop.requests())).isEqualTo(358.0);
        assertThat(maxResponse(threads.requests())).isEqualTo(398.0);
        assertThat(summary(loop).response().mean()).isGreaterThan(0.85 * summary(threads).response().mean());
    }

    @Test
    @DisplayName("“The bottleneck moved downstream: async stops helping when the other end is the limit.”")
    void bottleneckDownstream() {
        // the loop itself idles most of the time while both connections are in use from R3's first compute to R12's query
        assertThat(summary(loop).workerUtilization()).isLessThan(0.2);
        double from = loop.request(3).arrivalMs() + 4;
        double to = Lesson.spans(loop, 12, SpanState.WAIT).get(0).startMs();
        for (double at : loop.eventTimes()) {
            if (at >= from && at < to) {
                assertThat(countAt(loop, SpanState.WAIT, at)).as("connections in use at %s ms", at).isEqualTo(2);
            }
        }
        // without the limit the same loop is more than twice as fast as 2 threads; with it, not
        Lesson unlimited = lesson.edited(s -> withPool(s, OptionalInt.empty()));
        double freeGain = summary(unlimited.variant("2 threads")).response().mean() / summary(unlimited.variant("1 event loop")).response().mean();
        double pooledGain = summary(threads).response().mean() / summary(loop).response().mean();
        assertThat(freeGain).isGreaterThan(2);
        assertThat(pooledGain).isLessThan(1.15);
    }

    @Test
    @DisplayName("teaching.md “Tick Unlimited for the database (left panel, Resources) and watch the event loop pull ahead again: every request back to 108 ms.”")
    void unlimitedPool() {
        Lesson unlimited = lesson.edited(s -> withPool(s, OptionalInt.empty()));
        assertThat(unlimited.variant("1 event loop").requests()).allSatisfy(r -> assertThat(r.responseMs()).isEqualTo(108.0));
        assertThat(maxResponse(unlimited.variant("2 threads").requests())).isEqualTo(398.0);
    }

    @Test
    @DisplayName("teaching.md “with a pool of 2, 4 threads do no better than the loop (worst response 358 ms), while a pool of 4 brings the loop's worst response down to 108 ms.”")
    void scaleThePool() {
        Lesson moreThreads = lesson.edited(s -> s.withVariants(List.of(Variant.of("2 threads", io.interleave.scenario.Policy.SYNC, 2),
                Variant.of("4 threads", io.interleave.scenario.Policy.SYNC, 4))));
        assertThat(maxResponse(moreThreads.variant("4 threads").requests())).isEqualTo(358.0);
        Lesson biggerPool = lesson.edited(s -> withPool(s, OptionalInt.of(4)));
        assertThat(maxResponse(biggerPool.variant("1 event loop").requests())).isEqualTo(108.0);
        for (Span s : biggerPool.variant("1 event loop").spans()) {
            assertThat(s.state()).isNotEqualTo(SpanState.WAITING_RESOURCE);
        }
    }
}
