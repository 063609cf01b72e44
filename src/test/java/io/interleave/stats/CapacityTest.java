package io.interleave.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Capacity: the rate a server sustains, from its bottleneck and the mix")
class CapacityTest {

    static Segment seg(SegmentKind kind, Distribution ms, String on) {
        return new Segment(kind, ms, Optional.empty(), Optional.ofNullable(on));
    }

    static Scenario scenario(Server server, List<Resource> resources, RequestType... types) {
        return new Scenario("t", "", 1, server, resources, List.of(types), new Arrivals.Poisson(10, 100));
    }

    static RequestType type(String name, double weight, Segment... segments) {
        return new RequestType(name, "#0072B2", weight, List.of(segments));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"sync, 1 thread", "event-loop, 1 loop"})
    @DisplayName("M/M/1 with a mean service of 10 ms: 100 per second under either policy")
    void mm1(String policy, String bottleneck) {
        Scenario s = scenario(Server.of(Policy.fromJson(policy).orElseThrow(), 1, 1), List.of(),
                type("job", 1, seg(SegmentKind.COMPUTE, new Distribution.Exponential(10), null)));
        Capacity c = Capacity.of(s);
        assertThat(c.perSecond()).isCloseTo(100, within(1e-9));
        assertThat(c.bottleneck()).isEqualTo(bottleneck);
        assertThat(c.rateText()).isEqualTo("≈100/s");
    }

    @Test
    @DisplayName("sync with 4 threads, each request holding its thread 40 ms (10 compute + 30 wait, 4 cores): 4 / 40 ms = 100/s")
    void syncThreads() {
        RequestType page = type("page", 1, seg(SegmentKind.COMPUTE, new Distribution.Constant(10), null),
                seg(SegmentKind.WAIT, new Distribution.Exponential(30), null));
        Capacity sync = Capacity.of(scenario(Server.of(Policy.SYNC, 4, 4), List.of(), page));
        assertThat(sync.perSecond()).isCloseTo(100, within(1e-9));
        assertThat(sync.bottleneck()).isEqualTo("4 threads");
        // The same requests on one event loop hold it only for their 10 ms of compute: 100/s too, now the loop is the limit...
        Capacity loop = Capacity.of(scenario(Server.of(Policy.EVENT_LOOP, 1, 4), List.of(), page));
        assertThat(loop.perSecond()).isCloseTo(100, within(1e-9));
        assertThat(loop.bottleneck()).isEqualTo("1 loop");
        // ...while 4 loops on 2 cores are limited by the cores: 2 / 10 ms = 200/s.
        Capacity loops = Capacity.of(scenario(Server.of(Policy.EVENT_LOOP, 4, 2), List.of(), page));
        assertThat(loops.perSecond()).isCloseTo(200, within(1e-9));
        assertThat(loops.bottleneck()).isEqualTo("2 cores");
    }

    @Test
    @DisplayName("a database with 2 connections, each query 40 ms: 2 / 40 ms = 50/s, whatever the server")
    void resourceSlots() {
        Scenario s = new Scenario("t", "", 1, Server.of(Policy.EVENT_LOOP, 1, 1), List.of(new Resource("database", OptionalInt.of(2))),
                List.of(type("page", 1, seg(SegmentKind.COMPUTE, new Distribution.Constant(2), null),
                        seg(SegmentKind.WAIT, new Distribution.Constant(40), "database"))),
                new Arrivals.Poisson(10, 100));
        Capacity c = Capacity.of(s);
        assertThat(c.perSecond()).isCloseTo(50, within(1e-9));
        assertThat(c.bottleneck()).isEqualTo("database (2 slots)");
        assertThat(Capacity.of(s.withPolicy(Policy.SYNC).withServer(Server.of(Policy.SYNC, 8, 8))).bottleneck()).isEqualTo("database (2 slots)");
    }

    @Test
    @DisplayName("a blocking call holds the loop; maxConcurrency caps the requests in flight on it")
    void blockingAndConcurrency() {
        RequestType sleepy = type("legacy", 1, seg(SegmentKind.COMPUTE, new Distribution.Constant(5), null),
                seg(SegmentKind.BLOCK, new Distribution.Constant(45), null));
        assertThat(Capacity.of(scenario(Server.of(Policy.EVENT_LOOP, 1, 1), List.of(), sleepy)).perSecond()).isCloseTo(20, within(1e-9));
        RequestType waits = type("page", 1, seg(SegmentKind.COMPUTE, new Distribution.Constant(6), null),
                seg(SegmentKind.WAIT, new Distribution.Constant(54), null));
        Server capped = Server.of(Policy.EVENT_LOOP, 1, 1).withMaxConcurrency(OptionalInt.of(3));
        Capacity c = Capacity.of(scenario(capped, List.of(), waits));
        assertThat(c.perSecond()).isCloseTo(50, within(1e-9)); // 3 places x 1000 / 60 ms
        assertThat(c.bottleneck()).isEqualTo("3 in-flight places");
    }

    @Test
    @DisplayName("the mix weighs each type by its share: 3:1 of 10 ms and 50 ms is 20 ms per request on average, 50/s")
    void weightedMix() {
        Scenario s = scenario(Server.of(Policy.SYNC, 1, 1), List.of(),
                type("short", 3, seg(SegmentKind.COMPUTE, new Distribution.Constant(10), null)),
                type("long", 1, seg(SegmentKind.COMPUTE, new Distribution.Constant(50), null)),
                type("unused", 0, seg(SegmentKind.COMPUTE, new Distribution.Constant(1000), null)));
        assertThat(Capacity.mix(s)).containsExactly(0.75, 0.25, 0.0);
        assertThat(Capacity.of(s).perSecond()).isCloseTo(50, within(1e-9));
    }

    @Test
    @DisplayName("explicit arrivals: the mix is each type's share of the listed arrivals, not its weight ('A blocking call': 9 pages, 1 legacy)")
    void explicitMix() {
        Scenario lesson = Presets.load("blocking-call").orElseThrow();
        double[] mix = Capacity.mix(lesson);
        int legacy = lesson.typeIndex("legacy").orElseThrow();
        long listed = ((Arrivals.Explicit) lesson.arrivals()).at().stream().filter(a -> a.type().equals("legacy")).count();
        assertThat(listed).isPositive();
        assertThat(mix[legacy]).isCloseTo((double) listed / lesson.arrivals().count(), within(1e-12));
        assertThat(mix[legacy]).isPositive();
    }

    @Test
    @DisplayName("nothing to hold: an unlimited capacity")
    void unlimited() {
        Scenario s = scenario(Server.of(Policy.SYNC, 1, 1), List.of(), type("nothing", 1, seg(SegmentKind.COMPUTE, new Distribution.Constant(0), null)));
        assertThat(Capacity.of(s).isFinite()).isFalse();
        assertThat(Capacity.of(s).rateText()).isEqualTo("unlimited");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"25, 25", "17.543859, 17.5", "85.106, 85.1", "142.86, 143", "0.8333, 0.833", "1000, 1000", "2.5, 2.5"})
    @DisplayName("rates print with at most three significant digits")
    void format(double rate, String text) {
        assertThat(Capacity.format(rate)).isEqualTo(text);
    }
}
