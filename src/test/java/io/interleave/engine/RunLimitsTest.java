package io.interleave.engine;

import static io.interleave.engine.TestScenarios.compute;
import static io.interleave.engine.TestScenarios.scenario;
import static io.interleave.engine.TestScenarios.server;
import static io.interleave.engine.TestScenarios.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.interleave.scenario.Arrivals;
import io.interleave.scenario.Distribution;
import io.interleave.scenario.Limits;
import io.interleave.scenario.Policy;
import io.interleave.scenario.Scenario;
import io.interleave.trace.RequestRecord;
import io.interleave.trace.RunTotals;
import io.interleave.trace.Trace;
import io.interleave.trace.TraceListener;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The documented limits of one run (Limits: MAX_IN_FLIGHT, MAX_EVENTS,
 * MAX_CLOCK_MS), each at its edge and just past it: a run at the limit
 * completes, one step past it stops with one line that names the limit and
 * how to stay under it.
 */
@DisplayName("Run limits: requests in flight, the event budget and the clock's exact range")
class RunLimitsTest {
    static final String IN_FLIGHT_AT_0 = "more than 1000000 requests in flight at 0 ms (the most one run holds):"
            + " the server cannot keep up with the arrivals; lower the rate or the count";
    static final String CLOCK = "the simulated clock would pass 1099511627776 ms (about 34.8 years), beyond which it cannot keep 1 µs"
            + " (an event was due at 1100000000000 ms); shorten the durations or lower the count";

    /** Counts completions and keeps nothing else, as the command line's summary does. */
    private static final class Count implements TraceListener {
        long completed;
        double lastFinishMs;

        @Override
        public void request(RequestRecord r) {
            completed++;
            lastFinishMs = Math.max(lastFinishMs, r.finishMs());
        }

        @Override
        public boolean wantsSpans() {
            return false;
        }
    }

    // ---------------------------------------------------------------- the event budget

    @Test
    @DisplayName("an engine runs exactly its budget of events; the next one stops the run with the budget in words")
    void eventBudget() {
        Engine atEdge = new Engine(5, Limits.MAX_CLOCK_MS);
        for (int i = 0; i < 5; i++) {
            atEdge.at(i, () -> { });
        }
        atEdge.run();
        assertThat(atEdge.processed()).isEqualTo(5);

        Engine past = new Engine(5, Limits.MAX_CLOCK_MS);
        for (int i = 0; i < 6; i++) {
            past.at(i, () -> { });
        }
        assertThatThrownBy(past::run).isInstanceOf(RunLimitException.class)
                .hasMessage("this run passed 5 events (the most one run may take); raise the time slice or lower the count");
        assertThat(past.processed()).isEqualTo(5);
        assertThat(past.now()).isEqualTo(4.0);
    }

    @Test
    @DisplayName("the documented budget is two billion events, said the same way")
    void documentedBudget() {
        assertThat(Limits.MAX_EVENTS).isEqualTo(2_000_000_000L);
        assertThat(RunLimitException.events(Limits.MAX_EVENTS))
                .hasMessage("this run passed 2000000000 events (the most one run may take); raise the time slice or lower the count");
    }

    // ---------------------------------------------------------------- the clock

    @Test
    @DisplayName("the clock's resolution is 1 µs and its range 2^40 ms, where a double still steps by 2^-13 ms (under 1/8 µs)")
    void clockRange() {
        assertThat(Limits.CLOCK_RESOLUTION_MS).isEqualTo(0.001);
        assertThat(Limits.MAX_CLOCK_MS).isEqualTo(1_099_511_627_776.0);
        assertThat(Math.ulp(Math.nextDown(Limits.MAX_CLOCK_MS))).isEqualTo(0x1p-13);
        assertThat(Math.ulp(Math.nextDown(Limits.MAX_CLOCK_MS))).isLessThan(Limits.CLOCK_RESOLUTION_MS / 8);
        // the slowest rate's expected last arrival of the largest run lies inside the range
        assertThat(Limits.MAX_REQUESTS * 1000 / Limits.MIN_RATE_PER_SEC).isLessThan(Limits.MAX_CLOCK_MS);
        assertThat((Limits.MAX_REQUESTS - 1) * Limits.MAX_INTERVAL_MS).isLessThan(Limits.MAX_CLOCK_MS);
    }

    @Test
    @DisplayName("an event at the end of the clock's range is scheduled; one a step later stops the run")
    void engineHorizon() {
        Engine engine = new Engine();
        engine.at(Limits.MAX_CLOCK_MS, () -> { });
        engine.run();
        assertThat(engine.now()).isEqualTo(Limits.MAX_CLOCK_MS);

        Engine past = new Engine();
        assertThatThrownBy(() -> past.at(Math.nextUp(Limits.MAX_CLOCK_MS), () -> { }))
                .isInstanceOf(RunLimitException.class)
                .hasMessageStartingWith("the simulated clock would pass 1099511627776 ms (about 34.8 years)");
        assertThatThrownBy(() -> past.after(Limits.MAX_CLOCK_MS * 2, () -> { })).isInstanceOf(RunLimitException.class);
        // not finite or in the past: a programming error, as before
        assertThatThrownBy(() -> past.at(Double.POSITIVE_INFINITY, () -> { })).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> past.at(Double.NaN, () -> { })).isInstanceOf(IllegalArgumentException.class);
    }

    /** A burst at 10^9 ms of requests computing 10^9 ms each on one thread: the k-th finishes at (k + 1) x 10^9 ms. */
    private static Scenario longRequests(int count) {
        return scenario(server(Policy.SYNC, 1, 1), List.of(type("long", compute(1e9))), new Arrivals.Burst(count, 1e9));
    }

    @Test
    @DisplayName("a run whose last request finishes inside the clock's range completes; one request more would end past it and stops")
    void runPastTheClock() {
        Count inside = new Count();
        Simulation.run(longRequests(1098), inside);
        assertThat(inside.completed).isEqualTo(1098);
        assertThat(inside.lastFinishMs).isEqualTo(1.099e12);

        assertThatThrownBy(() -> Simulation.run(longRequests(1099), new Count()))
                .isInstanceOf(RunLimitException.class).hasMessage(CLOCK);
    }

    @Test
    @DisplayName("1 µs time slices at 10^9 ms still move the clock: two requests sharing one core finish, 1 µs apart")
    void smallestSliceLateInTheRun() {
        Scenario s = scenario(server(Policy.SYNC, 2, 1).withTimeSliceMs(Limits.CLOCK_RESOLUTION_MS),
                List.of(type("cpu", compute(1))), new Arrivals.Burst(2, 1e9));
        Trace t = Simulation.trace(s);
        double[] finish = t.requests().stream().mapToDouble(RequestRecord::finishMs).sorted().toArray();
        assertThat(finish[0]).isCloseTo(1e9 + 2 - 0.001, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(finish[1]).isCloseTo(1e9 + 2, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(t.totals().events()).isBetween(1900L, 2200L); // one quantum per µs of compute, give or take rounding
    }

    // ---------------------------------------------------------------- requests in flight

    private static Scenario burst(Policy policy, int count) {
        return scenario(server(policy, 1, 1), List.of(type("job", compute(1))), new Arrivals.Burst(count, 0));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Policy.class, names = {"SYNC", "EVENT_LOOP"}) // event-loop+pool admits as the event loop does
    @DisplayName("a burst of exactly MAX_IN_FLIGHT requests runs; one more stops the run at its arrival")
    void inFlightEdge(Policy policy) {
        Count atEdge = new Count();
        RunTotals totals = Simulation.run(burst(policy, Limits.MAX_IN_FLIGHT), atEdge);
        assertThat(atEdge.completed).isEqualTo(Limits.MAX_IN_FLIGHT);
        assertThat(totals.maxInFlight()).isEqualTo(Limits.MAX_IN_FLIGHT);

        assertThatThrownBy(() -> Simulation.run(burst(policy, Limits.MAX_IN_FLIGHT + 1), new Count()))
                .isInstanceOf(RunLimitException.class).hasMessage(IN_FLIGHT_AT_0);
    }

    @Test
    @DisplayName("an overloaded Poisson run (arrivals 1000 times faster than service) stops when its queue passes the limit, naming when")
    void overloadedPoisson() {
        Scenario s = scenario(server(Policy.SYNC, 1, 1), List.of(type("job", compute(new Distribution.Exponential(1)))),
                new Arrivals.Poisson(1e6, 3_000_000));
        // about 10^6 arrivals a second against 10^3 completions: the queue passes 10^6 at about 1 s
        assertThatThrownBy(() -> Simulation.run(s, new Count()))
                .isInstanceOf(RunLimitException.class)
                .hasMessageMatching("more than 1000000 requests in flight at 1(\\.\\d+)? s \\(the most one run holds\\):"
                        + " the server cannot keep up with the arrivals; lower the rate or the count");
    }

    @Test
    @DisplayName("a closed loop holds at most its users in flight, and MAX_USERS is within the limit")
    void closedLoopsNeverHitTheLimit() {
        assertThat(Limits.MAX_USERS).isLessThanOrEqualTo(Limits.MAX_IN_FLIGHT);
    }
}
