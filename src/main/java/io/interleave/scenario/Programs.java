package io.interleave.scenario;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules that tie a scenario's tasks, queues and request types together,
 * each broken rule one line naming the JSON path: names are unique, every
 * put and get names a declared queue, and nothing gets from a queue that no
 * task ever puts to (that get would wait for ever).
 */
final class Programs {
    private Programs() {
    }

    static void check(List<RequestType> requestTypes, List<Task> tasks, List<TaskQueue> queues) {
        if (tasks.size() > Limits.MAX_REQUEST_TYPES) {
            throw new IllegalArgumentException("tasks: at most " + Limits.MAX_REQUEST_TYPES + " allowed, was " + tasks.size());
        }
        if (queues.size() > Limits.MAX_RESOURCES) {
            throw new IllegalArgumentException("queues: at most " + Limits.MAX_RESOURCES + " allowed, was " + queues.size());
        }
        Set<String> queueNames = new HashSet<>();
        for (int i = 0; i < queues.size(); i++) {
            if (!queueNames.add(queues.get(i).name())) {
                throw new IllegalArgumentException("queues[" + i + "].name: duplicate name '" + queues.get(i).name() + "'");
            }
        }
        Set<String> typeNames = new HashSet<>();
        requestTypes.forEach(t -> typeNames.add(t.name()));
        Set<String> taskNames = new HashSet<>();
        Set<String> putTo = new HashSet<>();
        Map<String, String> firstGet = new HashMap<>();
        for (int i = 0; i < tasks.size(); i++) {
            Task task = tasks.get(i);
            if (!taskNames.add(task.name())) {
                throw new IllegalArgumentException("tasks[" + i + "].name: duplicate name '" + task.name() + "'");
            }
            if (typeNames.contains(task.name())) {
                throw new IllegalArgumentException("tasks[" + i + "].name: '" + task.name() + "' is already the name of a request type");
            }
            steps("tasks[" + i + "].steps", task.steps(), queueNames, putTo, firstGet);
        }
        for (Map.Entry<String, String> get : firstGet.entrySet()) {
            if (!putTo.contains(get.getKey())) {
                throw new IllegalArgumentException(get.getValue() + ": no task puts to queue '" + get.getKey()
                        + "', so this get would wait for ever");
            }
        }
    }

    private static void steps(String path, List<TaskStep> steps, Set<String> queueNames, Set<String> putTo,
                              Map<String, String> firstGet) {
        for (int s = 0; s < steps.size(); s++) {
            TaskStep step = steps.get(s);
            String at = path + "[" + s + "]";
            if (step.queue().isPresent()) {
                String queue = step.queue().get();
                if (!queueNames.contains(queue)) {
                    throw new IllegalArgumentException(at + ".queue: unknown queue '" + queue + "'");
                }
                if (step.kind() == TaskStepKind.PUT) {
                    putTo.add(queue);
                } else {
                    firstGet.putIfAbsent(queue, at + ".queue");
                }
            }
            steps(at + ".steps", step.steps(), queueNames, putTo, firstGet);
        }
    }
}
