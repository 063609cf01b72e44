package io.interleave.app.controls;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.scenario.Policy;
import io.interleave.scenario.Presets;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.Server;
import io.interleave.scenario.Variant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The view model behind the processes, GIL and switch interval controls, without a window. */
@DisplayName("Controls view model: processes, the GIL and its switch interval")
class GilControlsViewModelTest {
    private static final Scenario LESSON = Presets.load("three-requests").orElseThrow(); // sync, 1 thread, no GIL
    private ObjectProperty<Scenario> scenario;
    private ControlsViewModel vm;

    @BeforeEach
    void setUp() {
        scenario = new SimpleObjectProperty<>(LESSON);
        vm = new ControlsViewModel(scenario, new Random(1));
    }

    @Test
    @DisplayName("the GIL toggle writes the server's gil; the switch interval applies only with a GIL")
    void gilToggle() {
        assertThat(vm.gilProperty().get()).isFalse();
        assertThat(vm.switchInterval().enabledProperty().get()).isFalse();
        assertThat(vm.switchInterval().textProperty().get()).isEqualTo("5");

        vm.gilProperty().set(true);

        assertThat(scenario.get().server().gil()).isTrue();
        assertThat(vm.switchInterval().enabledProperty().get()).isTrue();
        vm.switchInterval().textProperty().set("2.5");
        assertThat(scenario.get().server().switchIntervalMs()).isEqualTo(2.5);

        scenario.set(LESSON.withServer(LESSON.server().withGil(true).withSwitchIntervalMs(10)));
        assertThat(vm.gilProperty().get()).as("a scenario changed elsewhere shows").isTrue();
        assertThat(vm.switchInterval().textProperty().get()).isEqualTo("10");
    }

    @Test
    @DisplayName("a bad switch interval or process count says why and leaves the scenario as it was")
    void badValues() {
        vm.gilProperty().set(true);
        Scenario before = scenario.get();

        vm.switchInterval().textProperty().set("-1");
        assertThat(vm.switchInterval().errorProperty().get()).startsWith("switchIntervalMs: must be between 0.001").endsWith("was -1");
        vm.processes().textProperty().set("two");
        assertThat(vm.processes().errorProperty().get()).contains("processes");
        vm.processes().textProperty().set("20000");
        assertThat(vm.processes().errorProperty().get()).isEqualTo("processes: must be between 1 and 10000, was 20000");

        assertThat(scenario.get()).isSameAs(before);
    }

    @Test
    @DisplayName("Processes applies under sync only (an event loop is one process per loop) and is typed into the server")
    void processesUnderSync() {
        assertThat(vm.processes().enabledProperty().get()).isTrue();
        vm.processes().textProperty().set("3");
        assertThat(scenario.get().server().processes()).isEqualTo(3);
        assertThat(scenario.get().server().processCount()).isEqualTo(3);

        vm.policyProperty().set(Policy.EVENT_LOOP);
        assertThat(vm.processes().enabledProperty().get()).isFalse();
        assertThat(scenario.get().server().processCount()).as("one per loop").isEqualTo(scenario.get().server().workers());
    }

    @Test
    @DisplayName("a compare variant's GIL box and processes write that variant's own overrides, the others keep the scenario's")
    void variantOverrides() {
        scenario.set(LESSON.withVariants(List.of(Variant.of("threads", Policy.SYNC, 4), Variant.of("loop", Policy.EVENT_LOOP))));
        VariantModel threads = vm.variants().get(0);
        VariantModel loop = vm.variants().get(1);
        assertThat(threads.processes().enabledProperty().get()).isTrue();
        assertThat(loop.processes().enabledProperty().get()).isFalse();
        assertThat(threads.switchInterval().enabledProperty().get()).isFalse();

        threads.gilProperty().set(true);
        threads.processes().textProperty().set("2");

        Variant written = scenario.get().variants().get(0);
        assertThat(written.gil()).isEqualTo(Optional.of(true));
        assertThat(written.processes()).hasValue(2);
        assertThat(scenario.get().variants().get(1).gil()).isEmpty();
        Server server = written.apply(scenario.get().server());
        assertThat(server.processCount()).isEqualTo(2);
        assertThat(server.processOf(5)).as("threads 4-7 are the second process's").isEqualTo(1);
        assertThat(vm.variants().get(0).switchInterval().enabledProperty().get()).isTrue();
        assertThat(vm.gilProperty().get()).as("the shared setting is untouched").isFalse();
    }
}
