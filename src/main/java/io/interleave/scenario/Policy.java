package io.interleave.scenario;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a server schedules requests: a thread per request, event loops, or
 * event loops that hand blocking calls to a thread pool.
 * Everything the rest of the program shows or assumes about a policy comes
 * from here (its names, its worker's noun, whether a wait holds the worker,
 * the key that pictures and the window map to a colour and a CSS class), so
 * no other code branches on which policy it is; the engine's behaviour for
 * each is one class behind {@code engine.Scheduling}.
 */
public enum Policy {
    /** A thread from the pool is held for the whole request (Flask, WSGI). */
    SYNC("sync", "Sync (threads)", "Threads", "thread", true, false),
    /** One thread per loop computes while other requests await I/O (asyncio, Node). */
    EVENT_LOOP("event-loop", "Event loop", "Event loop", "loop", false, false),
    /**
     * An event loop with a pool of threads for blocking calls: a segment
     * marked {@code offload} runs on a pool thread while the loop goes on
     * ({@code asyncio.to_thread}, {@code run_in_executor}, FastAPI's plain
     * {@code def} endpoints).
     */
    EVENT_LOOP_POOL("event-loop+pool", "Event loop + thread pool", "Loop + pool", "loop", false, true);

    private final String jsonName;
    private final String displayName;
    private final String shortName;
    private final String workerNoun;
    private final boolean waitsHoldWorker;
    private final boolean hasPool;

    Policy(String jsonName, String displayName, String shortName, String workerNoun, boolean waitsHoldWorker,
           boolean hasPool) {
        this.jsonName = jsonName;
        this.displayName = displayName;
        this.shortName = shortName;
        this.workerNoun = workerNoun;
        this.waitsHoldWorker = waitsHoldWorker;
        this.hasPool = hasPool;
    }

    /**
     * Whether this policy runs segments marked {@code offload} on a pool of
     * threads, so that the server's {@code poolThreads} means something.
     */
    public boolean hasPool() {
        return hasPool;
    }

    /** The name on a button where the policies sit side by side: "Threads", "Loop + pool". */
    public String shortName() {
        return shortName;
    }

    /**
     * Whether a request's worker stays held while it waits on I/O (a sync
     * thread does; an event loop is released by an {@code await}).
     */
    public boolean waitsHoldWorker() {
        return waitsHoldWorker;
    }

    /**
     * The key that pictures and the window map to a colour and a CSS class
     * ({@code policy-sync}, {@code policy-event-loop}, {@code policy-event-loop-pool}); the engine knows no colours.
     */
    public String styleKey() {
        return jsonName.replace('+', '-'); // a CSS class name: policy-event-loop-pool
    }

    /** "Thread 1", "Loop 2": worker {@code index} (from 0) as the timeline labels its lane. */
    public String workerName(int index) {
        return Character.toUpperCase(workerNoun.charAt(0)) + workerNoun.substring(1) + " " + (index + 1);
    }

    /** "1 thread", "4 loops". */
    public String workers(int n) {
        return n + " " + workerNoun + (n == 1 ? "" : "s");
    }

    /** What one worker of this policy is called in sentences: "thread", "loop". */
    public String workerNoun() {
        return workerNoun;
    }

    /** The name used in scenario files and on the command line. */
    public String jsonName() {
        return jsonName;
    }

    /** The name shown to people. */
    public String displayName() {
        return displayName;
    }

    /** The policy with this JSON name, if any. */
    public static Optional<Policy> fromJson(String name) {
        return Arrays.stream(values()).filter(p -> p.jsonName.equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return jsonName;
    }
}
