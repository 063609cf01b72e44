package io.interleave.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.interleave.scenario.Arrivals;
import io.interleave.scenario.Distribution;
import io.interleave.scenario.Policy;
import io.interleave.scenario.RequestType;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.Segment;
import io.interleave.scenario.SegmentKind;
import io.interleave.scenario.Server;
import io.interleave.scenario.Variant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The sweep's capacity and theory with a GIL (issue 14): P processes of T threads on C cores compute like
 * min(P, C) servers; a closed form only where all compute goes through one server with exponential work.
 */
@DisplayName("Capacity and theory with a GIL")
class GilTheoryTest {

    private static Segment seg(SegmentKind kind, Distribution ms) {
        return new Segment(kind, ms, Optional.empty(), Optional.empty());
    }

    private static final RequestType CPU = new RequestType("cpu", "#0072B2", 1,
            List.of(seg(SegmentKind.COMPUTE, new Distribution.Exponential(10))));
    private static final RequestType MIXED = new RequestType("mixed", "#0072B2", 1,
            List.of(seg(SegmentKind.COMPUTE, new Distribution.Exponential(10)), seg(SegmentKind.WAIT, new Distribution.Exponential(20))));

    private static Scenario scenario(Server server, RequestType type) {
        return new Scenario("gil", "", 7, server, List.of(), List.of(type), new Arrivals.Poisson(50, 2000));
    }

    private static Server sync(int processes, int threads, int cores, boolean gil) {
        return Server.of(Policy.SYNC, threads, cores).withProcesses(processes).withGil(gil);
    }

    /* 10 ms of compute per request: a server computes 100 a second; the bottleneck is the fewest of threads, cores, GILs. */
    @Test
    @DisplayName("pure CPU: 4 threads on 4 cores serve 400/s, with a GIL 100/s (1 GIL); 4 processes 400/s; 4 x 4 on 2 cores 200/s")
    void capacityIsMinOfProcessesAndCores() {
        Capacity free = Capacity.of(scenario(sync(1, 4, 4, false), CPU));
        assertThat(free.perSecond()).isCloseTo(400, within(1e-9));
        assertThat(free.bottleneck()).isEqualTo("4 threads");

        Capacity oneGil = Capacity.of(scenario(sync(1, 4, 4, true), CPU));
        assertThat(oneGil.perSecond()).isCloseTo(100, within(1e-9));
        assertThat(oneGil.bottleneck()).isEqualTo("1 GIL");

        assertThat(Capacity.of(scenario(sync(4, 1, 4, true), CPU)).perSecond()).isCloseTo(400, within(1e-9));
        Capacity twoCores = Capacity.of(scenario(sync(4, 4, 2, true), CPU));
        assertThat(twoCores.perSecond()).isCloseTo(200, within(1e-9));
        assertThat(twoCores.bottleneck()).isEqualTo("2 cores");
        Capacity twoGils = Capacity.of(scenario(sync(2, 4, 8, true), CPU));
        assertThat(twoGils.perSecond()).isCloseTo(200, within(1e-9));
        assertThat(twoGils.bottleneck()).isEqualTo("2 GILs");
    }

    @Test
    @DisplayName("the threads of every process count: 2 processes of 3 threads holding each 30 ms are 6 threads, 200/s")
    void threadsOfAllProcesses() {
        Capacity c = Capacity.of(scenario(sync(2, 3, 8, false), MIXED));
        assertThat(c.perSecond()).isCloseTo(200, within(1e-9));
        assertThat(c.bottleneck()).isEqualTo("6 threads");
    }

    @Test
    @DisplayName("theory: one GIL for exponential compute is M/M/1; one thread per process is M/M/c as threads; otherwise none")
    void theoryWithAGil() {
        assertThat(Theory.of(scenario(sync(1, 4, 4, false), CPU))).hasValueSatisfying(m -> assertThat(m.servers()).isEqualTo(4));

        Theory.Model gil = Theory.of(scenario(sync(1, 4, 4, true), CPU)).orElseThrow();
        assertThat(gil.name()).isEqualTo("M/M/1 (one GIL)");
        assertThat(gil.capacityPerSec()).isCloseTo(100, within(1e-9));
        assertThat(gil.meanResponseMs(50)).hasValueSatisfying(ms -> assertThat(ms).isCloseTo(20, within(1e-9)));

        assertThat(Theory.of(scenario(sync(4, 1, 4, true), CPU))).as("one thread per process: no GIL is shared")
                .hasValueSatisfying(m -> assertThat(m.name()).isEqualTo("M/M/4 (Erlang C)"));
        assertThat(Theory.of(scenario(sync(2, 2, 2, true), CPU))).as("2 processes of 2 threads: no closed form").isEmpty();
        assertThat(Theory.of(scenario(sync(1, 4, 1, true), MIXED))).as("mixed compute and waits: none").isEmpty();
        assertThat(Theory.of(scenario(sync(4, 2, 1, true), CPU))).as("one core: all compute through one server")
                .hasValueSatisfying(m -> assertThat(m.capacityPerSec()).isCloseTo(100, within(1e-9)));
    }

    /*
     * The GIL lesson's sweep: 4 threads on 4 cores with a GIL saturate at 100/s like 1 thread; 4 processes keep up at 150/s.
     * At 50/s the GIL's simulated mean is near M/M/1's 20 ms.
     */
    @Test
    @DisplayName("sweep: with a GIL 4 threads saturate at 100/s (measured at 150/s) where 4 processes keep up")
    void sweepSaturation() {
        Variant threads = new Variant("4 threads, GIL", Optional.empty(), OptionalInt.of(4), OptionalInt.empty(),
                OptionalDouble.empty(), Optional.empty(), Optional.empty(), OptionalInt.empty(), OptionalInt.of(1),
                Optional.of(true), OptionalDouble.empty());
        Variant processes = new Variant("4 processes", Optional.empty(), OptionalInt.of(1), OptionalInt.empty(),
                OptionalDouble.empty(), Optional.empty(), Optional.empty(), OptionalInt.empty(), OptionalInt.of(4),
                Optional.of(true), OptionalDouble.empty());
        Scenario s = scenario(sync(1, 4, 4, true), CPU).withVariants(List.of(threads, processes));

        Sweep.Result result = Sweep.run(Sweep.prepare(s, 2000), List.of(50.0, 150.0), 2, 1);

        Sweep.Series gil = result.series().get(0);
        assertThat(gil.capacity().bottleneck()).isEqualTo("1 GIL");
        assertThat(gil.theory()).hasValueSatisfying(m -> assertThat(m.capacityPerSec()).isCloseTo(100, within(1e-9)));
        assertThat(gil.points().get(0).saturated()).isFalse();
        assertThat(gil.points().get(0).meanResponseMs().mean()).isCloseTo(20, within(4.0));
        assertThat(gil.firstSaturatedRate()).hasValue(150.0);

        Sweep.Series four = result.series().get(1);
        assertThat(four.capacity().perSecond()).isCloseTo(400, within(1e-9));
        assertThat(four.firstSaturatedRate()).isEmpty();
    }
}
