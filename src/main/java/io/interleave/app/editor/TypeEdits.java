package io.interleave.app.editor;

import io.interleave.scenario.RequestType;
import io.interleave.scenario.Scenario;
import javafx.beans.property.ReadOnlyObjectProperty;

/**
 * What the request type editor needs from the window: the scenario it edits
 * and how a type is checked, replaced and added. The window's view model
 * provides it, so the editor never reaches up into the window.
 */
public interface TypeEdits {
    /** The scenario as edited. */
    ReadOnlyObjectProperty<Scenario> scenarioProperty();

    /** The scenario with type {@code index} replaced (or added, for index = size); throws IllegalArgumentException if invalid. */
    Scenario withType(int index, RequestType type);

    /** Replaces request type {@code index}. */
    void replaceType(int index, RequestType type);

    /** Adds a request type at the end of the mix. */
    void addType(RequestType type);
}
