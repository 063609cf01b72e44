package io.interleave.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.interleave.scenario.code.CodeLine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A program of tasks as Python: the producer-consumer lesson under each policy word for word (frozen in
 * {@code src/test/resources/io/interleave/scenario/code/tasks/LESSON.POLICY.py}), and each unrolled step on
 * its line, so the code view's badges stand where the task is.
 */
@DisplayName("Task code: a program of tasks as coroutines or thread functions, each step on its line")
class TaskCodeTest {

    static Stream<Arguments> programsAndPolicies() {
        List<Arguments> out = new ArrayList<>();
        for (String id : Presets.ids()) {
            if (Presets.load(id).orElseThrow().hasTasks()) {
                for (Policy p : Policy.values()) {
                    out.add(Arguments.of(id, p));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} under {1}")
    @MethodSource("programsAndPolicies")
    @DisplayName("each lesson with tasks: the generated program matches the frozen text")
    void lessonProgramIsFrozen(String id, Policy policy) throws IOException {
        Scenario s = Presets.load(id).orElseThrow();
        String actual = TaskCode.text(s.withPolicy(policy));
        String name = id + "." + policy.styleKey() + ".py";
        assertThat(actual).isEqualTo(expected(name));
    }

    @Test
    @DisplayName("there is a lesson with tasks, so the frozen texts are checked at all")
    void theLessonHasTasks() {
        assertThat(programsAndPolicies()).hasSize(Policy.values().length);
    }

    @Test
    @DisplayName("producer-consumer under asyncio: await items.put(item), item = await items.get(), asyncio.Queue, a for loop of 40")
    void asyncioReadsAsTheTalk() {
        String code = TaskCode.text(Presets.load("producer-consumer").orElseThrow().withPolicy(Policy.EVENT_LOOP));
        assertThat(code).contains("async def producer(items):\n    for _ in range(40):\n")
                .contains("\n        make_item()         # compute 50 ms \"make item\"\n")
                .contains("\n        await items.put(item)\n")
                .contains("\n        await fetch_next()  # wait 450 ms \"fetch next\"\n")
                .contains("async def consumer(items):\n")
                .contains("\n        item = await items.get()\n")
                .contains("\n    items = asyncio.Queue()\n")
                .contains("\n    await asyncio.gather(\n        producer(items),\n        consumer(items),\n    )\n");
    }

    @Test
    @DisplayName("producer-consumer under sync: thread functions with items.put(item) on a queue.Queue, one thread for both tasks")
    void syncReadsAsThreads() {
        String code = TaskCode.text(Presets.load("producer-consumer").orElseThrow().withPolicy(Policy.SYNC));
        assertThat(code).doesNotContain("await").doesNotContain("async")
                .contains("def producer(items):\n")
                .contains("\n        items.put(item)\n")
                .contains("\n        item = items.get()\n")
                .contains("\n        fetch_next()  # wait 450 ms \"fetch next\"\n")
                .contains("# 1 thread for 2 tasks: a task waits for a free thread, so they run one after another, in start order\n")
                .contains("\n    items = queue.Queue()\n")
                .contains("\n    with ThreadPoolExecutor(max_workers=1) as pool:\n        pool.submit(producer, items)\n"
                        + "        pool.submit(consumer, items)\n");
    }

    @Test
    @DisplayName("every unrolled step of the producer stands on its line: make, put, fetch, then make again")
    void stepsStandOnTheirLines() {
        Scenario s = Presets.load("producer-consumer").orElseThrow();
        TaskCode.Listing listing = TaskCode.of(s);
        TaskCode.Kind producer = listing.kinds().get(0);
        assertThat(producer.steps()).isEqualTo(120);
        assertThat(text(listing, producer.lineOf(0))).contains("make_item()");
        assertThat(text(listing, producer.lineOf(1))).contains("await items.put(item)");
        assertThat(text(listing, producer.lineOf(2))).contains("await fetch_next()");
        assertThat(producer.lineOf(3)).isEqualTo(producer.lineOf(0));
        assertThat(producer.lineOf(119)).isEqualTo(producer.lineOf(2));
        assertThat(text(listing, producer.lineOf(120))).as("past the last step: the def line").isEqualTo("async def producer(items):");
        TaskCode.Kind consumer = listing.kinds().get(1);
        assertThat(text(listing, listing.lineOf(1, 78))).contains("item = await items.get()");
        assertThat(text(listing, consumer.lineOf(79))).contains("await process_item()");
        // a line carries the first unrolled step it runs; lines that run none carry -1
        assertThat(listing.lines().get(producer.lineOf(2)).step()).isEqualTo(2);
        assertThat(listing.lines().get(producer.defLine()).step()).isEqualTo(-1);
    }

    @Test
    @DisplayName("nested repeats, a repeated step, several tasks of a kind started late and a bounded queue")
    void nestedRepeatsAndCounts() {
        Queue q = new Queue();
        Task producer = new Task("producer", "#009E73", 0, 1, List.of(
                TaskStep.repeat(2, List.of(
                        TaskStep.timed(TaskStepKind.COMPUTE, 10, "make item"),
                        TaskStep.repeat(3, List.of(TaskStep.put("jobs")))))));
        Task worker = new Task("worker", "#CC79A7", 2000, 3, List.of(
                new TaskStep(TaskStepKind.GET, null, Optional.empty(), Optional.of("jobs"), 2, List.of()),
                TaskStep.timed(TaskStepKind.BLOCK, 5, null)));
        Scenario s = q.scenario(List.of(producer, worker), List.of(TaskQueue.bounded("jobs", 4)));
        TaskCode.Listing listing = TaskCode.of(s);
        assertThat(listing.text()).isEqualTo("""
                # server: event loop, 1 loop on 1 core
                # every task is a coroutine on the loop: an await lets another run; a plain call holds it

                async def producer(jobs):
                    for _ in range(2):
                        make_item()  # compute 10 ms "make item"
                        for _ in range(3):
                            await jobs.put(item)

                async def worker(jobs):
                    for _ in range(2):
                        item = await jobs.get()
                    blocking_call()  # block 5 ms unlabelled

                async def main():
                    jobs = asyncio.Queue(maxsize=4)
                    await asyncio.gather(
                        producer(jobs),
                        *(worker(jobs) for _ in range(3)),  # start at 2 s
                    )
                """);
        TaskCode.Kind p = listing.kinds().get(0);
        assertThat(p.steps()).isEqualTo(8);
        int make = p.lineOf(0);
        int put = p.lineOf(1);
        assertThat(List.of(p.lineOf(0), p.lineOf(1), p.lineOf(2), p.lineOf(3), p.lineOf(4), p.lineOf(5), p.lineOf(6), p.lineOf(7)))
                .containsExactly(make, put, put, put, make, put, put, put);
        TaskCode.Kind w = listing.kinds().get(1);
        assertThat(text(listing, w.lineOf(1))).contains("jobs.get()");
        assertThat(text(listing, w.lineOf(2))).contains("blocking_call()");

        String sync = TaskCode.text(s.withPolicy(Policy.SYNC).withServer(s.withPolicy(Policy.SYNC).server().withWorkers(4)));
        assertThat(sync).contains("# every task is a thread of its own; a wait holds its thread\n")
                .contains("    jobs = queue.Queue(maxsize=4)\n")
                .contains("        for _ in range(3):\n            pool.submit(worker, jobs)  # start at 2 s\n");
    }

    @Test
    @DisplayName("a scenario without tasks has no program")
    void noTasks() {
        assertThatThrownBy(() -> TaskCode.of(Presets.load("three-requests").orElseThrow()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the scenario has no tasks");
    }

    private static final class Queue {
        Scenario scenario(List<Task> tasks, List<TaskQueue> queues) {
            return Presets.load("producer-consumer").orElseThrow().withProgram(tasks, queues).withPolicy(Policy.EVENT_LOOP);
        }
    }

    private static String text(TaskCode.Listing listing, int line) {
        CodeLine l = listing.lines().get(line);
        return l.text();
    }

    private static String expected(String name) throws IOException {
        try (InputStream in = TaskCodeTest.class.getResourceAsStream("code/tasks/" + name)) {
            assertThat(in).as("frozen text " + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
