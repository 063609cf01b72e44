package io.interleave.app.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.interleave.scenario.Arrivals;
import io.interleave.scenario.Policy;
import io.interleave.scenario.Scenario;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SweepPlanTest {

    @Test
    @DisplayName("capacity: sync is held for the whole request, the event loop only for its compute")
    void capacityByBottleneck() {
        Scenario s = SweepScenarios.threeRequests(); // mean compute 14 ms, mean request 68 ms, one worker and core
        assertThat(SweepPlan.capacity(s, Policy.SYNC)).isCloseTo(1000.0 / 68, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(SweepPlan.capacity(s, Policy.EVENT_LOOP)).isCloseTo(1000.0 / 14, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(SweepPlan.estimatedCapacity(s)).isEqualTo(SweepPlan.capacity(s, Policy.EVENT_LOOP));
    }

    @Test
    @DisplayName("the default range spans about 10% to at least 150% of the capacity, so both saturation points fall inside")
    void defaultRange() {
        Scenario s = SweepScenarios.threeRequests();
        SweepPlan plan = SweepPlan.defaults(s);
        double capacity = SweepPlan.estimatedCapacity(s);
        assertThat(plan.from()).isPositive().isLessThan(SweepPlan.capacity(s, Policy.SYNC));
        assertThat(plan.to()).isGreaterThanOrEqualTo(1.5 * capacity).isLessThan(1.5 * capacity + plan.step() + 1e-9);
        assertThat(plan.rates()).hasSizeBetween(10, SweepPlan.MAX_RATES);
        assertThat(plan.replications()).isEqualTo(5);
    }

    @ParameterizedTest(name = "{0}:{1}:{2} x{3} n={4} -> {5}")
    @CsvSource(delimiter = ';', value = {
        "0; 10; 1; 5; 1000; From must be a rate above 0",
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
    @DisplayName("explicit arrivals become Poisson with the requests per run; the mix is kept")
    void explicitBecomesPoisson() {
        Scenario s = SweepScenarios.threeRequests();
        Scenario swept = new SweepPlan(10, 20, 5, 2, 300).apply(s);
        assertThat(swept.arrivals()).isInstanceOf(Arrivals.Poisson.class);
        assertThat(swept.arrivals().count()).isEqualTo(300);
        assertThat(swept.requestTypes()).isEqualTo(s.requestTypes());
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
