package io.interleave.app;

import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Brief messages that need no answer ("Saved three-requests.png (1600 x 900)",
 * "Removed checkout"), shown for a few seconds over the timeline, some with
 * one action such as Undo. Never modal.
 */
public final class Notices {
    /** How long a notice stays, in milliseconds. */
    public static final int SHOW_MS = 7000;

    /** One message, and an optional action named on a button. */
    public record Notice(String text, Optional<String> actionLabel, Runnable action) {
        public Notice {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(action, "action");
        }
    }

    private final ReadOnlyObjectWrapper<Notice> current = new ReadOnlyObjectWrapper<>(this, "current");

    /** Shows {@code text}, replacing the notice on screen. */
    public void show(String text) {
        current.set(new Notice(text, Optional.empty(), () -> { }));
    }

    /** Shows {@code text} with a button {@code actionLabel} that runs {@code action}. */
    public void show(String text, String actionLabel, Runnable action) {
        current.set(new Notice(text, Optional.of(actionLabel), action));
    }

    /** Takes the notice off the screen. */
    public void dismiss() {
        current.set(null);
    }

    /** The notice on screen, or null. */
    public ReadOnlyObjectProperty<Notice> currentProperty() {
        return current.getReadOnlyProperty();
    }
}
