package io.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.scenario.Arrivals;
import io.interleave.scenario.Distribution;
import io.interleave.scenario.Policy;
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
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * A schedule does not depend on how work is cut into segments: splitting a
 * constant compute segment of d ms into two consecutive compute segments
 * d1 + d2 = d (quarters of a millisecond, so the sum is exact) changes no
 * arrival, start or finish time and no worker, under every policy, with and
 * without time slicing, with ties everywhere (all times on a quarter-ms grid).
 */
@Label("Splitting a compute segment changes no schedule")
class SegmentSplitProperties {
    private static final int TRIES = 300;
    private static final String SEED = "20261201";

    @Property(tries = TRIES, seed = SEED, shrinking = ShrinkingMode.BOUNDED)
    @Label("d = d1 + d2: the same requests, the same times, the same spans once the split is joined again")
    void splitChangesNothing(@ForAll("scenarios") Scenario scenario,
                             @ForAll @IntRange(min = 0, max = 1000) int pick,
                             @ForAll @IntRange(min = 1, max = 1000) int cut) {
        List<int[]> candidates = new ArrayList<>(); // {type, segment} of constant compute segments >= 0.5 ms
        for (int t = 0; t < scenario.requestTypes().size(); t++) {
            List<Segment> segs = scenario.requestTypes().get(t).segments();
            for (int s = 0; s < segs.size(); s++) {
                if (segs.get(s).kind() == SegmentKind.COMPUTE && segs.get(s).ms() instanceof Distribution.Constant c && c.value() >= 0.5) {
                    candidates.add(new int[] {t, s});
                }
            }
        }
        Assume.that(!candidates.isEmpty());
        int[] at = candidates.get(pick % candidates.size());
        Scenario split = split(scenario, at[0], at[1], cut);
        Statistics.label("policy").collect(scenario.server().policy());
        Statistics.label("slice").collect(scenario.server().timeSliceMs());

        Trace whole = Simulation.trace(scenario);
        Trace parts = Simulation.trace(split);
        TraceChecks.all(parts);
        assertThat(parts.requests()).isEqualTo(whole.requests());
        assertThat(joined(parts)).isEqualTo(joined(whole));
        assertThat(parts.totals()).isEqualTo(whole.totals());
    }

    /** The scenario with segment {@code s} of type {@code t} cut in two at a quarter-ms point. */
    static Scenario split(Scenario scenario, int t, int s, int cut) {
        RequestType type = scenario.requestTypes().get(t);
        Segment seg = type.segments().get(s);
        double d = ((Distribution.Constant) seg.ms()).value();
        int quarters = (int) Math.round(d * 4);
        double d1 = (1 + cut % (quarters - 1)) / 4.0;
        double d2 = d - d1;
        assertThat(d1 + d2).isEqualTo(d);
        List<Segment> segs = new ArrayList<>(type.segments());
        segs.set(s, seg.withMs(new Distribution.Constant(d1)));
        segs.add(s + 1, seg.withMs(new Distribution.Constant(d2)));
        List<RequestType> types = new ArrayList<>(scenario.requestTypes());
        types.set(t, type.withSegments(segs));
        return scenario.withRequestTypes(types);
    }

    /** Every request's spans with back-to-back spans in the same state, worker and core joined, segment indexes left out. */
    static List<String> joined(Trace trace) {
        List<String> out = new ArrayList<>();
        for (int id = 1; id <= trace.requests().size(); id++) {
            Span open = null;
            double end = 0;
            for (Span sp : trace.spansOf(id)) {
                if (open != null && sp.startMs() == end && sp.state() == open.state() && sp.worker().equals(open.worker())
                        && sp.core().equals(open.core()) && sp.holdsWorker() == open.holdsWorker()) {
                    end = sp.endMs();
                    continue;
                }
                if (open != null) {
                    out.add(describe(open, end));
                }
                open = sp;
                end = sp.endMs();
            }
            if (open != null) {
                out.add(describe(open, end));
            }
        }
        return out;
    }

    private static String describe(Span sp, double end) {
        return "R" + sp.requestId() + " " + sp.state() + " " + sp.startMs() + "-" + end + " " + sp.worker() + " " + sp.core()
                + (sp.holdsWorker() ? " held" : "");
    }

    // ------------------------------------------------------------ generators

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<Server> servers = Combinators.combine(
                Arbitraries.of(Policy.class),
                Arbitraries.integers().between(1, 4),
                Arbitraries.integers().between(1, 3),
                Arbitraries.of(0.0, 0.5, 1.0, 2.0, 5.0),
                optionalInt(0, 4),
                optionalInt(1, 3)
        ).as(Server::new);
        Arbitrary<List<Resource>> resources = Arbitraries.integers().between(0, 2).flatMap(n -> {
            List<Arbitrary<Resource>> rs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String name = "res" + i;
                rs.add(optionalInt(1, 2).map(c -> new Resource(name, c)));
            }
            return Combinators.combine(rs).as(List::copyOf);
        });
        return Combinators.combine(servers, resources, Arbitraries.longs())
                .as(Tuple::of)
                .flatMap(t -> types(t.get2()).flatMap(types -> arrivals(types).map(arrivals ->
                        new Scenario("split", "", t.get3(), t.get1(), t.get2(), types, arrivals))));
    }

    private static Arbitrary<OptionalInt> optionalInt(int min, int max) {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(OptionalInt.empty())),
                Tuple.of(1, Arbitraries.integers().between(min, max).map(OptionalInt::of)));
    }

    /** Whole and quarter milliseconds, and sometimes 0: ties everywhere. */
    private static Arbitrary<Double> grid() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(0.0)),
                Tuple.of(4, Arbitraries.integers().between(1, 6).map(Integer::doubleValue)),
                Tuple.of(2, Arbitraries.integers().between(1, 24).map(q -> q / 4.0)));
    }

    private static Arbitrary<List<RequestType>> types(List<Resource> resources) {
        Arbitrary<SegmentKind> kinds = Arbitraries.frequency(
                Tuple.of(4, SegmentKind.COMPUTE), Tuple.of(2, SegmentKind.WAIT), Tuple.of(1, SegmentKind.BLOCK));
        Arbitrary<Optional<String>> on = resources.isEmpty()
                ? Arbitraries.just(Optional.empty())
                : Arbitraries.frequencyOf(
                        Tuple.of(1, Arbitraries.just(Optional.<String>empty())),
                        Tuple.of(1, Arbitraries.of(resources).map(r -> Optional.of(r.name()))));
        Arbitrary<Segment> segment = Combinators.combine(kinds, grid(), on).as((kind, ms, res) ->
                new Segment(kind, new Distribution.Constant(ms), Optional.empty(), kind == SegmentKind.COMPUTE ? Optional.empty() : res));
        return Arbitraries.integers().between(1, 3).flatMap(n -> {
            List<Arbitrary<RequestType>> ts = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String name = "t" + i;
                ts.add(Combinators.combine(Arbitraries.integers().between(1, 3), segment.list().ofMinSize(1).ofMaxSize(5))
                        .as((w, segs) -> new RequestType(name, "#009E73", w, segs)));
            }
            return Combinators.combine(ts).as(List::copyOf);
        });
    }

    private static Arbitrary<Arrivals> arrivals(List<RequestType> types) {
        Arbitrary<Integer> counts = Arbitraries.integers().between(1, 25);
        Arbitrary<Arrivals> uniform = Combinators.combine(Arbitraries.integers().between(0, 8).map(q -> q / 2.0), counts)
                .as(Arrivals.Uniform::new);
        Arbitrary<Arrivals> burst = Combinators.combine(counts, Arbitraries.integers().between(0, 3))
                .as((n, at) -> new Arrivals.Burst(n, at));
        Arbitrary<Arrivals.At> at = Combinators.combine(Arbitraries.integers().between(0, 40).map(q -> q / 4.0), Arbitraries.of(types))
                .as((time, type) -> new Arrivals.At(time, type.name()));
        Arbitrary<Arrivals> explicit = at.list().ofMinSize(1).ofMaxSize(25).map(Arrivals.Explicit::new);
        Arbitrary<Arrivals> closed = Combinators.combine(Arbitraries.integers().between(1, 4),
                        grid().map(Distribution.Constant::new), counts)
                .as(Arrivals.Closed::new);
        Arbitrary<Arrivals> poisson = Combinators.combine(Arbitraries.integers().between(50, 500), counts)
                .as((rate, n) -> new Arrivals.Poisson(rate, n));
        return Arbitraries.oneOf(uniform, burst, explicit, closed, poisson);
    }
}
