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

    private Limits() {
    }
}
