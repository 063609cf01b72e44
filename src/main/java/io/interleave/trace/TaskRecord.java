package io.interleave.trace;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * What happened to one task of a program of tasks.
 *
 * @param id its id: after the requests' ids (its spans carry it, as a request's do)
 * @param kind index into the scenario's tasks
 * @param name what it is called, e.g. "producer 2"
 * @param startMs when it started (its kind's start time)
 * @param finishMs when it ran its last step
 * @param worker the thread or loop that ran it
 */
public record TaskRecord(int id, int kind, String name, double startMs, double finishMs, OptionalInt worker) {
    public TaskRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(worker, "worker");
        if (!(finishMs >= startMs)) {
            throw new IllegalArgumentException(name + ": finish " + finishMs + " before start " + startMs);
        }
    }
}
