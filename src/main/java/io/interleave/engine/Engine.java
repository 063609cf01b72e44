package io.interleave.engine;

import io.interleave.scenario.Limits;
import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * The discrete-event kernel: one clock and a queue of actions ordered by
 * {@code (time, sequence)}. The sequence is this engine's own counter, so
 * actions scheduled for the same instant run in the order they were
 * scheduled, and every run is reproducible.
 *
 * <p>The queue is a binary heap over parallel primitive arrays, which keeps
 * the per-event cost to the action itself. An engine is used by one thread.
 *
 * <p>A run has two documented limits, checked as it goes: no event is
 * scheduled past the clock's exact range ({@link Limits#MAX_CLOCK_MS}, below
 * which a time keeps 1 µs), and no more than {@link Limits#MAX_EVENTS} events
 * run. Past either, the engine throws a {@link RunLimitException}.
 */
public final class Engine {
    private final long eventBudget;
    private final double horizonMs;
    private double now;
    private long sequence;
    private long processed;

    private double[] times = new double[64];
    private long[] sequences = new long[64];
    private Runnable[] actions = new Runnable[64];
    private int size;

    /** An engine with the documented limits of one run. */
    public Engine() {
        this(Limits.MAX_EVENTS, Limits.MAX_CLOCK_MS);
    }

    /** An engine that runs at most {@code eventBudget} events, none scheduled after {@code horizonMs}. */
    Engine(long eventBudget, double horizonMs) {
        if (eventBudget < 0 || !(horizonMs >= 0) || Double.isInfinite(horizonMs)) {
            throw new IllegalArgumentException("budget must be >= 0 and horizon finite and >= 0, was " + eventBudget + ", " + horizonMs);
        }
        this.eventBudget = eventBudget;
        this.horizonMs = horizonMs;
    }

    /** The current simulated time in milliseconds. */
    public double now() {
        return now;
    }

    /** How many events have run. */
    public long processed() {
        return processed;
    }

    /** How many events are waiting. */
    public int pending() {
        return size;
    }

    /** Schedules {@code action} to run {@code delayMs} from now. */
    public void after(double delayMs, Runnable action) {
        if (!(delayMs >= 0) || Double.isInfinite(delayMs)) {
            throw new IllegalArgumentException("delay must be finite and >= 0, was " + delayMs);
        }
        at(now + delayMs, action);
    }

    /** Schedules {@code action} to run at {@code timeMs}, which must not be in the past. */
    public void at(double timeMs, Runnable action) {
        if (!(timeMs >= now && timeMs <= horizonMs)) { // one test on the hot path; which rule, below
            if (!(timeMs >= now) || Double.isInfinite(timeMs)) {
                throw new IllegalArgumentException("time must be finite and >= now (" + now + "), was " + timeMs);
            }
            throw RunLimitException.clock(horizonMs, timeMs);
        }
        if (action == null) {
            throw new IllegalArgumentException("action must not be null");
        }
        if (size == times.length) {
            int capacity = size * 2;
            times = Arrays.copyOf(times, capacity);
            sequences = Arrays.copyOf(sequences, capacity);
            actions = Arrays.copyOf(actions, capacity);
        }
        long seq = sequence++;
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(timeMs, seq, times[parent], sequences[parent])) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        times[i] = timeMs;
        sequences[i] = seq;
        actions[i] = action;
    }

    /** The time of the next event, if any. */
    public OptionalDouble peek() {
        return size == 0 ? OptionalDouble.empty() : OptionalDouble.of(times[0]);
    }

    /** Runs the next event; false if there was none. */
    public boolean step() {
        if (size == 0) {
            return false;
        }
        if (processed == eventBudget) {
            throw RunLimitException.events(eventBudget);
        }
        double time = times[0];
        Runnable action = actions[0];
        removeTop();
        now = time;
        processed++;
        action.run();
        return true;
    }

    /** Runs until no events remain. */
    public void run() {
        while (step()) {
            // each step runs one event
        }
    }

    /** Runs every event at or before {@code untilMs} (finite, not in the past), then sets the clock to it. */
    public void run(double untilMs) {
        if (!(untilMs >= now) || Double.isInfinite(untilMs)) {
            throw new IllegalArgumentException("until must be finite and >= now (" + now + "), was " + untilMs);
        }
        while (size > 0 && times[0] <= untilMs) {
            step();
        }
        now = untilMs;
    }

    private void removeTop() {
        int last = --size;
        double t = times[last];
        long s = sequences[last];
        Runnable a = actions[last];
        actions[last] = null;
        if (last == 0) {
            return;
        }
        int i = 0;
        int half = last >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < last && before(times[right], sequences[right], times[child], sequences[child])) {
                child = right;
            }
            if (!before(times[child], sequences[child], t, s)) {
                break;
            }
            move(child, i);
            i = child;
        }
        times[i] = t;
        sequences[i] = s;
        actions[i] = a;
    }

    private void move(int from, int to) {
        times[to] = times[from];
        sequences[to] = sequences[from];
        actions[to] = actions[from];
    }

    private static boolean before(double t1, long s1, double t2, long s2) {
        return t1 < t2 || (t1 == t2 && s1 < s2);
    }
}
