package io.interleave.engine;

import io.interleave.scenario.Scenario;
import io.interleave.scenario.SegmentKind;
import io.interleave.scenario.Task;
import io.interleave.scenario.TaskStep;
import io.interleave.scenario.TaskStepKind;
import io.interleave.time.TimeText;
import io.interleave.trace.ItemRecord;
import io.interleave.trace.SpanState;
import io.interleave.trace.TraceListener;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The tasks and queues of a program of tasks, for {@link ServerModel}: which
 * step of a task is a put or a get, the queues (items FIFO, and the tasks
 * waiting to put or to get, FIFO), the items and their times, and which
 * tasks have not finished. The scheduling itself (who holds a thread or a
 * loop, the spans) stays in the server model: a task is a request there.
 *
 * <p>An item is numbered when it enters its queue (1, 2, ... over every
 * queue). A put on a queue where a task waits to get hands the item straight
 * to the first such task; a put on a full queue waits, holding its item, and
 * the first get that makes room moves it in. An item's processing ends when
 * its consumer comes to its next get, or runs its last step.
 */
final class TaskPrograms {
    private final int firstType;
    private final List<Task> kinds;
    /** Per task kind and unrolled step: queue + 1 for a put, -(queue + 1) for a get, 0 otherwise. */
    private final int[][] ops;
    private final Queue[] queues;
    private final List<String> queueNames = new ArrayList<>();
    private final List<ServerModel.Req> tasks = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final List<Boolean> finished = new ArrayList<>();
    private int items;

    TaskPrograms(Scenario scenario, int firstType, SegmentKind[][] kindsOut, int[][] resourceOut, boolean[][] offloadedOut) {
        this.firstType = firstType;
        this.kinds = scenario.tasks();
        this.ops = new int[kinds.size()][];
        for (int k = 0; k < kinds.size(); k++) {
            List<TaskStep> steps = kinds.get(k).unrolled();
            int t = firstType + k;
            kindsOut[t] = new SegmentKind[steps.size()];
            resourceOut[t] = new int[steps.size()];
            offloadedOut[t] = new boolean[steps.size()];
            ops[k] = new int[steps.size()];
            for (int s = 0; s < steps.size(); s++) {
                TaskStep step = steps.get(s);
                resourceOut[t][s] = -1;
                kindsOut[t][s] = switch (step.kind()) {
                    case COMPUTE -> SegmentKind.COMPUTE;
                    case BLOCK -> SegmentKind.BLOCK;
                    default -> SegmentKind.WAIT; // a wait; a put or a get takes no time (its op says what it does)
                };
                if (step.kind().onQueue()) {
                    int q = scenario.queueIndex(step.queue().orElseThrow()).orElseThrow() + 1;
                    ops[k][s] = step.kind() == TaskStepKind.PUT ? q : -q;
                }
            }
        }
        this.queues = new Queue[scenario.queues().size()];
        for (int q = 0; q < queues.length; q++) {
            queues[q] = new Queue(scenario.queues().get(q).capacity().orElse(Integer.MAX_VALUE));
            queueNames.add(scenario.queues().get(q).name());
        }
    }

    /** The type index of the first task kind (the request types come before). */
    int firstType() {
        return firstType;
    }

    /** Creates and schedules every task: kind by kind in file order, task by task. */
    void start(Workload workload, int firstId, BiConsumer<ServerModel.Req, Double> schedule, Supplier<ServerModel.Req> factory) {
        for (int k = 0; k < kinds.size(); k++) {
            Task kind = kinds.get(k);
            for (int i = 0; i < kind.count(); i++) {
                int ordinal = tasks.size();
                ServerModel.Req r = factory.get();
                r.reset(firstId + ordinal, firstType + k, workload.nextTaskDurations(k), 0, kind.startMs());
                r.task = ordinal;
                tasks.add(r);
                names.add(kind.taskName(i));
                finished.add(false);
                schedule.accept(r, kind.startMs());
            }
        }
    }

    /** What task number {@code ordinal} is called. */
    String name(int ordinal) {
        return names.get(ordinal);
    }

    /** The queue op of task {@code r}'s current step: queue + 1 for a put, -(queue + 1) for a get, 0 otherwise. */
    int queueOp(ServerModel.Req r) {
        return opAt(r, r.seg);
    }

    /** The queue op of task {@code r}'s step {@code step}. */
    int opAt(ServerModel.Req r, int step) {
        int[] op = ops[r.type - firstType];
        return step < op.length ? op[step] : 0;
    }

    /** Queue {@code q}'s capacity (0 if unbounded). */
    int capacity(int q) {
        return queues[q].capacity == Integer.MAX_VALUE ? 0 : queues[q].capacity;
    }

    /**
     * Task {@code r} puts an item on queue {@code q}: straight to the first
     * task waiting to get (returned, to be woken), or into the queue if there
     * is room, or it waits among the putters (see {@link #waitingToPut}).
     */
    ServerModel.Req put(ServerModel.Req r, int q, double now, TraceListener listener) {
        Queue queue = queues[q];
        ServerModel.Req getter = queue.getters.poll();
        if (getter != null) {
            Item item = new Item(++items, q, r.id, r.madeMs, now);
            take(getter, item, now, listener);
            return getter;
        }
        if (queue.items.size() < queue.capacity) {
            queue.items.add(new Item(++items, q, r.id, r.madeMs, now));
            listener.queueChanged(q, now, queue.items.size());
            return null;
        }
        queue.putters.add(r);
        return null;
    }

    /** Whether {@code r} waits to put (its queue was full). */
    boolean waitingToPut(ServerModel.Req r) {
        int op = queueOp(r);
        return op > 0 && queues[op - 1].putters.contains(r);
    }

    /** Whether {@code r} waits to get (its queue was empty). */
    boolean waitingToGet(ServerModel.Req r) {
        int op = queueOp(r);
        return op < 0 && queues[-op - 1].getters.contains(r);
    }

    /**
     * Task {@code r} gets from queue {@code q}: the oldest item, or it waits
     * among the getters. Taking an item from a full queue lets the first
     * waiting putter's item in: that putter is returned, to be woken.
     */
    ServerModel.Req get(ServerModel.Req r, int q, double now, TraceListener listener) {
        Queue queue = queues[q];
        Item item = queue.items.poll();
        if (item == null) {
            queue.getters.add(r);
            return null;
        }
        take(r, item, now, listener);
        ServerModel.Req putter = queue.putters.poll();
        if (putter != null) {
            queue.items.add(new Item(++items, q, putter.id, putter.madeMs, now));
        }
        listener.queueChanged(q, now, queue.items.size());
        return putter;
    }

    private static void take(ServerModel.Req r, Item item, double now, TraceListener listener) {
        item.consumer = r.id;
        item.gotMs = now;
        r.item = item;
        listener.takes(r.id, item.id, now, now - item.putMs);
    }

    /** Task {@code r} is done with the item it was processing, if any. */
    void itemDone(ServerModel.Req r, double now, TraceListener listener) {
        Item item = r.item;
        if (item != null) {
            r.item = null;
            listener.item(new ItemRecord(item.id, item.queue, item.producer, item.madeMs, item.putMs, item.consumer, item.gotMs, now));
        }
    }

    /** Reports the items nobody took off their queue. */
    void leftInQueues(TraceListener listener) {
        for (Queue queue : queues) {
            for (Item item : queue.items) {
                listener.item(new ItemRecord(item.id, item.queue, item.producer, item.madeMs, item.putMs, 0, Double.NaN, Double.NaN));
            }
        }
    }

    /** Task {@code r} finished (or was turned away). */
    void done(ServerModel.Req r) {
        finished.set(r.task, true);
    }

    /** The tasks that have not finished, in start order. */
    List<ServerModel.Req> stuck() {
        List<ServerModel.Req> out = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            if (!finished.get(i)) {
                out.add(tasks.get(i));
            }
        }
        return out;
    }

    /**
     * The deadlock in one line: when, then each stuck task and what it waits
     * for, e.g. {@code deadlock at 2.000 s: every task waits and nothing else
     * can happen: consumer waits to get from 'items' (empty)}.
     */
    String deadlockMessage(List<ServerModel.Req> stuck, double now, int threads) {
        StringBuilder sb = new StringBuilder("deadlock at ").append(TimeText.duration(now))
                .append(": every task waits and nothing else can happen: ");
        for (int i = 0; i < stuck.size(); i++) {
            ServerModel.Req r = stuck.get(i);
            if (i > 0) {
                sb.append("; ");
            }
            sb.append(names.get(r.task)).append(' ');
            int op = queueOp(r);
            if (r.state == SpanState.WAITING_GET) {
                sb.append("waits to get from '").append(queueNames.get(-op - 1)).append("' (empty)");
            } else if (r.state == SpanState.WAITING_PUT) {
                Queue q = queues[op - 1];
                sb.append("waits to put on '").append(queueNames.get(op - 1)).append("' (full: ")
                        .append(q.items.size()).append(q.items.size() == 1 ? " item)" : " items)");
            } else {
                sb.append("waits for a thread (all ").append(threads).append(" held by waiting tasks)");
            }
        }
        return sb.toString();
    }

    /** An item on its way through a queue. */
    static final class Item {
        final int id;
        final int queue;
        final int producer;
        final double madeMs;
        final double putMs;
        int consumer;
        double gotMs = Double.NaN;

        Item(int id, int queue, int producer, double madeMs, double putMs) {
            this.id = id;
            this.queue = queue;
            this.producer = producer;
            this.madeMs = madeMs;
            this.putMs = putMs;
        }
    }

    /** A queue: its items, and the tasks waiting to put and to get, each FIFO. */
    private static final class Queue {
        final int capacity;
        final ArrayDeque<Item> items = new ArrayDeque<>();
        final ArrayDeque<ServerModel.Req> putters = new ArrayDeque<>();
        final ArrayDeque<ServerModel.Req> getters = new ArrayDeque<>();

        Queue(int capacity) {
            this.capacity = capacity;
        }
    }
}
