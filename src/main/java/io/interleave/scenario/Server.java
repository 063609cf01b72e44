package io.interleave.scenario;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * The server under study.
 *
 * @param policy sync threads or event loops
 * @param workers threads in the pool (sync) or event loops, one per process
 * @param cores CPU cores shared by every worker
 * @param timeSliceMs round-robin quantum when more workers want a core than there are cores; 0 = none
 * @param queueLimit requests allowed to wait for a thread (sync) or to wait to start on a loop; empty = unlimited
 * @param maxConcurrency event loop only: requests in flight on one loop; empty = unlimited
 * @param poolThreads event loop + thread pool only: threads that run offloaded segments (default 40, as Starlette's)
 * @param processes sync only: worker processes (gunicorn's {@code -w}), each of {@code workers} threads, all taking
 *                  requests from one accept queue; under an event loop each loop is its own process, so this is
 *                  kept but unused (default 1)
 * @param gil whether each process has a global interpreter lock (CPython), so that at most one of its threads
 *            computes at a time; false for free-threaded Python (3.13t) and the default, so files without it keep
 *            their exact times
 * @param switchIntervalMs with a GIL: how long a computing thread keeps it while others wait for it
 *                         ({@code sys.setswitchinterval}, default 5 ms)
 */
public record Server(Policy policy,
                     @Format(orElse = "1") @Bounds(min = 1, max = Limits.MAX_WORKERS) int workers,
                     @Format(orElse = "1") @Bounds(min = 1, max = Limits.MAX_CORES) int cores,
                     @Format(orElse = "" + Server.DEFAULT_TIME_SLICE_MS) double timeSliceMs,
                     @Format(nullIsNone = true) @Bounds(min = 0, max = Limits.MAX_REQUESTS) OptionalInt queueLimit,
                     @Format(nullIsNone = true) @Bounds(min = 1, max = Limits.MAX_REQUESTS) OptionalInt maxConcurrency,
                     @Format(orElse = "" + Server.DEFAULT_POOL_THREADS, omitIfLeftOut = true) @Bounds(min = 1, max = Limits.MAX_WORKERS) int poolThreads,
                     @Format(orElse = "1", omitIfLeftOut = true) @Bounds(min = 1, max = Limits.MAX_WORKERS) int processes,
                     @Format(orElse = "false", omitIfLeftOut = true) boolean gil,
                     @Format(orElse = "" + Server.DEFAULT_SWITCH_INTERVAL_MS, omitIfLeftOut = true) double switchIntervalMs) {
    public static final double DEFAULT_TIME_SLICE_MS = 5;
    /** Starlette's thread pool for plain {@code def} endpoints and {@code run_in_threadpool}. */
    public static final int DEFAULT_POOL_THREADS = 40;
    /** CPython's {@code sys.getswitchinterval()}: 0.005 s. */
    public static final double DEFAULT_SWITCH_INTERVAL_MS = 5;

    public Server {
        Objects.requireNonNull(policy, "policy");
        Checks.inRange("workers", workers, 1, Limits.MAX_WORKERS);
        Checks.inRange("cores", cores, 1, Limits.MAX_CORES);
        Checks.timeSlice("timeSliceMs", timeSliceMs);
        queueLimit.ifPresent(q -> Checks.inRange("queueLimit", q, 0, Limits.MAX_REQUESTS));
        maxConcurrency.ifPresent(m -> Checks.inRange("maxConcurrency", m, 1, Limits.MAX_REQUESTS));
        Checks.inRange("poolThreads", poolThreads, 1, Limits.MAX_WORKERS);
        Checks.inRange("processes", processes, 1, Limits.MAX_WORKERS);
        Checks.switchInterval("switchIntervalMs", switchIntervalMs);
        if ((long) processes * workers > Limits.MAX_WORKERS) {
            throw new IllegalArgumentException("processes: " + processes + " processes of " + workers
                    + " threads are more than " + Limits.MAX_WORKERS + " threads");
        }
        if (policy == Policy.EVENT_LOOP_POOL && gil && (long) workers * poolThreads > Limits.MAX_WORKERS) {
            throw new IllegalArgumentException("poolThreads: with a GIL each of the " + workers + " loops has its own pool of "
                    + poolThreads + " threads, more than " + Limits.MAX_WORKERS + " threads in all");
        }
    }

    /** A server of one process without a GIL (as every server before processes and the GIL). */
    public Server(Policy policy, int workers, int cores, double timeSliceMs, OptionalInt queueLimit,
                  OptionalInt maxConcurrency, int poolThreads) {
        this(policy, workers, cores, timeSliceMs, queueLimit, maxConcurrency, poolThreads, 1, false, DEFAULT_SWITCH_INTERVAL_MS);
    }

    /** A server with the default thread pool ({@value #DEFAULT_POOL_THREADS} threads). */
    public Server(Policy policy, int workers, int cores, double timeSliceMs, OptionalInt queueLimit,
                  OptionalInt maxConcurrency) {
        this(policy, workers, cores, timeSliceMs, queueLimit, maxConcurrency, DEFAULT_POOL_THREADS);
    }

    public static Server of(Policy policy, int workers, int cores) {
        return new Server(policy, workers, cores, DEFAULT_TIME_SLICE_MS, OptionalInt.empty(), OptionalInt.empty());
    }

    public Server withPolicy(Policy p) {
        return new Server(p, workers, cores, timeSliceMs, queueLimit, maxConcurrency, poolThreads, processes, gil, switchIntervalMs);
    }

    public Server withWorkers(int w) {
        return new Server(policy, w, cores, timeSliceMs, queueLimit, maxConcurrency, poolThreads, processes, gil, switchIntervalMs);
    }

    public Server withCores(int c) {
        return new Server(policy, workers, c, timeSliceMs, queueLimit, maxConcurrency, poolThreads, processes, gil, switchIntervalMs);
    }

    public Server withTimeSliceMs(double slice) {
        return new Server(policy, workers, cores, slice, queueLimit, maxConcurrency, poolThreads, processes, gil, switchIntervalMs);
    }

    public Server withQueueLimit(OptionalInt limit) {
        return new Server(policy, workers, cores, timeSliceMs, limit, maxConcurrency, poolThreads, processes, gil, switchIntervalMs);
    }

    public Server withMaxConcurrency(OptionalInt max) {
        return new Server(policy, workers, cores, timeSliceMs, queueLimit, max, poolThreads, processes, gil, switchIntervalMs);
    }

    public Server withPoolThreads(int threads) {
        return new Server(policy, workers, cores, timeSliceMs, queueLimit, maxConcurrency, threads, processes, gil, switchIntervalMs);
    }

    public Server withProcesses(int p) {
        return new Server(policy, workers, cores, timeSliceMs, queueLimit, maxConcurrency, poolThreads, p, gil, switchIntervalMs);
    }

    public Server withGil(boolean g) {
        return new Server(policy, workers, cores, timeSliceMs, queueLimit, maxConcurrency, poolThreads, processes, g, switchIntervalMs);
    }

    public Server withSwitchIntervalMs(double interval) {
        return new Server(policy, workers, cores, timeSliceMs, queueLimit, maxConcurrency, poolThreads, processes, gil, interval);
    }

    /**
     * How many worker processes the server runs: {@code processes} under sync; under an event loop each loop is
     * its own process, so {@code workers} (and {@code processes} is kept but unused).
     */
    public int processCount() {
        return policy == Policy.SYNC ? processes : workers;
    }

    /**
     * Threads (sync: {@code processes x workers}) or event loops (one per process) in all: the worker lanes of a
     * trace, numbered 0 to this - 1 (a span's worker index).
     */
    public int workerCount() {
        return policy == Policy.SYNC ? processes * workers : workers;
    }

    /**
     * The process (0-based) that worker {@code worker} (a span's global worker index) belongs to: under sync,
     * thread {@code worker} is thread {@code worker % workers} of process {@code worker / workers}; under an
     * event loop, loop {@code worker} is process {@code worker}.
     *
     * @throws IllegalArgumentException if there is no such worker
     */
    public int processOf(int worker) {
        if (worker < 0 || worker >= workerCount()) {
            throw new IllegalArgumentException("worker " + worker + " is not one of the " + workerCount() + " workers");
        }
        return policy == Policy.SYNC ? worker / workers : worker;
    }

    /**
     * Whether each process has its own offload pool of {@code poolThreads} threads ({@code event-loop+pool} with a
     * GIL, as the processes do); without a GIL the loops share one pool of {@code poolThreads} threads, as
     * before processes existed, so every file without a GIL keeps its exact times and pool thread numbers.
     */
    public boolean poolPerProcess() {
        return policy == Policy.EVENT_LOOP_POOL && gil;
    }

    /** Pool threads in all (a span's pool thread index is below this): 0 without a pool. */
    public int poolThreadCount() {
        if (policy != Policy.EVENT_LOOP_POOL) {
            return 0;
        }
        return poolPerProcess() ? workers * poolThreads : poolThreads;
    }

    /**
     * The process whose pool thread {@code poolThread} (a span's pool thread index) is: with a pool per process,
     * pool thread {@code poolThread % poolThreads} of process {@code poolThread / poolThreads}; -1 when the pool
     * is shared by every loop (no GIL).
     *
     * @throws IllegalArgumentException if there is no such pool thread
     */
    public int processOfPoolThread(int poolThread) {
        if (poolThread < 0 || poolThread >= poolThreadCount()) {
            throw new IllegalArgumentException("pool thread " + poolThread + " is not one of the " + poolThreadCount()
                    + " pool threads");
        }
        return poolPerProcess() ? poolThread / poolThreads : -1;
    }
}
