package io.interleave.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.scenario.Scenario;
import io.interleave.scenario.ScenarioJson;
import io.interleave.scenario.Task;
import io.interleave.scenario.TaskStep;
import io.interleave.scenario.TaskStepKind;
import io.interleave.stats.ItemSummary;
import io.interleave.trace.ItemRecord;
import io.interleave.trace.QueueChange;
import io.interleave.trace.Span;
import io.interleave.trace.SpanState;
import io.interleave.trace.Trace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Lesson 10, sentence by sentence: one producer of 40 items (compute 50, put, I/O 450) and one
 * consumer (get, I/O 250) on an unbounded queue. The producer makes item i at (i-1)·500 + 50 ms
 * and is done at 20 s. One thread: the consumer waits for the thread until 20 s, then finishes
 * item i at 20 000 + 250·i (latency 20 450 - 250·i: 20.2 s for item 1 down to 10.45 s for item
 * 40); the run ends at 30 s. One loop: the consumer gets each item as it is put and is done 250 ms
 * later, waiting to get until the next; the run ends with the producer's last wait, at 20 s.
 */
@DisplayName("Lesson 10: Producer and consumer on a queue")
class ProducerConsumerTextTest {
    final Lesson lesson = Lesson.of("producer-consumer");
    final Trace thread = lesson.variant("Sync (one thread)");
    final Trace loop = lesson.variant("asyncio (one loop)");

    static final int PRODUCER = 1;
    static final int CONSUMER = 2;

    static List<Span> spans(Trace t, int task, SpanState state) {
        return t.spansOf(task).stream().filter(s -> s.state() == state).toList();
    }

    static int longestQueue(Trace t) {
        return t.program().changes().stream().mapToInt(QueueChange::length).max().orElse(0);
    }

    @Test
    @DisplayName("“One producer makes 40 items (50 ms of compute, a put on the queue, then 450 ms of I/O before the next) and one consumer takes each item off the queue and processes it (250 ms of I/O).”")
    void theSetting() {
        Scenario s = lesson.scenario();
        assertThat(s.tasks()).extracting(Task::name).containsExactly("producer", "consumer");
        assertThat(s.tasks()).extracting(Task::count).containsExactly(1, 1);
        assertThat(s.arrivals().count()).isZero();
        assertThat(s.tasks().get(0).unrolled()).hasSize(120);
        assertThat(s.tasks().get(0).unrolled().subList(0, 3)).extracting(TaskStep::kind)
                .containsExactly(TaskStepKind.COMPUTE, TaskStepKind.PUT, TaskStepKind.WAIT);
        assertThat(s.tasks().get(1).unrolled()).hasSize(80);
        assertThat(s.tasks().get(1).unrolled().subList(0, 2)).extracting(TaskStep::kind)
                .containsExactly(TaskStepKind.GET, TaskStepKind.WAIT);
        assertThat(spans(loop, PRODUCER, SpanState.COMPUTE)).hasSize(40).allMatch(sp -> sp.durationMs() == 50);
        assertThat(spans(loop, PRODUCER, SpanState.WAIT)).hasSize(40).allMatch(sp -> sp.durationMs() == 450);
        assertThat(spans(loop, CONSUMER, SpanState.WAIT)).hasSize(40).allMatch(sp -> sp.durationMs() == 250);
        assertThat(s.queues()).hasSize(1);
        assertThat(s.queues().get(0).capacity()).isEmpty();
    }

    @Test
    @DisplayName("“Written synchronously the program makes every item, then consumes every item: the quickest item's latency is 10.45 s, the worst 20.2 s, and the run takes 30 s.”")
    void synchronous() {
        List<ItemRecord> items = thread.program().items();
        assertThat(items).hasSize(40).allMatch(ItemRecord::consumed);
        double lastMade = items.stream().mapToDouble(ItemRecord::madeMs).max().orElseThrow();
        double firstTaken = items.stream().mapToDouble(ItemRecord::gotMs).min().orElseThrow();
        assertThat(firstTaken).isGreaterThan(lastMade);
        ItemSummary summary = ItemSummary.of(items);
        assertThat(summary.minMs()).isEqualTo(10_450);
        assertThat(summary.maxMs()).isEqualTo(20_200);
        assertThat(thread.endMs()).isEqualTo(30_000);
    }

    @Test
    @DisplayName("“On one thread the consumer cannot start until the producer is done: its row waits 20 s for the thread.”")
    void consumerWaitsForTheThread() {
        Span first = thread.spansOf(CONSUMER).get(0);
        assertThat(first.state()).isEqualTo(SpanState.QUEUED);
        assertThat(first.startMs()).isZero();
        assertThat(first.endMs()).isEqualTo(20_000);
        double producerDone = thread.program().tasks().stream().filter(t -> t.id() == PRODUCER).findFirst().orElseThrow().finishMs();
        assertThat(producerDone).isEqualTo(20_000);
    }

    @Test
    @DisplayName("“With asyncio and a queue the run completes in 20 s instead of 30, and every item's latency is 250 ms: it is processed as soon as it is made.”")
    void asyncio() {
        assertThat(loop.endMs()).isEqualTo(20_000);
        assertThat(loop.program().items()).hasSize(40).allMatch(i -> i.latencyMs() == 250);
        assertThat(loop.program().items()).allMatch(i -> i.gotMs() == i.madeMs());
    }

    @Test
    @DisplayName("“Between items the consumer's row shows it waiting to get: it is done with each item before the next is made, so the queue never holds more than one.”")
    void waitingToGet() {
        List<Span> gets = spans(loop, CONSUMER, SpanState.WAITING_GET);
        assertThat(gets).hasSize(39).allMatch(sp -> sp.durationMs() == 250);
        List<ItemRecord> items = loop.program().items();
        for (int i = 1; i < items.size(); i++) {
            assertThat(items.get(i - 1).doneMs()).isLessThan(items.get(i).madeMs());
        }
        assertThat(longestQueue(loop)).isEqualTo(1);
        assertThat(longestQueue(thread)).isEqualTo(40); // on one thread every item waits in the queue
    }

    @Test
    @DisplayName("teaching.md “On one thread the consumer's row is grey for 20 s: it waits for the thread until the producer is done.”")
    void guideGreyRow() {
        assertThat(spans(thread, CONSUMER, SpanState.QUEUED)).singleElement()
                .satisfies(sp -> assertThat(sp.durationMs()).isEqualTo(20_000));
    }

    @Test
    @DisplayName("teaching.md “The lesson is also examples/producer-consumer.json”: the preset is that file, with a name and its what-to-notice")
    void sameAsTheExample() {
        Scenario example = ScenarioJson.read(Path.of("examples", "producer-consumer.json"));
        Scenario preset = lesson.scenario();
        assertThat(preset.tasks()).isEqualTo(example.tasks());
        assertThat(preset.queues()).isEqualTo(example.queues());
        assertThat(preset.compareVariants()).isEqualTo(example.compareVariants());
        assertThat(preset.server()).isEqualTo(example.server());
    }
}
