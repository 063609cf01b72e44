package io.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Engine: the discrete-event kernel")
class EngineTest {

    private final Engine engine = new Engine();
    private final List<String> log = new ArrayList<>();

    private Runnable note(String what) {
        return () -> log.add(what + "@" + engine.now());
    }

    @Test
    @DisplayName("a new engine is at time 0 with nothing to do")
    void fresh() {
        assertThat(engine.now()).isZero();
        assertThat(engine.pending()).isZero();
        assertThat(engine.processed()).isZero();
        assertThat(engine.peek()).isEqualTo(OptionalDouble.empty());
        assertThat(engine.step()).isFalse();
        assertThat(engine.now()).isZero();
    }

    @Test
    @DisplayName("events run in time order, whatever order they were scheduled in")
    void timeOrder() {
        engine.at(30, note("c"));
        engine.at(10, note("a"));
        engine.after(20, note("b"));
        engine.at(40.5, note("d"));
        engine.run();
        assertThat(log).containsExactly("a@10.0", "b@20.0", "c@30.0", "d@40.5");
        assertThat(engine.now()).isEqualTo(40.5);
        assertThat(engine.processed()).isEqualTo(4);
        assertThat(engine.pending()).isZero();
    }

    @Test
    @DisplayName("events at the same instant run in the order they were scheduled (FIFO ties)")
    void fifoTies() {
        for (int i = 0; i < 50; i++) {
            engine.at(5, note("e" + i));
            engine.at(3, note("early" + i));
        }
        engine.run();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            expected.add("early" + i + "@3.0");
        }
        for (int i = 0; i < 50; i++) {
            expected.add("e" + i + "@5.0");
        }
        assertThat(log).isEqualTo(expected);
    }

    @Test
    @DisplayName("an event scheduled for 'now' from inside an event runs after the events already due now")
    void scheduledNowRunsAfterOthersDueNow() {
        engine.at(1, () -> {
            log.add("first@" + engine.now());
            engine.after(0, note("spawned"));
        });
        engine.at(1, note("second"));
        engine.run();
        assertThat(log).containsExactly("first@1.0", "second@1.0", "spawned@1.0");
    }

    @Test
    @DisplayName("a large random schedule comes out sorted by (time, sequence), through heap growth")
    void heapOrderAtScale() {
        Random random = new Random(42);
        List<double[]> ran = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            double t = random.nextInt(200); // many ties
            int seq = i;
            engine.at(t, () -> ran.add(new double[] {engine.now(), seq}));
        }
        assertThat(engine.pending()).isEqualTo(5_000);
        engine.run();
        assertThat(ran).hasSize(5_000);
        for (int i = 1; i < ran.size(); i++) {
            double[] a = ran.get(i - 1);
            double[] b = ran.get(i);
            assertThat(a[0] < b[0] || (a[0] == b[0] && a[1] < b[1]))
                    .as("event %d (t=%s, seq=%s) before event %d (t=%s, seq=%s)", i - 1, a[0], a[1], i, b[0], b[1])
                    .isTrue();
        }
    }

    @Test
    @DisplayName("step runs exactly one event and advances the clock to it; peek tells the next time without running it")
    void stepAndPeek() {
        engine.at(7, note("a"));
        engine.at(2, note("b"));
        assertThat(engine.peek()).isEqualTo(OptionalDouble.of(2));
        assertThat(engine.now()).isZero();
        assertThat(log).isEmpty();

        assertThat(engine.step()).isTrue();
        assertThat(log).containsExactly("b@2.0");
        assertThat(engine.now()).isEqualTo(2);
        assertThat(engine.peek()).isEqualTo(OptionalDouble.of(7));
        assertThat(engine.pending()).isEqualTo(1);

        assertThat(engine.step()).isTrue();
        assertThat(engine.step()).isFalse();
        assertThat(engine.now()).isEqualTo(7);
        assertThat(engine.processed()).isEqualTo(2);
    }

    @Test
    @DisplayName("run(until) runs events at or before the limit, leaves later ones, and sets the clock to the limit")
    void runUntil() {
        engine.at(5, note("a"));
        engine.at(10, note("b"));
        engine.at(10.000001, note("c"));
        engine.run(10);
        assertThat(log).containsExactly("a@5.0", "b@10.0");
        assertThat(engine.now()).isEqualTo(10);
        assertThat(engine.peek()).isEqualTo(OptionalDouble.of(10.000001));

        engine.run(12);
        assertThat(log).containsExactly("a@5.0", "b@10.0", "c@10.000001");
        assertThat(engine.now()).isEqualTo(12);

        engine.after(1, note("d")); // relative to the advanced clock
        engine.run();
        assertThat(log).last().isEqualTo("d@13.0");
    }

    @Test
    @DisplayName("run(until) with an empty queue still moves the clock")
    void runUntilEmpty() {
        engine.run(25);
        assertThat(engine.now()).isEqualTo(25);
        assertThat(engine.processed()).isZero();
    }

    @ParameterizedTest(name = "delay {0}")
    @ValueSource(doubles = {-1, -0.001, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    @DisplayName("after() rejects a negative, NaN or infinite delay, naming the value")
    void badDelay(double delay) {
        assertThatThrownBy(() -> engine.after(delay, () -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(String.valueOf(delay));
        assertThat(engine.pending()).isZero();
    }

    @ParameterizedTest(name = "time {0}")
    @ValueSource(doubles = {9.999, -5, Double.NaN, Double.POSITIVE_INFINITY})
    @DisplayName("at() rejects a time in the past, NaN or infinity, naming the value")
    void badTime(double time) {
        engine.run(10);
        assertThatThrownBy(() -> engine.at(time, () -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(String.valueOf(time));
        assertThat(engine.pending()).isZero();
    }

    @Test
    @DisplayName("at() accepts exactly 'now', and a zero delay")
    void nowIsNotThePast() {
        engine.run(10);
        engine.at(10, note("a"));
        engine.after(0, note("b"));
        engine.run();
        assertThat(log).containsExactly("a@10.0", "b@10.0");
    }

    @Test
    @DisplayName("a null action is rejected")
    void nullAction() {
        assertThatThrownBy(() -> engine.at(1, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> engine.after(1, null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(engine.pending()).isZero();
    }

    @ParameterizedTest(name = "until {0}")
    @ValueSource(doubles = {4.999, Double.NaN, Double.POSITIVE_INFINITY})
    @DisplayName("run(until) rejects a limit in the past, NaN or infinity, and leaves the clock alone")
    void badUntil(double until) {
        engine.run(5);
        engine.at(6, note("a"));
        assertThatThrownBy(() -> engine.run(until)).isInstanceOf(IllegalArgumentException.class);
        assertThat(engine.now()).isEqualTo(5);
        assertThat(log).isEmpty();
    }

    @Test
    @DisplayName("two engines have independent clocks and sequences")
    void independentEngines() {
        Engine other = new Engine();
        other.at(100, () -> { });
        other.run();
        engine.at(1, note("a"));
        engine.at(1, note("b"));
        engine.run();
        assertThat(log).containsExactly("a@1.0", "b@1.0");
        assertThat(other.now()).isEqualTo(100);
        assertThat(engine.now()).isEqualTo(1);
    }
}
