package io.interleave.scenario;

import java.util.Arrays;
import java.util.Optional;

/** What one step of a task does. */
public enum TaskStepKind {
    /** CPU work: needs the task's thread or loop and a core. */
    COMPUTE("compute"),
    /** Non-blocking I/O: under the event loop the loop is released. */
    WAIT("wait"),
    /** A blocking call: holds the thread or loop, no CPU. */
    BLOCK("block"),
    /** Puts an item on a queue; waits while the queue is full. */
    PUT("put"),
    /** Takes the oldest item off a queue; waits while the queue is empty. */
    GET("get"),
    /** Its own list of steps, run {@code repeat} times. */
    REPEAT("repeat");

    private final String jsonName;

    TaskStepKind(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    /** Whether the step takes a duration of its own ({@code ms}). */
    public boolean timed() {
        return this == COMPUTE || this == WAIT || this == BLOCK;
    }

    /** Whether the step names a queue. */
    public boolean onQueue() {
        return this == PUT || this == GET;
    }

    public static Optional<TaskStepKind> fromJson(String name) {
        return Arrays.stream(values()).filter(k -> k.jsonName.equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return jsonName;
    }
}
