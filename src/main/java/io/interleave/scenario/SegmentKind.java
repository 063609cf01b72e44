package io.interleave.scenario;

import java.util.Arrays;
import java.util.Optional;

/** What a segment of a request does. */
public enum SegmentKind {
    /** CPU work: needs the request's worker and a core. */
    COMPUTE("compute"),
    /** Non-blocking I/O: under the event loop the loop is released. */
    WAIT("wait"),
    /** A blocking call: holds the thread or loop, no CPU. */
    BLOCK("block"),
    /**
     * Fan-out: 2 to 64 branches, each its own list of segments; the request
     * goes on when every branch is done (as {@code asyncio.gather}). It has
     * no duration of its own.
     */
    GATHER("gather"),
    /**
     * A background task (as {@code asyncio.create_task}, or {@code executor.submit} on a
     * thread): starts its own list of segments and goes on at once without waiting for it.
     * It has no duration of its own.
     */
    SPAWN("spawn");

    private final String jsonName;

    SegmentKind(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public static Optional<SegmentKind> fromJson(String name) {
        return Arrays.stream(values()).filter(k -> k.jsonName.equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return jsonName;
    }
}
