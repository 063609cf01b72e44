package io.interleave.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.interleave.engine.Simulation;
import io.interleave.scenario.Arrivals;
import io.interleave.scenario.Distribution;
import io.interleave.scenario.Policy;
import io.interleave.scenario.Presets;
import io.interleave.scenario.RequestType;
import io.interleave.scenario.Resource;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.Segment;
import io.interleave.scenario.SegmentKind;
import io.interleave.scenario.Server;
import io.interleave.scenario.Variant;
import io.interleave.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Sweep: every compare variant at every rate, honest intervals, saturation at the capacity")
class SweepTest {

    /** One exponential compute segment of 10 ms on one thread and one core: M/M/1, capacity 100/s. */
    static Scenario mm1() {
        RequestType job = new RequestType("job", "#0072B2", 1,
                List.of(new Segment(SegmentKind.COMPUTE, new Distribution.Exponential(10), Optional.empty(), Optional.empty())));
        return new Scenario("M/M/1", "", 9, Server.of(Policy.SYNC, 1, 1).withTimeSliceMs(0), List.of(), List.of(job),
                new Arrivals.Poisson(50, 300));
    }

    /** Pages that compute 5 ms (exponential), wait 40 ms (exponential) on a database and compute 2 ms: 4 threads, 2 cores. */
    static Scenario mostlyWaiting() {
        RequestType page = new RequestType("page", "#0072B2", 1, List.of(
                new Segment(SegmentKind.COMPUTE, new Distribution.Exponential(5), Optional.empty(), Optional.empty()),
                new Segment(SegmentKind.WAIT, new Distribution.Exponential(40), Optional.empty(), Optional.of("database")),
                new Segment(SegmentKind.COMPUTE, new Distribution.Constant(2), Optional.empty(), Optional.empty())));
        return new Scenario("Mostly waiting", "", 3, Server.of(Policy.SYNC, 4, 2), List.of(new Resource("database", OptionalInt.empty())),
                List.of(page), new Arrivals.Poisson(50, 300));
    }

    @Test
    @DisplayName("one series per compare variant in the file's order, each with its label, resolved server and every rate")
    void seriesPerVariant() {
        Scenario s = mostlyWaiting().withVariants(List.of(Variant.of("1 thread", Policy.SYNC, 1), Variant.of("4 threads", Policy.SYNC, 4),
                Variant.of("one loop", Policy.EVENT_LOOP, 1)));
        Sweep.Result r = Sweep.run(s, List.of(10.0, 30.0), 2, 2);

        assertThat(r.series()).extracting(Sweep.Series::label).containsExactly("1 thread", "4 threads", "one loop");
        assertThat(r.series()).extracting(x -> x.server().workers()).containsExactly(1, 4, 1);
        assertThat(r.series()).extracting(x -> x.server().policy()).containsExactly(Policy.SYNC, Policy.SYNC, Policy.EVENT_LOOP);
        assertThat(r.series()).allSatisfy(x -> assertThat(x.points()).extracting(Sweep.Point::ratePerSec).containsExactly(10.0, 30.0));
        assertThat(r.points()).hasSize(6);
        assertThat(r.points().get(0).label()).isEqualTo("1 thread");
        assertThat(r.points().get(0).server().workers()).isEqualTo(1);
        // one thread, 47 ms a request: about 21/s, so it is past its capacity at 30/s; four threads are not
        assertThat(r.series().get(0).capacity().perSecond()).isCloseTo(1000 / 47.0, within(1e-9));
        assertThat(r.series().get(0).points().get(1).saturated()).isTrue();
        assertThat(r.series().get(1).points().get(1).saturated()).isFalse();
    }

    @Test
    @DisplayName("common random numbers: two variants with the same server see the same requests and give identical points")
    void sameSeedsForEveryVariant() {
        Scenario s = mostlyWaiting().withVariants(List.of(Variant.of("A", Policy.SYNC, 2), Variant.of("B", Policy.SYNC, 2)));
        Sweep.Result r = Sweep.run(s, List.of(20.0, 40.0), 3, 2);
        for (int k = 0; k < 2; k++) {
            Sweep.Point a = r.series().get(0).points().get(k);
            Sweep.Point b = r.series().get(1).points().get(k);
            assertThat(b.meanResponseMs()).isEqualTo(a.meanResponseMs());
            assertThat(b.p95Ms()).isEqualTo(a.p95Ms());
        }
    }

    @Test
    @DisplayName("the interval never goes below zero where the t-interval did (3 replications at 80/s, 4 threads of 47 ms: t gives -7.8 ms)")
    void intervalNeverNegative() {
        Sweep.Result r = Sweep.run(mostlyWaiting(), List.of(70.0, 80.0, 90.0, 100.0), 3, 2);
        for (Sweep.Point p : r.points()) {
            ConfidenceInterval ci = p.meanResponseMs();
            assertThat(ci.low()).as(p.toString()).isPositive();
            assertThat(ci.low()).as(p.toString()).isLessThan(ci.mean());
            assertThat(ci.high()).as(p.toString()).isGreaterThan(ci.mean());
        }
        // The replication means the sync point at 80/s came from, and what the plain t-interval made of them.
        double[] means = replicationMeans(mostlyWaiting(), 80, 3);
        assertThat(ConfidenceInterval.of(means, 0.95).low()).as("the old interval").isNegative();
        ConfidenceInterval honest = r.series().get(0).points().get(1).meanResponseMs();
        assertThat(honest).isEqualTo(ConfidenceInterval.ofPositive(means, 0.95));
        assertThat(honest.contains(honest.mean())).isTrue();
    }

    private static double[] replicationMeans(Scenario s, double rate, int reps) {
        double[] out = new double[reps];
        for (int r = 0; r < reps; r++) {
            Scenario run = Sweep.atRate(s, rate).withSeed(s.seed() + r);
            int count = run.arrivals().count();
            SummaryCollector c = new SummaryCollector((int) Math.round(count * Sweep.WARMUP_SHARE), count);
            out[r] = c.summarize(Simulation.run(run, c), run.server().workers(), run.server().cores()).response().mean();
        }
        return out;
    }

    @Test
    @DisplayName("M/M/1 of 10 ms swept 60..140/s: saturation is reported at the capacity, 100/s, and 120/s only as where it was measured")
    void saturationAtCapacity() {
        Sweep.Result r = Sweep.run(mm1(), List.of(60.0, 80.0, 120.0, 140.0), 2, 2);
        Sweep.Series sync = r.series().get(0);
        assertThat(sync.capacity().perSecond()).isCloseTo(100, within(1e-9));
        assertThat(sync.capacityInRange()).isTrue();
        assertThat(sync.firstSaturatedRate()).hasValue(120);
        assertThat(sync.saturationText()).isEqualTo("Sync (threads) saturates at ≈100/s (capacity of 1 thread); measured past it at 120/s");
        assertThat(r.series().get(1).saturationText()).startsWith("Event loop saturates at ≈100/s (capacity of 1 loop)");
    }

    @Test
    @DisplayName("sync with 4 threads holding each request 40 ms saturates at 100/s; below the capacity the text says it keeps up")
    void fourThreads() {
        RequestType page = new RequestType("page", "#0072B2", 1, List.of(Segment.compute(10, null),
                new Segment(SegmentKind.WAIT, new Distribution.Exponential(30), Optional.empty(), Optional.empty())));
        Scenario s = new Scenario("t", "", 4, Server.of(Policy.SYNC, 4, 4), List.of(), List.of(page), new Arrivals.Poisson(10, 300))
                .withVariants(List.of(Variant.of("4 threads", Policy.SYNC, 4), Variant.of("one loop", Policy.EVENT_LOOP, 1)));
        Sweep.Result r = Sweep.run(s, List.of(50.0, 90.0, 130.0), 1, 2);
        assertThat(r.series().get(0).saturationText()).startsWith("4 threads saturates at ≈100/s (capacity of 4 threads)");
        Sweep.Result low = Sweep.run(s, List.of(20.0, 40.0), 1, 2);
        assertThat(low.series().get(0).saturationText()).isEqualTo("4 threads keeps up at every rate (capacity ≈100/s)");
    }

    @Test
    @DisplayName("explicit arrivals are swept as Poisson with the listed mix: 'A blocking call' sends its legacy requests")
    void explicitBecomesPoissonWithTheListedMix() {
        Scenario lesson = Presets.load("blocking-call").orElseThrow();
        Scenario swept = Sweep.prepare(lesson, 400);
        assertThat(swept.arrivals()).isEqualTo(new Arrivals.Poisson(1, 400));
        assertThat(Capacity.mix(swept)).containsExactly(Capacity.mix(lesson), within(1e-12));
        assertThat(Sweep.mixText(lesson)).contains("legacy");
        int legacy = lesson.typeIndex("legacy").orElseThrow();
        Trace t = Simulation.trace(Sweep.atRate(swept, 5));
        double sent = t.requests().stream().filter(q -> q.type() == legacy).count();
        assertThat(sent).as("legacy requests among 400").isBetween(400 * Capacity.mix(lesson)[legacy] / 2, 400 * Capacity.mix(lesson)[legacy] * 2);
    }

    @Test
    @DisplayName("burst and closed arrivals become Poisson with the weights; poisson and uniform keep their pattern with the new count")
    void otherPatterns() {
        Scenario base = mostlyWaiting();
        assertThat(Sweep.prepare(base.withArrivals(new Arrivals.Burst(50, 0)), 200).arrivals()).isEqualTo(new Arrivals.Poisson(1, 200));
        assertThat(Sweep.prepare(base.withArrivals(new Arrivals.Closed(3, new Distribution.Constant(10), 50)), 200).arrivals())
                .isEqualTo(new Arrivals.Poisson(1, 200));
        assertThat(Sweep.prepare(base, 200).arrivals()).isEqualTo(new Arrivals.Poisson(50, 200));
        assertThat(Sweep.prepare(base.withArrivals(new Arrivals.Uniform(25, 24)), 200).arrivals()).isEqualTo(new Arrivals.Uniform(25, 200));
        assertThat(Sweep.defaultRequests(base)).isEqualTo(Sweep.DEFAULT_REQUESTS);
        assertThat(Sweep.defaultRequests(base.withArrivals(new Arrivals.Poisson(50, 5000)))).isEqualTo(5000);
        assertThat(Sweep.defaultRequests(base.withArrivals(new Arrivals.Burst(50, 0)))).isEqualTo(Sweep.DEFAULT_REQUESTS);
    }

    @Test
    @DisplayName("progress is reported after each rate, in order; a cancelled sweep stops with CancellationException")
    void progressAndCancel() {
        List<Double> seen = new ArrayList<>();
        Sweep.run(mm1(), List.of(20.0, 40.0, 60.0), 1, 2, seen::add, () -> false);
        assertThat(seen).containsExactly(1 / 3.0, 2 / 3.0, 1.0);
        assertThatThrownBy(() -> Sweep.run(mm1(), List.of(20.0), 1, 2, x -> { }, () -> true)).isInstanceOf(CancellationException.class);
    }

    @Test
    @DisplayName("the theory of each variant is the closed form of its own server")
    void theoryPerVariant() {
        Scenario s = mm1().withVariants(List.of(Variant.of("one thread", Policy.SYNC, 1), Variant.of("two threads", Policy.SYNC, 2).withCores(OptionalInt.of(2))));
        Sweep.Result r = Sweep.run(s, List.of(50.0), 1, 1);
        assertThat(r.series().get(0).theory()).hasValueSatisfying(m -> assertThat(m.name()).isEqualTo("M/M/1"));
        assertThat(r.series().get(1).theory()).hasValueSatisfying(m -> assertThat(m.name()).isEqualTo("M/M/2 (Erlang C)"));
        assertThat(r.series().get(1).capacity().perSecond()).isCloseTo(200, within(1e-9));
    }
}
