package io.interleave.trace.narration;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.engine.Simulation;
import io.interleave.scenario.Arrivals;
import io.interleave.scenario.Policy;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.Server;
import io.interleave.scenario.Task;
import io.interleave.scenario.TaskQueue;
import io.interleave.scenario.TaskStep;
import io.interleave.scenario.TaskStepKind;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The narration of a program of tasks: tasks by name, their queue waits, and
 * each item a consumer takes with its time in the queue. The program is
 * TaskQueueTest's first (loop: producer waits to put at 300, items got at
 * 200, 450, 700 after 100, 250, 250 ms in the queue).
 */
@DisplayName("Narration of a program of tasks")
class TaskNarrationTest {
    private static Narration narrate(Policy policy, int threads) {
        Scenario s = new Scenario("program", "", 1, Server.of(policy, threads, 1), List.of(), List.of(), Arrivals.Explicit.NONE,
                List.of(), List.of(
                new Task("producer", List.of(TaskStep.repeat(3, List.of(TaskStep.timed(TaskStepKind.COMPUTE, 100, "make item"),
                        TaskStep.put("items"))))),
                new Task("consumer", List.of(TaskStep.repeat(3, List.of(TaskStep.get("items"),
                        TaskStep.timed(TaskStepKind.WAIT, 250, "process item")))))),
                List.of(TaskQueue.bounded("items", 1)));
        return Narrator.narrate(Simulation.trace(s));
    }

    private static String at(Narration n, double t) {
        return n.lines().stream().filter(l -> l.timeMs() == t).map(NarrationLine::text).findFirst().orElse("(no line)");
    }

    @Test
    @DisplayName("the event loop: tasks by name, the item taken and how long it waited in the queue")
    void eventLoop() {
        Narration n = narrate(Policy.EVENT_LOOP, 1);
        assertThat(at(n, 0)).isEqualTo("Producer starts; the loop runs producer (make item); consumer starts; consumer waits to start");
        assertThat(at(n, 200)).isEqualTo("Consumer takes item 1 (waited 100 ms in the queue); consumer awaits (process item); "
                + "the loop runs producer (make item)");
        assertThat(at(n, 300)).isEqualTo("Producer waits to put: 'items' is full (the loop moves on); the loop is idle");
        assertThat(at(n, 450)).startsWith("Producer is done; consumer takes item 2 (waited 250 ms in the queue)");
        assertThat(at(n, 950)).isEqualTo("Consumer is done");
    }

    @Test
    @DisplayName("sync: a get on the empty queue holds the thread")
    void sync() {
        Narration n = narrate(Policy.SYNC, 2);
        assertThat(at(n, 0)).contains("consumer starts; consumer waits for an item: 'items' is empty (it holds its thread)");
        assertThat(at(n, 100)).isEqualTo("Consumer takes item 1 (waited 0 ms in the queue); consumer waits (process item); "
                + "thread 1 runs producer (make item)");
    }
}
