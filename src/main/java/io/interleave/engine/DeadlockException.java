package io.interleave.engine;

import io.interleave.trace.Trace;
import java.util.Optional;

/**
 * A program of tasks can never finish: every task that has not finished
 * waits (on a queue, or for a thread another stuck task holds) and nothing
 * is scheduled. It is bad input, not a fault: the message names the instant,
 * the stuck tasks and their queues, and whoever started the run reports it
 * as such (the command line with exit 2 and nothing written; the window
 * shows the run up to that instant with the message).
 */
public final class DeadlockException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final double atMs;
    private final transient Trace trace;

    DeadlockException(String message, double atMs) {
        this(message, atMs, null);
    }

    private DeadlockException(String message, double atMs, Trace trace) {
        super(message, null, false, false);
        this.atMs = atMs;
        this.trace = trace;
    }

    /** The same deadlock, with the run's trace up to it. */
    DeadlockException withTrace(Trace partial) {
        return new DeadlockException(getMessage(), atMs, partial);
    }

    /** When every task got stuck. */
    public double atMs() {
        return atMs;
    }

    /** The run up to the deadlock (its spans end at {@link #atMs()}), when the run kept one. */
    public Optional<Trace> trace() {
        return Optional.ofNullable(trace);
    }
}
