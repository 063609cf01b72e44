package io.interleave.scenario;

import java.util.Arrays;
import java.util.Optional;

/** How a server schedules requests: a thread per request, or event loops. */
public enum Policy {
    /** A thread from the pool is held for the whole request (Flask, WSGI). */
    SYNC("sync", "Sync (threads)", "thread"),
    /** One thread per loop computes while other requests await I/O (asyncio, Node). */
    EVENT_LOOP("event-loop", "Event loop", "loop");

    private final String jsonName;
    private final String displayName;
    private final String workerNoun;

    Policy(String jsonName, String displayName, String workerNoun) {
        this.jsonName = jsonName;
        this.displayName = displayName;
        this.workerNoun = workerNoun;
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

    /** The other policy, for comparisons. */
    public Policy other() {
        return this == SYNC ? EVENT_LOOP : SYNC;
    }

    @Override
    public String toString() {
        return jsonName;
    }
}
