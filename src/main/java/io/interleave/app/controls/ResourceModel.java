package io.interleave.app.controls;

import io.interleave.app.editor.Numbers;
import io.interleave.scenario.Latency;
import io.interleave.scenario.Resource;
import io.interleave.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** The controls of one resource: unlimited, or a capacity of N slots; fixed or shared latency. */
public final class ResourceModel {
    static final int DEFAULT_CAPACITY = 2;

    private final int index;
    private final String name;
    private final ObjectProperty<Scenario> scenario;
    private final BooleanProperty unlimited = new SimpleBooleanProperty(this, "unlimited");
    private final BooleanProperty shared = new SimpleBooleanProperty(this, "shared");
    private final FieldModel capacity;
    private int lastCapacity = DEFAULT_CAPACITY;
    private boolean refreshing;

    ResourceModel(int index, ObjectProperty<Scenario> scenario) {
        this.index = index;
        this.scenario = scenario;
        this.name = scenario.get().resources().get(index).name();
        this.capacity = new FieldModel("capacity", scenario,
                s -> s.resources().get(index).capacity().stream().mapToObj(Integer::toString).findFirst()
                        .orElse(Integer.toString(lastCapacity)),
                (s, text) -> ScenarioEdits.withCapacity(s, index, OptionalInt.of(Numbers.parseInt("capacity", text))),
                s -> s.resources().get(index).capacity().isPresent());
        unlimited.addListener((obs, was, now) -> {
            if (!refreshing) {
                scenario.set(ScenarioEdits.withCapacity(scenario.get(), index,
                        now ? OptionalInt.empty() : OptionalInt.of(lastCapacity)));
            }
        });
        shared.addListener((obs, was, now) -> {
            if (!refreshing) {
                scenario.set(withLatency(scenario.get(), index, now ? Latency.SHARED : Latency.FIXED));
            }
        });
        refresh(scenario.get());
    }

    /** {@code s} with resource {@code i}'s latency model set to {@code latency}. */
    static Scenario withLatency(Scenario s, int i, Latency latency) {
        List<Resource> rs = new ArrayList<>(s.resources());
        rs.set(i, rs.get(i).withLatency(latency));
        return s.withResources(rs);
    }

    public String name() {
        return name;
    }

    /** A stable id fragment for the controls of this resource. */
    public String id() {
        return "resource" + index;
    }

    /** No limit on concurrent use. */
    public BooleanProperty unlimitedProperty() {
        return unlimited;
    }

    /** Whether the calls inside share the service and slow each other down ({@code "latency": "shared"}). */
    public BooleanProperty sharedProperty() {
        return shared;
    }

    /** Slots, when limited. */
    public FieldModel capacity() {
        return capacity;
    }

    void refresh(Scenario s) {
        OptionalInt c = s.resources().get(index).capacity();
        c.ifPresent(v -> lastCapacity = v);
        refreshing = true;
        try {
            unlimited.set(c.isEmpty());
            shared.set(s.resources().get(index).shared());
        } finally {
            refreshing = false;
        }
        capacity.refresh(s);
    }
}
