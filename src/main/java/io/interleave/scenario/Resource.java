package io.interleave.scenario;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A downstream service with a limited number of slots, such as a database
 * with a pool of connections.
 *
 * @param name unique name that segments refer to with {@code on}
 * @param capacity slots; empty means unlimited
 * @param latency {@code fixed} (default): a call takes its segment's time; {@code shared}: the calls inside
 *                share the service (processor sharing), each slower the more there are
 */
public record Resource(String name,
                       @Format(nullIsNone = true) @Bounds(min = 1, max = Resource.MAX_CAPACITY) OptionalInt capacity,
                       @Format(orElse = "\"fixed\"", omitIfLeftOut = true) Latency latency) {
    public static final int MAX_CAPACITY = 1_000_000;

    public Resource {
        Checks.name("name", name);
        Objects.requireNonNull(capacity, "capacity");
        capacity.ifPresent(c -> Checks.inRange("capacity", c, 1, MAX_CAPACITY));
        Objects.requireNonNull(latency, "latency");
    }

    /** A resource with fixed latency: each call takes what its segment says. */
    public Resource(String name, OptionalInt capacity) {
        this(name, capacity, Latency.FIXED);
    }

    public Resource withCapacity(OptionalInt newCapacity) {
        return new Resource(name, newCapacity, latency);
    }

    public Resource withLatency(Latency newLatency) {
        return new Resource(name, capacity, newLatency);
    }

    /** Whether the calls inside slow each other down ({@link Latency#SHARED}). */
    public boolean shared() {
        return latency == Latency.SHARED;
    }
}
