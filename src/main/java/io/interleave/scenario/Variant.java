package io.interleave.scenario;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One server configuration to compare: a label and the server fields it
 * overrides; every field it leaves out is the scenario's own. "4 threads"
 * is {@code policy sync, workers 4}; "one event loop" is {@code policy
 * event-loop, workers 1}. All variants of a comparison run the same sampled
 * requests (common random numbers), so their differences are the server's.
 *
 * <p>{@code queueLimit} and {@code maxConcurrency} may be overridden with
 * "unlimited": an empty outer optional means "as the scenario", a present
 * but empty inner one means "none".
 *
 * <p>{@code poolThreads} matters only where the variant's policy has a
 * pool ({@link Policy#hasPool()}); like the server's own, it is kept but
 * unused under another policy.
 *
 * @param label what the class sees above this variant's rows, e.g. "4 threads"
 */
@Format(omitIfLeftOut = true)
public record Variant(String label, Optional<Policy> policy,
                      @Bounds(min = 1, max = Limits.MAX_WORKERS) OptionalInt workers,
                      @Bounds(min = 1, max = Limits.MAX_CORES) OptionalInt cores,
                      OptionalDouble timeSliceMs,
                      @Bounds(min = 0, max = Limits.MAX_REQUESTS) Optional<OptionalInt> queueLimit,
                      @Bounds(min = 1, max = Limits.MAX_REQUESTS) Optional<OptionalInt> maxConcurrency,
                      @Bounds(min = 1, max = Limits.MAX_WORKERS) OptionalInt poolThreads,
                      @Bounds(min = 1, max = Limits.MAX_WORKERS) OptionalInt processes,
                      Optional<Boolean> gil,
                      OptionalDouble switchIntervalMs) {
    /** The longest label: it has to fit above a section of the timeline and in a table column. */
    public static final int MAX_LABEL_LENGTH = 40;
    /** A comparison has at least this many variants... */
    public static final int MIN_VARIANTS = 2;
    /** ...and at most this many (four sections still fit a projector). */
    public static final int MAX_VARIANTS = 4;

    public Variant {
        Checks.name("label", label);
        int characters = label.codePointCount(0, label.length());
        if (characters > MAX_LABEL_LENGTH) {
            throw new IllegalArgumentException("label: at most " + MAX_LABEL_LENGTH + " characters, was " + characters);
        }
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(workers, "workers");
        Objects.requireNonNull(cores, "cores");
        Objects.requireNonNull(timeSliceMs, "timeSliceMs");
        Objects.requireNonNull(queueLimit, "queueLimit");
        Objects.requireNonNull(maxConcurrency, "maxConcurrency");
        Objects.requireNonNull(poolThreads, "poolThreads");
        workers.ifPresent(w -> Checks.inRange("workers", w, 1, Limits.MAX_WORKERS));
        cores.ifPresent(c -> Checks.inRange("cores", c, 1, Limits.MAX_CORES));
        timeSliceMs.ifPresent(t -> Checks.timeSlice("timeSliceMs", t));
        queueLimit.ifPresent(q -> q.ifPresent(v -> Checks.inRange("queueLimit", v, 0, Limits.MAX_REQUESTS)));
        maxConcurrency.ifPresent(m -> m.ifPresent(v -> Checks.inRange("maxConcurrency", v, 1, Limits.MAX_REQUESTS)));
        poolThreads.ifPresent(p -> Checks.inRange("poolThreads", p, 1, Limits.MAX_WORKERS));
        Objects.requireNonNull(processes, "processes");
        Objects.requireNonNull(gil, "gil");
        Objects.requireNonNull(switchIntervalMs, "switchIntervalMs");
        processes.ifPresent(p -> Checks.inRange("processes", p, 1, Limits.MAX_WORKERS));
        switchIntervalMs.ifPresent(i -> Checks.switchInterval("switchIntervalMs", i));
    }

    /** A variant without processes, GIL and switch interval (written before variants could set them). */
    public Variant(String label, Optional<Policy> policy, OptionalInt workers, OptionalInt cores, OptionalDouble timeSliceMs,
                   Optional<OptionalInt> queueLimit, Optional<OptionalInt> maxConcurrency, OptionalInt poolThreads) {
        this(label, policy, workers, cores, timeSliceMs, queueLimit, maxConcurrency, poolThreads,
                OptionalInt.empty(), Optional.empty(), OptionalDouble.empty());
    }

    /** A variant without {@code poolThreads} (written before variants could set it). */
    public Variant(String label, Optional<Policy> policy, OptionalInt workers, OptionalInt cores, OptionalDouble timeSliceMs,
                   Optional<OptionalInt> queueLimit, Optional<OptionalInt> maxConcurrency) {
        this(label, policy, workers, cores, timeSliceMs, queueLimit, maxConcurrency, OptionalInt.empty());
    }

    /** A variant that changes only the policy. */
    public static Variant of(String label, Policy policy) {
        return new Variant(label, Optional.of(policy), OptionalInt.empty(), OptionalInt.empty(),
                OptionalDouble.empty(), Optional.empty(), Optional.empty());
    }

    /** A variant that sets the policy and the number of threads or loops. */
    public static Variant of(String label, Policy policy, int workers) {
        return of(label, policy).withWorkers(OptionalInt.of(workers));
    }

    /**
     * What a scenario without variants compares: sync against the event loop,
     * each with the scenario's own settings, labelled by the policy's name.
     */
    public static List<Variant> defaults() {
        return List.of(of(Policy.SYNC.displayName(), Policy.SYNC), of(Policy.EVENT_LOOP.displayName(), Policy.EVENT_LOOP));
    }

    /** The scenario's server with this variant's overrides. */
    public Server apply(Server base) {
        return new Server(policy.orElse(base.policy()), workers.orElse(base.workers()), cores.orElse(base.cores()),
                timeSliceMs.orElse(base.timeSliceMs()), queueLimit.orElse(base.queueLimit()),
                maxConcurrency.orElse(base.maxConcurrency()), poolThreads.orElse(base.poolThreads()),
                processes.orElse(base.processes()), gil.orElse(base.gil()), switchIntervalMs.orElse(base.switchIntervalMs()));
    }

    public Variant withLabel(String l) {
        return new Variant(l, policy, workers, cores, timeSliceMs, queueLimit, maxConcurrency, poolThreads, processes, gil, switchIntervalMs);
    }

    public Variant withPolicy(Optional<Policy> p) {
        return new Variant(label, p, workers, cores, timeSliceMs, queueLimit, maxConcurrency, poolThreads, processes, gil, switchIntervalMs);
    }

    public Variant withWorkers(OptionalInt w) {
        return new Variant(label, policy, w, cores, timeSliceMs, queueLimit, maxConcurrency, poolThreads, processes, gil, switchIntervalMs);
    }

    public Variant withCores(OptionalInt c) {
        return new Variant(label, policy, workers, c, timeSliceMs, queueLimit, maxConcurrency, poolThreads, processes, gil, switchIntervalMs);
    }

    public Variant withTimeSliceMs(OptionalDouble t) {
        return new Variant(label, policy, workers, cores, t, queueLimit, maxConcurrency, poolThreads, processes, gil, switchIntervalMs);
    }

    public Variant withQueueLimit(Optional<OptionalInt> q) {
        return new Variant(label, policy, workers, cores, timeSliceMs, q, maxConcurrency, poolThreads, processes, gil, switchIntervalMs);
    }

    public Variant withMaxConcurrency(Optional<OptionalInt> m) {
        return new Variant(label, policy, workers, cores, timeSliceMs, queueLimit, m, poolThreads, processes, gil, switchIntervalMs);
    }

    public Variant withProcesses(OptionalInt p) {
        return new Variant(label, policy, workers, cores, timeSliceMs, queueLimit, maxConcurrency, poolThreads, p, gil, switchIntervalMs);
    }

    public Variant withGil(Optional<Boolean> g) {
        return new Variant(label, policy, workers, cores, timeSliceMs, queueLimit, maxConcurrency, poolThreads, processes, g, switchIntervalMs);
    }

    public Variant withSwitchIntervalMs(OptionalDouble i) {
        return new Variant(label, policy, workers, cores, timeSliceMs, queueLimit, maxConcurrency, poolThreads, processes, gil, i);
    }

    public Variant withPoolThreads(OptionalInt p) {
        return new Variant(label, policy, workers, cores, timeSliceMs, queueLimit, maxConcurrency, p, processes, gil, switchIntervalMs);
    }
}
