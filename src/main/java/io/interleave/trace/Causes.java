package io.interleave.trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The engine's wait causes of one run, kept compactly in parallel primitive
 * arrays (a trace may hold millions): for each, the instant, the request,
 * the {@link WaitCause}, its subject (a worker, core or resource index, or
 * -1), a count (requests ahead, workers, cores, capacity or limit) and up to
 * {@link #MAX_IDS} ids of the requests that hold what it waits for. Also why
 * each wait ended (what the request got, and who let go of it) and the
 * instants at which each worker went idle. Immutable once built.
 */
public final class Causes {
    /** Holders kept per cause: enough for every sentence the narrator says. */
    public static final int MAX_IDS = 4;
    /** A run with no causes recorded. */
    public static final Causes NONE = new Builder().build();

    private final double[] times;
    private final int[] requests;
    private final byte[] kinds;
    private final int[] subjects;
    private final int[] counts;
    private final int[] ids; // MAX_IDS per cause, 0 = none
    private final int size;
    private final double[] idleTimes;
    private final int[] idleWorkers;
    private final int idleSize;
    private final double[] resumeTimes;
    private final int[] resumeRequests;
    private final byte[] resumeKinds;
    private final int[] resumeBy;
    private final int resumeSize;
    private final List<GaveUp> gaveUp;

    private Causes(Builder b) {
        this.gaveUp = List.copyOf(b.gaveUp);
        this.size = b.size;
        this.times = Arrays.copyOf(b.times, size);
        this.requests = Arrays.copyOf(b.requests, size);
        this.kinds = Arrays.copyOf(b.kinds, size);
        this.subjects = Arrays.copyOf(b.subjects, size);
        this.counts = Arrays.copyOf(b.counts, size);
        this.ids = Arrays.copyOf(b.ids, size * MAX_IDS);
        this.idleSize = b.idleSize;
        this.idleTimes = Arrays.copyOf(b.idleTimes, idleSize);
        this.idleWorkers = Arrays.copyOf(b.idleWorkers, idleSize);
        this.resumeSize = b.resumeSize;
        this.resumeTimes = Arrays.copyOf(b.resumeTimes, resumeSize);
        this.resumeRequests = Arrays.copyOf(b.resumeRequests, resumeSize);
        this.resumeKinds = Arrays.copyOf(b.resumeKinds, resumeSize);
        this.resumeBy = Arrays.copyOf(b.resumeBy, resumeSize);
    }

    /** Why a wait ended: what the request got, and the request that let go of it (0 if none). */
    public record Resume(double timeMs, int requestId, WaitCause got, int by) {
    }

    /**
     * A client that gave up: request {@code requestId}'s timeout passed at {@code timeMs};
     * {@code cancels} whether the server cancels its task, {@code now} whether at once (it was
     * queued or awaiting) rather than at its next await.
     */
    public record GaveUp(double timeMs, int requestId, boolean cancels, boolean now) {
    }

    /** Every client that gave up, in time order. */
    public List<GaveUp> gaveUp() {
        return gaveUp;
    }

    /** The last wait of request {@code requestId} that ended at {@code timeMs}, if any. */
    public Optional<Resume> resumedAt(int requestId, double timeMs) {
        for (int i = lastAtOrBefore(resumeTimes, resumeSize, timeMs); i >= 0 && resumeTimes[i] == timeMs; i--) {
            if (resumeRequests[i] == requestId) {
                return Optional.of(new Resume(timeMs, requestId, WaitCause.values()[resumeKinds[i]], resumeBy[i]));
            }
        }
        return Optional.empty();
    }

    /** One cause, as read back. */
    public record Cause(double timeMs, int requestId, WaitCause kind, int subject, int count, int[] holders) {
        /** The first holder, if any. */
        public Optional<Integer> holder() {
            return holders.length == 0 ? Optional.empty() : Optional.of(holders[0]);
        }
    }

    /** How many causes were recorded. */
    public int size() {
        return size;
    }

    /** Whether no causes were recorded (e.g. a trace built by hand). */
    public boolean isEmpty() {
        return size == 0 && idleSize == 0 && resumeSize == 0 && gaveUp.isEmpty();
    }

    /** Cause {@code i}, in the order the engine reported them. */
    public Cause get(int i) {
        int n = 0;
        while (n < MAX_IDS && ids[i * MAX_IDS + n] != 0) {
            n++;
        }
        return new Cause(times[i], requests[i], WaitCause.values()[kinds[i]], subjects[i], counts[i],
                Arrays.copyOfRange(ids, i * MAX_IDS, i * MAX_IDS + n));
    }

    /**
     * The last cause the engine gave for request {@code requestId} at
     * {@code timeMs}: why the wait that begins then begins.
     */
    public Optional<Cause> at(int requestId, double timeMs) {
        int i = lastAtOrBefore(times, size, timeMs);
        for (; i >= 0 && times[i] == timeMs; i--) {
            if (requests[i] == requestId) {
                return Optional.of(get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * The last cause of kind {@code kind} the engine gave for request {@code requestId} at {@code timeMs}: the
     * branches of a gather share their request's id, so at one instant one may wait for a slot, another for the loop.
     */
    public Optional<Cause> at(int requestId, double timeMs, WaitCause kind) {
        for (int i = lastAtOrBefore(times, size, timeMs); i >= 0 && times[i] == timeMs; i--) {
            if (requests[i] == requestId && kinds[i] == kind.ordinal()) {
                return Optional.of(get(i));
            }
        }
        return Optional.empty();
    }

    /** Whether worker {@code worker} went idle at {@code timeMs} (it may have found new work at that instant). */
    public boolean wentIdle(int worker, double timeMs) {
        for (int i = lastAtOrBefore(idleTimes, idleSize, timeMs); i >= 0 && idleTimes[i] == timeMs; i--) {
            if (idleWorkers[i] == worker) {
                return true;
            }
        }
        return false;
    }

    /** Index of the last entry at or before {@code t} in ascending {@code a[0..n)}, or -1. */
    private static int lastAtOrBefore(double[] a, int n, double t) {
        int lo = 0;
        int hi = n - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= t) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** Collects causes as the engine reports them, in time order. */
    public static final class Builder {
        private double[] times = new double[16];
        private int[] requests = new int[16];
        private byte[] kinds = new byte[16];
        private int[] subjects = new int[16];
        private int[] counts = new int[16];
        private int[] ids = new int[16 * MAX_IDS];
        private int size;
        private double[] idleTimes = new double[16];
        private int[] idleWorkers = new int[16];
        private int idleSize;
        private double[] resumeTimes = new double[16];
        private int[] resumeRequests = new int[16];
        private byte[] resumeKinds = new byte[16];
        private int[] resumeBy = new int[16];
        private int resumeSize;
        private final List<GaveUp> gaveUp = new ArrayList<>();

        /** The client of {@code requestId} gave up at {@code timeMs} (see {@link GaveUp}). */
        public void gaveUp(int requestId, double timeMs, boolean cancels, boolean now) {
            gaveUp.add(new GaveUp(timeMs, requestId, cancels, now));
        }

        /** Request {@code requestId} got what it waited for at {@code timeMs}, let go by {@code by}. */
        public void resume(int requestId, double timeMs, WaitCause got, int by) {
            if (resumeSize == resumeTimes.length) {
                int cap = resumeSize * 2;
                resumeTimes = Arrays.copyOf(resumeTimes, cap);
                resumeRequests = Arrays.copyOf(resumeRequests, cap);
                resumeKinds = Arrays.copyOf(resumeKinds, cap);
                resumeBy = Arrays.copyOf(resumeBy, cap);
            }
            resumeTimes[resumeSize] = timeMs;
            resumeRequests[resumeSize] = requestId;
            resumeKinds[resumeSize] = (byte) got.ordinal();
            resumeBy[resumeSize] = by;
            resumeSize++;
        }

        /** Adds a cause; only the first {@link #MAX_IDS} of {@code holders[0..holderCount)} are kept. */
        public void add(int requestId, double timeMs, WaitCause kind, int subject, int count, int[] holders, int holderCount) {
            if (size > 0 && timeMs < times[size - 1]) {
                throw new IllegalArgumentException("causes must come in time order: " + timeMs + " after " + times[size - 1]);
            }
            if (size == times.length) {
                int cap = size * 2;
                times = Arrays.copyOf(times, cap);
                requests = Arrays.copyOf(requests, cap);
                kinds = Arrays.copyOf(kinds, cap);
                subjects = Arrays.copyOf(subjects, cap);
                counts = Arrays.copyOf(counts, cap);
                ids = Arrays.copyOf(ids, cap * MAX_IDS);
            }
            times[size] = timeMs;
            requests[size] = requestId;
            kinds[size] = (byte) kind.ordinal();
            subjects[size] = subject;
            counts[size] = count;
            int n = Math.min(holderCount, MAX_IDS);
            System.arraycopy(holders, 0, ids, size * MAX_IDS, n);
            size++;
        }

        /** Worker {@code worker} went idle at {@code timeMs}. */
        public void idle(int worker, double timeMs) {
            if (idleSize == idleTimes.length) {
                idleTimes = Arrays.copyOf(idleTimes, idleSize * 2);
                idleWorkers = Arrays.copyOf(idleWorkers, idleSize * 2);
            }
            idleTimes[idleSize] = timeMs;
            idleWorkers[idleSize] = worker;
            idleSize++;
        }

        public Causes build() {
            return new Causes(this);
        }
    }
}
