package io.interleave.scenario;

/** The documented maximums of a scenario; larger values are rejected. */
public final class Limits {
    /** Requests in one run (arrival {@code count}, or explicit arrivals). */
    public static final int MAX_REQUESTS = 100_000_000;
    /** Entries in an explicit arrival list. */
    public static final int MAX_EXPLICIT_ARRIVALS = 1_000_000;
    /** Threads (sync) or event loops. */
    public static final int MAX_WORKERS = 10_000;
    /** CPU cores. */
    public static final int MAX_CORES = 1_024;
    /** Users of a closed workload. */
    public static final int MAX_USERS = 1_000_000;
    /** Request types in one scenario. */
    public static final int MAX_REQUEST_TYPES = 64;
    /** Segments in one request type. */
    public static final int MAX_SEGMENTS = 1_000;
    /** Resources in one scenario. */
    public static final int MAX_RESOURCES = 64;
    /** Any single duration, time or interval in milliseconds (about 11.6 days). */
    public static final double MAX_MS = 1e9;
    /** Arrival rate per second. */
    public static final double MAX_RATE_PER_SEC = 1e7;

    // The clock, and what one run may cost. Simulated time is a double in
    // milliseconds. Below MAX_CLOCK_MS (2^40 ms) a double's step is 2^-13 ms
    // (0.12 µs), so every time keeps CLOCK_RESOLUTION_MS (1 µs) with room to
    // spare and adding a time slice of at least 1 µs always moves the clock.
    // The rate and interval bounds keep the arrivals of the largest run
    // (MAX_REQUESTS) inside that range; the engine stops a run whose clock
    // would pass it, that passes MAX_EVENTS events, or that holds more than
    // MAX_IN_FLIGHT requests at once.

    /** The clock's resolution: 1 µs. The smallest time slice other than 0 (none). */
    public static final double CLOCK_RESOLUTION_MS = 0.001;
    /** The clock's exact range: 2^40 ms, about 34.8 years. No event is scheduled later. */
    public static final double MAX_CLOCK_MS = 0x1p40;
    /**
     * The lowest arrival rate per second: at this rate the expected last of
     * {@link #MAX_REQUESTS} Poisson arrivals comes at 10^9 s (10^12 ms), inside
     * the clock's range.
     */
    public static final double MIN_RATE_PER_SEC = 0.1;
    /** The longest gap of uniform arrivals, 1000 / {@link #MIN_RATE_PER_SEC} ms (10 s). */
    public static final double MAX_INTERVAL_MS = 1000 / MIN_RATE_PER_SEC;
    /** The shortest gap of uniform arrivals other than 0 (all at once), 1000 / {@link #MAX_RATE_PER_SEC} ms (0.1 µs). */
    public static final double MIN_INTERVAL_MS = 1000 / MAX_RATE_PER_SEC;
    /**
     * Requests in flight at once (accepted and not finished): about 140 bytes
     * each, so a run at the limit holds about 140 MB. A server that keeps up
     * never comes near it (M/M/1 at 90 % load peaks at about a hundred);
     * a burst larger than this, or arrivals faster than the server for long
     * enough, stops the run.
     */
    public static final int MAX_IN_FLIGHT = 1_000_000;
    /** Events in one run (arrivals, ends of waits and of compute, time slices): some minutes of work. */
    public static final long MAX_EVENTS = 2_000_000_000L;

    private Limits() {
    }
}
