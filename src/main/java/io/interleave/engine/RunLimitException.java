package io.interleave.engine;

import io.interleave.scenario.Limits;
import io.interleave.time.TimeText;

/**
 * A run stopped because it went past one of the documented limits of one
 * run ({@link Limits#MAX_IN_FLIGHT}, {@link Limits#MAX_EVENTS},
 * {@link Limits#MAX_CLOCK_MS}). It is bad input, not a fault: the message
 * names the limit and how to stay under it, and whoever started the run
 * reports it as such (the command line with exit 2, the window as a notice).
 */
public final class RunLimitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private RunLimitException(String message) {
        super(message, null, false, false);
    }

    /** More than {@code limit} requests in flight at {@code nowMs}. */
    static RunLimitException inFlight(int limit, double nowMs) {
        return new RunLimitException("more than " + limit + " requests in flight at " + TimeText.duration(nowMs)
                + " (the most one run holds): the server cannot keep up with the arrivals; lower the rate or the count");
    }

    /** More than {@code budget} events. */
    static RunLimitException events(long budget) {
        return new RunLimitException("this run passed " + budget + " events (the most one run may take); raise the time slice or lower the count");
    }

    /** An event due at {@code timeMs}, past the clock's exact range {@code horizonMs}. */
    static RunLimitException clock(double horizonMs, double timeMs) {
        return new RunLimitException("the simulated clock would pass " + String.format(java.util.Locale.ROOT, "%.0f", horizonMs)
                + " ms (about " + Math.round(horizonMs / 3.15576e10 * 10) / 10.0 + " years), beyond which it cannot keep 1 µs"
                + " (an event was due at " + String.format(java.util.Locale.ROOT, "%.0f", timeMs) + " ms); shorten the durations or lower the count");
    }
}
