package io.interleave.trace;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a program of tasks did in one run: its tasks, the items that went
 * through its queues, each queue's length over time, and, if it deadlocked,
 * why.
 *
 * @param tasks every task that finished, ordered by id
 * @param items every item made, in the order they were made (id 1..n)
 * @param changes each queue's length changes, in time order
 * @param deadlock the deadlock message, if every task got stuck
 */
public record Program(List<TaskRecord> tasks, List<ItemRecord> items, List<QueueChange> changes, Optional<String> deadlock) {
    /** No program: a run of requests only. */
    public static final Program NONE = new Program(List.of(), List.of(), List.of(), Optional.empty());

    public Program {
        tasks = List.copyOf(tasks);
        items = List.copyOf(items);
        changes = List.copyOf(changes);
        Objects.requireNonNull(deadlock, "deadlock");
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).id() != i + 1) {
                throw new IllegalArgumentException("items must be ordered by id 1..n; position " + i + " holds item " + items.get(i).id());
            }
        }
    }

    /** The items consumed, in the order they were made. */
    public List<ItemRecord> consumed() {
        return items.stream().filter(ItemRecord::consumed).toList();
    }
}
