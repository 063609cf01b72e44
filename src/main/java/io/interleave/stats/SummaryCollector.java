package io.interleave.stats;

import io.interleave.trace.RequestRecord;
import io.interleave.trace.RunTotals;
import io.interleave.trace.Status;
import io.interleave.trace.Trace;
import io.interleave.trace.TraceListener;
import java.util.Arrays;
import java.util.OptionalInt;

/**
 * Builds a {@link Summary} while the engine runs, keeping only one double
 * per completed request (for exact percentiles), so ten million requests fit
 * in a default heap.
 */
public final class SummaryCollector implements TraceListener {
    private final int warmup;
    private double[] responses;
    private int completed;
    private long rejected;
    private long counted;
    private long completedInRun;
    private long sentInRun;
    private long timedOut;
    private double wastedCpuMs;
    private double responseSum;
    private double queueSum;
    private double queueMax;
    // background tasks (spawn segments): counted apart from the requests
    private long backgroundTasks;
    private double backgroundCpuMs;
    private double backgroundSumMs;
    private double backgroundMaxMs = Double.NaN;
    private long backgroundOutlived;

    /**
     * @param warmup requests (by arrival, i.e. by id) left out of the statistics
     * @param expected expected number of requests, to size the buffer once
     */
    public SummaryCollector(int warmup, int expected) {
        if (warmup < 0) {
            throw new IllegalArgumentException("warmup must be >= 0, was " + warmup);
        }
        this.warmup = warmup;
        this.responses = new double[Math.max(16, Math.max(0, expected - warmup))];
    }

    @Override
    public boolean wantsSpans() {
        return false;
    }

    /**
     * A background task ended. Like requests, tasks started by warm-up requests are left out.
     */
    @Override
    public void task(io.interleave.trace.TaskRecord t) {
        if (!t.background() || t.spawnedBy() <= warmup) {
            return;
        }
        backgroundTasks++;
        backgroundCpuMs += t.computeMs();
        backgroundSumMs += t.durationMs();
        backgroundMaxMs = Double.isNaN(backgroundMaxMs) ? t.durationMs() : Math.max(backgroundMaxMs, t.durationMs());
        if (t.outlived()) {
            backgroundOutlived++;
        }
    }

    /** What the background tasks did (after the warm-up). */
    public Background background() {
        return backgroundTasks == 0 ? Background.NONE : new Background(backgroundTasks, backgroundCpuMs,
                backgroundSumMs / backgroundTasks, backgroundMaxMs, backgroundOutlived);
    }

    @Override
    public void request(RequestRecord r) {
        if (r.status() == Status.COMPLETED) {
            completed(r.id(), r.type(), r.arrivalMs(), r.startMs(), r.finishMs(), r.computeMs(), r.waitMs(), r.worker());
            return;
        }
        if (r.status() == Status.TIMED_OUT) {
            sentInRun++; // a response, sent after its client had gone
        }
        if (r.id() <= warmup) {
            return;
        }
        counted++;
        if (r.status() == Status.REJECTED) {
            rejected++;
        } else { // timed out or cancelled
            timedOut++;
            wastedCpuMs += r.wastedCpuMs();
        }
    }

    /** A request completed in time, told in numbers (what {@link #request} is told as a record). */
    @Override
    public void completed(int id, int type, double arrivalMs, double startMs, double finishMs,
                          double computeMs, double waitMs, OptionalInt worker) {
        completedInRun++;
        sentInRun++;
        if (id <= warmup) {
            return;
        }
        counted++;
        double response = finishMs - arrivalMs; // as RequestRecord.responseMs() and queueMs()
        double queue = startMs - arrivalMs;
        if (completed == responses.length) {
            responses = Arrays.copyOf(responses, responses.length * 2);
        }
        responses[completed++] = response;
        responseSum += response;
        queueSum += queue;
        queueMax = Math.max(queueMax, queue);
    }

    /** The summary, given the engine's totals; consumes the buffered responses. */
    public Summary summarize(RunTotals totals, int workers, int cores) {
        Percentiles p = Percentiles.ofInPlace(responses, completed);
        responses = new double[0];
        double makespan = totals.makespanMs();
        double mean = completed == 0 ? Double.NaN : responseSum / completed;
        Summary.Response response = new Summary.Response(mean, p.min(), p.at(50), p.at(90), p.at(95), p.at(99), p.max());
        return new Summary(counted, completed, rejected, makespan,
                makespan > 0 ? sentInRun / (makespan / 1000.0) : 0,
                response,
                completed == 0 ? 0 : queueSum / completed, queueMax,
                makespan > 0 ? totals.busyCoreMs() / (cores * makespan) : 0,
                makespan > 0 ? totals.busyWorkerMs() / (workers * makespan) : 0,
                totals.maxInFlight(), totals.events(),
                timedOut, makespan > 0 ? completedInRun / (makespan / 1000.0) : 0, wastedCpuMs);
    }

    /** The summary of a recorded trace. */
    public static Summary of(Trace trace, int warmup) {
        SummaryCollector c = new SummaryCollector(warmup, trace.requests().size());
        trace.requests().forEach(c::request);
        trace.program().tasks().forEach(c::task);
        return c.summarize(trace.totals(), trace.scenario().server().workerCount(), trace.scenario().server().cores());
    }
}
