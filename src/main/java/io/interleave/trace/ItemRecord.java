package io.interleave.trace;

/**
 * One item that went through a queue of a program of tasks.
 *
 * @param id 1-based, in the order the items were made (over every queue)
 * @param queue index into the scenario's queues
 * @param producer the id of the task that put it
 * @param madeMs when its producer came to put it (its production time)
 * @param putMs when it entered the queue (later than {@code madeMs} if the queue was full)
 * @param consumer the id of the task that got it, or 0 if nobody did
 * @param gotMs when its consumer took it off the queue; NaN if nobody did
 * @param doneMs when its consumer finished processing it (came to its next get, or ran its last step); NaN if nobody did
 */
public record ItemRecord(int id, int queue, int producer, double madeMs, double putMs, int consumer, double gotMs, double doneMs) {
    public ItemRecord {
        if (!(putMs >= madeMs) || consumer != 0 && !(gotMs >= putMs && doneMs >= gotMs)) {
            throw new IllegalArgumentException("item " + id + ": times out of order");
        }
    }

    /** Whether a consumer got it. */
    public boolean consumed() {
        return consumer != 0;
    }

    /** From its production to the end of its processing: what the lesson calls item latency; NaN if not consumed. */
    public double latencyMs() {
        return doneMs - madeMs;
    }

    /** How long it sat in the queue; NaN if not consumed. */
    public double queuedMs() {
        return gotMs - putMs;
    }
}
