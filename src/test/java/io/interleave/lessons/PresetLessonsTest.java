package io.interleave.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.engine.Simulation;
import io.interleave.scenario.Policy;
import io.interleave.scenario.Presets;
import io.interleave.scenario.RequestType;
import io.interleave.scenario.Resource;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.Segment;
import io.interleave.scenario.SegmentKind;
import io.interleave.stats.Summary;
import io.interleave.stats.SummaryCollector;
import io.interleave.trace.RequestRecord;
import io.interleave.trace.Span;
import io.interleave.trace.SpanState;
import io.interleave.trace.Trace;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each built-in preset, read from its file, teaches the lesson of SPEC section 1 it is named after. */
@DisplayName("Presets teach their lessons")
class PresetLessonsTest {
    static Scenario preset(String id) {
        return Presets.load(id).orElseThrow();
    }

    static Trace run(Scenario s, Policy p) {
        return Simulation.trace(s.withPolicy(p));
    }

    static List<Integer> completionOrder(Trace t) {
        return t.requests().stream().sorted(Comparator.comparingDouble(RequestRecord::finishMs)).map(RequestRecord::id).toList();
    }

    static double meanResponse(Trace t, String typeName) {
        int type = t.scenario().typeIndex(typeName).orElseThrow();
        return t.requests().stream().filter(r -> r.type() == type).mapToDouble(RequestRecord::responseMs).average().orElseThrow();
    }

    static double maxResponse(Trace t, String typeName) {
        int type = t.scenario().typeIndex(typeName).orElseThrow();
        return t.requests().stream().filter(r -> r.type() == type).mapToDouble(RequestRecord::responseMs).max().orElseThrow();
    }

    @Test
    @DisplayName("every preset is listed, loads, names a lesson, says what to notice, and suggests the other policy")
    void everyPreset() {
        assertThat(Presets.ids()).containsExactly("three-requests", "async-same-wait", "wimpy-database", "blocking-call", "cpu-heavy");
        for (String id : Presets.ids()) {
            Scenario s = preset(id);
            assertThat(s.description()).as(id).startsWith("What to notice:").hasSizeGreaterThan(120);
            assertThat(Presets.compareWith(id)).as(id).contains(s.server().policy().other());
        }
    }

    @Nested
    @DisplayName("1. Three requests")
    class ThreeRequests {
        final Scenario scenario = preset("three-requests");

        @Test
        @DisplayName("sync, one worker: responses come back 1, 2, 3 and R3, the shortest, has the worst response time")
        void sync() {
            Trace t = run(scenario, Policy.SYNC);

            assertThat(completionOrder(t)).containsExactly(1, 2, 3);
            RequestRecord shortest = t.requests().stream().min(Comparator.comparingDouble(RequestRecord::aloneMs)).orElseThrow();
            RequestRecord worst = t.requests().stream().max(Comparator.comparingDouble(RequestRecord::responseMs)).orElseThrow();
            assertThat(shortest.id()).isEqualTo(3);
            assertThat(worst.id()).isEqualTo(3);
        }

        @Test
        @DisplayName("event loop: responses come back 1, 3, 2, each within a few percent of its single-user time")
        void eventLoop() {
            Trace t = run(scenario, Policy.EVENT_LOOP);

            assertThat(completionOrder(t)).containsExactly(1, 3, 2);
            for (RequestRecord r : t.requests()) {
                assertThat(r.slowdown()).as(r.label()).isBetween(1.0, 1.05);
            }
        }
    }

    @Nested
    @DisplayName("2. Async doesn't shorten the wait")
    class SameWait {
        final Scenario scenario = preset("async-same-wait");

        @Test
        @DisplayName("every request's database wait is exactly as long under both policies")
        void waitsUnchanged() {
            Trace sync = run(scenario, Policy.SYNC);
            Trace loop = run(scenario, Policy.EVENT_LOOP);

            for (int id = 1; id <= sync.requests().size(); id++) {
                double syncWait = sync.spansOf(id).stream().filter(s -> s.state() == SpanState.WAIT).mapToDouble(Span::durationMs).sum();
                double loopWait = loop.spansOf(id).stream().filter(s -> s.state() == SpanState.WAIT).mapToDouble(Span::durationMs).sum();
                assertThat(syncWait).as("R" + id).isEqualTo(100.0);
                assertThat(loopWait).as("R" + id).isEqualTo(100.0);
            }
        }

        @Test
        @DisplayName("the event loop keeps every request at its single-user time and raises throughput; sync threads queue")
        void throughputRises() {
            Summary sync = SummaryCollector.of(run(scenario, Policy.SYNC), 0);
            Trace loopTrace = run(scenario, Policy.EVENT_LOOP);
            Summary loop = SummaryCollector.of(loopTrace, 0);

            assertThat(loopTrace.requests()).allSatisfy(r -> assertThat(r.slowdown()).isBetween(1.0, 1.05));
            assertThat(loop.throughputPerSec()).isGreaterThan(1.5 * sync.throughputPerSec());
            assertThat(sync.response().mean()).isGreaterThan(3 * loop.response().mean());
        }
    }

    @Nested
    @DisplayName("3. The database is the limit")
    class WimpyDatabase {
        final Scenario scenario = preset("wimpy-database");

        Scenario withCapacity(OptionalInt capacity) {
            return scenario.withResources(List.of(new Resource("database", capacity)));
        }

        @Test
        @DisplayName("with a pool of 2 the event loop's advantage over threads shrinks to little; unlimited, it is large")
        void advantageShrinks() {
            double pooled = SummaryCollector.of(run(scenario, Policy.SYNC), 0).response().mean()
                    / SummaryCollector.of(run(scenario, Policy.EVENT_LOOP), 0).response().mean();
            Scenario unlimited = withCapacity(OptionalInt.empty());
            double free = SummaryCollector.of(run(unlimited, Policy.SYNC), 0).response().mean()
                    / SummaryCollector.of(run(unlimited, Policy.EVENT_LOOP), 0).response().mean();

            assertThat(free).isGreaterThan(3);
            assertThat(pooled).isLessThan(1.3);
        }

        @Test
        @DisplayName("under the event loop the requests now queue for a connection, not for a thread")
        void queueMovedDownstream() {
            Trace loop = run(scenario, Policy.EVENT_LOOP);

            double waitingForPool = loop.spans().stream().filter(s -> s.state() == SpanState.WAITING_RESOURCE).mapToDouble(Span::durationMs).sum();
            double queued = loop.spans().stream().filter(s -> s.state() == SpanState.QUEUED).mapToDouble(Span::durationMs).sum();
            assertThat(waitingForPool).isGreaterThan(1000);
            assertThat(queued).isLessThan(waitingForPool / 10);
        }
    }

    @Nested
    @DisplayName("4. A blocking call in async code")
    class BlockingCall {
        final Scenario scenario = preset("blocking-call");

        Scenario withoutBlock() {
            List<RequestType> types = scenario.requestTypes().stream()
                    .map(t -> t.withSegments(t.segments().stream()
                            .map(s -> s.kind() == SegmentKind.BLOCK ? new Segment(SegmentKind.WAIT, s.ms(), s.label(), s.on()) : s)
                            .toList()))
                    .toList();
            return scenario.withRequestTypes(types);
        }

        @Test
        @DisplayName("on the loop, the blocking call raises every other request's response time")
        void everyoneStalls() {
            Trace blocking = run(scenario, Policy.EVENT_LOOP);
            Trace awaiting = run(withoutBlock(), Policy.EVENT_LOOP);
            int page = scenario.typeIndex("page").orElseThrow();

            for (RequestRecord r : blocking.requests()) {
                if (r.type() == page) {
                    double without = awaiting.request(r.id()).responseMs();
                    assertThat(r.responseMs()).as(r.label()).isGreaterThan(without + 50);
                }
            }
            assertThat(blocking.spans()).anyMatch(s -> s.state() == SpanState.BLOCKED && s.holdsWorker());
        }

        @Test
        @DisplayName("with threads the same call holds only its own thread: other requests barely notice")
        void threadsShrugItOff() {
            Scenario threads = scenario.withServer(scenario.server().withWorkers(8));
            double blocking = meanResponse(run(threads, Policy.SYNC), "page");
            double awaiting = meanResponse(run(withoutBlockOf(threads), Policy.SYNC), "page");

            assertThat(blocking).isLessThan(awaiting * 1.1);
        }

        Scenario withoutBlockOf(Scenario s) {
            return s.withRequestTypes(withoutBlock().requestTypes());
        }
    }

    @Nested
    @DisplayName("5. CPU-heavy work starves the loop")
    class CpuHeavy {
        final Scenario scenario = preset("cpu-heavy");

        @Test
        @DisplayName("the 200 ms compute delays the loop's other requests far more than time-sliced threads")
        void loopStarves() {
            Trace loop = run(scenario, Policy.EVENT_LOOP);
            Trace threads = run(scenario, Policy.SYNC);

            assertThat(maxResponse(loop, "page")).isGreaterThan(3 * maxResponse(threads, "page"));
            assertThat(meanResponse(loop, "page")).isGreaterThan(1.4 * meanResponse(threads, "page"));
            // the heavy request itself is not faster on threads by much: it shares the core
            assertThat(maxResponse(threads, "resize")).isGreaterThanOrEqualTo(200);
        }
    }
}
