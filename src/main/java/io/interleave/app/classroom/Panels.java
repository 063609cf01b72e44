package io.interleave.app.classroom;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * Which panels around the timeline are shown. Each folds away to a button
 * on a thin rail and comes back with one key; "focus on the timeline" folds
 * them all and, pressed again, brings back the ones that were shown.
 */
public final class Panels {
    /** A panel that can fold away, with the key that folds it and the name on its rail button. */
    public enum Panel {
        CONTROLS("Controls", "F6"),
        NOTES("Notes", "F7"),
        NARRATION("Narration", "F8"),
        METRICS("Metrics", "F9");

        private final String title;
        private final String key;

        Panel(String title, String key) {
            this.title = title;
            this.key = key;
        }

        /** "What happens". */
        public String title() {
            return title;
        }

        /** The key that folds and unfolds it, e.g. "F8". */
        public String key() {
            return key;
        }

        /** "narration": the name used in the settings file. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The panel called {@code id} ("controls", "notes", "narration", "metrics"). */
        public static Optional<Panel> byId(String id) {
            for (Panel p : values()) {
                if (p.id().equals(id.strip().toLowerCase(Locale.ROOT))) {
                    return Optional.of(p);
                }
            }
            return Optional.empty();
        }
    }

    /** The key that folds every panel (and brings them back). */
    public static final String FOCUS_KEY = "F11";

    private final Map<Panel, BooleanProperty> shown = new EnumMap<>(Panel.class);
    private final BooleanBinding anyFolded;
    private final BooleanBinding allFolded;
    /** The panels that were shown when everything was folded, to bring back. */
    private Set<Panel> beforeFocus = EnumSet.noneOf(Panel.class);

    public Panels() {
        for (Panel p : Panel.values()) {
            shown.put(p, new SimpleBooleanProperty(this, p.id(), true));
        }
        BooleanProperty[] all = shown.values().toArray(BooleanProperty[]::new);
        anyFolded = Bindings.createBooleanBinding(() -> shown.values().stream().anyMatch(b -> !b.get()), all);
        allFolded = Bindings.createBooleanBinding(() -> shown.values().stream().noneMatch(BooleanProperty::get), all);
    }

    /** True while {@code panel} is unfolded. */
    public BooleanProperty shownProperty(Panel panel) {
        return shown.get(panel);
    }

    public boolean isShown(Panel panel) {
        return shown.get(panel).get();
    }

    /** Folds a shown panel, unfolds a folded one. */
    public void toggle(Panel panel) {
        shown.get(panel).set(!isShown(panel));
    }

    /** At least one panel is folded (the rail shows). */
    public BooleanBinding anyFoldedProperty() {
        return anyFolded;
    }

    /** Every panel is folded: only the timeline and playback are on screen. */
    public BooleanBinding focusProperty() {
        return allFolded;
    }

    /**
     * Focus on the timeline: folds every panel; when all are folded, brings
     * back the ones shown before (all of them if none was).
     */
    public void toggleFocus() {
        if (allFolded.get()) {
            Set<Panel> back = beforeFocus.isEmpty() ? EnumSet.allOf(Panel.class) : beforeFocus;
            back.forEach(p -> shown.get(p).set(true));
            beforeFocus = EnumSet.noneOf(Panel.class);
        } else {
            beforeFocus = folded(false);
            shown.values().forEach(b -> b.set(false));
        }
    }

    /** The folded panels (or, with {@code folded} false, the shown ones). */
    public Set<Panel> folded(boolean folded) {
        Set<Panel> out = EnumSet.noneOf(Panel.class);
        shown.forEach((p, b) -> {
            if (b.get() != folded) {
                out.add(p);
            }
        });
        return out;
    }

    /** Shows exactly the panels not in {@code folded}. */
    public void fold(Set<Panel> folded) {
        shown.forEach((p, b) -> b.set(!folded.contains(p)));
    }
}
