package io.interleave.trace;

/** What a request is doing during a span of time. */
public enum SpanState {
    /** Accepted, waiting for a thread (sync) or to start on its loop (event loop). */
    QUEUED("queued", "Queued"),
    /** Started, waiting for a core or for its loop to come round to it. */
    READY("ready", "Ready"),
    /** Running on a core. */
    COMPUTE("compute", "Compute"),
    /** Awaiting I/O without holding the CPU. */
    WAIT("wait", "Wait"),
    /** Waiting for a slot of a resource such as a connection pool. */
    WAITING_RESOURCE("waiting-resource", "Waiting for resource"),
    /** In a blocking call: holds its thread or loop, no CPU. */
    BLOCKED("blocked", "Blocked"),
    /** A task waits to put an item on a full queue (it lets go of its loop; under sync it holds its thread). */
    WAITING_PUT("waiting-put", "Waiting to put"),
    /** A task waits to get an item from an empty queue (it lets go of its loop; under sync it holds its thread). */
    WAITING_GET("waiting-get", "Waiting to get"),
    /** A thread wants to compute but another thread of its process holds the GIL; it holds no core. */
    WAITING_GIL("waiting-gil", "Waiting for the GIL");

    private final String csvName;
    private final String displayName;

    SpanState(String csvName, String displayName) {
        this.csvName = csvName;
        this.displayName = displayName;
    }

    /** The name used in CSV files. */
    public String csvName() {
        return csvName;
    }

    /** The name shown in legends and tooltips. */
    public String displayName() {
        return displayName;
    }
}
