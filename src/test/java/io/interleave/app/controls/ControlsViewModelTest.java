package io.interleave.app.controls;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.scenario.Arrivals;
import io.interleave.scenario.Policy;
import io.interleave.scenario.Presets;
import io.interleave.scenario.Scenario;
import java.util.OptionalInt;
import java.util.Random;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ControlsViewModelTest {
    private static final Scenario LESSON = Presets.load("three-requests").orElseThrow();
    private ObjectProperty<Scenario> scenario;
    private ControlsViewModel vm;

    @BeforeEach
    void setUp() {
        scenario = new SimpleObjectProperty<>(LESSON);
        vm = new ControlsViewModel(scenario, new Random(1));
    }

    @Test
    @DisplayName("a program of tasks alone has no Arrivals section; a lesson with requests has one")
    void arrivalsOnlyForRequests() {
        assertThat(vm.hasArrivalsProperty().get()).isTrue();
        vm.load(Presets.load("producer-consumer").orElseThrow());
        assertThat(vm.hasArrivalsProperty().get()).isFalse();
        vm.load(LESSON);
        assertThat(vm.hasArrivalsProperty().get()).isTrue();
    }

    @Test
    @DisplayName("the controls show the lesson")
    void showsTheScenario() {
        assertThat(vm.workers().textProperty().get()).isEqualTo("1");
        assertThat(vm.cores().textProperty().get()).isEqualTo("1");
        assertThat(vm.timeSlice().textProperty().get()).isEqualTo("5");
        assertThat(vm.count().textProperty().get()).isEqualTo("3");
        assertThat(vm.count().enabledProperty().get()).as("an explicit list fixes the count").isFalse();
        assertThat(vm.policyProperty().get()).isEqualTo(Policy.SYNC);
        assertThat(vm.patternProperty().get()).isEqualTo("explicit");
        assertThat(vm.types()).extracting(TypeModel::name).containsExactly("report", "lookup");
        assertThat(vm.types().get(0).compute().textProperty().get()).isEqualTo("20");
        assertThat(vm.types().get(0).waitMs().textProperty().get()).isEqualTo("80");
        assertThat(vm.resources()).extracting(ResourceModel::name).containsExactly("database");
        assertThat(vm.resources().get(0).unlimitedProperty().get()).isTrue();
    }

    @Test
    @DisplayName("Pool threads applies only where the policy has a pool: enabled with event-loop+pool, and typed into the server")
    void poolThreadsFollowsThePolicy() {
        assertThat(vm.policies()).containsExactly(Policy.values());
        assertThat(vm.poolThreads().enabledProperty().get()).isFalse();
        assertThat(vm.poolThreads().textProperty().get()).isEqualTo("40");

        vm.policyProperty().set(Policy.EVENT_LOOP_POOL);
        assertThat(scenario.get().server().policy()).isEqualTo(Policy.EVENT_LOOP_POOL);
        assertThat(vm.poolThreads().enabledProperty().get()).isTrue();
        vm.poolThreads().textProperty().set("3");
        assertThat(scenario.get().server().poolThreads()).isEqualTo(3);

        vm.policyProperty().set(Policy.SYNC);
        assertThat(vm.poolThreads().enabledProperty().get()).isFalse();
        assertThat(scenario.get().server().poolThreads()).as("kept for when the pool comes back").isEqualTo(3);
    }

    @Test
    @DisplayName("a compare variant's policy can be any policy; its pool size is offered where it has a pool and written as its override")
    void variantPolicyAndPool() {
        VariantModel loop = vm.variants().get(1);
        assertThat(loop.policyProperty().get()).isEqualTo(Policy.EVENT_LOOP);
        assertThat(loop.poolThreads().enabledProperty().get()).isFalse();

        loop.policyProperty().set(Policy.EVENT_LOOP_POOL);
        assertThat(scenario.get().variants()).extracting(v -> v.policy().orElseThrow())
                .containsExactly(Policy.SYNC, Policy.EVENT_LOOP_POOL);
        assertThat(vm.variants().get(1).poolThreads().enabledProperty().get()).isTrue();
        vm.variants().get(1).poolThreads().textProperty().set("2");
        assertThat(scenario.get().variants().get(1).poolThreads()).hasValue(2);
        assertThat(scenario.get().under(scenario.get().variants().get(1)).server().poolThreads()).isEqualTo(2);
        assertThat(scenario.get().server().poolThreads()).as("the shared server is untouched").isEqualTo(40);
    }

    @Test
    @DisplayName("a valid value changes the scenario at once")
    void validValueApplies() {
        vm.workers().textProperty().set("3");
        assertThat(scenario.get().server().workers()).isEqualTo(3);
        assertThat(vm.workers().errorProperty().get()).isEmpty();
    }

    @ParameterizedTest(name = "workers ''{0}'' is refused with ''{1}''")
    @CsvSource(delimiter = '|', value = {
            "0|workers: must be between 1 and 10000, was 0",
            "abc|workers: must be a whole number, was 'abc'",
            "''|workers: enter a number",
            "2.5|workers: must be a whole number, was '2.5'"})
    void invalidValueKeepsScenario(String text, String message) {
        Scenario before = scenario.get();
        vm.workers().textProperty().set(text);
        assertThat(vm.workers().errorProperty().get()).isEqualTo(message);
        assertThat(scenario.get()).isSameAs(before);
        assertThat(vm.workers().textProperty().get()).as("the text stays for correcting").isEqualTo(text);
        vm.workers().textProperty().set("2");
        assertThat(vm.workers().errorProperty().get()).isEmpty();
        assertThat(scenario.get().server().workers()).isEqualTo(2);
    }

    @Test
    @DisplayName("policy and seed edit the scenario; a re-roll changes the seed")
    void policyAndSeed() {
        vm.policyProperty().set(Policy.EVENT_LOOP);
        assertThat(scenario.get().server().policy()).isEqualTo(Policy.EVENT_LOOP);
        vm.seed().textProperty().set("42");
        assertThat(scenario.get().seed()).isEqualTo(42);
        vm.rerollSeed();
        assertThat(scenario.get().seed()).isNotEqualTo(42);
        assertThat(vm.seed().textProperty().get()).isEqualTo(Long.toString(scenario.get().seed()));
    }

    @Test
    @DisplayName("switching pattern keeps the count; the preset's explicit list can be gone back to")
    void switchesPattern() {
        vm.patternProperty().set("poisson");
        assertThat(scenario.get().arrivals()).isEqualTo(new Arrivals.Poisson(20, 3));
        assertThat(vm.count().enabledProperty().get()).isTrue();
        assertThat(vm.rate().enabledProperty().get()).isTrue();
        vm.count().textProperty().set("200");
        vm.rate().textProperty().set("50");
        assertThat(scenario.get().arrivals()).isEqualTo(new Arrivals.Poisson(50, 200));
        vm.patternProperty().set("uniform");
        assertThat(scenario.get().arrivals()).isEqualTo(new Arrivals.Uniform(20, 200));
        vm.patternProperty().set("closed");
        assertThat(vm.users().enabledProperty().get()).isTrue();
        assertThat(vm.rate().enabledProperty().get()).isFalse();
        vm.patternProperty().set("explicit");
        assertThat(scenario.get().arrivals()).isEqualTo(LESSON.arrivals());
    }

    @Test
    @DisplayName("the window refuses more requests than it can draw, naming the limit")
    void countLimit() {
        vm.patternProperty().set("poisson");
        vm.count().textProperty().set("100001");
        assertThat(vm.count().errorProperty().get()).startsWith("count: the window simulates at most 100000 requests");
        assertThat(scenario.get().arrivals().count()).isEqualTo(3);
    }

    @Test
    @DisplayName("a type's compute and wait sliders scale its segments")
    void scalesTypeDurations() {
        vm.types().get(0).compute().textProperty().set("40");
        assertThat(scenario.get().requestTypes().get(0).meanComputeMs()).isEqualTo(40);
        assertThat(scenario.get().requestTypes().get(0).segments().get(0).ms().mean()).isEqualTo(20);
        vm.types().get(1).waitMs().textProperty().set("56");
        assertThat(scenario.get().requestTypes().get(1).meanWaitMs()).isEqualTo(56);
        vm.types().get(1).waitMs().textProperty().set("-1");
        assertThat(vm.types().get(1).waitMs().errorProperty().get()).isEqualTo("wait: must be >= 0, was -1");
    }

    @Test
    @DisplayName("a resource can be limited to N slots and made unlimited again")
    void resourceCapacity() {
        ResourceModel db = vm.resources().get(0);
        db.unlimitedProperty().set(false);
        assertThat(scenario.get().resources().get(0).capacity()).isEqualTo(OptionalInt.of(2));
        db.capacity().textProperty().set("1");
        assertThat(scenario.get().resources().get(0).capacity()).isEqualTo(OptionalInt.of(1));
        db.capacity().textProperty().set("0");
        assertThat(db.capacity().errorProperty().get()).isEqualTo("capacity: must be between 1 and 1000000, was 0");
        db.unlimitedProperty().set(true);
        assertThat(scenario.get().resources().get(0).capacity()).isEmpty();
        assertThat(db.capacity().enabledProperty().get()).isFalse();
    }

    @Test
    @DisplayName("a scenario changed elsewhere is shown in every control and clears stale errors")
    void followsOutsideChanges() {
        vm.workers().textProperty().set("abc");
        scenario.set(scenario.get().withServer(scenario.get().server().withCores(4)));
        assertThat(vm.cores().textProperty().get()).isEqualTo("4");
        assertThat(vm.workers().textProperty().get()).isEqualTo("1");
        assertThat(vm.workers().errorProperty().get()).isEmpty();
    }

    @Test
    @DisplayName("choosing a pattern leaves the drop-down's items alone (replacing them mid-selection breaks the list)")
    void patternItemsStayPut() {
        java.util.concurrent.atomic.AtomicInteger changes = new java.util.concurrent.atomic.AtomicInteger();
        vm.patterns().addListener((javafx.collections.ListChangeListener<String>) c -> changes.incrementAndGet());

        vm.patternProperty().set("poisson");
        vm.patternProperty().set("uniform");
        vm.patternProperty().set("explicit");

        assertThat(changes.get()).isZero();
        assertThat(vm.patterns()).contains("explicit", "poisson", "uniform", "burst", "closed");
    }

    @Test
    @DisplayName("a rate typed for one lesson is not shown for the next one, nor after Reload preset")
    void rateIsNotCarriedOverToTheNextLesson() {
        vm.load(Presets.load("wimpy-database").orElseThrow());
        vm.rate().textProperty().set("30");
        assertThat(scenario.get().arrivals().withRatePerSec(30)).isEqualTo(scenario.get().arrivals());
        vm.load(LESSON);
        assertThat(vm.rate().textProperty().get()).isEqualTo("20");
        vm.patternProperty().set("poisson");
        assertThat(scenario.get().arrivals()).isEqualTo(new Arrivals.Poisson(20, 3));
        vm.load(LESSON); // Reload preset
        assertThat(vm.rate().textProperty().get()).isEqualTo("20");
    }

    @Test
    @DisplayName("compare: each variant's workers, cores and time slice are edited; a scenario without variants gets explicit ones")
    void editsEachVariant() {
        assertThat(LESSON.variants()).isEmpty();
        assertThat(vm.variants()).extracting(VariantModel::label).containsExactly("Sync (threads)", "Event loop");
        vm.variants().get(0).workers().textProperty().set("4");
        assertThat(scenario.get().variants()).containsExactly(
                io.interleave.scenario.Variant.defaults().get(0).withWorkers(OptionalInt.of(4)),
                io.interleave.scenario.Variant.defaults().get(1));
        assertThat(scenario.get().server().workers()).as("the shared setting is untouched").isEqualTo(1);
        assertThat(vm.variants().get(1).workers().textProperty().get()).isEqualTo("1");
        vm.variants().get(1).cores().textProperty().set("2");
        vm.variants().get(1).timeSlice().textProperty().set("0");
        assertThat(scenario.get().compareVariants().get(1).apply(scenario.get().server()))
                .isEqualTo(new io.interleave.scenario.Server(Policy.EVENT_LOOP, 1, 2, 0, OptionalInt.empty(), OptionalInt.empty()));
        Scenario before = scenario.get();
        vm.variants().get(0).cores().textProperty().set("0");
        assertThat(vm.variants().get(0).cores().errorProperty().get()).isEqualTo("cores: must be between 1 and 1024, was 0");
        assertThat(scenario.get()).isSameAs(before);
        vm.workers().textProperty().set("2");
        assertThat(vm.variants().get(1).workers().textProperty().get()).as("a variant without its own workers follows the shared value").isEqualTo("2");
        assertThat(vm.variants().get(0).workers().textProperty().get()).isEqualTo("4");
    }

    @Test
    @DisplayName("a type with a blocking call labels its wait field honestly: Wait + block ms")
    void waitLabel() {
        vm.load(Presets.load("blocking-call").orElseThrow());
        assertThat(vm.types()).extracting(TypeModel::name, TypeModel::waitLabel)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("page", "Wait ms"),
                        org.assertj.core.groups.Tuple.tuple("legacy", "Wait + block ms"));
    }
}
