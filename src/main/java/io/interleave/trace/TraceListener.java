package io.interleave.trace;

import java.util.OptionalInt;

/**
 * Receives what the engine does as it happens. The engine calls it with
 * primitives so that a listener that keeps nothing costs nothing.
 */
public interface TraceListener {

    /**
     * A request spent {@code [startMs, endMs)} in one state.
     *
     * @param worker thread or loop index, or -1 when not bound to one
     * @param poolThread the pool thread running an offloaded call in this span, or -1
     * @param core core index, or -1 when not on a core
     */
    default void span(int requestId, SpanState state, double startMs, double endMs,
                      int worker, int poolThread, int core, int segment, boolean holdsWorker) {
    }

    /**
     * A span that may belong to branch {@code branch} of a gather (-1 for the
     * request's own spans). The engine calls this one; by default it drops
     * the branch and calls {@link #span(int, SpanState, double, double, int, int, int, int, boolean)}.
     */
    default void span(int requestId, SpanState state, double startMs, double endMs,
                      int worker, int poolThread, int core, int segment, int branch, boolean holdsWorker) {
        span(requestId, state, startMs, endMs, worker, poolThread, core, segment, holdsWorker);
    }

    /**
     * A span that may come after the request's client gave up ({@code wasted}). The engine calls
     * this one; by default it drops the flag and calls the one without it.
     */
    default void span(int requestId, SpanState state, double startMs, double endMs,
                      int worker, int poolThread, int core, int segment, int branch, boolean holdsWorker, boolean wasted) {
        span(requestId, state, startMs, endMs, worker, poolThread, core, segment, branch, holdsWorker);
    }

    /**
     * The client of request {@code requestId} gave up at {@code timeMs} (its type's timeout passed
     * before the response); {@code cancels} tells whether the server cancels its task, and
     * {@code now} whether the cancellation takes effect at once (it was queued or awaiting) rather
     * than at its next await.
     */
    default void gaveUp(int requestId, double timeMs, boolean cancels, boolean now) {
    }

    /** A request completed or was rejected. */
    default void request(RequestRecord request) {
    }

    /**
     * Request {@code id} completed in time: the engine's call for a request
     * without gathers whose client did not give up, which is all of them in
     * most runs. By default it is {@link #request} with the record of status
     * {@link Status#COMPLETED} (time alone: the sum of its segments). A
     * listener that only counts takes the numbers instead, and no record is
     * made: before the JIT learns to leave the record out, a run's first
     * million requests or so would allocate one each (a young collection of
     * the heap every few hundred thousand requests).
     */
    default void completed(int id, int type, double arrivalMs, double startMs, double finishMs,
                           double computeMs, double waitMs, OptionalInt worker) {
        request(new RequestRecord(id, type, arrivalMs, startMs, finishMs, Status.COMPLETED, computeMs, waitMs, worker));
    }

    /** Whether {@link #span} should be called at all. */
    default boolean wantsSpans() {
        return true;
    }

    /**
     * Why request {@code requestId} waits from {@code timeMs} on (or was
     * turned away): the engine's own reason, with the ids of the requests
     * holding what it waits for in {@code holders[0..holderCount)} (an array
     * the engine reuses: copy what you keep). The last cause given for a
     * request at one instant is the one for the span that begins then.
     *
     * @param subject the worker, core or resource concerned, or -1
     * @param count requests ahead, threads, cores, slots or the limit, by {@code cause}
     */
    default void waits(int requestId, double timeMs, WaitCause cause, int subject, int count,
                       int[] holders, int holderCount) {
    }

    /**
     * Request {@code requestId} stops waiting at {@code timeMs}: the
     * {@code cause} it waited for (a thread, its loop, a core, a slot, room
     * under the loop's limit) is now its, let go by request {@code by} (0 if
     * none).
     */
    default void resumes(int requestId, double timeMs, WaitCause cause, int by) {
    }

    /** Thread or loop {@code worker} ran out of work at {@code timeMs}. */
    default void idle(int worker, double timeMs) {
    }

    /** Whether {@link #waits}, {@link #resumes} and {@link #idle} should be called at all (the engine then works them out). */
    default boolean wantsCauses() {
        return false;
    }

    /** A task of a program of tasks ran its last step. */
    default void task(TaskRecord task) {
    }

    /** An item is done: its consumer finished processing it, or the run ended with it unconsumed. */
    default void item(ItemRecord item) {
    }

    /** Queue {@code queue} holds {@code length} items from {@code timeMs} on. */
    default void queueChanged(int queue, double timeMs, int length) {
    }

    /** Task {@code taskId} took item {@code itemId} off a queue at {@code timeMs}, after it waited there {@code queuedMs}. */
    default void takes(int taskId, int itemId, double timeMs, double queuedMs) {
    }

    /** A listener that tells both of two listeners. */
    static TraceListener both(TraceListener a, TraceListener b) {
        return new TraceListener() {
            @Override
            public void span(int requestId, SpanState state, double startMs, double endMs,
                             int worker, int poolThread, int core, int segment, boolean holdsWorker) {
                a.span(requestId, state, startMs, endMs, worker, poolThread, core, segment, holdsWorker);
                b.span(requestId, state, startMs, endMs, worker, poolThread, core, segment, holdsWorker);
            }

            @Override
            public void span(int requestId, SpanState state, double startMs, double endMs,
                             int worker, int poolThread, int core, int segment, int branch, boolean holdsWorker) {
                a.span(requestId, state, startMs, endMs, worker, poolThread, core, segment, branch, holdsWorker);
                b.span(requestId, state, startMs, endMs, worker, poolThread, core, segment, branch, holdsWorker);
            }

            @Override
            public void span(int requestId, SpanState state, double startMs, double endMs,
                             int worker, int poolThread, int core, int segment, int branch, boolean holdsWorker, boolean wasted) {
                a.span(requestId, state, startMs, endMs, worker, poolThread, core, segment, branch, holdsWorker, wasted);
                b.span(requestId, state, startMs, endMs, worker, poolThread, core, segment, branch, holdsWorker, wasted);
            }

            @Override
            public void gaveUp(int requestId, double timeMs, boolean cancels, boolean now) {
                a.gaveUp(requestId, timeMs, cancels, now);
                b.gaveUp(requestId, timeMs, cancels, now);
            }

            @Override
            public void request(RequestRecord request) {
                a.request(request);
                b.request(request);
            }

            @Override
            public void completed(int id, int type, double arrivalMs, double startMs, double finishMs,
                                  double computeMs, double waitMs, OptionalInt worker) {
                a.completed(id, type, arrivalMs, startMs, finishMs, computeMs, waitMs, worker);
                b.completed(id, type, arrivalMs, startMs, finishMs, computeMs, waitMs, worker);
            }

            @Override
            public boolean wantsSpans() {
                return a.wantsSpans() || b.wantsSpans();
            }

            @Override
            public void waits(int requestId, double timeMs, WaitCause cause, int subject, int count,
                              int[] holders, int holderCount) {
                a.waits(requestId, timeMs, cause, subject, count, holders, holderCount);
                b.waits(requestId, timeMs, cause, subject, count, holders, holderCount);
            }

            @Override
            public void resumes(int requestId, double timeMs, WaitCause cause, int by) {
                a.resumes(requestId, timeMs, cause, by);
                b.resumes(requestId, timeMs, cause, by);
            }

            @Override
            public void idle(int worker, double timeMs) {
                a.idle(worker, timeMs);
                b.idle(worker, timeMs);
            }

            @Override
            public boolean wantsCauses() {
                return a.wantsCauses() || b.wantsCauses();
            }

            @Override
            public void task(TaskRecord task) {
                a.task(task);
                b.task(task);
            }

            @Override
            public void item(ItemRecord item) {
                a.item(item);
                b.item(item);
            }

            @Override
            public void queueChanged(int queue, double timeMs, int length) {
                a.queueChanged(queue, timeMs, length);
                b.queueChanged(queue, timeMs, length);
            }

            @Override
            public void takes(int taskId, int itemId, double timeMs, double queuedMs) {
                a.takes(taskId, itemId, timeMs, queuedMs);
                b.takes(taskId, itemId, timeMs, queuedMs);
            }
        };
    }
}
