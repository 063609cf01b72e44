package io.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.scenario.RequestType;
import io.interleave.scenario.Scenario;
import io.interleave.trace.RequestRecord;
import io.interleave.trace.Span;
import io.interleave.trace.Status;
import io.interleave.trace.Trace;
import java.util.List;
import java.util.OptionalDouble;
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

/** Client timeouts on the random scenarios of {@link EngineInvariantProperties} and {@link GatherProperties}. */
@Label("Timeouts on random scenarios")
class TimeoutProperties {
    private static final int TRIES = 200;
    private static final String SEED = "20261202";

    @Property(tries = TRIES, seed = SEED, shrinking = ShrinkingMode.BOUNDED)
    @Label("a timeout larger than every response changes nothing: the same start and finish times, all completed")
    void largeTimeoutChangesNothing(@ForAll("scenarios") Scenario scenario, @ForAll boolean cancel) {
        Trace without = Simulation.trace(scenario);
        double longest = without.requests().stream().mapToDouble(RequestRecord::responseMs).max().orElse(0);
        Scenario timed = withTimeouts(scenario, longest + 1, cancel);
        Trace with = Simulation.trace(timed);
        TraceChecks.all(with);
        assertThat(with.requests()).extracting(RequestRecord::startMs)
                .containsExactlyElementsOf(without.requests().stream().map(RequestRecord::startMs).toList());
        assertThat(with.requests()).extracting(RequestRecord::finishMs)
                .containsExactlyElementsOf(without.requests().stream().map(RequestRecord::finishMs).toList());
        assertThat(with.requests()).extracting(RequestRecord::status)
                .containsExactlyElementsOf(without.requests().stream().map(RequestRecord::status).toList());
        assertThat(with.spans()).noneMatch(Span::wasted);
    }

    @Property(tries = TRIES, seed = SEED, shrinking = ShrinkingMode.BOUNDED)
    @Label("every invariant holds with timeouts, cancelled or not; wasted work comes only after the client left")
    void invariantsWithTimeouts(@ForAll("scenarios") Scenario scenario, @ForAll("timeouts") double timeoutMs, @ForAll boolean cancel) {
        Scenario timed = withTimeouts(scenario, timeoutMs, cancel);
        Trace t = Simulation.trace(timed);
        TraceChecks.all(t);
        for (RequestRecord r : t.requests()) {
            double gaveUp = r.arrivalMs() + timeoutMs;
            if (r.completed()) {
                assertThat(r.finishMs()).as("%s completed in time", r.label()).isLessThanOrEqualTo(gaveUp);
            }
            if (r.timedOut()) {
                assertThat(r.finishMs()).as("%s timed out after its client left", r.label()).isGreaterThanOrEqualTo(gaveUp);
            }
            if (r.status() == Status.CANCELLED) {
                assertThat(cancel).as("%s cancelled only with cancelOnTimeout", r.label()).isTrue();
                assertThat(timed.server().policy().waitsHoldWorker()).as("a sync thread is never cancelled").isFalse();
            }
            double wastedCompute = 0;
            for (Span s : t.spansOf(r.id())) {
                assertThat(s.wasted()).as("%s: %s is wasted iff it starts after the client left", r.label(), s)
                        .isEqualTo(s.startMs() >= gaveUp);
                if (s.wasted() && s.state() == io.interleave.trace.SpanState.COMPUTE) {
                    wastedCompute += s.durationMs();
                }
            }
            assertThat(r.wastedCpuMs()).as("%s wasted CPU is its compute after the client left", r.label())
                    .isCloseTo(wastedCompute, org.assertj.core.api.Assertions.within(1e-6));
        }
        Statistics.label("policy").collect(timed.server().policy());
        Statistics.label("some cancelled").collect(t.requests().stream().anyMatch(r -> r.status() == Status.CANCELLED));
        Statistics.label("some timed out").collect(t.requests().stream().anyMatch(r -> r.status() == Status.TIMED_OUT));
    }

    static Scenario withTimeouts(Scenario s, double timeoutMs, boolean cancel) {
        List<RequestType> types = s.requestTypes().stream().map(t -> t.withTimeout(OptionalDouble.of(timeoutMs), cancel)).toList();
        return s.withRequestTypes(types);
    }

    @Provide
    Arbitrary<Double> timeouts() {
        return Arbitraries.integers().between(1, 400).map(Integer::doubleValue);
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Arbitraries.frequencyOf(Tuple.of(1, new EngineInvariantProperties().scenarios()),
                Tuple.of(1, new GatherProperties().scenarios()));
    }
}
