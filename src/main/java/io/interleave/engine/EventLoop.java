package io.interleave.engine;

import io.interleave.scenario.SegmentKind;
import io.interleave.scenario.Server;
import io.interleave.trace.WaitCause;
import java.util.ArrayDeque;

/**
 * Event loops (SPEC 2, {@code event-loop}): one loop per worker process, an
 * arriving request bound round-robin to a loop for good. A loop runs one
 * callback at a time from its FIFO ready queue; an await lets go of the
 * loop, a blocking call does not. {@code maxConcurrency} caps the requests in
 * flight on one loop (beyond it they wait, admitted in order as others
 * finish); {@code queueLimit} counts requests accepted but not yet started,
 * on all loops together.
 */
final class EventLoop implements Scheduling {
    private final ServerModel model;
    private final int queueLimit;
    private final int maxConcurrency;
    private final Loop[] loops;
    private int nextLoop;
    private int notStarted;

    /** One loop's queues. */
    private static final class Loop {
        /** Callbacks ready to run: new requests and continuations, FIFO. */
        final ArrayDeque<ServerModel.Req> ready = new ArrayDeque<>();
        /** Requests beyond maxConcurrency, waiting to be admitted. */
        final ArrayDeque<ServerModel.Req> pending = new ArrayDeque<>();
        int inFlight;
        /** Requests bound to this loop that have not started (they start FIFO), and the last of them to arrive. */
        int notStarted;
        int lastQueuedId;
    }

    EventLoop(Server server, ServerModel model) {
        this.model = model;
        this.queueLimit = server.queueLimit().orElse(Integer.MAX_VALUE);
        this.maxConcurrency = server.maxConcurrency().orElse(Integer.MAX_VALUE);
        this.loops = new Loop[server.workers()];
        for (int i = 0; i < loops.length; i++) {
            loops[i] = new Loop();
        }
    }

    @Override
    public boolean admit(ServerModel.Req r) {
        ServerModel.Worker w = model.worker(nextLoop);
        Loop loop = loops[nextLoop];
        boolean admitted = loop.inFlight < maxConcurrency;
        boolean startsNow = admitted && !w.busy();
        if (!startsNow && notStarted >= queueLimit) {
            if (model.recordsCauses()) {
                model.rejectedFull(r, queueLimit);
            }
            model.reject(r); // a rejected arrival does not use up a round-robin turn
            return false;
        }
        nextLoop = (nextLoop + 1) % loops.length; // bound round-robin, for good
        model.accept(r);
        r.worker = w.index;
        if (!startsNow) {
            if (model.recordsCauses()) {
                if (loop.notStarted > 0) {
                    model.waitsQueued(r, loop.lastQueuedId, loop.notStarted);
                } else {
                    model.waitsForWorker(r, w, admitted ? -1 : maxConcurrency);
                }
            }
            loop.notStarted++;
            loop.lastQueuedId = r.id;
        }
        if (!admitted) {
            notStarted++;
            loop.pending.add(r);
        } else {
            loop.inFlight++;
            if (startsNow) {
                model.start(w, r);
                model.drive(w);
            } else {
                notStarted++;
                loop.ready.add(r);
            }
        }
        return true;
    }

    @Override
    public ServerModel.Req next(ServerModel.Worker w) {
        Loop loop = loops[w.index];
        ServerModel.Req r = loop.ready.poll();
        if (r != null && !r.started) {
            notStarted--;
            loop.notStarted--;
        }
        return r;
    }

    @Override
    public WaitCause workerCause() {
        return WaitCause.LOOP;
    }

    @Override
    public boolean releasesWorker(SegmentKind kind) {
        return kind == SegmentKind.WAIT;
    }

    /** The continuation joins the back of its loop's ready queue. */
    @Override
    public void resume(ServerModel.Worker w, ServerModel.Req r) {
        loops[w.index].ready.add(r);
    }

    /** A gather's later branch goes ahead of everything already ready (it starts eagerly, right after its siblings). */
    @Override
    public void resumeFirst(ServerModel.Worker w, ServerModel.Req r) {
        loops[w.index].ready.addFirst(r);
    }

    /** A cancelled task leaves its loop's ready queue, or the requests waiting to be admitted. */
    @Override
    public Withdrawn withdraw(ServerModel.Worker w, ServerModel.Req r) {
        Loop loop = loops[w.index];
        if (loop.ready.removeFirstOccurrence(r)) {
            if (!r.started) {
                notStarted--;
                loop.notStarted--;
            }
            return Withdrawn.READY;
        }
        if (loop.pending.removeFirstOccurrence(r)) {
            notStarted--;
            loop.notStarted--;
            return Withdrawn.NOT_ADMITTED;
        }
        return Withdrawn.NOT_QUEUED;
    }

    @Override
    public void idle(ServerModel.Worker w) {
        // a loop with nothing ready just waits for its next callback
    }

    /** A slot under maxConcurrency frees: the first pending request joins the ready queue. */
    @Override
    public void finished(ServerModel.Worker w, ServerModel.Req r) {
        Loop loop = loops[w.index];
        loop.inFlight--;
        ServerModel.Req admitted = loop.pending.poll();
        if (admitted != null) {
            loop.inFlight++;
            loop.ready.add(admitted);
            if (model.recordsCauses()) {
                model.resumes(admitted, WaitCause.LOOP_LIMIT, r);
            }
        }
    }
}
