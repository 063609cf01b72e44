package io.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.scenario.Arrivals;
import io.interleave.scenario.Distribution;
import io.interleave.scenario.Policy;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.Task;
import io.interleave.scenario.TaskQueue;
import io.interleave.scenario.TaskStep;
import io.interleave.scenario.TaskStepKind;
import io.interleave.trace.ItemRecord;
import io.interleave.trace.Trace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

/**
 * Random programs of producers and consumers on one queue, under every
 * policy: a queue is first in, first out, and loses nothing.
 */
class TaskQueueProperties {
    /** A program: what each producer puts, what each consumer gets, the queue's capacity (0 = unbounded), the policy. */
    record Program(List<Integer> puts, List<Integer> gets, int capacity, Policy policy, long seed) {
        int totalPuts() {
            return puts.stream().mapToInt(Integer::intValue).sum();
        }

        int totalGets() {
            return gets.stream().mapToInt(Integer::intValue).sum();
        }

        Scenario scenario() {
            Distribution work = new Distribution.Exponential(50);
            List<Task> tasks = new ArrayList<>();
            for (int p = 0; p < puts.size(); p++) {
                tasks.add(new Task("producer" + p, List.of(TaskStep.repeat(puts.get(p), List.of(
                        step(TaskStepKind.COMPUTE, work), step(TaskStepKind.WAIT, work), TaskStep.put("items"))))));
            }
            for (int c = 0; c < gets.size(); c++) {
                tasks.add(new Task("consumer" + c, List.of(TaskStep.repeat(gets.get(c), List.of(
                        TaskStep.get("items"), step(TaskStepKind.WAIT, work), step(TaskStepKind.COMPUTE, work))))));
            }
            TaskQueue queue = capacity == 0 ? TaskQueue.unbounded("items") : TaskQueue.bounded("items", capacity);
            int threads = policy == Policy.SYNC ? tasks.size() : 1;
            return new Scenario("property", "", seed, TestScenarios.server(policy, threads, 2), List.of(), List.of(),
                    Arrivals.Explicit.NONE, List.of(), tasks, List.of(queue));
        }

        private static TaskStep step(TaskStepKind kind, Distribution ms) {
            return new TaskStep(kind, ms, Optional.empty(), Optional.empty(), 1, List.of());
        }
    }

    @Provide
    Arbitrary<Program> programs() {
        Arbitrary<List<Integer>> producers = Arbitraries.integers().between(1, 6).list().ofMinSize(1).ofMaxSize(3);
        Arbitrary<List<Integer>> consumers = Arbitraries.integers().between(1, 6).list().ofMinSize(1).ofMaxSize(3);
        return Combinators.combine(producers, consumers, Arbitraries.integers().between(0, 3),
                Arbitraries.of(Policy.SYNC, Policy.EVENT_LOOP), Arbitraries.longs()).as((puts, gets, capacity, policy, seed) -> {
                    // no deadlock: a bounded queue gets every item put; an unbounded one at most as many
                    List<Integer> fitted = fit(gets, puts.stream().mapToInt(Integer::intValue).sum(), capacity != 0);
                    return new Program(puts, fitted, capacity, policy, seed);
                });
    }

    /** The consumers' gets, cut (or, when {@code exact}, grown on the last) so they add up to at most (exactly) {@code total}. */
    private static List<Integer> fit(List<Integer> gets, int total, boolean exact) {
        List<Integer> out = new ArrayList<>();
        int left = total;
        for (int g : gets) {
            int n = Math.min(g, left - (gets.size() - out.size() - 1)); // leave at least 1 for each consumer after
            n = Math.max(n, 1);
            out.add(n);
            left -= n;
        }
        if (left < 0) { // more consumers than items: the last ones get one each and the total is too high; trim from the end
            while (left < 0 && out.size() > 1) {
                left += out.remove(out.size() - 1);
            }
        }
        if (exact && left > 0) {
            out.set(out.size() - 1, out.get(out.size() - 1) + left);
        }
        return out;
    }

    @Property(tries = 200, seed = "42", shrinking = ShrinkingMode.BOUNDED)
    @Label("items are got in the order they were put, and items put = items got + items left")
    void firstInFirstOutAndNothingLost(@ForAll("programs") Program program) {
        Trace t = Simulation.trace(program.scenario());
        List<ItemRecord> items = t.program().items();
        assertThat(items).as("every put made an item").hasSize(program.totalPuts());
        List<ItemRecord> consumed = t.program().consumed();
        assertThat(consumed).as("every get took one").hasSize(program.totalGets());
        long left = items.stream().filter(i -> !i.consumed()).count();
        assertThat(consumed.size() + left).isEqualTo(program.totalPuts());
        // FIFO: taken in the order they entered (item ids are entry order)
        List<ItemRecord> byGot = new ArrayList<>(consumed);
        byGot.sort(Comparator.comparingDouble(ItemRecord::gotMs).thenComparingInt(ItemRecord::id));
        assertThat(byGot).isEqualTo(consumed);
        for (ItemRecord i : consumed) {
            assertThat(i.putMs()).isGreaterThanOrEqualTo(i.madeMs());
            assertThat(i.gotMs()).isGreaterThanOrEqualTo(i.putMs());
            assertThat(i.doneMs()).isGreaterThanOrEqualTo(i.gotMs());
        }
        // the queue never holds more than its capacity, and ends holding the items left
        int cap = program.capacity() == 0 ? Integer.MAX_VALUE : program.capacity();
        assertThat(t.program().changes()).allSatisfy(c -> assertThat(c.length()).isLessThanOrEqualTo(cap));
        int last = t.program().changes().isEmpty() ? 0 : t.program().changes().get(t.program().changes().size() - 1).length();
        assertThat(last).isEqualTo((int) left);
    }
}
