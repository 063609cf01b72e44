package io.interleave.app;

import javafx.beans.property.ObjectProperty;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;

/** Keeps a group of toggles, each carrying a value as user data, in step with a property; one is always selected. */
final class Toggles {
    private Toggles() {
    }

    static <T> void bind(ToggleGroup group, ObjectProperty<T> value) {
        select(group, value.get());
        value.addListener((obs, old, now) -> select(group, now));
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true);
            } else {
                @SuppressWarnings("unchecked")
                T chosen = (T) now.getUserData();
                value.set(chosen);
            }
        });
    }

    private static void select(ToggleGroup group, Object value) {
        for (Toggle t : group.getToggles()) {
            if (t.getUserData() == value || (t.getUserData() != null && t.getUserData().equals(value))) {
                t.setSelected(true);
            }
        }
    }
}
