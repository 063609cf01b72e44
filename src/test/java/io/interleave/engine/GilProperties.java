package io.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.scenario.Policy;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.Server;
import io.interleave.trace.Causes;
import io.interleave.trace.RequestRecord;
import io.interleave.trace.Span;
import io.interleave.trace.SpanState;
import io.interleave.trace.Trace;
import io.interleave.trace.WaitCause;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;

/**
 * Processes and the GIL (issue 14) on the random scenarios of
 * {@link EngineInvariantProperties}: the invariants hold with a GIL; without
 * one, processes only number the threads; a GIL nobody shares changes
 * nothing; and with a GIL in one process the cores do not matter.
 */
@Label("Processes and the GIL on random scenarios")
class GilProperties {
    private static final int TRIES = 200;
    private static final String SEED = "20261202";

    @Property(tries = TRIES, seed = SEED, shrinking = ShrinkingMode.BOUNDED)
    @Label("with a GIL every invariant holds, one span of a process computes at a time, and each wait for it names a holder of its process")
    void invariantsWithAGil(@ForAll("gilScenarios") Scenario scenario) {
        Trace t = Simulation.trace(scenario);
        TraceChecks.all(t);
        Server server = scenario.server();
        boolean waited = false;
        for (Span sp : t.spans()) {
            if (sp.state() != SpanState.WAITING_GIL) {
                continue;
            }
            waited = true;
            assertThat(sp.core()).as("%s holds no core", sp).isEmpty();
            Causes.Cause c = t.causes().at(sp.requestId(), sp.startMs()).orElseThrow(() -> new AssertionError("no cause for " + sp));
            assertThat(c.kind()).as("cause of %s", sp).isEqualTo(WaitCause.GIL);
            assertThat(c.subject()).as("process of %s", sp).isEqualTo(TraceChecks.processOf(server, sp));
            assertThat(c.holder()).as("holder of the GIL %s waits for", sp).isPresent();
        }
        Statistics.label("policy").collect(server.policy());
        Statistics.label("someone waited for a GIL").collect(waited);
    }

    @Property(tries = TRIES, seed = SEED, shrinking = ShrinkingMode.BOUNDED)
    @Label("without a GIL, P processes of T threads are exactly one process of P x T threads")
    void processesWithoutAGilAreThreads(@ForAll("scenarios") Scenario scenario, @ForAll("small") int processes) {
        Server threads = scenario.server().withPolicy(Policy.SYNC);
        Server split = threads.withProcesses(processes);
        Server flat = threads.withWorkers(threads.workers() * processes);
        assertSameRun(scenario.withServer(split), scenario.withServer(flat));
    }

    @Property(tries = TRIES, seed = SEED, shrinking = ShrinkingMode.BOUNDED)
    @Label("a GIL nobody shares changes nothing: one thread per process, or event loops without a pool")
    void anUnsharedGilChangesNothing(@ForAll("scenarios") Scenario scenario, @ForAll("small") int processes,
                                     @ForAll("intervals") double interval) {
        Server s = scenario.server();
        Server free = s.policy() == Policy.SYNC
                ? s.withWorkers(1).withProcesses(processes)
                : s.withPolicy(Policy.EVENT_LOOP).withProcesses(processes); // processes is unused under a loop
        Server withGil = free.withGil(true).withSwitchIntervalMs(interval);
        assertSameRun(scenario.withServer(withGil), scenario.withServer(free));
        Server today = s.policy() == Policy.SYNC ? s.withWorkers(processes) : s.withPolicy(Policy.EVENT_LOOP);
        assertSameRun(scenario.withServer(free), scenario.withServer(today)); // and all is as before processes existed
    }

    @Property(tries = TRIES, seed = SEED, shrinking = ShrinkingMode.BOUNDED)
    @Label("with a GIL and one process, adding cores changes no start or finish time")
    void oneProcessIgnoresExtraCores(@ForAll("scenarios") Scenario scenario, @ForAll("small") int extraCores,
                                     @ForAll("intervals") double interval) {
        Server s = scenario.server();
        Server one = (s.policy() == Policy.SYNC ? s : s.withWorkers(1)).withProcesses(1).withGil(true).withSwitchIntervalMs(interval);
        Trace few = Simulation.trace(scenario.withServer(one));
        Trace many = Simulation.trace(scenario.withServer(one.withCores(one.cores() + extraCores)));
        assertThat(many.requests()).hasSameSizeAs(few.requests());
        for (int i = 0; i < few.requests().size(); i++) {
            RequestRecord a = few.requests().get(i);
            RequestRecord b = many.requests().get(i);
            assertThat(b.status()).as("%s status", a.label()).isEqualTo(a.status());
            assertThat(b.startMs()).as("%s start", a.label()).isEqualTo(a.startMs());
            assertThat(b.finishMs()).as("%s finish", a.label()).isEqualTo(a.finishMs());
        }
        Statistics.label("policy").collect(s.policy());
    }

    private static void assertSameRun(Scenario a, Scenario b) {
        Trace ta = Simulation.trace(a);
        Trace tb = Simulation.trace(b);
        assertThat(ta.requests()).isEqualTo(tb.requests());
        assertThat(TestScenarios.describeFully(ta.spans())).isEqualTo(TestScenarios.describeFully(tb.spans()));
        assertThat(ta.totals().busyCoreMs()).isEqualTo(tb.totals().busyCoreMs());
        assertThat(ta.totals().busyWorkerMs()).isEqualTo(tb.totals().busyWorkerMs());
        assertThat(ta.totals().endMs()).isEqualTo(tb.totals().endMs());
    }

    // ------------------------------------------------------------ generators

    @Provide
    Arbitrary<Scenario> scenarios() {
        return new EngineInvariantProperties().scenarios();
    }

    /** Random scenarios with a GIL (sync or with a pool), up to 3 processes under sync, and a switch interval of 1, 2.5 or 5 ms. */
    @Provide
    Arbitrary<Scenario> gilScenarios() {
        return Combinators.combine(scenarios(), small(), intervals()).as((s, processes, interval) -> {
            Server server = s.server().policy() == Policy.EVENT_LOOP
                    ? s.server().withPolicy(Policy.EVENT_LOOP_POOL) // a plain loop never waits for its GIL (see above)
                    : s.server();
            return s.withServer(server.withProcesses(processes).withGil(true).withSwitchIntervalMs(interval));
        });
    }

    @Provide
    Arbitrary<Integer> small() {
        return Arbitraries.integers().between(1, 3);
    }

    @Provide
    Arbitrary<Double> intervals() {
        return Arbitraries.of(1.0, 2.5, 5.0);
    }
}
