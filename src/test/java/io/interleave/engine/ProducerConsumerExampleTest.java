package io.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.interleave.scenario.Scenario;
import io.interleave.scenario.ScenarioJson;
import io.interleave.stats.ItemSummary;
import io.interleave.trace.ItemRecord;
import io.interleave.trace.QueueChange;
import io.interleave.trace.Trace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The asyncio.Queue lesson (examples/producer-consumer.json and its
 * two-producer variant), sentence by sentence of its section in
 * docs/teaching.md. Worked out by hand: the producer makes item i (1..40)
 * at (i-1)·500 + 50 ms (50 ms of compute, then the put, then 450 ms of
 * I/O), so it is done at 20 s. Sync, one thread: the consumer starts at
 * 20 s and finishes item i at 20 000 + 250·i: latency 20 450 - 250·i, from
 * 20.2 s (item 1) down to 10.45 s (item 40), and the run ends at 30 s. On
 * one loop the consumer gets each item as it is put and is done 250 ms
 * later: every latency is 250 ms, and the run ends with the producer's last
 * wait, at 20 s.
 */
@DisplayName("The producer-consumer example: the asyncio.Queue lesson")
class ProducerConsumerExampleTest {
    private static final Path GUIDE = Path.of("docs/teaching.md");

    private static Scenario example(String name) throws IOException {
        return ScenarioJson.read(Path.of("examples", name));
    }

    private static String section() throws IOException {
        String guide = Files.readString(GUIDE).replaceAll("\\s+", " ");
        int start = guide.indexOf("## 10. Producer and consumer on a queue");
        assertThat(start).as("docs/teaching.md has the lesson's section").isNotNegative();
        int end = guide.indexOf("## ", start + 3);
        return end < 0 ? guide.substring(start) : guide.substring(start, end);
    }

    private static void quoted(String sentence) throws IOException {
        assertThat(section()).contains(sentence);
    }

    @Test
    @DisplayName("“Written synchronously the program makes every item, then consumes every item: the quickest item's latency is 10.45 s, the worst 20.2 s, and the run takes 30 s.”")
    void sync() throws IOException {
        quoted("Written synchronously the program makes every item, then consumes every item: the quickest item's latency is 10.45 s, the worst 20.2 s, and the run takes 30 s.");
        Scenario s = example("producer-consumer.json");
        Trace sync = Simulation.trace(s, s.compareVariants().get(0));
        ItemSummary items = ItemSummary.of(sync.program().items());
        assertThat(items.made()).isEqualTo(40);
        assertThat(items.minMs()).isEqualTo(10_450);
        assertThat(items.maxMs()).isEqualTo(20_200);
        assertThat(sync.endMs()).isEqualTo(30_000);
        // all production first: the first get comes after the last put
        List<ItemRecord> all = sync.program().items();
        assertThat(all.get(0).gotMs()).isGreaterThanOrEqualTo(all.get(all.size() - 1).putMs());
    }

    @Test
    @DisplayName("“With asyncio and a queue the run completes in 20 s instead of 30, and every item's latency is 250 ms: it is processed as soon as it is made.”")
    void asyncio() throws IOException {
        quoted("With asyncio and a queue the run completes in 20 s instead of 30, and every item's latency is 250 ms: it is processed as soon as it is made.");
        Scenario s = example("producer-consumer.json");
        Trace loop = Simulation.trace(s, s.compareVariants().get(1));
        assertThat(loop.endMs()).isEqualTo(20_000);
        assertThat(loop.program().items()).hasSize(40).allSatisfy(i -> {
            assertThat(i.latencyMs()).isEqualTo(250.0);
            assertThat(i.queuedMs()).isZero();
        });
    }

    @Test
    @DisplayName("the narration of the asyncio run: “consumer takes item 7 (waited 0 ms in the queue)”")
    void narration() throws IOException {
        quoted("\"consumer takes item 7 (waited 0 ms in the queue)\"");
        Scenario s = example("producer-consumer.json");
        Trace loop = Simulation.trace(s, s.compareVariants().get(1));
        assertThat(io.interleave.trace.narration.Narrator.narrate(loop).lines())
                .anySatisfy(l -> assertThat(l.text().toLowerCase(java.util.Locale.ROOT))
                        .contains("consumer takes item 7 (waited 0 ms in the queue)"));
    }

    @Test
    @DisplayName("“Both runs draw the same durations; only the order differs.”")
    void sameDurations() throws IOException {
        quoted("Both runs draw the same durations; only the order differs.");
        Scenario s = example("producer-consumer.json");
        Trace sync = Simulation.trace(s, s.compareVariants().get(0));
        Trace loop = Simulation.trace(s, s.compareVariants().get(1));
        assertThat(busy(sync)).as("the same computes and waits, in all").isEqualTo(busy(loop)).isEqualTo(40 * (50 + 450 + 250));
    }

    private static double busy(Trace t) {
        return t.spans().stream().filter(sp -> sp.state() != io.interleave.trace.SpanState.QUEUED
                && sp.state() != io.interleave.trace.SpanState.READY
                && sp.state() != io.interleave.trace.SpanState.WAITING_GET
                && sp.state() != io.interleave.trace.SpanState.WAITING_PUT).mapToDouble(sp -> sp.durationMs()).sum();
    }

    @Test
    @DisplayName("“With two producers per consumer the items come a little faster than the consumer takes them: they back up in the queue, and their latency grows from 0.32 s to 2.55 s.”")
    void twoProducers() throws IOException {
        quoted("With two producers per consumer the items come a little faster than the consumer takes them: they back up in the queue, and their latency grows from 0.32 s to 2.55 s.");
        Trace loop = Simulation.trace(example("producer-consumer-two-producers.json"));
        ItemSummary items = ItemSummary.of(loop.program().items());
        assertThat(items.made()).isEqualTo(80);
        assertThat(items.firstMs()).isCloseTo(320, within(1e-6));
        assertThat(items.lastMs()).isCloseTo(2_550, within(1e-6));
        assertThat(items.maxMs()).isCloseTo(2_550, within(1e-6));
        assertThat(loop.program().changes()).extracting(QueueChange::length).as("items wait in the queue").anyMatch(n -> n >= 5);
    }
}
