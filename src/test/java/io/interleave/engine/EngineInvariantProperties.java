package io.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.interleave.scenario.Arrivals;
import io.interleave.scenario.Distribution;
import io.interleave.scenario.Policy;
import io.interleave.scenario.RequestType;
import io.interleave.scenario.Resource;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.Segment;
import io.interleave.scenario.SegmentKind;
import io.interleave.scenario.Server;
import io.interleave.stats.Summary;
import io.interleave.stats.SummaryCollector;
import io.interleave.trace.RequestRecord;
import io.interleave.trace.RunTotals;
import io.interleave.trace.Trace;
import io.interleave.trace.TraceListener;
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
import net.jqwik.api.statistics.Statistics;

/**
 * SPEC section 7 invariants on random scenarios: random policy, 1-4 workers,
 * 1-3 cores, time slices 0/1/5, resources with small capacities, queue and
 * concurrency limits, segment lists of compute/wait/block with constant
 * (often integer, so ties are common, or zero) and random durations, and
 * every arrival pattern.
 */
@Label("Engine invariants on random scenarios")
class EngineInvariantProperties {
    private static final int TRIES = 200;
    private static final String SEED = "20240611";

    // ------------------------------------------------------------ properties

    @Property(tries = TRIES, seed = SEED, shrinking = ShrinkingMode.BOUNDED)
    @Label("every request is accounted for; rejected ones have no spans")
    void accounted(@ForAll("scenarios") Scenario scenario) {
        Trace t = traced(scenario);
        TraceChecks.everyRequestAccountedFor(t);
        Statistics.label("policy").collect(scenario.server().policy());
        Statistics.label("arrivals").collect(scenario.arrivals().pattern());
        Statistics.label("some rejected").collect(t.requests().stream().anyMatch(r -> !r.completed()));
    }

    @Property(tries = TRIES, seed = SEED, shrinking = ShrinkingMode.BOUNDED)
    @Label("every segment with a duration runs exactly once and in order")
    void segmentsOnceInOrder(@ForAll("scenarios") Scenario scenario) {
        TraceChecks.segmentsRunOnceInOrder(traced(scenario));
    }

    @Property(tries = TRIES, seed = SEED, shrinking = ShrinkingMode.BOUNDED)
    @Label("a request's spans tile [arrival, finish] with no gaps or overlaps")
    void spansTile(@ForAll("scenarios") Scenario scenario) {
        Trace t = traced(scenario);
        TraceChecks.spansTileArrivalToFinish(t);
        TraceChecks.spanStatesMatchThePolicy(t);
    }

    @Property(tries = TRIES, seed = SEED, shrinking = ShrinkingMode.BOUNDED)
    @Label("at most one compute per loop (and per thread, per core), at most 'cores' at any instant")
    void computeFitsCores(@ForAll("scenarios") Scenario scenario) {
        Trace t = traced(scenario);
        TraceChecks.computeFitsTheCores(t);
        TraceChecks.oneRequestAtATimeHoldsAWorker(t);
    }

    @Property(tries = TRIES, seed = SEED, shrinking = ShrinkingMode.BOUNDED)
    @Label("busy CPU time equals the total compute time of completed requests")
    void busyCpu(@ForAll("scenarios") Scenario scenario) {
        Trace t = traced(scenario);
        TraceChecks.busyCoreTimeIsComputeTime(t);
        // and the worker time is bounded by what the workers could give
        RunTotals totals = t.totals();
        assertThat(totals.busyWorkerMs()).isLessThanOrEqualTo(scenario.server().workers() * totals.makespanMs() + TraceChecks.EPS);
        if (scenario.server().policy() != Policy.EVENT_LOOP_POOL) { // pool threads compute without holding a loop
            assertThat(totals.busyCoreMs()).isLessThanOrEqualTo(totals.busyWorkerMs() + TraceChecks.EPS);
        }
    }

    @Property(tries = TRIES, seed = SEED, shrinking = ShrinkingMode.BOUNDED)
    @Label("no core idles while a request holding its worker is ready for a core")
    void workConserving(@ForAll("scenarios") Scenario scenario) {
        TraceChecks.noCoreIdlesWhileComputeIsReady(traced(scenario));
    }

    @Property(tries = TRIES, seed = SEED, shrinking = ShrinkingMode.BOUNDED)
    @Label("with all waits and blocks at zero, one event loop and one sync worker give identical response times")
    void zeroWaitsSamePolicy(@ForAll("scenarios") Scenario scenario) {
        Scenario noWaits = withNonComputeAt0(scenario, true);
        assertSamePerRequest(noWaits);
    }

    @Property(tries = TRIES, seed = SEED, shrinking = ShrinkingMode.BOUNDED)
    @Label("with waits at zero (blocks kept), one event loop and one sync worker still give identical response times")
    void zeroWaitsBlocksKeptSamePolicy(@ForAll("scenarios") Scenario scenario) {
        assertSamePerRequest(withNonComputeAt0(scenario, false));
    }

    @Property(tries = TRIES, seed = SEED, shrinking = ShrinkingMode.BOUNDED)
    @Label("the same seed gives the identical trace; recording spans does not change the schedule")
    void deterministic(@ForAll("scenarios") Scenario scenario) {
        Trace a = Simulation.trace(scenario);
        Trace b = Simulation.trace(scenario);
        assertThat(b.requests()).isEqualTo(a.requests());
        assertThat(TestScenarios.describeFully(b.spans())).isEqualTo(TestScenarios.describeFully(a.spans()));
        assertThat(b.totals()).isEqualTo(a.totals());

        List<RequestRecord> withoutSpans = new ArrayList<>();
        SummaryCollector collector = new SummaryCollector(0, scenario.arrivals().count());
        RunTotals totals = Simulation.run(scenario, TraceListener.both(collector, new TraceListener() {
            @Override
            public void request(RequestRecord r) {
                withoutSpans.add(r);
            }

            @Override
            public boolean wantsSpans() {
                return false;
            }
        }));
        withoutSpans.sort(java.util.Comparator.comparingInt(RequestRecord::id));
        assertThat(withoutSpans).isEqualTo(a.requests());
        assertThat(totals).isEqualTo(a.totals());
        Summary streamed = collector.summarize(totals, scenario.server().workers(), scenario.server().cores());
        // streamed in completion order rather than id order: sums may differ in the last bits
        Summary fromTrace = SummaryCollector.of(a, 0);
        assertThat(withoutMeans(streamed)).isEqualTo(withoutMeans(fromTrace));
        assertThat(streamed.response().mean()).isCloseTo(fromTrace.response().mean(), within(1e-9));
        assertThat(streamed.queueMeanMs()).isCloseTo(fromTrace.queueMeanMs(), within(1e-9));
    }

    @Property(tries = TRIES, seed = SEED, shrinking = ShrinkingMode.BOUNDED)
    @Label("FIFO starts: no request starts before an earlier arrival on the same pool or loop; loops bound round-robin")
    void fifoAndRoundRobin(@ForAll("scenarios") Scenario scenario) {
        Trace t = traced(scenario);
        boolean loop = !scenario.server().policy().waitsHoldWorker();
        int workers = scenario.server().workers();
        double[] lastStart = new double[workers];
        double lastArrival = 0;
        int accepted = 0;
        for (RequestRecord r : t.requests()) {
            if (!(scenario.arrivals() instanceof Arrivals.Closed)) {
                assertThat(r.arrivalMs()).as("%s arrives in id order", r.label()).isGreaterThanOrEqualTo(lastArrival);
            }
            lastArrival = r.arrivalMs();
            if (!r.completed()) {
                continue;
            }
            int w = loop ? r.worker().getAsInt() : 0;
            if (loop) {
                assertThat(w).as("%s bound round-robin", r.label()).isEqualTo(accepted % workers);
            }
            accepted++;
            assertThat(r.startMs()).as("%s starts no earlier than earlier arrivals", r.label()).isGreaterThanOrEqualTo(lastStart[w]);
            lastStart[w] = r.startMs();
        }
        if (scenario.arrivals() instanceof Arrivals.Closed closed) {
            assertThat(t.totals().maxInFlight()).isLessThanOrEqualTo(closed.users());
        }
        if (scenario.server().queueLimit().isEmpty()) {
            assertThat(t.requests()).allMatch(RequestRecord::completed);
        }
    }

    @Property(tries = TRIES, seed = SEED, shrinking = ShrinkingMode.BOUNDED)
    @Label("every wait begins with the engine's cause of a matching kind; rejections say the queue was full")
    void everyWaitHasACause(@ForAll("scenarios") Scenario scenario) {
        Trace t = traced(scenario);
        for (io.interleave.trace.Span sp : t.spans()) {
            java.util.Set<io.interleave.trace.WaitCause> expected = switch (sp.state()) {
                case QUEUED -> java.util.EnumSet.of(io.interleave.trace.WaitCause.QUEUE, io.interleave.trace.WaitCause.THREAD,
                        io.interleave.trace.WaitCause.LOOP, io.interleave.trace.WaitCause.LOOP_LIMIT);
                case READY -> java.util.EnumSet.of(io.interleave.trace.WaitCause.LOOP, io.interleave.trace.WaitCause.CORE,
                        io.interleave.trace.WaitCause.THREAD); // THREAD: an offloaded call queued for a pool thread
                case WAITING_RESOURCE -> java.util.EnumSet.of(io.interleave.trace.WaitCause.SLOT);
                default -> java.util.EnumSet.noneOf(io.interleave.trace.WaitCause.class);
            };
            if (expected.isEmpty()) {
                continue;
            }
            assertThat(t.causes().at(sp.requestId(), sp.startMs())).as("cause of %s", sp)
                    .hasValueSatisfying(c -> assertThat(c.kind()).isIn(expected));
        }
        for (RequestRecord r : t.requests()) {
            if (!r.completed()) {
                assertThat(t.causes().at(r.id(), r.arrivalMs())).as("cause of rejected %s", r.label())
                        .hasValueSatisfying(c -> assertThat(c.kind()).isEqualTo(io.interleave.trace.WaitCause.QUEUE_FULL));
            }
        }
    }

    // ------------------------------------------------------------ helpers

    private static Trace traced(Scenario scenario) {
        Trace t = Simulation.trace(scenario);
        assertThat(t.requests()).hasSize(scenario.arrivals().count());
        return t;
    }

    private static void assertSamePerRequest(Scenario scenario) {
        Server one = scenario.server().withWorkers(1);
        Trace sync = Simulation.trace(scenario.withServer(one.withPolicy(Policy.SYNC)));
        Trace loop = Simulation.trace(scenario.withServer(one.withPolicy(Policy.EVENT_LOOP)));
        assertThat(loop.requests()).hasSameSizeAs(sync.requests());
        for (int i = 0; i < sync.requests().size(); i++) {
            RequestRecord s = sync.requests().get(i);
            RequestRecord l = loop.requests().get(i);
            assertThat(l.status()).as("%s status", s.label()).isEqualTo(s.status());
            assertThat(l.arrivalMs()).as("%s arrival", s.label()).isEqualTo(s.arrivalMs());
            assertThat(l.responseMs()).as("%s response", s.label()).isEqualTo(s.responseMs());
            assertThat(l.startMs()).as("%s start", s.label()).isEqualTo(s.startMs());
        }
        assertThat(loop.totals().busyCoreMs()).isEqualTo(sync.totals().busyCoreMs());
    }

    private static Summary withoutMeans(Summary s) {
        Summary.Response r = s.response();
        return new Summary(s.requests(), s.completed(), s.rejected(), s.makespanMs(), s.throughputPerSec(),
                new Summary.Response(0, r.min(), r.p50(), r.p90(), r.p95(), r.p99(), r.max()), 0, s.queueMaxMs(),
                s.cpuUtilization(), s.workerUtilization(), s.maxInFlight(), s.events());
    }

    /** The scenario with every wait (and, if {@code blocksToo}, every block) at 0 ms. */
    static Scenario withNonComputeAt0(Scenario scenario, boolean blocksToo) {
        List<RequestType> types = new ArrayList<>();
        for (RequestType type : scenario.requestTypes()) {
            List<Segment> segments = new ArrayList<>();
            for (Segment s : type.segments()) {
                boolean zero = s.kind() == SegmentKind.WAIT || (blocksToo && s.kind() == SegmentKind.BLOCK);
                segments.add(zero ? s.withMs(new Distribution.Constant(0)) : s);
            }
            types.add(type.withSegments(segments));
        }
        return scenario.withRequestTypes(types);
    }

    // ------------------------------------------------------------ generators

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Combinators.combine(servers(4), resources(), Arbitraries.longs())
                .as(Tuple::of)
                .flatMap(t -> types(t.get2()).flatMap(types -> arrivals(types).map(arrivals ->
                        new Scenario("random", "", t.get3(), t.get1(), t.get2(), types, arrivals))));
    }

    /**
     * Small servers of every policy: 1 to {@code maxWorkers} workers, 1 to 3 cores, no slicing or
     * slices of 1 or 5 ms, maybe a queue limit and a concurrency limit, and 1 to 3 pool threads
     * (for event-loop+pool: small, so offloaded calls queue). Shared with the other engine properties.
     */
    static Arbitrary<Server> servers(int maxWorkers) {
        return Combinators.combine(
                Arbitraries.of(Policy.class),
                Arbitraries.integers().between(1, maxWorkers),
                Arbitraries.integers().between(1, 3),
                Arbitraries.of(0.0, 1.0, 5.0),
                optionalInt(0, 5),
                optionalInt(1, 3),
                Arbitraries.integers().between(1, 3)
        ).as(Server::new);
    }

    /** None, one or two resources ({@code res0}, {@code res1}), each maybe with a capacity of 1 to 3. */
    static Arbitrary<List<Resource>> resources() {
        return Arbitraries.integers().between(0, 2).flatMap(n -> {
            List<Arbitrary<Resource>> rs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String name = "res" + i;
                rs.add(optionalInt(1, 3).map(c -> new Resource(name, c)));
            }
            return Combinators.combine(rs).as(List::copyOf);
        });
    }

    static Arbitrary<OptionalInt> optionalInt(int min, int max) {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(OptionalInt.empty())),
                Tuple.of(1, Arbitraries.integers().between(min, max).map(OptionalInt::of)));
    }

    private static Arbitrary<List<RequestType>> types(List<Resource> resources) {
        return Arbitraries.integers().between(1, 3).flatMap(n -> {
            List<Arbitrary<RequestType>> ts = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String name = "t" + i;
                ts.add(Combinators.combine(
                        Arbitraries.integers().between(1, 3),
                        segment(resources).list().ofMinSize(1).ofMaxSize(5)
                ).as((w, segs) -> new RequestType(name, "#009E73", w, segs)));
            }
            return Combinators.combine(ts).as(List::copyOf);
        });
    }

    /** A compute, wait or block of a random duration, maybe on one of {@code resources}, maybe offloaded (the gather properties use it too). */
    static Arbitrary<Segment> segment(List<Resource> resources) {
        Arbitrary<SegmentKind> kinds = Arbitraries.frequency(
                Tuple.of(3, SegmentKind.COMPUTE), Tuple.of(3, SegmentKind.WAIT), Tuple.of(1, SegmentKind.BLOCK));
        Arbitrary<Optional<String>> on = resources.isEmpty()
                ? Arbitraries.just(Optional.empty())
                : Arbitraries.frequencyOf(
                        Tuple.of(1, Arbitraries.just(Optional.<String>empty())),
                        Tuple.of(2, Arbitraries.of(resources).map(r -> Optional.of(r.name()))));
        return Combinators.combine(kinds, durations(), on, Arbitraries.integers().between(0, 2)).as((kind, ms, res, off) ->
                new Segment(kind, ms, Optional.empty(), kind == SegmentKind.COMPUTE ? Optional.empty() : res,
                        off == 0 && kind != SegmentKind.WAIT)); // offloaded: a pool thread under event-loop+pool, in place elsewhere
    }

    static Arbitrary<Distribution> durations() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(new Distribution.Constant(0))),
                Tuple.of(4, Arbitraries.integers().between(1, 30).map(i -> new Distribution.Constant(i))),
                Tuple.of(1, Arbitraries.doubles().between(0.1, 30).ofScale(3).map(Distribution.Constant::new)),
                Tuple.of(2, Arbitraries.integers().between(1, 30).map(m -> new Distribution.Exponential(m))),
                Tuple.of(1, Combinators.combine(Arbitraries.integers().between(0, 10), Arbitraries.integers().between(0, 20))
                        .as((min, w) -> new Distribution.Uniform(min, min + w))),
                Tuple.of(1, Combinators.combine(Arbitraries.integers().between(0, 20), Arbitraries.integers().between(0, 10))
                        .as((m, sd) -> new Distribution.Normal(m, sd))),
                Tuple.of(1, Combinators.combine(Arbitraries.integers().between(1, 20), Arbitraries.integers().between(0, 20))
                        .as((m, sd) -> new Distribution.LogNormal(m, sd))));
    }

    private static Arbitrary<Arrivals> arrivals(List<RequestType> types) {
        return arrivals(types, 40);
    }

    /** Every arrival pattern, each with at most {@code maxCount} requests (the gather properties use it too). */
    static Arbitrary<Arrivals> arrivals(List<RequestType> types, int maxCount) {
        Arbitrary<Integer> counts = Arbitraries.integers().between(1, maxCount);
        Arbitrary<Arrivals> poisson = Combinators.combine(Arbitraries.integers().between(20, 400), counts)
                .as((rate, n) -> new Arrivals.Poisson(rate, n));
        Arbitrary<Arrivals> uniform = Combinators.combine(Arbitraries.integers().between(0, 20), counts)
                .as((gap, n) -> new Arrivals.Uniform(gap, n));
        Arbitrary<Arrivals> burst = Combinators.combine(counts, Arbitraries.integers().between(0, 10))
                .as((n, at) -> new Arrivals.Burst(n, at));
        Arbitrary<Arrivals.At> at = Combinators.combine(Arbitraries.integers().between(0, 100), Arbitraries.of(types))
                .as((time, type) -> new Arrivals.At(time, type.name()));
        Arbitrary<Arrivals> explicit = at.list().ofMinSize(1).ofMaxSize(maxCount).map(Arrivals.Explicit::new);
        Arbitrary<Arrivals> closed = Combinators.combine(Arbitraries.integers().between(1, 4), durations(), counts)
                .as(Arrivals.Closed::new);
        return Arbitraries.oneOf(poisson, uniform, burst, explicit, closed);
    }
}
