package io.interleave.trace.narration;

/** What a clause of the narration is about. */
public enum NarrationKind {
    /** A request arrived (and what it did first). */
    ARRIVED,
    /** A request arrived to a full queue and was turned away. */
    REJECTED,
    /** A request waits for a thread, or for its loop to start it. */
    QUEUED,
    /** A thread or loop runs a request's compute. */
    RUNNING,
    /** A request is ready but waits for its loop or a core. */
    WAITING_FOR_CPU,
    /** A request awaits I/O. */
    AWAITING,
    /** A request waits for a slot of a resource such as a connection pool. */
    WAITING_FOR_RESOURCE,
    /** A request is in a blocking call. */
    BLOCKED,
    /** A request's response was sent. */
    COMPLETED,
    /** A request's client gave up (its timeout passed), and what the server does about it. */
    TIMED_OUT,
    /** A thread or loop has nothing to do. */
    IDLE,
    /** A remark about the narration itself (where it stops). */
    NOTE
}
