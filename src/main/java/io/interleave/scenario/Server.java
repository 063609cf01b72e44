package io.interleave.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
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
 */
public record Server(Policy policy,
                     @JsonProperty(defaultValue = "1") @Bounds(min = 1, max = Limits.MAX_WORKERS) int workers,
                     @JsonProperty(defaultValue = "1") @Bounds(min = 1, max = Limits.MAX_CORES) int cores,
                     @JsonProperty(defaultValue = "" + Server.DEFAULT_TIME_SLICE_MS) double timeSliceMs,
                     @JsonSetter(nulls = Nulls.AS_EMPTY) @Bounds(min = 0, max = Limits.MAX_REQUESTS) OptionalInt queueLimit,
                     @JsonSetter(nulls = Nulls.AS_EMPTY) @Bounds(min = 1, max = Limits.MAX_REQUESTS) OptionalInt maxConcurrency) {
    public static final double DEFAULT_TIME_SLICE_MS = 5;

    public Server {
        Objects.requireNonNull(policy, "policy");
        Checks.inRange("workers", workers, 1, Limits.MAX_WORKERS);
        Checks.inRange("cores", cores, 1, Limits.MAX_CORES);
        Checks.finiteAtLeastZero("timeSliceMs", timeSliceMs);
        if (timeSliceMs > Limits.MAX_MS) {
            throw new IllegalArgumentException("timeSliceMs: must be <= " + Checks.format(Limits.MAX_MS));
        }
        queueLimit.ifPresent(q -> Checks.inRange("queueLimit", q, 0, Limits.MAX_REQUESTS));
        maxConcurrency.ifPresent(m -> Checks.inRange("maxConcurrency", m, 1, Limits.MAX_REQUESTS));
    }

    public static Server of(Policy policy, int workers, int cores) {
        return new Server(policy, workers, cores, DEFAULT_TIME_SLICE_MS, OptionalInt.empty(), OptionalInt.empty());
    }

    public Server withPolicy(Policy p) {
        return new Server(p, workers, cores, timeSliceMs, queueLimit, maxConcurrency);
    }

    public Server withWorkers(int w) {
        return new Server(policy, w, cores, timeSliceMs, queueLimit, maxConcurrency);
    }

    public Server withCores(int c) {
        return new Server(policy, workers, c, timeSliceMs, queueLimit, maxConcurrency);
    }

    public Server withTimeSliceMs(double slice) {
        return new Server(policy, workers, cores, slice, queueLimit, maxConcurrency);
    }

    public Server withQueueLimit(OptionalInt limit) {
        return new Server(policy, workers, cores, timeSliceMs, limit, maxConcurrency);
    }

    public Server withMaxConcurrency(OptionalInt max) {
        return new Server(policy, workers, cores, timeSliceMs, queueLimit, max);
    }
}
