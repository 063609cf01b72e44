package io.interleave.app.controls;

import io.interleave.app.editor.Numbers;
import io.interleave.scenario.Arrivals;
import io.interleave.scenario.Policy;
import io.interleave.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The left panel: every control of the scenario, kept in step with the
 * scenario property it edits. A control changed by the user changes the
 * scenario (when valid); a scenario changed elsewhere (a preset, the type
 * editor, a re-roll) is shown in every control.
 */
public final class ControlsViewModel {
    private final ObjectProperty<Scenario> scenario;
    private final javafx.beans.property.BooleanProperty hasArrivals = new javafx.beans.property.SimpleBooleanProperty(true);
    private final ObjectProperty<Policy> policy = new SimpleObjectProperty<>(this, "policy", Policy.SYNC);
    private final ObjectProperty<String> pattern = new SimpleObjectProperty<>(this, "pattern", "poisson");
    private final ObservableList<String> patterns = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper patternError = new ReadOnlyStringWrapper(this, "patternError", "");
    private final ReadOnlyStringWrapper arrivalsNote = new ReadOnlyStringWrapper(this, "arrivalsNote", "");
    private final ObservableList<ResourceModel> resources = FXCollections.observableArrayList();
    private final ObservableList<TypeModel> types = FXCollections.observableArrayList();
    private final ObservableList<VariantModel> variants = FXCollections.observableArrayList();
    private final List<FieldModel> fields = new ArrayList<>();
    private final FieldModel workers;
    private final FieldModel cores;
    private final FieldModel timeSlice;
    private final FieldModel poolThreads;
    private final FieldModel processes;
    private final FieldModel switchInterval;
    private final javafx.beans.property.BooleanProperty gil = new javafx.beans.property.SimpleBooleanProperty(this, "gil", false);
    private final FieldModel count;
    private final FieldModel rate;
    private final FieldModel users;
    private final FieldModel seed;
    private final RandomGenerator seeds;
    private Arrivals.Explicit presetArrivals;
    private double lastRate = ScenarioEdits.DEFAULT_RATE;
    private List<String> structure = List.of();
    private boolean refreshing;

    /**
     * @param scenario the scenario edited (must hold one)
     * @param seeds where re-rolled seeds come from
     */
    public ControlsViewModel(ObjectProperty<Scenario> scenario, RandomGenerator seeds) {
        this.scenario = scenario;
        this.seeds = seeds;
        Objects.requireNonNull(scenario.get(), "scenario");
        workers = field(new FieldModel("workers", scenario, s -> Integer.toString(s.server().workers()),
                (s, t) -> s.withServer(s.server().withWorkers(Numbers.parseInt("workers", t)))));
        cores = field(new FieldModel("cores", scenario, s -> Integer.toString(s.server().cores()),
                (s, t) -> s.withServer(s.server().withCores(Numbers.parseInt("cores", t)))));
        timeSlice = field(new FieldModel("timeSliceMs", scenario, s -> Numbers.format(s.server().timeSliceMs()),
                (s, t) -> s.withServer(s.server().withTimeSliceMs(Numbers.parseDouble("timeSliceMs", t)))));
        poolThreads = field(new FieldModel("poolThreads", scenario, s -> Integer.toString(s.server().poolThreads()),
                (s, t) -> s.withServer(s.server().withPoolThreads(Numbers.parseInt("poolThreads", t))),
                s -> s.server().policy().hasPool()));
        processes = field(new FieldModel("processes", scenario, s -> Integer.toString(s.server().processes()),
                (s, t) -> s.withServer(s.server().withProcesses(Numbers.parseInt("processes", t))),
                s -> s.server().policy().waitsHoldWorker()));
        switchInterval = field(new FieldModel("switchIntervalMs", scenario, s -> Numbers.format(s.server().switchIntervalMs()),
                (s, t) -> s.withServer(s.server().withSwitchIntervalMs(Numbers.parseDouble("switchIntervalMs", t))),
                s -> s.server().gil()));
        count = field(new FieldModel("count", scenario, s -> Integer.toString(s.arrivals().count()),
                (s, t) -> ScenarioEdits.withCount(s, Numbers.parseInt("count", t)),
                s -> !(s.arrivals() instanceof Arrivals.Explicit)));
        rate = field(new FieldModel("ratePerSec", scenario, s -> Numbers.format(rateOf(s)),
                (s, t) -> ScenarioEdits.withRate(s, Numbers.parseDouble("ratePerSec", t)),
                s -> ScenarioEdits.rate(s.arrivals()).applies()));
        users = field(new FieldModel("users", scenario,
                s -> Integer.toString(s.arrivals() instanceof Arrivals.Closed c ? c.users() : ScenarioEdits.DEFAULT_USERS),
                (s, t) -> ScenarioEdits.withUsers(s, Numbers.parseInt("users", t)),
                s -> s.arrivals() instanceof Arrivals.Closed));
        seed = field(new FieldModel("seed", scenario, s -> Long.toString(s.seed()),
                (s, t) -> s.withSeed(Numbers.parseLong("seed", t))));
        policy.addListener((obs, old, now) -> {
            if (!refreshing && now != null) {
                scenario.set(scenario.get().withPolicy(now));
            }
        });
        gil.addListener((obs, old, now) -> {
            if (!refreshing && now != scenario.get().server().gil()) {
                scenario.set(scenario.get().withServer(scenario.get().server().withGil(now)));
            }
        });
        pattern.addListener((obs, old, now) -> {
            if (!refreshing && now != null) {
                choosePattern(now);
            }
        });
        scenario.addListener((obs, old, now) -> refresh(now));
        load(scenario.get());
    }

    private FieldModel field(FieldModel f) {
        fields.add(f);
        return f;
    }

    /** Whether the scenario has requests whose arrivals the Arrivals section shapes (not a program of tasks alone). */
    public javafx.beans.property.ReadOnlyBooleanProperty hasArrivalsProperty() {
        return hasArrivals;
    }

    /** Shows a new scenario (a preset or an opened file); its explicit arrivals can be gone back to. */
    public void load(Scenario s) {
        presetArrivals = s.arrivals() instanceof Arrivals.Explicit e ? e : null;
        // A rate typed for an earlier scenario means nothing for this one: start again from the default.
        lastRate = ScenarioEdits.DEFAULT_RATE;
        structure = List.of();
        if (scenario.get() == s) {
            refresh(s);
        } else {
            scenario.set(s);
        }
    }

    /** A new random seed: the same mix, other random draws. */
    public void rerollSeed() {
        scenario.set(scenario.get().withSeed(seeds.nextLong(1, 1_000_000)));
    }

    private void choosePattern(String name) {
        try {
            Arrivals next = ScenarioEdits.switchPattern(scenario.get().arrivals(), name, lastRate, presetArrivals);
            patternError.set("");
            scenario.set(scenario.get().withArrivals(next));
        } catch (IllegalArgumentException e) {
            patternError.set(e.getMessage());
        }
    }

    /** The scenario's rate, or the last one it had, so a pattern switch keeps the rate. */
    private double rateOf(Scenario s) {
        ScenarioEdits.OptionalRate r = ScenarioEdits.rate(s.arrivals());
        return r.applies() && Double.isFinite(r.perSec()) ? r.perSec() : lastRate;
    }

    private void refresh(Scenario s) {
        if (s == null) {
            return;
        }
        // a program of tasks alone has no request arrivals to shape
        hasArrivals.set(!s.requestTypes().isEmpty());
        lastRate = rateOf(s);
        refreshing = true;
        try {
            policy.set(s.server().policy());
            gil.set(s.server().gil());
            List<String> offered = ScenarioEdits.PATTERNS.stream()
                    .filter(p -> !p.equals("explicit") || presetArrivals != null).toList();
            // Replacing a drop-down's items while its own selection change is being handled
            // (choosing a pattern lands here) breaks the list's selection: only replace real changes.
            if (!patterns.equals(offered)) {
                patterns.setAll(offered);
            }
            pattern.set(s.arrivals().pattern());
            arrivalsNote.set(s.arrivals() instanceof Arrivals.Explicit e
                    ? "The scenario lists " + e.count() + " arrivals at fixed times; pick another pattern to vary them."
                    : "");
        } finally {
            refreshing = false;
        }
        fields.forEach(f -> f.refresh(s));
        List<String> shape = Stream.of(s.resources().stream().map(r -> "resource:" + r.name()),
                s.requestTypes().stream().map(t -> "type:" + t.name() + t.color()),
                s.compareVariants().stream().map(v -> "variant:" + v.label())).flatMap(x -> x).toList();
        if (!shape.equals(structure)) {
            structure = shape;
            resources.setAll(IntStream.range(0, s.resources().size()).mapToObj(i -> new ResourceModel(i, scenario)).toList());
            types.setAll(IntStream.range(0, s.requestTypes().size()).mapToObj(i -> new TypeModel(i, scenario)).toList());
            variants.setAll(IntStream.range(0, s.compareVariants().size()).mapToObj(i -> new VariantModel(i, scenario)).toList());
        } else {
            resources.forEach(r -> r.refresh(s));
            types.forEach(t -> t.refresh(s));
            variants.forEach(v -> v.refresh(s));
        }
    }

    /** Every policy, in the order the window offers them. */
    public List<Policy> policies() {
        return List.of(Policy.values());
    }

    /** The policy of the single-policy view (compare shows each variant's). */
    public ObjectProperty<Policy> policyProperty() {
        return policy;
    }

    /** The arrival pattern's name; choosing one switches the arrivals, keeping the count. */
    public ObjectProperty<String> patternProperty() {
        return pattern;
    }

    public ObservableList<String> patterns() {
        return patterns;
    }

    public ReadOnlyStringProperty patternErrorProperty() {
        return patternError.getReadOnlyProperty();
    }

    /** A hint about the arrivals, e.g. that a preset lists them at fixed times. */
    public ReadOnlyStringProperty arrivalsNoteProperty() {
        return arrivalsNote.getReadOnlyProperty();
    }

    public FieldModel workers() {
        return workers;
    }

    public FieldModel cores() {
        return cores;
    }

    public FieldModel timeSlice() {
        return timeSlice;
    }

    /** Threads of the pool for offloaded calls; enabled only while the policy has a pool. */
    public FieldModel poolThreads() {
        return poolThreads;
    }

    /**
     * Worker processes (gunicorn's {@code -w}) of {@code workers} threads each; enabled only under sync (under an
     * event loop each loop is already its own process).
     */
    public FieldModel processes() {
        return processes;
    }

    /**
     * Whether each process has a GIL (CPython) or not (free-threaded Python); choosing changes the scenario, so
     * the run and the picture follow.
     */
    public javafx.beans.property.BooleanProperty gilProperty() {
        return gil;
    }

    /** How long a computing thread keeps the GIL while others wait for it; enabled only with a GIL. */
    public FieldModel switchInterval() {
        return switchInterval;
    }

    public FieldModel count() {
        return count;
    }

    public FieldModel rate() {
        return rate;
    }

    public FieldModel users() {
        return users;
    }

    public FieldModel seed() {
        return seed;
    }

    /** One entry per resource; replaced when resources are added, removed or renamed. */
    public ObservableList<ResourceModel> resources() {
        return resources;
    }

    /** One entry per compare variant (2 to 4); replaced when variants are added, removed or renamed. */
    public ObservableList<VariantModel> variants() {
        return variants;
    }

    /** One entry per request type; replaced when types are added, removed or renamed. */
    public ObservableList<TypeModel> types() {
        return types;
    }
}
