package io.interleave.trace;

/**
 * Why the engine made a request wait, as it decided it: what the request
 * waits for and who holds it. Reported through {@link TraceListener#waits}
 * with the holders' ids, kept in a {@link Causes} log, and put into words by
 * the narrator.
 */
public enum WaitCause {
    /** Queued behind earlier requests that have not started: the last of them, and how many. */
    QUEUE,
    /** Waits for a thread: every thread is busy (the holders of the threads, how many threads). */
    THREAD,
    /** Waits for its event loop, held by another request (the holder). */
    LOOP,
    /** Waits to be let onto its loop, which has its limit of requests in flight (the limit). */
    LOOP_LIMIT,
    /** Waits for a core: every core is busy (the requests on the cores, how many cores). */
    CORE,
    /** Waits for a slot of a resource (the resource's index; the holders of its slots, its capacity). */
    SLOT,
    /** Turned away at arrival: the queue was full (the queue limit). */
    QUEUE_FULL,
    /** A task waits to get from an empty queue (the queue's index); it resumes with an item, put by the task it names. */
    ITEM,
    /** A task waits to put on a full queue (the queue's index, its capacity); it resumes when a get makes room. */
    ROOM,
    /** Waits for its process's GIL (the holder, the process's index, how many threads wait ahead); it resumes when the holder lets go. */
    GIL
}
