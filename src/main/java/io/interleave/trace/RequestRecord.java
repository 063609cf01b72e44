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
 */
public record RequestRecord(int id, int type, double arrivalMs, double startMs, double finishMs, Status status,
                            double computeMs, double waitMs, OptionalInt worker) {
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

    /**
     * The response time this request would have had alone on the server: the
     * sum of its own segments, since with nothing else running it never
     * waits for a thread, a core, its loop or a resource slot.
     */
    public double aloneMs() {
        return computeMs + waitMs;
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
