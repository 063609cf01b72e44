package io.interleave.scenario;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a task: compute, wait or block for a duration, put an item on a
 * queue or get one off it, or a list of steps run several times.
 *
 * @param kind what the step does
 * @param ms for compute, wait and block: the duration in milliseconds; left out (null) for the others
 * @param label an optional caption such as "make item"
 * @param queue for put and get: the queue's name
 * @param repeat how many times the step runs one after another (1 to {@value #MAX_REPEAT}); for a
 *               {@code repeat} step, how many times its steps run
 * @param steps for a {@code repeat} step only: the steps it repeats, in order (at least one)
 */
@Format(omitIfLeftOut = true, order = {"kind", "ms", "queue", "label", "repeat", "steps"})
public record TaskStep(TaskStepKind kind,
                       @Format(orElse = "null") Distribution ms,
                       @Format(nullIsNone = true) Optional<String> label,
                       @Format(nullIsNone = true) Optional<String> queue,
                       @Format(orElse = "1", omitIfLeftOut = true) @Bounds(min = 1, max = TaskStep.MAX_REPEAT) int repeat,
                       @Format(orElse = "[]") @Bounds(max = Limits.MAX_SEGMENTS) List<TaskStep> steps) {
    /** The most times a step may repeat. */
    public static final int MAX_REPEAT = 1_000_000;

    public TaskStep {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(queue, "queue");
        steps = List.copyOf(steps);
        Checks.inRange("repeat", repeat, 1, MAX_REPEAT);
        if (kind.timed()) {
            if (ms == null) {
                throw new IllegalArgumentException("ms: is required");
            }
        } else if (ms != null) {
            throw new IllegalArgumentException("ms: a " + kind + " step takes no time of its own; leave ms out");
        }
        if (kind.onQueue()) {
            if (queue.isEmpty()) {
                throw new IllegalArgumentException("queue: is required (the name of one of the scenario's queues)");
            }
        } else if (queue.isPresent()) {
            throw new IllegalArgumentException("queue: only put and get steps name a queue");
        }
        queue.ifPresent(name -> Checks.name("queue", name));
        label.ifPresent(text -> Checks.label("label", text));
        if (kind == TaskStepKind.REPEAT) {
            if (steps.isEmpty()) {
                throw new IllegalArgumentException("steps: a repeat step needs at least one step to repeat");
            }
            if (steps.size() > Limits.MAX_SEGMENTS) {
                throw new IllegalArgumentException("steps: at most " + Limits.MAX_SEGMENTS + " allowed, was " + steps.size());
            }
        } else if (!steps.isEmpty()) {
            throw new IllegalArgumentException("steps: only a repeat step holds steps");
        }
    }

    /** A compute, wait or block step of {@code ms} milliseconds. */
    public static TaskStep timed(TaskStepKind kind, double ms, String label) {
        return new TaskStep(kind, new Distribution.Constant(ms), Optional.ofNullable(label), Optional.empty(), 1, List.of());
    }

    /** A put on {@code queue}. */
    public static TaskStep put(String queue) {
        return new TaskStep(TaskStepKind.PUT, null, Optional.empty(), Optional.of(queue), 1, List.of());
    }

    /** A get from {@code queue}. */
    public static TaskStep get(String queue) {
        return new TaskStep(TaskStepKind.GET, null, Optional.empty(), Optional.of(queue), 1, List.of());
    }

    /** {@code steps}, run {@code times} times. */
    public static TaskStep repeat(int times, List<TaskStep> steps) {
        return new TaskStep(TaskStepKind.REPEAT, null, Optional.empty(), Optional.empty(), times, steps);
    }

    /** How many plain steps this step unrolls to (saturating at {@link Long#MAX_VALUE}). */
    public long unrolledCount() {
        long one = kind == TaskStepKind.REPEAT ? Task.unrolledCount(steps) : 1;
        return one > Long.MAX_VALUE / repeat ? Long.MAX_VALUE : one * repeat;
    }
}
