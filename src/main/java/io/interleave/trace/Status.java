package io.interleave.trace;

/** How a request ended. */
public enum Status {
    COMPLETED("completed"),
    /** Turned away at arrival because the queue was full. */
    REJECTED("rejected"),
    /**
     * Its client gave up (its type's {@code timeoutMs} passed) before the response, and the server
     * went on with it to the end of its handler: the work after the client left was wasted.
     */
    TIMED_OUT("timed-out"),
    /**
     * Its client gave up and the server cancelled its task ({@code cancelOnTimeout} under an event
     * loop): at once if it was queued or awaiting, else at its next await.
     */
    CANCELLED("cancelled");

    private final String csvName;

    Status(String csvName) {
        this.csvName = csvName;
    }

    public String csvName() {
        return csvName;
    }

    /** Whether the client gave up on it (timed out, whether the server ran it to the end or cancelled it). */
    public boolean timedOut() {
        return this == TIMED_OUT || this == CANCELLED;
    }
}
