package io.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.scenario.Arrivals;
import io.interleave.scenario.Policy;
import io.interleave.scenario.RequestType;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.Segment;
import io.interleave.scenario.SegmentKind;
import io.interleave.scenario.Server;
import io.interleave.trace.RequestRecord;
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

/**
 * With a pool larger than the number of requests no offloaded call ever
 * queues, so an offloaded block is exactly an await of the same length: it
 * lets go of the loop at once and its continuation joins the back of the
 * loop's ready queue when it ends.
 */
class OffloadProperties {
    private static final int TRIES = 300;
    private static final String SEED = "20261201";

    @Property(tries = TRIES, seed = SEED, shrinking = ShrinkingMode.BOUNDED)
    @Label("pool > requests: an offloaded block gives the same finish times as the same segment written as a wait")
    void offloadedBlockIsAWait(@ForAll("scenarios") Scenario offloaded) {
        List<RequestType> asWaits = offloaded.requestTypes().stream()
                .map(t -> new RequestType(t.name(), t.color(), t.weight(), t.segments().stream()
                        .map(s -> s.offload() ? new Segment(SegmentKind.WAIT, s.ms(), s.label(), s.on()) : s)
                        .toList()))
                .toList();
        Trace pool = Simulation.trace(offloaded);
        Trace waits = Simulation.trace(offloaded.withRequestTypes(asWaits));
        TraceChecks.all(pool);
        assertThat(pool.requests()).extracting(RequestRecord::finishMs)
                .containsExactlyElementsOf(waits.requests().stream().map(RequestRecord::finishMs).toList());
        assertThat(pool.requests()).extracting(RequestRecord::startMs)
                .containsExactlyElementsOf(waits.requests().stream().map(RequestRecord::startMs).toList());
    }

    /**
     * Consecutive offloaded segments are one call on one pool thread, while
     * consecutive waits each go back to the loop; so every offloaded block
     * is followed by 1 ms of compute on the loop, making each its own call.
     */
    private static List<Segment> oneCallEach(List<Segment> segs) {
        List<Segment> out = new ArrayList<>();
        for (Segment s : segs) {
            out.add(s);
            if (s.offload()) {
                out.add(Segment.compute(1, null));
            }
        }
        return out;
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<Server> servers = Combinators.combine(
                Arbitraries.integers().between(1, 3),
                Arbitraries.integers().between(1, 3),
                Arbitraries.of(0.0, 1.0, 5.0),
                Arbitraries.integers().between(13, 40)
        ).as((loops, cores, slice, pool) -> new Server(Policy.EVENT_LOOP_POOL, loops, cores, slice,
                OptionalInt.empty(), OptionalInt.empty(), pool));
        Arbitrary<Segment> segment = Combinators.combine(
                Arbitraries.of(SegmentKind.COMPUTE, SegmentKind.WAIT, SegmentKind.BLOCK),
                EngineInvariantProperties.durations(),
                Arbitraries.of(true, false)
        ).as((kind, ms, off) -> new Segment(kind, ms, Optional.empty(), Optional.empty(), off && kind == SegmentKind.BLOCK));
        Arbitrary<List<RequestType>> types = Arbitraries.integers().between(1, 3).flatMap(n -> {
            List<Arbitrary<RequestType>> ts = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String name = "t" + i;
                ts.add(segment.list().ofMinSize(1).ofMaxSize(5).map(OffloadProperties::oneCallEach)
                        .map(segs -> new RequestType(name, "#009E73", 1, segs)));
            }
            return Combinators.combine(ts).as(List::copyOf);
        });
        return Combinators.combine(servers, types, Arbitraries.longs()).as(net.jqwik.api.Tuple::of).flatMap(tuple -> {
            Server server = tuple.get1();
            List<RequestType> ts = tuple.get2();
            long seed = tuple.get3();
            return Arbitraries.integers().between(0, 40).list().ofMinSize(1).ofMaxSize(12).map(times -> {
                    List<Arrivals.At> at = new ArrayList<>();
                    List<Integer> sorted = times.stream().sorted().toList();
                    for (int i = 0; i < sorted.size(); i++) {
                        at.add(new Arrivals.At(sorted.get(i), ts.get(i % ts.size()).name()));
                    }
                    return new Scenario("offload", "", seed, server, List.of(), ts, new Arrivals.Explicit(at));
                });
        });
    }
}
