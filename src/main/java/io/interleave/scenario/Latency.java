package io.interleave.scenario;

import java.util.Arrays;
import java.util.Optional;

/**
 * How long a call to a {@link Resource} takes once it is inside the service.
 */
public enum Latency {
    /** Every call takes what its segment says, however many calls are inside at once (the slots are the only limit). */
    FIXED("fixed"),
    /**
     * Processor sharing: with k calls inside, each progresses at 1/k of the
     * speed, so a call that takes d ms alone takes longer while others share
     * the service (a database without indexes that slows under load).
     */
    SHARED("shared");

    private final String jsonName;

    Latency(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public static Optional<Latency> fromJson(String name) {
        return Arrays.stream(values()).filter(l -> l.jsonName.equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return jsonName;
    }
}
