package io.interleave.trace;

import io.interleave.scenario.Scenario;
import io.interleave.scenario.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which task of a program of tasks an id is: the engine numbers the tasks
 * after the requests (the scenario's request count + 1 on), kind by kind in
 * file order, task by task.
 */
public final class TaskIds {
    private TaskIds() {
    }

    /**
     * One task: its id, its kind (index into the scenario's tasks; for a background task, the index
     * of its spawn among its request type's segments), its name, and for a background task the
     * request that started it (0 for a program's task).
     */
    public record Named(int id, int kind, String name, int spawnedBy) {
        /** A task of a program of tasks. */
        public Named(int id, int kind, String name) {
            this(id, kind, name, 0);
        }

        /** Whether a request started it with a spawn segment. */
        public boolean background() {
            return spawnedBy > 0;
        }
    }

    /**
     * Every task of a run, in id order: the program's tasks (from the scenario), then the
     * background tasks its requests started (from the trace).
     */
    public static List<Named> of(Trace trace) {
        List<Named> out = trace.scenario().hasTasks() ? of(trace.scenario()) : new ArrayList<>();
        for (TaskRecord t : trace.program().tasks()) {
            if (t.background()) {
                out.add(new Named(t.id(), t.kind(), t.name(), t.spawnedBy()));
            }
        }
        return out;
    }

    /** The task with this id in a run (a program's task or a background task), if it is one. */
    public static Optional<Named> find(Trace trace, int id) {
        if (id <= trace.requests().size()) {
            return Optional.empty();
        }
        Optional<Named> programTask = find(trace.scenario(), id);
        if (programTask.isPresent()) {
            return programTask;
        }
        return trace.program().tasks().stream().filter(t -> t.id() == id && t.background())
                .map(t -> new Named(t.id(), t.kind(), t.name(), t.spawnedBy())).findFirst();
    }

    /** What a background task of request {@code requestId} started by a spawn captioned {@code label} is called. */
    public static String backgroundName(int requestId, Optional<String> label) {
        return "R" + requestId + "'s task" + label.map(l -> ": " + l).orElse("");
    }

    /** Every task of the scenario, in id order. */
    public static List<Named> of(Scenario scenario) {
        List<Named> out = new ArrayList<>();
        int id = scenario.arrivals().count() + 1;
        for (int k = 0; k < scenario.tasks().size(); k++) {
            Task t = scenario.tasks().get(k);
            for (int i = 0; i < t.count(); i++) {
                out.add(new Named(id++, k, t.taskName(i)));
            }
        }
        return out;
    }

    /** The task with this id, if it is one. */
    public static Optional<Named> find(Scenario scenario, int id) {
        int first = scenario.arrivals().count() + 1;
        if (id < first || scenario.tasks().isEmpty()) {
            return Optional.empty();
        }
        return of(scenario).stream().filter(n -> n.id() == id).findFirst();
    }
}
