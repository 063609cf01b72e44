package io.interleave.app.controls;

import io.interleave.app.editor.Numbers;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.Server;
import io.interleave.scenario.Variant;
import io.interleave.scenario.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.BiFunction;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * One compare variant's server settings, as the controls show them while
 * comparing: its policy, workers, cores, time slice, GIL and, where they
 * apply, its thread pool, processes and switch interval (the variant's override, or the scenario's own
 * value). Typing one writes it back as the variant's
 * override; a scenario without variants first gets explicit ones from
 * {@link Variant#defaults()}, so it compares exactly what it did before.
 */
public final class VariantModel {
    private final int index;
    private final String label;
    private final FieldModel workers;
    private final FieldModel cores;
    private final FieldModel timeSlice;
    private final FieldModel poolThreads;
    private final FieldModel processes;
    private final FieldModel switchInterval;
    private final javafx.beans.property.BooleanProperty gil = new javafx.beans.property.SimpleBooleanProperty(this, "gil");
    private final ObjectProperty<Policy> policy = new SimpleObjectProperty<>(this, "policy");
    private boolean refreshing;

    VariantModel(int index, ObjectProperty<Scenario> scenario) {
        this.index = index;
        policy.set(server(scenario.get()).policy());
        policy.addListener((obs, old, now) -> {
            if (!refreshing && now != null && now != server(scenario.get()).policy()) {
                scenario.set(edit((v, t) -> v.withPolicy(Optional.of(now))).apply(scenario.get(), ""));
            }
        });
        gil.set(server(scenario.get()).gil());
        gil.addListener((obs, old, now) -> {
            if (!refreshing && now != server(scenario.get()).gil()) {
                scenario.set(edit((v, t) -> v.withGil(Optional.of(now))).apply(scenario.get(), ""));
            }
        });
        this.label = scenario.get().compareVariants().get(index).label();
        workers = new FieldModel("workers", scenario, s -> Integer.toString(server(s).workers()),
                edit((v, t) -> v.withWorkers(OptionalInt.of(Numbers.parseInt("workers", t)))));
        cores = new FieldModel("cores", scenario, s -> Integer.toString(server(s).cores()),
                edit((v, t) -> v.withCores(OptionalInt.of(Numbers.parseInt("cores", t)))));
        timeSlice = new FieldModel("timeSliceMs", scenario, s -> Numbers.format(server(s).timeSliceMs()),
                edit((v, t) -> v.withTimeSliceMs(OptionalDouble.of(Numbers.parseDouble("timeSliceMs", t)))));
        poolThreads = new FieldModel("poolThreads", scenario, s -> Integer.toString(server(s).poolThreads()),
                edit((v, t) -> v.withPoolThreads(OptionalInt.of(Numbers.parseInt("poolThreads", t)))),
                s -> server(s).policy().hasPool());
        processes = new FieldModel("processes", scenario, s -> Integer.toString(server(s).processes()),
                edit((v, t) -> v.withProcesses(OptionalInt.of(Numbers.parseInt("processes", t)))),
                s -> server(s).policy().waitsHoldWorker());
        switchInterval = new FieldModel("switchIntervalMs", scenario, s -> Numbers.format(server(s).switchIntervalMs()),
                edit((v, t) -> v.withSwitchIntervalMs(OptionalDouble.of(Numbers.parseDouble("switchIntervalMs", t)))),
                s -> server(s).gil());
    }

    private Server server(Scenario s) {
        List<Variant> variants = s.compareVariants();
        return index < variants.size() ? variants.get(index).apply(s.server()) : s.server();
    }

    private BiFunction<Scenario, String, Scenario> edit(BiFunction<Variant, String, Variant> change) {
        return (s, text) -> {
            List<Variant> variants = new ArrayList<>(s.compareVariants());
            variants.set(index, change.apply(variants.get(index), text));
            return s.withVariants(variants);
        };
    }

    public int index() {
        return index;
    }

    /** "4 threads", "Event loop": the label above the variant's section of the timeline. */
    public String label() {
        return label;
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

    /** Threads of the variant's pool; enabled only while its policy has a pool. */
    public FieldModel poolThreads() {
        return poolThreads;
    }

    /** The variant's worker processes (sync only; under an event loop each loop is a process). */
    public FieldModel processes() {
        return processes;
    }

    /** The variant's GIL switch interval; enabled only while the variant has a GIL. */
    public FieldModel switchInterval() {
        return switchInterval;
    }

    /** Whether the variant has a GIL (its override, or the scenario's); choosing writes it as the override. */
    public javafx.beans.property.BooleanProperty gilProperty() {
        return gil;
    }

    /** The variant's policy (its override, or the scenario's); choosing one writes it as the override. */
    public ObjectProperty<Policy> policyProperty() {
        return policy;
    }

    /** Every policy a variant can take, in the order the window offers them. */
    public List<Policy> policies() {
        return List.of(Policy.values());
    }

    void refresh(Scenario s) {
        refreshing = true;
        try {
            policy.set(server(s).policy());
            gil.set(server(s).gil());
        } finally {
            refreshing = false;
        }
        workers.refresh(s);
        cores.refresh(s);
        timeSlice.refresh(s);
        poolThreads.refresh(s);
        processes.refresh(s);
        switchInterval.refresh(s);
    }
}
