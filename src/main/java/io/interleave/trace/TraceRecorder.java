package io.interleave.trace;

import io.interleave.scenario.Scenario;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;

/** A listener that keeps everything, causes included, to build a {@link Trace}. */
public final class TraceRecorder implements TraceListener {
    private final List<RequestRecord> requests = new ArrayList<>();
    private final List<Span> spans = new ArrayList<>();
    private final Causes.Builder causes = new Causes.Builder();
    private final List<TaskRecord> tasks = new ArrayList<>();
    private final List<ItemRecord> items = new ArrayList<>();
    private final List<QueueChange> changes = new ArrayList<>();
    private String deadlock;

    @Override
    public void span(int requestId, SpanState state, double startMs, double endMs,
                     int worker, int poolThread, int core, int segment, boolean holdsWorker) {
        span(requestId, state, startMs, endMs, worker, poolThread, core, segment, -1, holdsWorker);
    }

    @Override
    public void span(int requestId, SpanState state, double startMs, double endMs,
                     int worker, int poolThread, int core, int segment, int branch, boolean holdsWorker) {
        span(requestId, state, startMs, endMs, worker, poolThread, core, segment, branch, holdsWorker, false);
    }

    @Override
    public void span(int requestId, SpanState state, double startMs, double endMs,
                     int worker, int poolThread, int core, int segment, int branch, boolean holdsWorker, boolean wasted) {
        spans.add(new Span(requestId, state, startMs, endMs,
                worker < 0 ? OptionalInt.empty() : OptionalInt.of(worker),
                poolThread < 0 ? OptionalInt.empty() : OptionalInt.of(poolThread),
                core < 0 ? OptionalInt.empty() : OptionalInt.of(core), segment, branch, holdsWorker, wasted));
    }

    @Override
    public void gaveUp(int requestId, double timeMs, boolean cancels, boolean now) {
        causes.gaveUp(requestId, timeMs, cancels, now);
    }

    @Override
    public void request(RequestRecord request) {
        requests.add(request);
    }

    @Override
    public void waits(int requestId, double timeMs, WaitCause cause, int subject, int count, int[] holders, int holderCount) {
        causes.add(requestId, timeMs, cause, subject, count, holders, holderCount);
    }

    @Override
    public void resumes(int requestId, double timeMs, WaitCause cause, int by) {
        causes.resume(requestId, timeMs, cause, by);
    }

    @Override
    public void idle(int worker, double timeMs) {
        causes.idle(worker, timeMs);
    }

    @Override
    public void task(TaskRecord task) {
        tasks.add(task);
    }

    @Override
    public void item(ItemRecord item) {
        items.add(item);
    }

    @Override
    public void queueChanged(int queue, double timeMs, int length) {
        changes.add(new QueueChange(queue, timeMs, length));
    }

    /** The run stopped in a deadlock, for this reason: the trace keeps it. */
    public void deadlocked(String message) {
        this.deadlock = message;
    }

    @Override
    public boolean wantsCauses() {
        return true;
    }

    /** The trace of everything recorded so far. */
    public Trace toTrace(Scenario scenario, RunTotals totals) {
        return toTrace(scenario, scenario.server().policy().displayName(), totals);
    }

    /** The trace of everything recorded so far, called {@code label} beside other runs. */
    public Trace toTrace(Scenario scenario, String label, RunTotals totals) {
        List<RequestRecord> byId = new ArrayList<>(requests);
        byId.sort(Comparator.comparingInt(RequestRecord::id));
        if (tasks.isEmpty() && items.isEmpty() && changes.isEmpty() && deadlock == null) {
            return new Trace(scenario, label, byId, spans, totals, causes.build());
        }
        List<TaskRecord> taskById = new ArrayList<>(tasks);
        taskById.sort(Comparator.comparingInt(TaskRecord::id));
        List<ItemRecord> itemById = new ArrayList<>(items);
        itemById.sort(Comparator.comparingInt(ItemRecord::id));
        return new Trace(scenario, label, byId, spans, totals, causes.build(),
                new Program(taskById, itemById, changes, java.util.Optional.ofNullable(deadlock)));
    }
}
