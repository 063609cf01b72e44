package io.interleave.scenario;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.util.OptionalInt;

/**
 * A downstream service with a limited number of slots, such as a database
 * with a pool of connections.
 *
 * @param name unique name that segments refer to with {@code on}
 * @param capacity slots; empty means unlimited
 */
public record Resource(String name,
                       @JsonSetter(nulls = Nulls.AS_EMPTY) @Bounds(min = 1, max = Resource.MAX_CAPACITY) OptionalInt capacity) {
    public static final int MAX_CAPACITY = 1_000_000;

    public Resource {
        Checks.name("name", name);
        capacity.ifPresent(c -> Checks.inRange("capacity", c, 1, MAX_CAPACITY));
    }

    public Resource withCapacity(OptionalInt newCapacity) {
        return new Resource(name, newCapacity);
    }
}
