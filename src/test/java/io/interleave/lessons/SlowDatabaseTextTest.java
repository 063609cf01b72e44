package io.interleave.lessons;

import static io.interleave.lessons.Lesson.countAt;
import static io.interleave.lessons.Lesson.maxResponse;
import static io.interleave.lessons.Lesson.summary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.interleave.scenario.Latency;
import io.interleave.scenario.Resource;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.Segment;
import io.interleave.scenario.SegmentKind;
import io.interleave.stats.Theory;
import io.interleave.trace.RequestRecord;
import io.interleave.trace.Span;
import io.interleave.trace.SpanState;
import io.interleave.trace.Trace;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Lesson 8, sentence by sentence: lesson 3's pages (compute 4, query,
 * compute 4, one every 25 ms) with a 60 ms query on a database without a
 * connection limit whose latency is shared. The database must do 12 x 60 =
 * 720 ms of work; it is busy without a break from R1's first query on, so
 * both servers finish near 4 + 720 + 4 ms.
 */
@DisplayName("Lesson 8: A database that slows under load")
class SlowDatabaseTextTest {
    final Lesson lesson = Lesson.of("slow-database");
    final Trace threads = lesson.variant("2 threads");
    final Trace loop = lesson.variant("1 event loop");

    static Scenario withLatency(Scenario s, Latency latency) {
        return s.withResources(List.of(s.resources().get(0).withLatency(latency)));
    }

    static List<Double> queries(Trace t) {
        return t.spans().stream().filter(s -> s.state() == SpanState.WAIT).map(Span::durationMs).toList();
    }

    static double lastFinish(Trace t) {
        return t.requests().stream().mapToDouble(RequestRecord::finishMs).max().orElseThrow();
    }

    static long mostInFlight(Trace t) {
        long most = 0;
        for (double at : t.eventTimes()) {
            most = Math.max(most, countAt(t, SpanState.WAIT, at));
        }
        return most;
    }

    @Test
    @DisplayName("“The pages of the database lesson, but this database has no connection limit and slows under load: with k queries in flight, each runs at 1/k of its speed.”")
    void samePagesSharedDatabase() {
        Scenario before = Lesson.of("wimpy-database").scenario();
        Scenario now = lesson.scenario();
        assertThat(now.arrivals()).isEqualTo(before.arrivals());
        assertThat(now.compareVariants()).isEqualTo(before.compareVariants());
        List<Segment> segs = now.requestTypes().get(0).segments();
        assertThat(segs).extracting(Segment::kind).containsExactly(SegmentKind.COMPUTE, SegmentKind.WAIT, SegmentKind.COMPUTE);
        assertThat(segs.get(1).on()).contains("database");
        assertThat(now.resources()).containsExactly(new Resource("database", OptionalInt.empty(), Latency.SHARED));
        // 1/k: while exactly k queries are in flight the database does one ms of work per ms in total, so
        // the 12 queries (720 ms of work) keep it busy from R1's query at 4 ms to the last one's end
        double firstQuery = 4;
        double lastQueryEnd = loop.spans().stream().filter(s -> s.state() == SpanState.WAIT).mapToDouble(Span::endMs).max().orElseThrow();
        assertThat(lastQueryEnd - firstQuery).isCloseTo(12 * 60.0, within(1e-9));
    }

    @Test
    @DisplayName("“The event loop sends every query as soon as it can, up to 11 at once, so every query slows down: 60 ms alone, up to 517 ms here.”")
    void loopSlowsEveryQuery() {
        assertThat(mostInFlight(loop)).isEqualTo(11);
        assertThat(queries(loop)).allSatisfy(q -> assertThat(q).isGreaterThan(60));
        assertThat(queries(loop).stream().mapToDouble(Double::doubleValue).max().orElseThrow()).isCloseTo(517, within(0.5));
        Lesson fixed = lesson.edited(s -> withLatency(s, Latency.FIXED));
        assertThat(queries(fixed.variant("1 event loop"))).allSatisfy(q -> assertThat(q).isEqualTo(60.0));
        for (RequestRecord r : loop.requests()) {
            // as soon as it can: at most one 4 ms compute of another page between arriving and starting
            assertThat(r.startMs() - r.arrivalMs()).as(r.label() + " starts within 4 ms of arriving").isBetween(0.0, 4.0);
        }
    }

    @Test
    @DisplayName("“Two threads never have more than 2 queries in flight, so theirs take at most 112 ms.”")
    void threadsKeepTwo() {
        assertThat(mostInFlight(threads)).isEqualTo(2);
        assertThat(queries(threads).stream().mapToDouble(Double::doubleValue).max().orElseThrow()).isEqualTo(112.0);
        assertThat(queries(threads)).allSatisfy(q -> assertThat(q).isLessThanOrEqualTo(120.0)); // 2 x 60 at half speed at worst
    }

    @Test
    @DisplayName("“The database does the same work either way, so the last page is done at about the same time on both (728 ms against 729.5 ms).” "
            + "teaching.md “The last page is done at 728 ms on threads and 729.5 ms on the loop: the database does the same work either way.”")
    void sameWork() {
        assertThat(lastFinish(threads)).isEqualTo(728.0);
        assertThat(lastFinish(loop)).isCloseTo(729.5, within(1e-9));
        assertThat(queries(threads).stream().mapToDouble(Double::doubleValue).sum())
                .as("threads' queries are shorter, not less work").isLessThan(queries(loop).stream().mapToDouble(Double::doubleValue).sum());
    }

    @Test
    @DisplayName("“With a database that keeps its speed the loop answered faster on average (68 ms against 113 ms); with this one it is slower (453 ms against 285 ms): async helps only while the other end has room to spare.” "
            + "teaching.md “every query is back to 60 ms, and the loop wins again (68 ms on average against 113 ms on threads). With shared the loop is the slower one (453 ms against 285 ms): async helps only while the other end has room to spare.”")
    void gainShrinks() {
        Lesson fixed = lesson.edited(s -> withLatency(s, Latency.FIXED));
        assertThat(summary(fixed.variant("1 event loop")).response().mean()).isEqualTo(68.0);
        assertThat(summary(fixed.variant("2 threads")).response().mean()).isEqualTo(113.0);
        assertThat(summary(loop).response().mean()).isCloseTo(453, within(0.5));
        assertThat(summary(threads).response().mean()).isCloseTo(285, within(0.5));
        assertThat(maxResponse(loop.requests())).isGreaterThan(maxResponse(threads.requests()));
    }

    @Test
    @DisplayName("teaching.md “up to 11 queries share the database and the longest takes 517 ms, though each is 60 ms of work.”")
    void teachingLongest() {
        assertThat(mostInFlight(loop)).isEqualTo(11);
        assertThat(queries(loop).stream().mapToDouble(Double::doubleValue).max().orElseThrow()).isCloseTo(517, within(0.5));
    }

    @Test
    @DisplayName("teaching.md “an event loop whose requests only await a shared database is M/M/1-PS (the M/M/1 mean, 1/(μ−λ)); two threads sharing it are no textbook queue, and no curve is drawn.”")
    void theoryOnlyWhereItApplies() {
        Scenario s = lesson.scenario().withArrivals(new io.interleave.scenario.Arrivals.Poisson(10, 12));
        Scenario awaitOnly = s.withRequestTypes(List.of(s.requestTypes().get(0).withSegments(List.of(s.requestTypes().get(0).segments().get(1)))));
        assertThat(Theory.of(awaitOnly, io.interleave.scenario.Policy.EVENT_LOOP)).map(Theory.Model::name).contains("M/G/1-PS");
        assertThat(Theory.of(s.withServer(s.server().withPolicy(io.interleave.scenario.Policy.SYNC).withWorkers(2).withCores(2)),
                io.interleave.scenario.Policy.SYNC)).isEmpty();
    }
}
