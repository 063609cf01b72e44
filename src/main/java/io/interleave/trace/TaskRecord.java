package io.interleave.trace;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * What happened to one task: a task of a program of tasks, or a background
 * task a request started with a spawn segment ({@code asyncio.create_task}).
 *
 * @param id its id: after the requests' ids (its spans carry it, as a request's do); a program's
 *           tasks come first, then the background tasks in the order they were started
 * @param kind for a program's task, index into the scenario's tasks; for a background task, the
 *             index of its spawn among its request type's segments
 * @param name what it is called, e.g. "producer 2", or "R3's task: send email"
 * @param startMs when it started (its kind's start time; for a background task, when its request
 *                reached the spawn)
 * @param finishMs when it ran its last step
 * @param worker the thread or loop that ran it (empty for a background task whose segments all took 0 ms)
 * @param spawnedBy for a background task, the id of the request that started it; 0 for a program's task
 * @param computeMs for a background task, the sampled total of its compute segments (its CPU time); 0 otherwise
 * @param outlived for a background task, whether it ended after its request did (the response was sent,
 *                 or the request timed out or was cancelled, without it)
 */
public record TaskRecord(int id, int kind, String name, double startMs, double finishMs, OptionalInt worker,
                         int spawnedBy, double computeMs, boolean outlived) {
    public TaskRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(worker, "worker");
        if (!(finishMs >= startMs)) {
            throw new IllegalArgumentException(name + ": finish " + finishMs + " before start " + startMs);
        }
        if (spawnedBy < 0 || !(computeMs >= 0)) {
            throw new IllegalArgumentException(name + ": spawnedBy and computeMs must be >= 0, were " + spawnedBy + " and " + computeMs);
        }
    }

    /** A task of a program of tasks. */
    public TaskRecord(int id, int kind, String name, double startMs, double finishMs, OptionalInt worker) {
        this(id, kind, name, startMs, finishMs, worker, 0, 0, false);
    }

    /** Whether a request started it (a spawn segment) rather than a program of tasks. */
    public boolean background() {
        return spawnedBy > 0;
    }

    /** How long it ran, from its start to its last step. */
    public double durationMs() {
        return finishMs - startMs;
    }
}
