package io.interleave.trace;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * What happened to one request.
 *
 * @param id 1-based, in arrival order
 * @param type index into the scenario's request types
 * @param arrivalMs when it arrived
 * @param startMs when it first held a thread (sync) or first ran on its loop; the arrival time if rejected
 * @param finishMs when its response was sent; the arrival time if rejected; if its client gave up, when the
 *                 server was done with it (its handler ended, or its cancellation took effect)
 * @param status completed (within its timeout, if its type has one), rejected, timed out or cancelled
 * @param computeMs sampled total of its compute segments
 * @param waitMs sampled total of its wait and block segments
 * @param worker the thread or loop that served it; empty if rejected
 * @param aloneMs the response time it would have had alone on the server under the policy of the run:
 *                the sum of its segments, except that under the event loop a gather counts as its
 *                longest branch (its branches' waits overlap); on a sync thread a gather counts as
 *                the sum of its branches (they run one after another)
 * @param wastedCpuMs core time spent on it after its client gave up (0 unless it timed out)
 */
public record RequestRecord(int id, int type, double arrivalMs, double startMs, double finishMs, Status status,
                            double computeMs, double waitMs, OptionalInt worker, double aloneMs, double wastedCpuMs) {
    /** A request whose client did not give up: no wasted CPU. */
    public RequestRecord(int id, int type, double arrivalMs, double startMs, double finishMs, Status status,
                         double computeMs, double waitMs, OptionalInt worker, double aloneMs) {
        this(id, type, arrivalMs, startMs, finishMs, status, computeMs, waitMs, worker, aloneMs, 0);
    }

    /** A request without a gather: alone, it takes the sum of its segments. */
    public RequestRecord(int id, int type, double arrivalMs, double startMs, double finishMs, Status status,
                         double computeMs, double waitMs, OptionalInt worker) {
        this(id, type, arrivalMs, startMs, finishMs, status, computeMs, waitMs, worker, computeMs + waitMs);
    }

    public RequestRecord {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(worker, "worker");
        if (!(startMs >= arrivalMs && finishMs >= startMs)) {
            throw new IllegalArgumentException("R" + id + ": times out of order: arrival " + arrivalMs + ", start " + startMs + ", finish " + finishMs);
        }
        if (!(wastedCpuMs >= 0) || (wastedCpuMs > 0 && !status.timedOut())) {
            throw new IllegalArgumentException("R" + id + ": wasted CPU must be >= 0, and only for a request that timed out, was " + wastedCpuMs);
        }
    }

    public double responseMs() {
        return finishMs - arrivalMs;
    }

    public double queueMs() {
        return startMs - arrivalMs;
    }

    /** Response time over time alone (1 = as fast as alone); NaN for rejected requests or a zero-length request. */
    public double slowdown() {
        double alone = aloneMs();
        return completed() && alone > 0 ? responseMs() / alone : Double.NaN;
    }

    /** Whether the server sent its response in time (within its timeout, if its type has one). */
    public boolean completed() {
        return status == Status.COMPLETED;
    }

    /** Whether it was turned away at arrival (every other request was taken up by the server). */
    public boolean rejected() {
        return status == Status.REJECTED;
    }

    /** Whether its client gave up on it ({@link Status#TIMED_OUT} or {@link Status#CANCELLED}). */
    public boolean timedOut() {
        return status.timedOut();
    }

    /** "R7": the label people see. */
    public String label() {
        return "R" + id;
    }
}
