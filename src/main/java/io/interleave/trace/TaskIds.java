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

    /** One task: its id, its kind (index into the scenario's tasks) and its name. */
    public record Named(int id, int kind, String name) {
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
