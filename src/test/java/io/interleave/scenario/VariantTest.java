package io.interleave.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Compare variants: a label and the server fields it overrides")
class VariantTest {
    static final Server BASE = new Server(Policy.SYNC, 2, 2, 5, OptionalInt.of(10), OptionalInt.empty());
    static final Scenario THREE = Presets.load("three-requests").orElseThrow();

    @Test
    @DisplayName("fields it leaves out are the scenario's own; those it names replace them")
    void applyInherits() {
        Variant loop = Variant.of("1 loop", Policy.EVENT_LOOP, 1);
        Server s = loop.apply(BASE);
        assertThat(s).isEqualTo(new Server(Policy.EVENT_LOOP, 1, 2, 5, OptionalInt.of(10), OptionalInt.empty()));
    }

    @Test
    @DisplayName("the thread pool's size is the scenario's unless the variant sets its own")
    void poolThreads() {
        Server pooled = BASE.withPolicy(Policy.EVENT_LOOP_POOL).withPoolThreads(3);
        Variant inherit = Variant.of("pool", Policy.EVENT_LOOP_POOL);
        Variant own = inherit.withPoolThreads(OptionalInt.of(1));

        assertThat(inherit.apply(pooled).poolThreads()).isEqualTo(3);
        assertThat(own.apply(pooled)).isEqualTo(pooled.withPoolThreads(1));
        assertThatThrownBy(() -> inherit.withPoolThreads(OptionalInt.of(0))).hasMessage("poolThreads: must be between 1 and 10000, was 0");
    }

    @Test
    @DisplayName("queueLimit can be overridden with 'unlimited', which is not the same as leaving it out")
    void unlimitedOverride() {
        Variant unlimited = Variant.of("open", Policy.SYNC).withQueueLimit(Optional.of(OptionalInt.empty()));
        Variant inherit = Variant.of("same", Policy.SYNC);
        assertThat(unlimited.apply(BASE).queueLimit()).isEmpty();
        assertThat(inherit.apply(BASE).queueLimit()).hasValue(10);
        assertThat(Variant.of("slices", Policy.SYNC).withTimeSliceMs(OptionalDouble.of(0)).apply(BASE).timeSliceMs()).isZero();
    }

    @Test
    @DisplayName("bad values are refused naming the field")
    void badValues() {
        assertThatThrownBy(() -> Variant.of(" ", Policy.SYNC)).hasMessage("label: must not be empty");
        assertThatThrownBy(() -> Variant.of("x".repeat(41), Policy.SYNC)).hasMessage("label: at most 40 characters, was 41");
        assertThatThrownBy(() -> Variant.of("t", Policy.SYNC, 0)).hasMessage("workers: must be between 1 and 10000, was 0");
        assertThatThrownBy(() -> Variant.of("t", Policy.SYNC).withCores(OptionalInt.of(2000))).hasMessage("cores: must be between 1 and 1024, was 2000");
        assertThatThrownBy(() -> Variant.of("t", Policy.SYNC).withTimeSliceMs(OptionalDouble.of(-1))).hasMessage("timeSliceMs: must be 0 (no time slicing) or between 0.001 (the clock's resolution, 1 µs) and 1000000000, was -1");
    }

    @Test
    @DisplayName("a scenario holds 2 to 4 variants with distinct labels, or none")
    void scenarioRules() {
        Variant a = Variant.of("a", Policy.SYNC);
        assertThatThrownBy(() -> THREE.withVariants(List.of(a)))
                .hasMessage("variants: must hold 2 to 4 entries (or be left out), was 1");
        assertThatThrownBy(() -> THREE.withVariants(List.of(a, a.withLabel("b"), a.withLabel("c"), a.withLabel("d"), a.withLabel("e"))))
                .hasMessage("variants: must hold 2 to 4 entries (or be left out), was 5");
        assertThatThrownBy(() -> THREE.withVariants(List.of(a, Variant.of("a", Policy.EVENT_LOOP))))
                .hasMessage("variants[1].label: duplicate label 'a'");
    }

    @Test
    @DisplayName("without variants compare means sync against the event loop with the file's settings; with them, the file's in order")
    void compareVariants() {
        assertThat(THREE.variants()).isEmpty();
        assertThat(THREE.compareVariants()).extracting(Variant::label).containsExactly("Sync (threads)", "Event loop");
        assertThat(THREE.under(THREE.compareVariants().get(1)).server().policy()).isEqualTo(Policy.EVENT_LOOP);
        Scenario three = THREE.withVariants(List.of(Variant.of("1 thread", Policy.SYNC, 1), Variant.of("4 threads", Policy.SYNC, 4),
                Variant.of("1 loop", Policy.EVENT_LOOP, 1)));
        assertThat(three.compareVariants()).extracting(Variant::label).containsExactly("1 thread", "4 threads", "1 loop");
        assertThat(three.under(three.compareVariants().get(1)).server().workers()).isEqualTo(4);
        // the variants ride along through every other edit
        assertThat(three.withSeed(9).withName("x").variants()).hasSize(3);
    }
}
