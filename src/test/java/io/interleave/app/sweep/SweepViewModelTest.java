package io.interleave.app.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.scenario.Scenario;
import io.interleave.stats.Sweep;
import io.interleave.stats.Theory;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The sweep's view model without a toolkit: executors stand in for the background and FX threads. */
class SweepViewModelTest {
    private final Deque<Runnable> background = new ArrayDeque<>();
    private final Deque<Runnable> fx = new ArrayDeque<>();

    private SweepViewModel vm(Scenario s) {
        return new SweepViewModel(new SimpleObjectProperty<>(s), background::add, fx::add, 2);
    }

    private static void drain(Deque<Runnable> q) {
        while (!q.isEmpty()) {
            q.poll().run();
        }
    }

    @Test
    @DisplayName("the fields start from the scenario's default range, 5 replications and 2000 requests")
    void defaults() {
        SweepViewModel vm = vm(SweepScenarios.threeRequests());
        SweepPlan d = SweepPlan.defaults(SweepScenarios.threeRequests());
        assertThat(vm.fromProperty().get()).isEqualTo(SweepPlan.format(d.from()));
        assertThat(vm.toProperty().get()).isEqualTo(SweepPlan.format(d.to()));
        assertThat(vm.stepProperty().get()).isEqualTo(SweepPlan.format(d.step()));
        assertThat(vm.replicationsProperty().get()).isEqualTo("5");
        assertThat(vm.requestsProperty().get()).isEqualTo("2000");
        assertThat(vm.noteProperty().get()).contains("Poisson");
    }

    @Test
    @DisplayName("an invalid range shows a message and runs nothing; fixing it clears the message")
    void invalidRange() {
        SweepViewModel vm = vm(SweepScenarios.threeRequests());
        vm.fromProperty().set("50");
        vm.toProperty().set("10");
        vm.run();
        assertThat(vm.errorProperty().get()).isEqualTo("To must be at least From (50/s)");
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(background).isEmpty();
        vm.stepProperty().set("abc");
        vm.toProperty().set("60");
        vm.run();
        assertThat(vm.errorProperty().get()).isEqualTo("Step must be a number, was 'abc'");
        vm.resetRange();
        assertThat(vm.plan()).isPresent();
        assertThat(vm.errorProperty().get()).isEmpty();
    }

    @Test
    @DisplayName("run works off the calling thread, reports progress, and yields a point per variant and rate")
    void runProducesPoints() {
        SweepViewModel vm = vm(SweepScenarios.mm1());
        vm.fromProperty().set("20");
        vm.toProperty().set("80");
        vm.stepProperty().set("30");
        vm.replicationsProperty().set("3");
        vm.requestsProperty().set("200");
        vm.run();
        assertThat(vm.runningProperty().get()).isTrue();
        assertThat(vm.outcomeProperty().get()).isNull();
        assertThat(background).hasSize(1);
        drain(background);
        assertThat(fx).hasSize(4); // three progress updates and the result
        drain(fx);
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.progressProperty().get()).isEqualTo(1);
        Sweep.Result r = vm.outcomeProperty().get().result();
        assertThat(r.series()).extracting(Sweep.Series::label).containsExactly("Sync (threads)", "Event loop");
        assertThat(r.series()).allSatisfy(x -> assertThat(x.points()).extracting(Sweep.Point::ratePerSec).containsExactly(20.0, 50.0, 80.0));
        assertThat(r.points()).allSatisfy(p -> assertThat(p.meanResponseMs().mean()).isPositive());
        assertThat(vm.outcomeProperty().get().replications()).isEqualTo(3);
        assertThat(vm.statusProperty().get()).isEqualTo("Done: 2 variants at 3 rates, 3 runs each. Dashed: theory (M/M/1).");
        assertThat(SweepViewModel.summary(vm.outcomeProperty().get())).isEqualTo("Sync (threads) keeps up at every rate (capacity ≈100/s);"
                + " Event loop keeps up at every rate (capacity ≈100/s). Dashed: theory (M/M/1).");
    }

    @Test
    @DisplayName("the theory curve the chart draws equals Theory's M/M/1 prediction, and none is drawn for a mix")
    void theoryMatches() {
        SweepViewModel vm = vm(SweepScenarios.mm1());
        vm.fromProperty().set("20");
        vm.toProperty().set("40");
        vm.stepProperty().set("20");
        vm.replicationsProperty().set("2");
        vm.requestsProperty().set("100");
        vm.run();
        drain(background);
        drain(fx);
        Scenario swept = vm.outcomeProperty().get().scenario();
        for (int i = 0; i < 2; i++) {
            Theory.Model model = Theory.of(swept.under(swept.compareVariants().get(i))).orElseThrow();
            assertThat(vm.outcomeProperty().get().result().series().get(i).theory()).hasValue(model);
            for (double rate : new double[] {10, 50, 90}) {
                assertThat(vm.theoryMs(i, rate)).isEqualTo(model.meanResponseMs(rate));
            }
        }
        assertThat(vm.theoryMs(0, 50)).hasValueSatisfying(ms -> assertThat(ms).isCloseTo(20.0, org.assertj.core.data.Offset.offset(1e-9)));
        Scenario mix = new SweepPlan(10, 20, 5, 2, 100).apply(SweepScenarios.threeRequests());
        assertThat(mix.compareVariants()).allSatisfy(v -> assertThat(Theory.of(mix.under(v))).isEmpty());
    }

    @Test
    @DisplayName("Cancel stops the sweep at once and nothing it still delivers is shown")
    void cancel() {
        SweepViewModel vm = vm(SweepScenarios.mm1());
        vm.fromProperty().set("20");
        vm.toProperty().set("40");
        vm.stepProperty().set("20");
        vm.replicationsProperty().set("2");
        vm.requestsProperty().set("100");
        vm.run();
        vm.cancel();
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).isEqualTo("Cancelled.");
        drain(background);
        drain(fx);
        assertThat(vm.outcomeProperty().get()).isNull();
        assertThat(vm.statusProperty().get()).isEqualTo("Cancelled.");
    }

    @Test
    @DisplayName("a program of tasks (the producer-consumer lesson) is not swept: the note and Run say why, and nothing runs")
    void program() {
        Scenario lesson = io.interleave.scenario.Presets.load("producer-consumer").orElseThrow();
        SweepViewModel vm = vm(lesson);
        assertThat(vm.noteProperty().get()).isEqualTo(SweepViewModel.PROGRAM);
        vm.run();
        assertThat(vm.errorProperty().get()).isEqualTo(SweepViewModel.PROGRAM);
        assertThat(background).isEmpty();
        assertThat(vm.runningProperty().get()).isFalse();
    }
}
