package io.interleave.engine;

import static io.interleave.engine.TestScenarios.await;
import static io.interleave.engine.TestScenarios.compute;
import static io.interleave.engine.TestScenarios.describe;
import static io.interleave.engine.TestScenarios.scenario;
import static io.interleave.engine.TestScenarios.server;
import static io.interleave.engine.TestScenarios.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.scenario.Arrivals;
import io.interleave.scenario.Policy;
import io.interleave.scenario.RequestType;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.Segment;
import io.interleave.scenario.Server;
import io.interleave.trace.RequestRecord;
import io.interleave.trace.Status;
import io.interleave.trace.TaskRecord;
import io.interleave.trace.Trace;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Background tasks: a spawn starts a task of its own segments and the request goes on at once.
 * Every case is one "signup" request R1 at 0: compute 2, spawn "send email" [compute 15, await 50],
 * await 10 (the database), compute 2. Alone, without the spawn, R1 takes 14 ms. The task gets id 2
 * (after the one request) and its own row, "R1's task: send email".
 */
@DisplayName("Background tasks (spawn): the request goes on, the task outlives it")
class SpawnTest {

    private static Trace run(Scenario s) {
        Trace trace = Simulation.trace(s);
        TraceChecks.all(trace);
        return trace;
    }

    private static RequestType signup(Segment emailCompute) {
        return type("signup", compute(2), Segment.spawn("send email", List.of(emailCompute, await(50))), await(10), compute(2));
    }

    private static Scenario signup(Policy policy, int workers, int cores, Segment emailCompute) {
        return scenario(server(policy, workers, cores), List.of(signup(emailCompute)), new Arrivals.Uniform(1, 1));
    }

    private static TaskRecord onlyTask(Trace t) {
        assertThat(t.program().tasks()).hasSize(1);
        TaskRecord task = t.program().tasks().get(0);
        assertThat(task.id()).isEqualTo(2);
        assertThat(task.name()).isEqualTo("R1's task: send email");
        assertThat(task.background()).isTrue();
        assertThat(task.spawnedBy()).isEqualTo(1);
        assertThat(task.kind()).as("the spawn is the type's segment 1").isEqualTo(1);
        assertThat(task.computeMs()).isEqualTo(15.0);
        return task;
    }

    /*
     * Sync, one thread: at 2 R1 submits the task; the only thread is R1's, so the task queues for it
     * (2-14). R1 goes on: await 2-12 holding the thread, compute 12-14, response at 14 (as without the
     * spawn). The thread then takes the task: compute 14-29, await 29-79 holding the thread. The task
     * outlives its request by 65 ms.
     */
    @Test
    @DisplayName("sync, 1 thread: the task queues for the thread and runs after R1 (R1 14, task 2-79)")
    void syncOneThread() {
        Trace t = run(signup(Policy.SYNC, 1, 1, compute(15)));
        RequestRecord r = t.request(1);
        assertThat(r.finishMs()).isEqualTo(14.0);
        assertThat(r.computeMs()).as("the task's compute is not the request's").isEqualTo(4.0);
        assertThat(r.waitMs()).isEqualTo(10.0);
        assertThat(describe(t.spansOf(1))).containsExactly("compute 0-2 w0 c0", "wait 2-12 w0 held", "compute 12-14 w0 c0");
        assertThat(describe(t.spansOf(2))).containsExactly("queued 2-14", "compute 14-29 w0 c0", "wait 29-79 w0 held");
        TaskRecord task = onlyTask(t);
        assertThat(task.startMs()).isEqualTo(2.0);
        assertThat(task.finishMs()).isEqualTo(79.0);
        assertThat(task.worker()).isEqualTo(OptionalInt.of(0));
        assertThat(t.totals().endMs()).as("the run lasts until the task is done").isEqualTo(79.0);
        assertThat(t.totals().busyCoreMs()).as("the task's CPU counts").isEqualTo(19.0);
    }

    /*
     * Sync, two threads, one core: at 2 the task takes the idle thread 1 at once and wants the core,
     * which R1 lets go of the same instant as it starts awaiting (2-12). The task computes 2-17 and
     * awaits 17-67 on thread 1. R1's await ends at 12 but the core is the task's until 17: R1 is ready
     * 12-17, computes 17-19: response 19, 5 ms later than alone, because its task took the core.
     */
    @Test
    @DisplayName("sync, 2 threads, 1 core: the task takes the free thread and competes for the core (R1 19, task 2-67)")
    void syncTwoThreads() {
        Trace t = run(signup(Policy.SYNC, 2, 1, compute(15)));
        assertThat(t.request(1).finishMs()).isEqualTo(19.0);
        assertThat(describe(t.spansOf(1))).containsExactly(
                "compute 0-2 w0 c0", "wait 2-12 w0 held", "ready 12-17 w0 held", "compute 17-19 w0 c0");
        assertThat(describe(t.spansOf(2))).containsExactly("compute 2-17 w1 c0", "wait 17-67 w1 held");
        TaskRecord task = onlyTask(t);
        assertThat(task.finishMs()).isEqualTo(67.0);
        assertThat(task.worker()).isEqualTo(OptionalInt.of(1));
    }

    /*
     * Event loop: at 2 the task joins the back of the loop's ready queue; R1 goes on in its turn and
     * awaits the database (2-12), which frees the loop, so the task runs at once: compute 2-17 holding
     * the loop, then awaits 17-67. R1's await ends at 12 but the loop is busy with the task's compute:
     * ready 12-17, compute 17-19, response 19. The task finishes at 67 on the same loop.
     */
    @Test
    @DisplayName("event loop: the task runs on R1's loop and holds it while it computes (R1 19, task 2-67)")
    void eventLoop() {
        Trace t = run(signup(Policy.EVENT_LOOP, 1, 1, compute(15)));
        assertThat(t.request(1).finishMs()).isEqualTo(19.0);
        assertThat(describe(t.spansOf(1))).containsExactly("compute 0-2 w0 c0", "wait 2-12 w0", "ready 12-17 w0", "compute 17-19 w0 c0");
        assertThat(describe(t.spansOf(2))).containsExactly("compute 2-17 w0 c0", "wait 17-67 w0");
        TaskRecord task = onlyTask(t);
        assertThat(task.startMs()).isEqualTo(2.0);
        assertThat(task.finishMs()).isEqualTo(67.0);
    }

    /*
     * Event loop + pool, 2 cores, the task's compute offloaded: at 2 the task runs on the loop and
     * hands its compute to pool thread 0 at once; that thread takes the free core 1 (the loop holds
     * core 0): compute 2-17. R1 awaits 2-12 and computes 12-14 on its loop: response 14, as alone.
     * At 17 the task's continuation joins the loop and awaits 17-67.
     */
    @Test
    @DisplayName("event loop + pool: offloaded compute in the task runs on a pool thread (R1 14, task 2-67)")
    void eventLoopWithPool() {
        Server s = new Server(Policy.EVENT_LOOP_POOL, 1, 2, 0, OptionalInt.empty(), OptionalInt.empty(), 4);
        Trace t = run(scenario(s, List.of(signup(compute(15).withOffload(true))), new Arrivals.Uniform(1, 1)));
        assertThat(t.request(1).finishMs()).isEqualTo(14.0);
        assertThat(describe(t.spansOf(1))).containsExactly("compute 0-2 w0 c0", "wait 2-12 w0", "compute 12-14 w0 c0");
        assertThat(describe(t.spansOf(2))).containsExactly("compute 2-17 w0 c1", "wait 17-67 w0");
        assertThat(t.spansOf(2).get(0).poolThread()).isEqualTo(OptionalInt.of(0));
        assertThat(onlyTask(t).finishMs()).isEqualTo(67.0);
    }

    /*
     * Event loop, R1's client gives up at 5 with cancellation: R1 is awaiting (2-12), so it is
     * cancelled at once, at 5. Its task is not: asyncio cancels the request's task, not the tasks it
     * created. The task computes 2-17 and awaits 17-67 as before.
     */
    @Test
    @DisplayName("a cancelled request's task runs on to its end")
    void cancellingTheRequestLeavesItsTask() {
        RequestType timed = signup(compute(15)).withTimeout(java.util.OptionalDouble.of(5), true);
        Trace t = run(scenario(server(Policy.EVENT_LOOP, 1, 1), List.of(timed), new Arrivals.Uniform(1, 1)));
        assertThat(t.request(1).status()).isEqualTo(Status.CANCELLED);
        assertThat(t.request(1).finishMs()).isEqualTo(5.0);
        assertThat(describe(t.spansOf(2))).containsExactly("compute 2-17 w0 c0", "wait 17-67 w0");
        assertThat(onlyTask(t).finishMs()).isEqualTo(67.0);
    }

    /*
     * A task whose segments all take 0 ms is done the instant it starts: no turn, no thread, no span;
     * R1 runs exactly as without the spawn (sync, one thread: 14).
     */
    @Test
    @DisplayName("a task of 0 ms segments is done at once and changes nothing")
    void emptyTask() {
        RequestType type = type("signup", compute(2), Segment.spawn(null, List.of(compute(0), await(0))), await(10), compute(2));
        Trace t = run(scenario(server(Policy.SYNC, 1, 1), List.of(type), new Arrivals.Uniform(1, 1)));
        assertThat(t.request(1).finishMs()).isEqualTo(14.0);
        assertThat(t.program().tasks()).singleElement().satisfies(task -> {
            assertThat(task.name()).isEqualTo("R1's task");
            assertThat(task.startMs()).isEqualTo(2.0);
            assertThat(task.finishMs()).isEqualTo(2.0);
            assertThat(task.worker()).isEmpty();
        });
        assertThat(t.spans()).noneMatch(sp -> sp.requestId() == 2);
    }
}
