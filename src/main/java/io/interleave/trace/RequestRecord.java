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
 * @param finishMs when its response was sent; the arrival time if rejected
 * @param status completed or rejected
 * @param computeMs sampled total of its compute segments
 * @param waitMs sampled total of its wait and block segments
 * @param worker the thread or loop that served it; empty if rejected
 * @param aloneMs the response time it would have had alone on the server under the policy of the run:
 *                the sum of its segments, except that under the event loop a gather counts as its
 *                longest branch (its branches' waits overlap); on a sync thread a gather counts as
 *                the sum of its branches (they run one after another)
 */
public record RequestRecord(int id, int type, double arrivalMs, double startMs, double finishMs, Status status,
                            double computeMs, double waitMs, OptionalInt worker, double aloneMs) {
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

    public boolean completed() {
        return status == Status.COMPLETED;
    }

    /** "R7": the label people see. */
    public String label() {
        return "R" + id;
    }
}
