package io.interleave.engine;

import io.interleave.scenario.Scenario;
import io.interleave.scenario.Variant;
import io.interleave.trace.RunTotals;
import io.interleave.trace.Trace;
import io.interleave.trace.TraceListener;
import io.interleave.trace.TraceRecorder;
import java.util.List;

/**
 * Runs a scenario: samples its workload, feeds the arrivals to a
 * {@link ServerModel} on a fresh {@link Engine}, and reports everything to a
 * listener. Each call owns its engine, so runs may go in parallel.
 */
public final class Simulation {
    private Simulation() {
    }

    /** Runs to completion, streaming to {@code listener}; returns the whole-run figures. */
    public static RunTotals run(Scenario scenario, TraceListener listener) {
        Engine engine = new Engine();
        ServerModel server = new ServerModel(engine, scenario, listener);
        runOn(engine, server, scenario);
        return server.totals();
    }

    /**
     * Feeds the arrivals and a program's tasks to {@code server} and runs
     * {@code engine} until nothing is scheduled.
     *
     * @throws DeadlockException if a program's tasks were left waiting for ever
     */
    private static void runOn(Engine engine, ServerModel server, Scenario scenario) {
        Workload workload = new Workload(scenario);
        server.startTasks(workload, workload.count() + 1); // a program's tasks, ids after the requests'; first at a tie
        if (workload.closed()) {
            new ClosedLoop(engine, server, workload).start();
        } else {
            new OpenArrivals(engine, server, workload).scheduleNext();
        }
        engine.run();
        server.endTasks();
    }

    /** Runs and records; a deadlock is rethrown with the trace up to it. */
    private static Trace recorded(Scenario run, String label) {
        TraceRecorder recorder = new TraceRecorder();
        Engine engine = new Engine();
        ServerModel server = new ServerModel(engine, run, recorder);
        try {
            runOn(engine, server, run);
        } catch (DeadlockException e) {
            recorder.deadlocked(e.getMessage());
            throw e.withTrace(recorder.toTrace(run, label, server.totals()));
        }
        return recorder.toTrace(run, label, server.totals());
    }

    /** Runs to completion and keeps every request and span. */
    public static Trace trace(Scenario scenario) {
        return recorded(scenario, scenario.server().policy().displayName());
    }

    /** Runs the scenario under one compare variant, labelled with it. */
    public static Trace trace(Scenario scenario, Variant variant) {
        return recorded(scenario.under(variant), variant.label());
    }

    /** Runs the scenario under each of its compare variants, in order: the same requests, each variant's server. */
    public static List<Trace> compare(Scenario scenario) {
        return scenario.compareVariants().stream().map(v -> trace(scenario, v)).toList();
    }

    /**
     * Arrivals known in advance. Only the next arrival is ever pending, which
     * keeps memory flat; this object is its event, so arrivals allocate
     * nothing.
     */
    private static final class OpenArrivals implements Runnable {
        private final Engine engine;
        private final ServerModel server;
        private final Workload workload;
        private int sent;
        private ServerModel.Req next;

        OpenArrivals(Engine engine, ServerModel server, Workload workload) {
            this.engine = engine;
            this.server = server;
            this.workload = workload;
        }

        void scheduleNext() {
            if (sent == workload.count()) {
                return;
            }
            double at = workload.nextArrivalMs();
            next = server.newRequest(++sent, workload, 0, at);
            engine.at(at, this);
        }

        @Override
        public void run() {
            server.arrive(next);
            scheduleNext();
        }
    }

    /** Users who send, wait for the response, think, and send again. */
    private static final class ClosedLoop {
        private final Engine engine;
        private final ServerModel server;
        private final Workload workload;
        private final Workload.ThinkTimes think;
        private int sent;

        ClosedLoop(Engine engine, ServerModel server, Workload workload) {
            this.engine = engine;
            this.server = server;
            this.workload = workload;
            this.think = workload.thinkTimes();
        }

        void start() {
            server.onDone(r -> {
                int user = r.user; // r is reused once this hook returns
                engine.after(think.next(user), () -> send(user));
            });
            for (int u = 0; u < think.users(); u++) {
                int user = u;
                engine.at(0, () -> send(user));
            }
        }

        private void send(int user) {
            if (sent == workload.count()) {
                return;
            }
            int id = ++sent;
            server.arrive(server.newRequest(id, workload, user, engine.now()));
        }
    }
}
