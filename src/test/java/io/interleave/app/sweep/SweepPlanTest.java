package io.interleave.app.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.interleave.scenario.Arrivals;
import io.interleave.scenario.Policy;
import io.interleave.scenario.Presets;
import io.interleave.scenario.Scenario;
import io.interleave.stats.Capacity;
import io.interleave.stats.Sweep;
import java.util.Arrays;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class SweepPlanTest {

    @Test
    @DisplayName("capacities: one per compare variant, from stats.Capacity (sync held for the whole request, the loop for its compute)")
    void capacitiesPerVariant() {
        Scenario s = SweepScenarios.threeRequests(); // mean compute 14 ms, mean request 68 ms, one worker and core
        double[] c = SweepPlan.capacities(s);
        assertThat(c).hasSize(2);
        assertThat(c[0]).isCloseTo(Capacity.of(Sweep.prepare(s, 100).withPolicy(Policy.SYNC)).perSecond(), Offset.offset(1e-9));
        assertThat(c[1]).isCloseTo(Capacity.of(Sweep.prepare(s, 100).withPolicy(Policy.EVENT_LOOP)).perSecond(), Offset.offset(1e-9));
        assertThat(c[0]).isLessThan(c[1]);
    }

    static Stream<String> presets() {
        return Presets.ids().stream().filter(id -> !Presets.load(id).orElseThrow().hasTasks()); // a program has no rate
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    @DisplayName("each lesson's default range shows where every variant saturates: three rates or more below the slowest's capacity, up to 1.25x the fastest's")
    void defaultRangeShowsEveryKnee(String id) {
        Scenario s = Presets.load(id).orElseThrow();
        SweepPlan plan = SweepPlan.defaults(s);
        double[] capacities = SweepPlan.capacities(s);
        double slowest = Arrays.stream(capacities).min().orElseThrow();
        double fastest = Arrays.stream(capacities).max().orElseThrow();
        assertThat(plan.rates().stream().filter(r -> r < slowest)).as("rates below %s", slowest).hasSizeGreaterThanOrEqualTo(3);
        assertThat(plan.to()).isGreaterThanOrEqualTo(1.25 * fastest);
        assertThat(plan.rates()).hasSizeLessThanOrEqualTo(SweepPlan.MAX_RATES);
        assertThat(plan.replications()).isEqualTo(5);
    }

    @Test
    @DisplayName("'Async doesn't shorten the wait': the range starts below sync's knee (2 threads x 108 ms = 18.5/s), not past it")
    void asyncSameWaitStartsBelowSyncsKnee() {
        Scenario s = Presets.load("async-same-wait").orElseThrow();
        SweepPlan plan = SweepPlan.defaults(s);
        double sync = Capacity.of(Sweep.prepare(s, 100).under(s.compareVariants().get(0))).perSecond();
        assertThat(plan.from()).isLessThan(sync / 2);
    }

    @ParameterizedTest(name = "{0}:{1}:{2} x{3} n={4} -> {5}")
    @CsvSource(delimiter = ';', value = {
        "0; 10; 1; 5; 1000; From must be a rate of at least 0.1 per second",
        "0.09; 10; 1; 5; 1000; From must be a rate of at least 0.1 per second",
        "20; 10; 1; 5; 1000; To must be at least From",
        "10; 20; 0; 5; 1000; Step must be above 0",
        "1; 1000; 1; 5; 1000; at most 60",
        "10; 20; 5; 0; 1000; Replications must be 1 to 100",
        "10; 20; 5; 5; 5; Requests per run must be 20 to"})
    @DisplayName("an invalid plan is refused with a message naming the field")
    void invalid(double from, double to, double step, int reps, int requests, String message) {
        assertThatThrownBy(() -> new SweepPlan(from, to, step, reps, requests))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @Test
    @DisplayName("explicit arrivals become Poisson with the requests per run; the listed mix is kept")
    void explicitBecomesPoisson() {
        Scenario s = SweepScenarios.threeRequests();
        Scenario swept = new SweepPlan(10, 20, 5, 2, 300).apply(s);
        assertThat(swept.arrivals()).isInstanceOf(Arrivals.Poisson.class);
        assertThat(swept.arrivals().count()).isEqualTo(300);
        assertThat(Capacity.mix(swept)).containsExactly(Capacity.mix(s), Offset.offset(1e-12));
        assertThat(SweepPlan.hasRate(s)).isFalse();
        assertThat(SweepViewModel.noteFor(s)).contains("no rate").contains("Poisson");
    }

    @Test
    @DisplayName("uniform arrivals stay uniform (they have a rate), and the note says no theory is drawn")
    void uniformStays() {
        Scenario s = SweepScenarios.threeRequests().withArrivals(new Arrivals.Uniform(25, 24));
        assertThat(new SweepPlan(10, 20, 5, 2, 300).apply(s).arrivals()).isEqualTo(new Arrivals.Uniform(25, 300));
        assertThat(SweepViewModel.noteFor(s)).contains("uniform").contains("no theory");
    }
}
