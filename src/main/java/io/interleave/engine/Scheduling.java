package io.interleave.engine;

import io.interleave.scenario.SegmentKind;
import io.interleave.scenario.Server;
import io.interleave.trace.WaitCause;

/**
 * What one scheduling policy decides, and nothing else: how an arriving
 * request is admitted, which work a worker takes up next, whether a segment
 * kind lets go of the worker while it waits, and what a finished request
 * frees. The {@link ServerModel} keeps the CPU, cores, time slices, resource
 * pools and spans, and calls back here at each of those points. A new
 * policy is one more implementation and one more case in {@link #of}.
 */
interface Scheduling {

    /** The scheduling of {@code server}'s policy, driving {@code model}. */
    static Scheduling of(Server server, ServerModel model) {
        return switch (server.policy()) {
            case SYNC -> new SyncThreads(server, model);
            case EVENT_LOOP -> new EventLoop(server, model);
            case EVENT_LOOP_POOL -> new EventLoopWithPool(server, model);
        };
    }

    /**
     * Threads in the pool that runs offloaded segments; 0 (the default) means
     * the policy has no pool and runs a segment marked {@code offload} in
     * place, as if it were not marked.
     */
    default int poolThreads() {
        return 0;
    }

    /**
     * A request arrives now (its queued span is open): accept it
     * ({@link ServerModel#accept}) and start it on a worker or queue it, or
     * turn it away ({@link ServerModel#reject}).
     *
     * @return false if it was rejected
     */
    boolean admit(ServerModel.Req r);

    /**
     * The request worker {@code w}, which has none, takes up next: a new one
     * (the model starts it) or a continuation; null if there is none, and the
     * worker goes idle.
     */
    ServerModel.Req next(ServerModel.Worker w);

    /** What a request waits for when it waits for a worker of this policy: a thread, or its loop. */
    WaitCause workerCause();

    /** Whether a segment of this kind lets go of the worker while it waits (an await on a loop does). */
    boolean releasesWorker(SegmentKind kind);

    /**
     * A request whose releasing wait just ended (its ready span is open)
     * queues to go on on worker {@code w}; the model drives {@code w} if it is idle.
     */
    void resume(ServerModel.Worker w, ServerModel.Req r);

    /**
     * A branch of a gather that waits for its siblings ahead of it to reach
     * their first await (branches start eagerly, in branch order) queues at
     * the front of {@code w}'s work, ahead of anything already ready. Only a
     * policy whose waits let go of the worker forks branches; by default the
     * branch just queues as {@link #resume} would.
     */
    default void resumeFirst(ServerModel.Worker w, ServerModel.Req r) {
        resume(w, r);
    }

    /**
     * A request started background task {@code task} (a spawn). Under a policy whose
     * waits let go of the worker, {@code w} is the request's loop and the task joins
     * the back of its ready queue, as a continuation would (the default). A policy
     * of threads gives it an idle thread or queues it FIFO with the requests waiting
     * for one ({@code w} is then null); it is never rejected and does not count as a
     * request.
     */
    default void spawn(ServerModel.Worker w, ServerModel.Req task) {
        resume(w, task);
    }

    /** What {@link #withdraw} found. */
    enum Withdrawn {
        /** It was in none of the policy's queues. */
        NOT_QUEUED,
        /** It was ready (admitted, counted in flight on its worker): {@link #finished} frees its place. */
        READY,
        /** It was waiting to be admitted (beyond a limit): nothing else to free. */
        NOT_ADMITTED
    }

    /**
     * Takes request or branch {@code r}, whose task is cancelled, out of
     * worker {@code w}'s queues (ready callbacks, requests waiting to start
     * or to be admitted). Only a policy that can cancel (its waits let go of
     * the worker) is asked.
     */
    default Withdrawn withdraw(ServerModel.Worker w, ServerModel.Req r) {
        return Withdrawn.NOT_QUEUED;
    }

    /** Worker {@code w} has no work left. */
    void idle(ServerModel.Worker w);

    /** Request {@code r} finished on worker {@code w}, which is no longer running it. */
    void finished(ServerModel.Worker w, ServerModel.Req r);
}
