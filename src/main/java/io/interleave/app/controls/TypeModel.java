package io.interleave.app.controls;

import io.interleave.app.editor.Numbers;
import io.interleave.scenario.RequestType;
import io.interleave.scenario.Scenario;
import javafx.beans.property.ObjectProperty;

/** The sliders of one request type: its share of the mix and its mean compute and wait. */
public final class TypeModel {
    private final int index;
    private final String name;
    private final String color;
    private final String waitLabel;
    private final FieldModel weight;
    private final FieldModel compute;
    private final FieldModel waitMs;

    TypeModel(int index, ObjectProperty<Scenario> scenario) {
        this.index = index;
        RequestType type = scenario.get().requestTypes().get(index);
        this.name = type.name();
        this.color = type.color();
        this.waitLabel = type.segments().stream().anyMatch(seg -> seg.kind() == io.interleave.scenario.SegmentKind.BLOCK)
                ? "Wait + block ms" : "Wait ms";
        this.weight = new FieldModel("weight", scenario,
                s -> Numbers.format(type(s).weight()),
                (s, text) -> ScenarioEdits.editType(s, index, t -> t.withWeight(Numbers.parseDouble("weight", text))));
        this.compute = new FieldModel("compute", scenario,
                s -> Numbers.format(type(s).meanComputeMs()),
                (s, text) -> ScenarioEdits.editType(s, index,
                        t -> ScenarioEdits.withTotal(t, true, Numbers.parseDouble("compute", text))));
        this.waitMs = new FieldModel("wait", scenario,
                s -> Numbers.format(type(s).meanWaitMs()),
                (s, text) -> ScenarioEdits.editType(s, index,
                        t -> ScenarioEdits.withTotal(t, false, Numbers.parseDouble("wait", text))));
    }

    private RequestType type(Scenario s) {
        return s.requestTypes().get(index);
    }

    public int index() {
        return index;
    }

    public String name() {
        return name;
    }

    /** The type's colour, #RRGGBB, as in the scenario (data, not styling). */
    public String color() {
        return color;
    }

    /** Relative share of arrivals. */
    public FieldModel weight() {
        return weight;
    }

    /** Mean total compute per request, ms. */
    public FieldModel compute() {
        return compute;
    }

    /**
     * "Wait ms", or "Wait + block ms" for a type with blocking calls: the
     * field is their mean total, and a block holds the worker where a wait may not.
     */
    public String waitLabel() {
        return waitLabel;
    }

    /** Mean total wait and block per request, ms. */
    public FieldModel waitMs() {
        return waitMs;
    }

    void refresh(Scenario s) {
        weight.refresh(s);
        compute.refresh(s);
        waitMs.refresh(s);
    }
}
