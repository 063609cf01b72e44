package io.interleave.engine;

import io.interleave.scenario.SegmentKind;
import io.interleave.scenario.Server;
import io.interleave.trace.WaitCause;

/**
 * Event loops with a thread pool for blocking calls (SPEC 2,
 * {@code event-loop+pool}; {@code asyncio.to_thread}, {@code run_in_executor},
 * FastAPI's plain {@code def} endpoints). The loops behave exactly as
 * {@link EventLoop}; what differs is that a segment marked {@code offload}
 * runs on one of {@code poolThreads} pool threads while its loop goes on with
 * other callbacks. The pool itself (threads, a FIFO queue when all are busy,
 * cores for offloaded compute) is run by the {@link ServerModel}; when the
 * offloaded call ends, its continuation joins the back of its loop's ready
 * queue, as after an await.
 */
final class EventLoopWithPool implements Scheduling {
    private final EventLoop loops;
    private final int poolThreads;

    EventLoopWithPool(Server server, ServerModel model) {
        this.loops = new EventLoop(server, model);
        this.poolThreads = server.poolThreads();
    }

    @Override
    public int poolThreads() {
        return poolThreads;
    }

    @Override
    public boolean admit(ServerModel.Req r) {
        return loops.admit(r);
    }

    @Override
    public ServerModel.Req next(ServerModel.Worker w) {
        return loops.next(w);
    }

    @Override
    public WaitCause workerCause() {
        return loops.workerCause();
    }

    @Override
    public boolean releasesWorker(SegmentKind kind) {
        return loops.releasesWorker(kind);
    }

    @Override
    public void resume(ServerModel.Worker w, ServerModel.Req r) {
        loops.resume(w, r);
    }

    @Override
    public void spawn(ServerModel.Worker w, ServerModel.Req task) {
        loops.spawn(w, task);
    }

    @Override
    public void resumeFirst(ServerModel.Worker w, ServerModel.Req r) {
        loops.resumeFirst(w, r);
    }

    @Override
    public Withdrawn withdraw(ServerModel.Worker w, ServerModel.Req r) {
        return loops.withdraw(w, r);
    }

    @Override
    public void idle(ServerModel.Worker w) {
        loops.idle(w);
    }

    @Override
    public void finished(ServerModel.Worker w, ServerModel.Req r) {
        loops.finished(w, r);
    }
}
