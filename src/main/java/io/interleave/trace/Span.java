package io.interleave.trace;

import java.util.OptionalInt;

/**
 * An interval during which a request was in one state.
 *
 * <p>A plain final class rather than a record: worker, pool thread and core
 * are optional but stored compactly, because a large trace holds millions of
 * spans (the pool thread's int and the branch's byte fit in the padding the
 * object had anyway: 56 bytes with or without them, with compressed class
 * pointers; a gather has at most 64 branches, so a byte holds the index).
 */
public final class Span {
    private static final int NONE = -1;

    private final int requestId;
    private final SpanState state;
    private final double startMs;
    private final double endMs;
    private final int worker;
    private final int poolThread;
    private final int core;
    private final int segment;
    private final byte branch;
    private final boolean holdsWorker;
    private final boolean wasted;

    /**
     * @param requestId the request (1-based)
     * @param state what it was doing
     * @param startMs start of the interval
     * @param endMs end of the interval, after the start
     * @param worker the thread or loop it is bound to, or empty
     * @param core the core it ran on (compute only), or empty
     * @param segment index of the segment the request was at; a request whose last
     *                segment is a wait ends with a ready span whose index is the number of
     *                segments (the event loop's final turn that sends the response)
     * @param holdsWorker whether the request occupied its thread or loop
     */
    public Span(int requestId, SpanState state, double startMs, double endMs,
                OptionalInt worker, OptionalInt core, int segment, boolean holdsWorker) {
        this(requestId, state, startMs, endMs, worker, OptionalInt.empty(), core, segment, holdsWorker);
    }

    /**
     * A span that may have run on a pool thread: an offloaded call
     * ({@code event-loop+pool}) holds pool thread {@code poolThread} (0-based)
     * while its request stays bound to its loop, {@code worker}.
     */
    public Span(int requestId, SpanState state, double startMs, double endMs,
                OptionalInt worker, OptionalInt poolThread, OptionalInt core, int segment, boolean holdsWorker) {
        this(requestId, state, startMs, endMs, worker, poolThread, core, segment, NONE, holdsWorker);
    }

    /**
     * A span that may belong to a branch of a gather: {@code branch} is its
     * index (0-based, below 64), or -1 for a span of the request itself.
     */
    public Span(int requestId, SpanState state, double startMs, double endMs,
                OptionalInt worker, OptionalInt poolThread, OptionalInt core, int segment, int branch, boolean holdsWorker) {
        this(requestId, state, startMs, endMs, worker, poolThread, core, segment, branch, holdsWorker, false);
    }

    /**
     * A span that may come after the request's client gave up ({@code wasted}: the request had
     * timed out, and the server went on with it for nobody).
     */
    public Span(int requestId, SpanState state, double startMs, double endMs, OptionalInt worker, OptionalInt poolThread,
                OptionalInt core, int segment, int branch, boolean holdsWorker, boolean wasted) {
        if (branch < NONE || branch >= io.interleave.scenario.Segment.MAX_BRANCHES) {
            throw new IllegalArgumentException("span of R" + requestId + ": branch must be -1 or 0 to "
                    + (io.interleave.scenario.Segment.MAX_BRANCHES - 1) + ", was " + branch);
        }
        if (!(endMs > startMs)) {
            throw new IllegalArgumentException("span of R" + requestId + " must end after it starts: " + startMs + " .. " + endMs);
        }
        this.requestId = requestId;
        this.state = state;
        this.startMs = startMs;
        this.endMs = endMs;
        this.worker = worker.orElse(NONE);
        this.poolThread = poolThread.orElse(NONE);
        this.core = core.orElse(NONE);
        this.segment = segment;
        this.branch = (byte) branch;
        this.holdsWorker = holdsWorker;
        this.wasted = wasted;
    }

    public int requestId() {
        return requestId;
    }

    public SpanState state() {
        return state;
    }

    public double startMs() {
        return startMs;
    }

    public double endMs() {
        return endMs;
    }

    public double durationMs() {
        return endMs - startMs;
    }

    public OptionalInt worker() {
        return worker == NONE ? OptionalInt.empty() : OptionalInt.of(worker);
    }

    /** The pool thread that ran this part of an offloaded call (it held that thread meanwhile), or empty. */
    public OptionalInt poolThread() {
        return poolThread == NONE ? OptionalInt.empty() : OptionalInt.of(poolThread);
    }

    public OptionalInt core() {
        return core == NONE ? OptionalInt.empty() : OptionalInt.of(core);
    }

    public int segment() {
        return segment;
    }

    /** The branch of a gather this span belongs to (0-based), or empty for the request's own spans. */
    public OptionalInt branch() {
        return branch == NONE ? OptionalInt.empty() : OptionalInt.of(branch);
    }

    /** The branch index, or -1 for none (no allocation, for drawing loops). */
    public int branchIndex() {
        return branch;
    }

    /** True when the request occupied its thread or loop during this span. */
    public boolean holdsWorker() {
        return holdsWorker;
    }

    /** True when this span comes after the request's client gave up: work done for nobody. */
    public boolean wasted() {
        return wasted;
    }

    @Override
    public String toString() {
        return "R" + requestId + " " + state.csvName() + " " + startMs + ".." + endMs
                + worker().stream().mapToObj(w -> " w" + w).findFirst().orElse("")
                + poolThread().stream().mapToObj(p -> " p" + p).findFirst().orElse("")
                + core().stream().mapToObj(c -> " c" + c).findFirst().orElse("")
                + (branch == NONE ? "" : " b" + branch)
                + (wasted ? " wasted" : "");
    }
}
