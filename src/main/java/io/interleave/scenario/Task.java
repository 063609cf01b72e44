package io.interleave.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A kind of task in a program of tasks: a coroutine under the event loop, a
 * thread of the pool under sync. {@code count} of them start at
 * {@code startMs}, each running {@code steps} once, in order.
 *
 * @param name unique name (also unique among the request types); the tasks are called name, or name 1, name 2...
 * @param color display colour as {@code #RRGGBB}
 * @param startMs when the tasks start
 * @param count how many tasks of this kind start (1 to {@value #MAX_COUNT})
 * @param steps what each does, in order (at least one)
 */
public record Task(String name,
                   @Format(orElse = "\"#009E73\"") String color,
                   @Format(orElse = "0", omitIfLeftOut = true) double startMs,
                   @Format(orElse = "1", omitIfLeftOut = true) @Bounds(min = 1, max = Task.MAX_COUNT) int count,
                   @Bounds(max = Limits.MAX_SEGMENTS) List<TaskStep> steps) {
    /** The most tasks of one kind. */
    public static final int MAX_COUNT = 1_000;
    /** The most steps a task may unroll to, its repeats counted out. */
    public static final int MAX_UNROLLED_STEPS = 100_000;
    private static final Pattern COLOR = Pattern.compile("#[0-9A-Fa-f]{6}");

    public Task {
        Checks.name("name", name);
        Objects.requireNonNull(color, "color");
        if (!COLOR.matcher(color).matches()) {
            throw new IllegalArgumentException("color: must be #RRGGBB, was '" + color + "'");
        }
        Checks.timeMs("startMs", startMs);
        Checks.inRange("count", count, 1, MAX_COUNT);
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("steps: must not be empty");
        }
        if (steps.size() > Limits.MAX_SEGMENTS) {
            throw new IllegalArgumentException("steps: at most " + Limits.MAX_SEGMENTS + " allowed, was " + steps.size());
        }
        long unrolled = unrolledCount(steps);
        if (unrolled > MAX_UNROLLED_STEPS) {
            throw new IllegalArgumentException("steps: unroll to " + (unrolled == Long.MAX_VALUE ? "more than " + MAX_UNROLLED_STEPS
                    : unrolled) + " steps with their repeats, at most " + MAX_UNROLLED_STEPS + " allowed");
        }
    }

    /** One task of this kind starting at 0. */
    public Task(String name, List<TaskStep> steps) {
        this(name, "#009E73", 0, 1, steps);
    }

    /** How many plain steps {@code steps} unroll to, saturating at {@link Long#MAX_VALUE}. */
    static long unrolledCount(List<TaskStep> steps) {
        long sum = 0;
        for (TaskStep s : steps) {
            long n = s.unrolledCount();
            sum = n > Long.MAX_VALUE - sum ? Long.MAX_VALUE : sum + n;
        }
        return sum;
    }

    /** The steps as they run: repeats counted out, never a {@code repeat} step. */
    public List<TaskStep> unrolled() {
        List<TaskStep> out = new ArrayList<>();
        unroll(steps, out);
        return out;
    }

    private static void unroll(List<TaskStep> steps, List<TaskStep> out) {
        for (TaskStep s : steps) {
            for (int i = 0; i < s.repeat(); i++) {
                if (s.kind() == TaskStepKind.REPEAT) {
                    unroll(s.steps(), out);
                } else {
                    out.add(s);
                }
            }
        }
    }

    /** What the {@code index}-th task of this kind (0-based) is called: the kind's name, numbered when there are several. */
    public String taskName(int index) {
        return count == 1 ? name : name + " " + (index + 1);
    }

    public Task withSteps(List<TaskStep> newSteps) {
        return new Task(name, color, startMs, count, newSteps);
    }

    public Task withCount(int newCount) {
        return new Task(name, color, startMs, newCount, steps);
    }

    public Task withStartMs(double newStartMs) {
        return new Task(name, color, newStartMs, count, steps);
    }
}
