package io.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.scenario.Arrivals;
import io.interleave.scenario.Distribution;
import io.interleave.scenario.Latency;
import io.interleave.scenario.Policy;
import io.interleave.scenario.RequestType;
import io.interleave.scenario.Resource;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.Segment;
import io.interleave.scenario.SegmentKind;
import io.interleave.scenario.Server;
import io.interleave.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;

/**
 * With {@code "latency": "shared"} and one caller at a time, nobody shares:
 * every wait equals its duration, so the whole run is the run with fixed
 * latency, to the span. One caller at a time either because a single closed
 * user has one request in flight, or because the shared service has one
 * slot in front of it. And under any load the run keeps every invariant.
 */
@Label("A shared service with one caller at a time is a fixed one")
class SharedLatencyProperties {
    private static final int TRIES = 120;
    private static final String SEED = "20261202";

    @Property(tries = TRIES, seed = SEED, shrinking = ShrinkingMode.BOUNDED)
    @Label("one closed user, any policy, any durations: shared and fixed give the same requests and spans")
    void oneUserNeverShares(@ForAll("oneUser") Scenario fixed) {
        sameRun(fixed);
    }

    @Property(tries = TRIES, seed = SEED, shrinking = ShrinkingMode.BOUNDED)
    @Label("any arrivals, a shared service behind one slot: the same requests and spans as fixed")
    void oneSlotNeverShares(@ForAll("oneSlot") Scenario fixed) {
        sameRun(fixed);
    }

    @Property(tries = TRIES, seed = SEED, shrinking = ShrinkingMode.BOUNDED)
    @Label("any load, any slots: every invariant of a run holds, and no call in a shared service ends before its work is done")
    void sharingKeepsTheInvariants(@ForAll("busy") Scenario fixed) {
        Scenario shared = fixed.withResources(fixed.resources().stream().map(r -> r.withLatency(Latency.SHARED)).toList());
        Trace t = Simulation.trace(shared);
        TraceChecks.all(t); // spans tile each request; a shared wait lasts at least its sampled duration
        assertThat(t.requests()).hasSize(Simulation.trace(fixed).requests().size());
    }

    private static void sameRun(Scenario fixed) {
        Scenario shared = fixed.withResources(fixed.resources().stream().map(r -> r.withLatency(Latency.SHARED)).toList());
        Trace a = Simulation.trace(fixed);
        Trace b = Simulation.trace(shared);
        TraceChecks.all(b);
        assertThat(b.requests()).isEqualTo(a.requests());
        assertThat(TestScenarios.describeFully(b.spans())).isEqualTo(TestScenarios.describeFully(a.spans()));
    }

    // ------------------------------------------------------------ generators

    @Provide
    Arbitrary<Scenario> oneUser() {
        Arbitrary<Arrivals> closed = Combinators.combine(durations().map(Distribution.Constant::new),
                Arbitraries.integers().between(1, 20)).as((think, n) -> new Arrivals.Closed(1, think, n));
        return scenarios(Arbitraries.of(OptionalInt.empty(), OptionalInt.of(1), OptionalInt.of(3)), closed);
    }

    @Provide
    Arbitrary<Scenario> oneSlot() {
        Arbitrary<Arrivals> poisson = Arbitraries.integers().between(20, 400).map(rate -> new Arrivals.Poisson(rate, 30));
        Arbitrary<Arrivals> burst = Arbitraries.integers().between(1, 20).map(n -> new Arrivals.Burst(n, 0));
        return scenarios(Arbitraries.just(OptionalInt.of(1)), Arbitraries.oneOf(poisson, burst));
    }

    @Provide
    Arbitrary<Scenario> busy() {
        Arbitrary<Arrivals> poisson = Arbitraries.integers().between(50, 800).map(rate -> new Arrivals.Poisson(rate, 30));
        Arbitrary<Arrivals> burst = Arbitraries.integers().between(2, 20).map(n -> new Arrivals.Burst(n, 0));
        return scenarios(Arbitraries.of(OptionalInt.empty(), OptionalInt.of(1), OptionalInt.of(2), OptionalInt.of(3)),
                Arbitraries.oneOf(poisson, burst));
    }

    private static Arbitrary<Scenario> scenarios(Arbitrary<OptionalInt> capacities, Arbitrary<Arrivals> arrivals) {
        Arbitrary<Server> servers = Combinators.combine(Arbitraries.of(Policy.class), Arbitraries.integers().between(1, 3),
                Arbitraries.integers().between(1, 2), Arbitraries.of(0.0, 1.0, 5.0))
                .as((p, w, c, slice) -> new Server(p, w, c, slice, OptionalInt.empty(), OptionalInt.empty(), 2));
        Arbitrary<List<Resource>> resources = capacities.list().ofMinSize(1).ofMaxSize(2).map(caps -> {
            List<Resource> rs = new ArrayList<>();
            for (int i = 0; i < caps.size(); i++) {
                rs.add(new Resource("res" + i, caps.get(i)));
            }
            return rs;
        });
        return Combinators.combine(servers, resources, arrivals, Arbitraries.longs())
                .as(Tuple::of)
                .flatMap(t -> types(t.get2()).map(types ->
                        new Scenario("shared", "", t.get4(), t.get1(), t.get2(), types, t.get3())));
    }

    /** Awkward durations (thirds, tenths) as well as whole ones, and exponential ones. */
    private static Arbitrary<Double> durations() {
        return Arbitraries.oneOf(Arbitraries.integers().between(1, 30).map(i -> i / 3.0),
                Arbitraries.integers().between(1, 50).map(i -> i / 10.0),
                Arbitraries.doubles().between(0.001, 50).ofScale(3));
    }

    private static Arbitrary<List<RequestType>> types(List<Resource> resources) {
        Arbitrary<SegmentKind> kinds = Arbitraries.frequency(
                Tuple.of(3, SegmentKind.COMPUTE), Tuple.of(3, SegmentKind.WAIT), Tuple.of(1, SegmentKind.BLOCK));
        Arbitrary<Optional<String>> on = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(Optional.<String>empty())),
                Tuple.of(3, Arbitraries.of(resources).map(r -> Optional.of(r.name()))));
        Arbitrary<Distribution> ms = Arbitraries.oneOf(durations().map(Distribution.Constant::new),
                Arbitraries.doubles().between(1, 20).map(m -> new Distribution.Exponential(m)));
        Arbitrary<Segment> segment = Combinators.combine(kinds, ms, on, Arbitraries.of(false, true)).as((kind, d, res, off) ->
                new Segment(kind, d, Optional.empty(), kind == SegmentKind.COMPUTE ? Optional.empty() : res,
                        off && kind != SegmentKind.WAIT));
        return Arbitraries.integers().between(1, 2).flatMap(n -> {
            List<Arbitrary<RequestType>> ts = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String name = "t" + i;
                ts.add(segment.list().ofMinSize(1).ofMaxSize(5).map(segs -> new RequestType(name, "#009E73", 1, segs)));
            }
            return Combinators.combine(ts).as(List::copyOf);
        });
    }
}
