package io.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.scenario.Arrivals;
import io.interleave.scenario.Distribution;
import io.interleave.scenario.RequestType;
import io.interleave.scenario.Resource;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.Segment;
import io.interleave.scenario.SegmentKind;
import io.interleave.scenario.Server;
import io.interleave.trace.Span;
import io.interleave.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Background tasks on random scenarios, in the style of {@link GatherProperties}: random policy,
 * 1-3 workers and cores, time slices 0/1/5, small resources and pools, request types whose
 * segments include spawns of 1-3 segments (computes, waits and blocks, maybe on a resource, maybe
 * offloaded).
 */
@Label("Background tasks on random scenarios")
class SpawnProperties {
    private static final int TRIES = 200;
    private static final String SEED = "20261202";

    @Property(tries = TRIES, seed = SEED, shrinking = ShrinkingMode.BOUNDED)
    @Label("every invariant holds with spawns: each task's spans tile its life and run its segments once")
    void invariants(@ForAll("scenarios") Scenario scenario) {
        Trace t = Simulation.trace(scenario);
        TraceChecks.all(t);
        long spawns = t.program().tasks().stream().filter(io.interleave.trace.TaskRecord::background).count();
        assertThat(t.program().tasks()).allMatch(io.interleave.trace.TaskRecord::background);
        Statistics.label("policy").collect(scenario.server().policy());
        Statistics.label("tasks").collect(spawns == 0 ? "none" : spawns < 5 ? "1-4" : "5+");
    }

    @Property(tries = TRIES, seed = SEED, shrinking = ShrinkingMode.BOUNDED)
    @Label("a spawn whose task takes 0 ms changes nothing: the same requests' times, spans and CPU")
    void emptyTaskChangesNothing(@ForAll("emptySpawns") Tuple.Tuple2<Scenario, Scenario> pair) {
        Trace with = Simulation.trace(pair.get1());
        Trace without = Simulation.trace(pair.get2());
        TraceChecks.all(with);
        assertThat(times(with)).isEqualTo(times(without));
        assertThat(timing(with.spans())).isEqualTo(timing(without.spans()));
        assertThat(with.totals().busyCoreMs()).isEqualTo(without.totals().busyCoreMs());
        assertThat(with.totals().busyWorkerMs()).isEqualTo(without.totals().busyWorkerMs());
        assertThat(with.program().tasks()).allMatch(task -> task.durationMs() == 0);
    }

    @Property(tries = TRIES, seed = SEED, shrinking = ShrinkingMode.BOUNDED)
    @Label("one request alone: a task that only awaits leaves the request's times as they were, under every policy")
    void waitingTaskLeavesALoneRequestAlone(@ForAll("waitingSpawns") Tuple.Tuple2<Scenario, Scenario> pair) {
        Trace with = Simulation.trace(pair.get1());
        Trace without = Simulation.trace(pair.get2());
        TraceChecks.all(with);
        assertThat(times(with)).isEqualTo(times(without));
        assertThat(timing(with.spans().stream().filter(s -> s.requestId() == 1).toList()))
                .isEqualTo(timing(without.spans().stream().filter(s -> s.requestId() == 1).toList()));
        Statistics.label("policy").collect(pair.get1().server().policy());
    }

    private static List<String> times(Trace t) {
        return t.requests().stream().map(r -> r.id() + " " + r.status() + " " + r.startMs() + " " + r.finishMs()).toList();
    }

    /** Spans of the requests (the tasks' ids come after them), without their segment index. */
    private static List<String> timing(List<Span> spans) {
        return spans.stream().map(s -> s.requestId() + " " + s.state() + " " + s.startMs() + " " + s.endMs() + " "
                + s.worker() + " " + s.poolThread() + " " + s.core() + " " + s.holdsWorker() + " " + s.branch()).toList();
    }

    // ------------------------------------------------------------ generators

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Combinators.combine(servers(), resources(), Arbitraries.longs()).as(Tuple::of)
                .flatMap(t -> types(t.get2()).flatMap(types -> EngineInvariantProperties.arrivals(types, 30).map(arrivals ->
                        new Scenario("random", "", t.get3(), t.get1(), t.get2(), types, arrivals))));
    }

    /**
     * A scenario, and the same with a spawn of 0 ms segments at a random place in each type. Servers
     * have no time slices here (as in {@link GatherProperties#inlineCases}): a run of computes
     * across the spawn is two bursts, where without it it is one, so a quantum that ends exactly at
     * the spawn is checked a moment later in the same instant, which can reorder ties. No segment is
     * offloaded here: a spawn runs on the loop, so it splits a run of offloaded segments around it
     * into two calls to the pool (as in Python: {@code create_task} is not called from a pool thread).
     */
    @Provide
    Arbitrary<Tuple.Tuple2<Scenario, Scenario>> emptySpawns() {
        Segment empty = Segment.spawn("nothing", List.of(
                new Segment(SegmentKind.COMPUTE, new Distribution.Constant(0), Optional.empty(), Optional.empty()),
                new Segment(SegmentKind.WAIT, new Distribution.Constant(0), Optional.empty(), Optional.empty())));
        Arbitrary<Server> unsliced = servers().map(sv -> new Server(sv.policy(), sv.workers(), sv.cores(), 0,
                sv.queueLimit(), sv.maxConcurrency(), sv.poolThreads()));
        return Combinators.combine(unsliced, resources(), Arbitraries.longs(), Arbitraries.integers().between(0, 10)).as(Tuple::of)
                .flatMap(t -> plainTypes(t.get2(), false).flatMap(types -> EngineInvariantProperties.arrivals(types, 30).map(arrivals -> {
                    List<RequestType> spawning = types.stream().map(type -> type.withSegments(
                            insert(type.segments(), t.get4(), empty))).toList();
                    return Tuple.of(new Scenario("with", "", t.get3(), t.get1(), t.get2(), spawning, arrivals),
                            new Scenario("without", "", t.get3(), t.get1(), t.get2(), types, arrivals));
                })));
    }

    /**
     * One request of a random type, with and without a spawn (at a random place) whose task only
     * awaits (no resource), so it never holds a thread's CPU, a loop or a slot the request needs.
     */
    @Provide
    Arbitrary<Tuple.Tuple2<Scenario, Scenario>> waitingSpawns() {
        Arbitrary<Segment> waits = EngineInvariantProperties.durations()
                .map(ms -> new Segment(SegmentKind.WAIT, ms, Optional.empty(), Optional.empty()));
        return Combinators.combine(servers(), resources(), Arbitraries.longs(), Arbitraries.integers().between(0, 10),
                        waits.list().ofMinSize(1).ofMaxSize(3)).as(Tuple::of)
                .flatMap(t -> EngineInvariantProperties.segment(t.get2()).list().ofMinSize(1).ofMaxSize(5).map(segs -> {
                    RequestType without = new RequestType("t", "#009E73", 1, segs);
                    RequestType with = without.withSegments(insert(segs, t.get4(), Segment.spawn("background", t.get5())));
                    Arrivals one = new Arrivals.Uniform(1, 1);
                    return Tuple.of(new Scenario("with", "", t.get3(), t.get1(), t.get2(), List.of(with), one),
                            new Scenario("without", "", t.get3(), t.get1(), t.get2(), List.of(without), one));
                }));
    }

    private static List<Segment> insert(List<Segment> segments, int at, Segment spawn) {
        List<Segment> out = new ArrayList<>(segments);
        out.add(at % (segments.size() + 1), spawn);
        return out;
    }

    private static Arbitrary<List<RequestType>> plainTypes(List<Resource> resources, boolean offloads) {
        return Arbitraries.integers().between(1, 3).flatMap(n -> {
            List<Arbitrary<RequestType>> ts = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String name = "t" + i;
                ts.add(EngineInvariantProperties.segment(resources).map(seg -> offloads ? seg : seg.withOffload(false))
                        .list().ofMinSize(1).ofMaxSize(5)
                        .map(segs -> new RequestType(name, "#009E73", 1, segs)));
            }
            return Combinators.combine(ts).as(List::copyOf);
        });
    }

    /** Types of 1-5 segments, each a plain segment or (1 in 4) a spawn of 1-3 plain segments. */
    private static Arbitrary<List<RequestType>> types(List<Resource> resources) {
        Arbitrary<Segment> plain = EngineInvariantProperties.segment(resources);
        Arbitrary<Segment> spawn = Combinators.combine(plain.list().ofMinSize(1).ofMaxSize(3), Arbitraries.of("email", "log"))
                .as((task, label) -> Segment.spawn(label, task));
        Arbitrary<Segment> any = Arbitraries.frequencyOf(Tuple.of(3, plain), Tuple.of(1, spawn));
        return Arbitraries.integers().between(1, 3).flatMap(n -> {
            List<Arbitrary<RequestType>> ts = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String name = "t" + i;
                ts.add(Combinators.combine(Arbitraries.integers().between(1, 3), any.list().ofMinSize(1).ofMaxSize(5))
                        .as((w, segs) -> new RequestType(name, "#009E73", w, segs)));
            }
            return Combinators.combine(ts).as(List::copyOf);
        });
    }

    private static Arbitrary<Server> servers() {
        return EngineInvariantProperties.servers(3);
    }

    private static Arbitrary<List<Resource>> resources() {
        return EngineInvariantProperties.resources();
    }
}
