package io.interleave.app;

import io.interleave.scenario.Scenario;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableValue;

/**
 * What switching lessons keeps, so that leaving a tweaked built-in lesson
 * never needs a "Save your changes?" question: the lessons left (newest
 * first, for Undo lesson switch or reload) and the last changes made to each lesson
 * (for Restore my changes).
 */
public final class LessonSwitches {
    /** How many switches Undo lesson switch or reload can go back. */
    public static final int LIMIT = 20;

    /** A lesson left: which, the scenario it showed then, and whether that differed from the lesson. */
    public record Left(AppViewModel.PresetChoice lesson, Scenario scenario, boolean tweaked) {
        public Left {
            Objects.requireNonNull(lesson, "lesson");
            Objects.requireNonNull(scenario, "scenario");
        }
    }

    private final Deque<Left> left = new ArrayDeque<>();
    private final Map<String, Scenario> tweaks = new HashMap<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo", false);
    private final ReadOnlyBooleanWrapper changed = new ReadOnlyBooleanWrapper(this, "changed");
    private final BooleanBinding canRestore;

    LessonSwitches(ObservableValue<Scenario> scenario, ObservableValue<AppViewModel.PresetChoice> preset) {
        canRestore = Bindings.createBooleanBinding(() -> {
            AppViewModel.PresetChoice p = preset.getValue();
            return p != null && tweaks.containsKey(p.id()) && !tweaks.get(p.id()).equals(scenario.getValue());
        }, scenario, preset, changed);
    }

    /** Leaving {@code lesson}, which showed {@code scenario}. */
    void leave(AppViewModel.PresetChoice lesson, Scenario scenario, boolean tweaked) {
        left.push(new Left(lesson, scenario, tweaked));
        while (left.size() > LIMIT) {
            left.removeLast();
        }
        keep(lesson, scenario, tweaked);
    }

    /** Remembers the changes made to {@code lesson}, if there are any. */
    void keep(AppViewModel.PresetChoice lesson, Scenario scenario, boolean tweaked) {
        if (tweaked) {
            tweaks.put(lesson.id(), scenario);
        }
        update();
    }

    /** The lesson left last, taken off the list. */
    Optional<Left> undo() {
        Optional<Left> last = Optional.ofNullable(left.poll());
        update();
        return last;
    }

    /** The last changes made to {@code lesson}. */
    public Optional<Scenario> tweakOf(AppViewModel.PresetChoice lesson) {
        return Optional.ofNullable(tweaks.get(lesson.id()));
    }

    /** A switch can be undone. */
    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    /** The lesson shown has kept changes that are not on screen. */
    public BooleanBinding canRestoreProperty() {
        return canRestore;
    }

    private void update() {
        canUndo.set(!left.isEmpty());
        changed.set(!changed.get());
    }
}
