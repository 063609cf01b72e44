package io.interleave.trace.narration;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.engine.Simulation;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.ScenarioJson;
import io.interleave.trace.Trace;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Breakpoints of a program of tasks: "when item N is consumed" and "when the queue is full". Worked by
 * hand: in examples/producer-consumer.json item i is made at (i-1)·500 + 50 ms; on one loop the consumer
 * takes it at once, on one thread at 20 000 + 250·(i-1). In the tight program below (event loop, queue of
 * 1, producer 100 ms an item, consumer 300 ms) item 1 is put at 100 and taken at once, item 2 is put at
 * 200, and the put of item 3 at 300 finds the queue full.
 */
@DisplayName("Breakpoints: when item N is consumed, when the queue is full")
class ProgramBreakpointsTest {
    static final String TIGHT = """
            {"schema": 1, "name": "tight queue",
             "server": {"policy": "event-loop", "workers": 1, "cores": 1},
             "queues": [{"name": "items", "capacity": 1}],
             "tasks": [
               {"name": "producer", "steps": [{"kind": "repeat", "repeat": 3, "steps": [
                  {"kind": "compute", "ms": 100, "label": "make item"}, {"kind": "put", "queue": "items"}]}]},
               {"name": "consumer", "steps": [{"kind": "repeat", "repeat": 3, "steps": [
                  {"kind": "get", "queue": "items"}, {"kind": "wait", "ms": 300, "label": "process item"}]}]}]}
            """;

    private static final Breakpoints ITEM_7 = Breakpoints.NONE.withItemConsumed(OptionalInt.of(7));

    static List<Trace> example() {
        Scenario s = ScenarioJson.read(Path.of("examples", "producer-consumer.json"));
        return Simulation.compare(s);
    }

    @Test
    @DisplayName("item 7 is consumed at 3.05 s on the loop and at 21.5 s on one thread: compared, the loop's comes first")
    void itemConsumed() {
        List<Trace> both = example();
        Breakpoints.Hit hit = ITEM_7.firstBetween(both, 0, 60_000).orElseThrow();
        assertThat(hit.timeMs()).isEqualTo(3_050);
        assertThat(hit.reason()).isEqualTo("consumer takes item 7 · asyncio (one loop)");
        Breakpoints.Hit later = ITEM_7.firstBetween(both, 3_050, 60_000).orElseThrow();
        assertThat(later.timeMs()).isEqualTo(21_500);
        assertThat(later.reason()).isEqualTo("consumer takes item 7 · Sync (one thread)");
        assertThat(ITEM_7.firstBetween(List.of(both.get(0)), 0, 21_499)).isEmpty();
        assertThat(Breakpoints.NONE.withItemConsumed(OptionalInt.of(41)).firstBetween(both, 0, 60_000)).isEmpty(); // no item 41
        assertThat(ITEM_7.any()).isTrue();
    }

    @Test
    @DisplayName("the queue is full at 300 ms, when the producer's third put finds it so; never on the example's unbounded queue")
    void queueFull() {
        Trace tight = Simulation.trace(ScenarioJson.parse(TIGHT));
        Breakpoints full = Breakpoints.NONE.withQueueFull(true);
        Breakpoints.Hit hit = full.firstBetween(List.of(tight), 0, 10_000).orElseThrow();
        assertThat(hit.timeMs()).isEqualTo(300);
        assertThat(hit.reason()).isEqualTo("the queue is full: producer waits to put");
        assertThat(full.firstBetween(List.of(tight), 300, 10_000)).isEmpty();
        assertThat(full.firstBetween(example(), 0, 60_000)).isEmpty();
    }

    @Test
    @DisplayName("request breakpoints keep their meaning beside the program's: a time still stops where it is")
    void withTime() {
        Breakpoints b = ITEM_7.withAtMs(OptionalDouble.of(1_000));
        assertThat(b.firstBetween(example(), 0, 60_000).orElseThrow().timeMs()).isEqualTo(1_000);
        assertThat(b.withItemConsumed(OptionalInt.empty()).itemConsumed()).isEmpty();
    }
}
