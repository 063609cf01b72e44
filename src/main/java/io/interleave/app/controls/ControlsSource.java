package io.interleave.app.controls;

import io.interleave.app.editor.TypeEdits;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * What the controls panel needs from the window: its view model, whether
 * the window compares variants, the request mix's edits (through the type
 * editor's {@link TypeEdits}) with their messages, and the undo of a removed
 * type. The window's view model provides it, so this package never reaches
 * up into the window.
 */
public interface ControlsSource extends TypeEdits {
    ControlsViewModel controls();

    /** Whether the timeline shows every compare variant. */
    BooleanProperty compareProperty();

    /** Why the last change to the mix was refused, or "". */
    ReadOnlyStringProperty mixErrorProperty();

    /** A note on the mix (a type added that the listed arrivals never send), or "". */
    ReadOnlyStringProperty mixNoteProperty();

    /** Removes request type {@code index}, if the scenario stays valid. */
    void removeType(int index);

    /** Whether a removed type can be brought back. */
    ReadOnlyBooleanProperty canUndoRemoveProperty();

    /** Brings back the type removed last. */
    void undoRemove();
}
