package io.interleave.app.controls;

import io.interleave.app.editor.Numbers;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.Server;
import io.interleave.scenario.Variant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.BiFunction;
import javafx.beans.property.ObjectProperty;

/**
 * One compare variant's server settings, as the controls show them while
 * comparing: its workers, cores and time slice (the variant's override, or
 * the scenario's own value). Typing one writes it back as the variant's
 * override; a scenario without variants first gets explicit ones from
 * {@link Variant#defaults()}, so it compares exactly what it did before.
 */
public final class VariantModel {
    private final int index;
    private final String label;
    private final FieldModel workers;
    private final FieldModel cores;
    private final FieldModel timeSlice;

    VariantModel(int index, ObjectProperty<Scenario> scenario) {
        this.index = index;
        this.label = scenario.get().compareVariants().get(index).label();
        workers = new FieldModel("workers", scenario, s -> Integer.toString(server(s).workers()),
                edit((v, t) -> v.withWorkers(OptionalInt.of(Numbers.parseInt("workers", t)))));
        cores = new FieldModel("cores", scenario, s -> Integer.toString(server(s).cores()),
                edit((v, t) -> v.withCores(OptionalInt.of(Numbers.parseInt("cores", t)))));
        timeSlice = new FieldModel("timeSliceMs", scenario, s -> Numbers.format(server(s).timeSliceMs()),
                edit((v, t) -> v.withTimeSliceMs(OptionalDouble.of(Numbers.parseDouble("timeSliceMs", t)))));
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

    void refresh(Scenario s) {
        workers.refresh(s);
        cores.refresh(s);
        timeSlice.refresh(s);
    }
}
