package io.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.scenario.Distribution;
import io.interleave.scenario.RequestType;
import io.interleave.scenario.Resource;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.Segment;
import io.interleave.scenario.SegmentKind;
import io.interleave.scenario.Server;
import io.interleave.trace.RequestRecord;
import io.interleave.trace.Span;
import io.interleave.trace.Trace;
import java.util.ArrayList;
import java.util.Comparator;
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
 * Gathers on random scenarios, in the style of {@link EngineInvariantProperties}:
 * random policy, 1-3 workers and cores, time slices 0/1/5, small resources, pool
 * threads, request types whose segments include gathers of 2-4 branches.
 */
@Label("Gathers on random scenarios")
class GatherProperties {
    private static final int TRIES = 200;
    private static final String SEED = "20261202";

    @Property(tries = TRIES, seed = SEED, shrinking = ShrinkingMode.BOUNDED)
    @Label("every invariant holds with gathers: each branch's spans tile the branch, the branches cover the gather")
    void invariants(@ForAll("scenarios") Scenario scenario) {
        Trace t = Simulation.trace(scenario);
        TraceChecks.all(t);
        Statistics.label("policy").collect(scenario.server().policy());
        Statistics.label("branch spans").collect(t.spans().stream().anyMatch(s -> s.branch().isPresent()));
    }

    @Property(tries = TRIES, seed = SEED, shrinking = ShrinkingMode.BOUNDED)
    @Label("a gather whose other branches are 0 ms is scheduled exactly as its one branch inline")
    void zeroSiblingsEqualTheBranchInline(@ForAll("inlineCases") Tuple.Tuple2<Scenario, Scenario> pair) {
        Trace gathered = Simulation.trace(pair.get1());
        Trace inline = Simulation.trace(pair.get2());
        TraceChecks.all(gathered);
        assertThat(gathered.requests()).extracting(RequestRecord::finishMs)
                .containsExactlyElementsOf(inline.requests().stream().map(RequestRecord::finishMs).toList());
        assertThat(gathered.requests()).extracting(RequestRecord::startMs)
                .containsExactlyElementsOf(inline.requests().stream().map(RequestRecord::startMs).toList());
        assertThat(gathered.requests()).extracting(RequestRecord::aloneMs)
                .containsExactlyElementsOf(inline.requests().stream().map(RequestRecord::aloneMs).toList());
        assertThat(timing(gathered.spans())).isEqualTo(timing(inline.spans()));
        assertThat(gathered.totals().busyCoreMs()).isEqualTo(inline.totals().busyCoreMs());
        assertThat(gathered.totals().busyWorkerMs()).isEqualTo(inline.totals().busyWorkerMs());
        Statistics.label("policy").collect(pair.get1().server().policy());
    }

    /** Spans without their segment index and branch (the only things a gather of one real branch changes). */
    private static List<String> timing(List<Span> spans) {
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingInt(Span::requestId).thenComparingDouble(Span::startMs)
                .thenComparing(s -> s.state().csvName()));
        return sorted.stream().map(s -> s.requestId() + " " + s.state() + " " + s.startMs() + " " + s.endMs() + " "
                + s.worker() + " " + s.poolThread() + " " + s.core() + " " + s.holdsWorker()).toList();
    }

    @Property(tries = TRIES, seed = SEED, shrinking = ShrinkingMode.BOUNDED)
    @Label("a request alone on the server takes exactly its time alone, gathers whose branches contend included")
    void aloneIsExact(@ForAll("scenarios") Scenario random) {
        Scenario one = new Scenario("one", "", random.seed(), random.server(), random.resources(), random.requestTypes(),
                new io.interleave.scenario.Arrivals.Uniform(1000, 1), List.of());
        RequestRecord r = Simulation.trace(one).request(1);
        assertThat(r.responseMs()).isCloseTo(r.aloneMs(), org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, r.aloneMs())));
        Statistics.label("policy").collect(one.server().policy());
    }

    // ------------------------------------------------------------ generators

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Combinators.combine(servers(), resources(), Arbitraries.longs()).as(Tuple::of)
                .flatMap(t -> types(t.get2(), true).flatMap(types -> EngineInvariantProperties.arrivals(types, 30).map(arrivals ->
                        new Scenario("random", "", t.get3(), t.get1(), t.get2(), types, arrivals))));
    }

    /**
     * A scenario with one type "prefix, gather(...), suffix" where one branch is real and the
     * others are a single 0 ms segment, and the same scenario with the real branch inline. No
     * segment is offloaded here: inline, consecutive offloaded segments across the gather's edge
     * would be one call to the pool, while a branch's call ends with the branch (as in Python:
     * the branch's {@code to_thread} returns before the request's next one starts). Servers have
     * no time slices here: inline, a run of computes across the gather's edge is one burst, while
     * gathered it is two (the join between), so a quantum that ends exactly at the edge is checked
     * a moment later in the same instant, which can reorder ties with other workers' events.
     */
    @Provide
    Arbitrary<Tuple.Tuple2<Scenario, Scenario>> inlineCases() {
        Arbitrary<Server> unsliced = servers().map(sv -> new Server(sv.policy(), sv.workers(), sv.cores(), 0,
                sv.queueLimit(), sv.maxConcurrency(), sv.poolThreads()));
        return Combinators.combine(unsliced, resources(), Arbitraries.longs()).as(Tuple::of).flatMap(t -> {
            List<Resource> res = t.get2();
            Arbitrary<Segment> inPlace = EngineInvariantProperties.segment(res).map(seg -> seg.withOffload(false));
            Arbitrary<List<Segment>> plain = inPlace.list().ofMaxSize(3);
            Arbitrary<List<Segment>> branch = inPlace.list().ofMinSize(1).ofMaxSize(4);
            return Combinators.combine(plain, branch, plain, Arbitraries.integers().between(2, 4), Arbitraries.integers().between(0, 3),
                    Arbitraries.of(SegmentKind.COMPUTE, SegmentKind.WAIT, SegmentKind.BLOCK)).as((before, real, after, n, at, zeroKind) -> {
                        int realAt = at % n;
                        List<List<Segment>> branches = new ArrayList<>();
                        for (int b = 0; b < n; b++) {
                            branches.add(b == realAt ? real
                                    : List.of(new Segment(zeroKind, new Distribution.Constant(0), Optional.empty(), Optional.empty())));
                        }
                        List<Segment> gathered = new ArrayList<>(before);
                        gathered.add(Segment.gather("calls", branches));
                        gathered.addAll(after);
                        List<Segment> inline = new ArrayList<>(before);
                        inline.addAll(real);
                        inline.addAll(after);
                        return Tuple.of(gathered, inline);
                    }).flatMap(lists -> {
                        RequestType g = new RequestType("t", "#009E73", 1, lists.get1());
                        RequestType i = new RequestType("t", "#009E73", 1, lists.get2());
                        return EngineInvariantProperties.arrivals(List.of(g), 30).map(arrivals -> Tuple.of(
                                new Scenario("gathered", "", t.get3(), t.get1(), res, List.of(g), arrivals),
                                new Scenario("inline", "", t.get3(), t.get1(), res, List.of(i), arrivals)));
                    });
        });
    }

    private static Arbitrary<Server> servers() {
        return EngineInvariantProperties.servers(3);
    }

    private static Arbitrary<List<Resource>> resources() {
        return EngineInvariantProperties.resources();
    }

    private static Arbitrary<List<RequestType>> types(List<Resource> resources, boolean gathers) {
        Arbitrary<Segment> gather = EngineInvariantProperties.segment(resources).list().ofMinSize(1).ofMaxSize(3).list().ofMinSize(2).ofMaxSize(4)
                .map(branches -> Segment.gather(null, branches));
        Arbitrary<Segment> any = Arbitraries.frequencyOf(Tuple.of(3, EngineInvariantProperties.segment(resources)), Tuple.of(gathers ? 2 : 0, gather));
        return Arbitraries.integers().between(1, 2).flatMap(n -> {
            List<Arbitrary<RequestType>> ts = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String name = "t" + i;
                ts.add(Combinators.combine(Arbitraries.integers().between(1, 3), any.list().ofMinSize(1).ofMaxSize(4))
                        .as((w, segs) -> new RequestType(name, "#009E73", w, segs)));
            }
            return Combinators.combine(ts).as(List::copyOf);
        });
    }
}
