package io.interleave.app.controls;

import io.interleave.scenario.Scenario;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One editable number of the scenario, as text. Typing applies the value at
 * once: if the scenario records accept it, the scenario changes; if not, the
 * records' message ("workers: must be between 1 and 10000, was 0") is shown
 * as {@link #errorProperty()} and the scenario, with the picture drawn from
 * it, stays as it was.
 */
public final class FieldModel {
    private final String name;
    private final ObjectProperty<Scenario> scenario;
    private final Function<Scenario, String> reader;
    private final BiFunction<Scenario, String, Scenario> writer;
    private final Predicate<Scenario> applicable;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper enabled = new ReadOnlyBooleanWrapper(this, "enabled", true);
    private boolean refreshing;
    private boolean applying;

    /**
     * @param name what the field is called in messages about unreadable text
     * @param scenario the scenario edited
     * @param reader the field's text for a scenario
     * @param writer the scenario with the text applied; throws IllegalArgumentException when invalid
     * @param applicable whether the field means anything for a scenario (disabled otherwise)
     */
    public FieldModel(String name, ObjectProperty<Scenario> scenario, Function<Scenario, String> reader,
                      BiFunction<Scenario, String, Scenario> writer, Predicate<Scenario> applicable) {
        this.name = Objects.requireNonNull(name, "name");
        this.scenario = scenario;
        this.reader = reader;
        this.writer = writer;
        this.applicable = applicable;
        text.addListener((obs, old, now) -> {
            if (!refreshing) {
                apply(now);
            }
        });
        refresh(scenario.get());
    }

    public FieldModel(String name, ObjectProperty<Scenario> scenario, Function<Scenario, String> reader,
                      BiFunction<Scenario, String, Scenario> writer) {
        this(name, scenario, reader, writer, s -> true);
    }

    public String name() {
        return name;
    }

    /** The text in the field; setting it applies it. */
    public StringProperty textProperty() {
        return text;
    }

    /** Why the text was not applied, or "" when it was. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty enabledProperty() {
        return enabled.getReadOnlyProperty();
    }

    /** Shows the value of a scenario that changed elsewhere; a field being typed in keeps its text. */
    void refresh(Scenario s) {
        if (s == null) {
            return;
        }
        enabled.set(applicable.test(s));
        if (applying) {
            return;
        }
        refreshing = true;
        try {
            text.set(reader.apply(s));
            error.set("");
        } finally {
            refreshing = false;
        }
    }

    private void apply(String value) {
        Scenario next;
        try {
            next = writer.apply(scenario.get(), value == null ? "" : value.trim());
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        error.set("");
        applying = true;
        try {
            scenario.set(next);
        } finally {
            applying = false;
        }
    }
}
