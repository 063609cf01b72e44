package io.interleave.app.editor;

import io.interleave.scenario.Segment;
import io.interleave.scenario.SegmentKind;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One editable row of the segment editor. */
public final class SegmentModel {
    /** The resource choice that means "none". */
    public static final String NO_RESOURCE = "(none)";

    private final ObjectProperty<SegmentKind> kind = new SimpleObjectProperty<>(this, "kind", SegmentKind.COMPUTE);
    private final StringProperty duration = new SimpleStringProperty(this, "duration", "10");
    private final StringProperty label = new SimpleStringProperty(this, "label", "");
    private final ObjectProperty<String> resource = new SimpleObjectProperty<>(this, "resource", NO_RESOURCE);

    private final javafx.beans.property.ReadOnlyBooleanWrapper durationValid =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "durationValid", true);

    SegmentModel() {
    }

    /** False while the duration text cannot be read (the editor marks the field, not just the message). */
    public javafx.beans.property.ReadOnlyBooleanProperty durationValidProperty() {
        return durationValid.getReadOnlyProperty();
    }

    /** Checks the duration alone and says so in {@link #durationValidProperty()}. */
    void checkDuration() {
        try {
            DurationText.parse("duration", duration.get());
            durationValid.set(true);
        } catch (IllegalArgumentException e) {
            durationValid.set(false);
        }
    }

    SegmentModel(Segment s) {
        kind.set(s.kind());
        duration.set(DurationText.format(s.ms()));
        label.set(s.label().orElse(""));
        resource.set(s.on().orElse(NO_RESOURCE));
    }

    public ObjectProperty<SegmentKind> kindProperty() {
        return kind;
    }

    /** The duration as text, see {@link DurationText}. */
    public StringProperty durationProperty() {
        return duration;
    }

    public StringProperty labelProperty() {
        return label;
    }

    /** A resource name, or {@link #NO_RESOURCE}. */
    public ObjectProperty<String> resourceProperty() {
        return resource;
    }

    Observable[] observables() {
        return new Observable[] {kind, duration, label, resource};
    }

    /** The segment; IllegalArgumentException naming the row when invalid. */
    Segment toSegment(int index) {
        String path = "segment " + (index + 1);
        String on = resource.get();
        Optional<String> uses = on == null || on.equals(NO_RESOURCE) || kind.get() == SegmentKind.COMPUTE
                ? Optional.empty() : Optional.of(on);
        String text = label.get() == null ? "" : label.get().trim();
        try {
            return new Segment(kind.get(), DurationText.parse("duration", duration.get()),
                    text.isEmpty() ? Optional.empty() : Optional.of(text), uses);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + " " + e.getMessage(), e);
        }
    }
}
