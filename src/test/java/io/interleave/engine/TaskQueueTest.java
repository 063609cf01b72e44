package io.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.interleave.scenario.Arrivals;
import io.interleave.scenario.Policy;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.Task;
import io.interleave.scenario.TaskQueue;
import io.interleave.scenario.TaskStep;
import io.interleave.scenario.TaskStepKind;
import io.interleave.trace.ItemRecord;
import io.interleave.trace.QueueChange;
import io.interleave.trace.Span;
import io.interleave.trace.SpanState;
import io.interleave.trace.TaskRecord;
import io.interleave.trace.Trace;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Producers and consumers on a queue, each timeline worked out by hand. One
 * core everywhere; the tasks start at 0 in file order.
 */
@DisplayName("Programs of tasks: puts and gets on a queue, timed by hand")
class TaskQueueTest {
    static TaskStep compute(double ms) {
        return TaskStep.timed(TaskStepKind.COMPUTE, ms, null);
    }

    static TaskStep await(double ms) {
        return TaskStep.timed(TaskStepKind.WAIT, ms, null);
    }

    static Scenario program(Policy policy, int threads, List<TaskQueue> queues, Task... tasks) {
        return new Scenario("program", "", 1, TestScenarios.server(policy, threads, 1), List.of(), List.of(),
                Arrivals.Explicit.NONE, List.of(), List.of(tasks), queues);
    }

    /** Producer: 3 x (compute 100, put). Consumer: 3 x (get, wait 250). A queue of capacity 1. */
    static Scenario oneAndOne(Policy policy, int threads) {
        return program(policy, threads, List.of(TaskQueue.bounded("items", 1)),
                new Task("producer", List.of(TaskStep.repeat(3, List.of(compute(100), TaskStep.put("items"))))),
                new Task("consumer", List.of(TaskStep.repeat(3, List.of(TaskStep.get("items"), await(250))))));
    }

    private static ItemRecord item(int id, int producer, double made, double put, int consumer, double got, double done) {
        return new ItemRecord(id, 0, producer, made, put, consumer, got, done);
    }

    private static List<String> spans(Trace t, int id) {
        return t.spansOf(id).stream().map(s -> s.state().csvName() + " " + (int) s.startMs() + "-" + (int) s.endMs()).toList();
    }

    @Test
    @DisplayName("event loop, capacity 1: the producer waits to put on the full queue and lets the loop go to the consumer")
    void oneProducerOneConsumerLoop() {
        // Loop, ready order: producer (task 1), consumer (task 2).
        //   0-100   producer computes; 100 put: item 1 enters the empty queue (length 1), the producer goes on
        // 100-200   producer computes; 200 put: full, the producer waits to put and lets go of the loop
        //   200     consumer starts: get item 1 (queued 100 ms); room: item 2 (made 200) enters; producer woken;
        //           consumer awaits 250 (200-450)
        // 200-300   producer computes; 300 put: full (item 2), waits to put
        //   450     consumer: item 1 done (latency 450-100 = 350); get item 2 (queued 250); item 3 (made 300) enters;
        //           producer woken, awaits 450-700; producer has no more steps: done at 450
        //   700     item 2 done (latency 500); get item 3 (queued 250); await 700-950
        //   950     item 3 done (latency 650); consumer done. Makespan 950.
        Trace t = Simulation.trace(oneAndOne(Policy.EVENT_LOOP, 1));
        assertThat(t.requests()).isEmpty();
        assertThat(t.program().items()).containsExactly(
                item(1, 1, 100, 100, 2, 200, 450),
                item(2, 1, 200, 200, 2, 450, 700),
                item(3, 1, 300, 450, 2, 700, 950));
        assertThat(t.program().items()).extracting(ItemRecord::latencyMs).containsExactly(350.0, 500.0, 650.0);
        assertThat(t.program().tasks()).containsExactly(
                new TaskRecord(1, 0, "producer", 0, 450, java.util.OptionalInt.of(0)),
                new TaskRecord(2, 1, "consumer", 0, 950, java.util.OptionalInt.of(0)));
        assertThat(spans(t, 1)).containsExactly("compute 0-100", "compute 100-200", "compute 200-300", "waiting-put 300-450");
        assertThat(spans(t, 2)).containsExactly("queued 0-200", "wait 200-450", "wait 450-700", "wait 700-950");
        assertThat(t.program().changes()).containsExactly(
                new QueueChange(0, 100, 1), new QueueChange(0, 200, 1), new QueueChange(0, 450, 1), new QueueChange(0, 700, 0));
        assertThat(t.totals().endMs()).isEqualTo(950);
        assertThat(t.program().deadlock()).isEmpty();
    }

    @Test
    @DisplayName("sync, two threads, capacity 1: a get on the empty queue holds its thread until the first put hands it the item")
    void oneProducerOneConsumerSync() {
        // Thread 0 runs the producer, thread 1 the consumer; one core.
        //   0       consumer: get on the empty queue: waits, holding its thread
        //   0-100   producer computes; 100 put: the waiting consumer gets item 1 at once (queued 0)
        //   100     consumer waits 100-350 (a wait holds its thread under sync, no core); producer computes 100-200
        //   200     put: item 2 enters (length 1); compute 200-300; 300 put: full: waits to put (holds its thread)
        //   350     consumer: item 1 done (latency 250); get item 2 (queued 150); item 3 (made 300) enters;
        //           producer woken: done at 350; consumer waits 350-600
        //   600     item 2 done (latency 400); get item 3 (queued 250); waits 600-850; 850 item 3 done (550)
        Trace t = Simulation.trace(oneAndOne(Policy.SYNC, 2));
        assertThat(t.program().items()).containsExactly(
                item(1, 1, 100, 100, 2, 100, 350),
                item(2, 1, 200, 200, 2, 350, 600),
                item(3, 1, 300, 350, 2, 600, 850));
        assertThat(spans(t, 2)).containsExactly("waiting-get 0-100", "wait 100-350", "wait 350-600", "wait 600-850");
        assertThat(spans(t, 1)).containsExactly("compute 0-100", "compute 100-200", "compute 200-300", "waiting-put 300-350");
        assertThat(t.spansOf(2).get(0).holdsWorker()).as("a sync get holds its thread").isTrue();
        assertThat(t.totals().endMs()).isEqualTo(850);
    }

    @Test
    @DisplayName("two producers, one consumer, unbounded queue: the items back up and each waits its turn")
    void twoProducers() {
        // Loop, ready order: producer 1, producer 2, consumer.
        //   0-100   producer 1 computes, puts item 1 (length 1), done at 100
        // 100-200   producer 2 computes, puts item 2 (length 2), done at 200
        //   200     consumer: get item 1 (queued 100), awaits 200-300; 300 item 1 done (latency 200)
        //   300     get item 2 (queued 100), awaits 300-400; 400 item 2 done (latency 200)
        Scenario s = program(Policy.EVENT_LOOP, 1, List.of(TaskQueue.unbounded("items")),
                new Task("producer", "#009E73", 0, 2, List.of(compute(100), TaskStep.put("items"))),
                new Task("consumer", List.of(TaskStep.repeat(2, List.of(TaskStep.get("items"), await(100))))));
        Trace t = Simulation.trace(s);
        assertThat(t.program().items()).containsExactly(
                item(1, 1, 100, 100, 3, 200, 300),
                item(2, 2, 200, 200, 3, 300, 400));
        assertThat(t.program().tasks()).extracting(TaskRecord::name).containsExactly("producer 1", "producer 2", "consumer");
        assertThat(t.program().changes()).extracting(QueueChange::length).containsExactly(1, 2, 1, 0);
    }

    @Test
    @DisplayName("items nobody gets are reported as left in the queue")
    void leftInTheQueue() {
        Scenario s = program(Policy.EVENT_LOOP, 1, List.of(TaskQueue.unbounded("items")),
                new Task("producer", List.of(TaskStep.repeat(2, List.of(compute(100), TaskStep.put("items"))))),
                new Task("consumer", List.of(TaskStep.get("items"), await(50))));
        Trace t = Simulation.trace(s);
        assertThat(t.program().items()).hasSize(2);
        assertThat(t.program().items().get(1).consumed()).isFalse();
        assertThat(t.program().consumed()).hasSize(1);
    }

    @Test
    @DisplayName("a consumer that wants more items than are made: the run ends in a deadlock naming the stuck task and its queue")
    void deadlockMessage() {
        // Producer: compute 100, put (item 1, done at 100). Consumer: get (item 1 at 100), get: empty, and nothing
        // else is scheduled: deadlock at 100 ms.
        Scenario s = program(Policy.EVENT_LOOP, 1, List.of(TaskQueue.unbounded("items")),
                new Task("producer", List.of(compute(100), TaskStep.put("items"))),
                new Task("consumer", List.of(TaskStep.get("items"), TaskStep.get("items"))));
        DeadlockException e = catchThrowableOfType(() -> Simulation.trace(s), DeadlockException.class);
        assertThat(e).hasMessage("deadlock at 100 ms: every task waits and nothing else can happen: "
                + "consumer waits to get from 'items' (empty)");
        assertThat(e.atMs()).isEqualTo(100);
        Trace partial = e.trace().orElseThrow();
        assertThat(partial.program().deadlock()).contains(e.getMessage());
        assertThat(partial.program().tasks()).extracting(TaskRecord::name).containsExactly("producer");
        assertThat(partial.program().items()).containsExactly(item(1, 1, 100, 100, 2, 100, 100));
    }

    @Test
    @DisplayName("sync with one thread: a consumer started first holds the only thread; the producer never gets it")
    void deadlockForAThread() {
        Scenario s = program(Policy.SYNC, 1, List.of(TaskQueue.bounded("items", 1)),
                new Task("consumer", List.of(TaskStep.get("items"))),
                new Task("producer", List.of(compute(100), TaskStep.put("items"))));
        assertThatThrownBy(() -> Simulation.trace(s)).isInstanceOf(DeadlockException.class)
                .hasMessage("deadlock at 0 ms: every task waits and nothing else can happen: consumer waits to get from 'items' (empty); "
                        + "producer waits for a thread (all 1 held by waiting tasks)");
    }

    @Test
    @DisplayName("sync with one thread, producer first: all production, then all consumption (the talk's sequential program)")
    void sequentialWithOneThread() {
        // producer: 3 x (compute 100, put) on an unbounded queue: items at 100, 200, 300; done at 300.
        // consumer then: get item 1 at 300, block 100 -> 400; item 2 400-500; item 3 500-600.
        Scenario s = program(Policy.SYNC, 1, List.of(TaskQueue.unbounded("items")),
                new Task("producer", List.of(TaskStep.repeat(3, List.of(compute(100), TaskStep.put("items"))))),
                new Task("consumer", List.of(TaskStep.repeat(3, List.of(TaskStep.get("items"),
                        TaskStep.timed(TaskStepKind.BLOCK, 100, null))))));
        Trace t = Simulation.trace(s);
        assertThat(t.program().items()).extracting(ItemRecord::latencyMs).containsExactly(300.0, 300.0, 300.0);
        assertThat(t.program().items()).extracting(ItemRecord::gotMs).containsExactly(300.0, 400.0, 500.0);
    }

    @Test
    @DisplayName("the same sampled durations under both policies (common random numbers)")
    void commonRandomNumbers() {
        io.interleave.scenario.Distribution exp = new io.interleave.scenario.Distribution.Exponential(100);
        Scenario s = program(Policy.SYNC, 2, List.of(TaskQueue.bounded("items", 2)),
                new Task("producer", List.of(TaskStep.repeat(5, List.of(new TaskStep(TaskStepKind.COMPUTE, exp,
                        Optional.empty(), Optional.empty(), 1, List.of()), TaskStep.put("items"))))),
                new Task("consumer", List.of(TaskStep.repeat(5, List.of(TaskStep.get("items"), new TaskStep(TaskStepKind.WAIT, exp,
                        Optional.empty(), Optional.empty(), 1, List.of()))))));
        Trace sync = Simulation.trace(s);
        Trace loop = Simulation.trace(s.withPolicy(Policy.EVENT_LOOP));
        assertThat(computeOf(sync, 1)).isEqualTo(computeOf(loop, 1)).isGreaterThan(0);
        assertThat(waitOf(sync, 2)).isEqualTo(waitOf(loop, 2)).isGreaterThan(0);
    }

    private static double computeOf(Trace t, int id) {
        return t.spansOf(id).stream().filter(sp -> sp.state() == SpanState.COMPUTE).mapToDouble(Span::durationMs).sum();
    }

    private static double waitOf(Trace t, int id) {
        return t.spansOf(id).stream().filter(sp -> sp.state() == SpanState.WAIT || sp.state() == SpanState.BLOCKED)
                .mapToDouble(Span::durationMs).sum();
    }
}
