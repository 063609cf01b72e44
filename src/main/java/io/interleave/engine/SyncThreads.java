package io.interleave.engine;

import io.interleave.scenario.SegmentKind;
import io.interleave.scenario.Server;
import io.interleave.trace.WaitCause;
import java.util.ArrayDeque;

/**
 * A thread per request (SPEC 2, {@code sync}): a pool of threads fed by one
 * FIFO accept queue. A thread is held for the whole request, through every
 * wait; {@code queueLimit} counts requests waiting for a thread.
 */
final class SyncThreads implements Scheduling {
    private final ServerModel model;
    private final int queueLimit;
    private final ServerModel.IndexSet idleThreads;
    private final ArrayDeque<ServerModel.Req> acceptQueue = new ArrayDeque<>();

    SyncThreads(Server server, ServerModel model) {
        this.model = model;
        this.queueLimit = server.queueLimit().orElse(Integer.MAX_VALUE);
        this.idleThreads = ServerModel.IndexSet.full(server.workerCount()); // every thread of every process
    }

    @Override
    public boolean admit(ServerModel.Req r) {
        int thread = idleThreads.lowest();
        if (thread >= 0) {
            model.accept(r);
            idleThreads.remove(thread);
            ServerModel.Worker w = model.worker(thread);
            model.start(w, r);
            model.drive(w);
            return true;
        }
        if (acceptQueue.size() >= queueLimit) {
            if (model.recordsCauses()) {
                model.rejectedFull(r, queueLimit);
            }
            model.reject(r);
            return false;
        }
        model.accept(r);
        if (model.recordsCauses()) {
            if (acceptQueue.isEmpty()) {
                model.waitsForThread(r);
            } else {
                model.waitsQueued(r, acceptQueue.peekLast().id, acceptQueue.size());
            }
        }
        acceptQueue.add(r);
        return true;
    }

    /**
     * A background task ({@code executor.submit}) takes the lowest idle thread,
     * or the back of the accept queue, FIFO with the requests (the server's
     * threads are the pool the handler submits to). The accept queue's limit
     * turns away requests, never a task: a task in the queue does count
     * towards it for the requests that arrive after it.
     */
    @Override
    public void spawn(ServerModel.Worker w, ServerModel.Req task) {
        int thread = idleThreads.lowest();
        if (thread >= 0) {
            idleThreads.remove(thread);
            ServerModel.Worker t = model.worker(thread);
            model.start(t, task);
            model.drive(t);
            return;
        }
        if (model.recordsCauses()) {
            if (acceptQueue.isEmpty()) {
                model.waitsForThread(task);
            } else {
                model.waitsQueued(task, acceptQueue.peekLast().id, acceptQueue.size());
            }
        }
        acceptQueue.add(task);
    }

    /** The next request from the accept queue: the thread keeps any core it holds (it never left the CPU). */
    @Override
    public ServerModel.Req next(ServerModel.Worker w) {
        return acceptQueue.poll();
    }

    @Override
    public WaitCause workerCause() {
        return WaitCause.THREAD;
    }

    @Override
    public boolean releasesWorker(SegmentKind kind) {
        return false; // a thread waits in place, holding itself
    }

    @Override
    public void resume(ServerModel.Worker w, ServerModel.Req r) {
        throw new IllegalStateException("a sync thread never lets go of a request mid-way (R" + r.id + ")");
    }

    @Override
    public void idle(ServerModel.Worker w) {
        idleThreads.add(w.index);
    }

    @Override
    public void finished(ServerModel.Worker w, ServerModel.Req r) {
        // the thread takes up the next request in next()
    }
}
