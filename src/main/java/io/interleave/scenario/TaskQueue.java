package io.interleave.scenario;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A queue that tasks put items on and get them off (as {@code asyncio.Queue}
 * or {@code queue.Queue}), first in, first out.
 *
 * @param name unique name that put and get steps refer to
 * @param capacity how many items it holds at most; empty means unbounded
 */
public record TaskQueue(String name,
                        @Format(nullIsNone = true) @Bounds(min = 1, max = TaskQueue.MAX_CAPACITY) OptionalInt capacity) {
    public static final int MAX_CAPACITY = 1_000_000;

    public TaskQueue {
        Checks.name("name", name);
        Objects.requireNonNull(capacity, "capacity");
        capacity.ifPresent(c -> Checks.inRange("capacity", c, 1, MAX_CAPACITY));
    }

    /** An unbounded queue. */
    public static TaskQueue unbounded(String name) {
        return new TaskQueue(name, OptionalInt.empty());
    }

    /** A queue of at most {@code capacity} items. */
    public static TaskQueue bounded(String name, int capacity) {
        return new TaskQueue(name, OptionalInt.of(capacity));
    }
}
