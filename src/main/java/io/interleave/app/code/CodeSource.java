package io.interleave.app.code;

import io.interleave.app.playback.PlaybackViewModel;
import io.interleave.trace.Trace;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;

/**
 * What the code view needs from the window: the traces whose handlers it
 * shows and the playback whose playhead it follows. The window's view model
 * provides them, so this package never reaches up into the window.
 */
public interface CodeSource {
    ReadOnlyObjectProperty<List<Trace>> tracesProperty();

    PlaybackViewModel playback();

    /** The scenario as edited (its request types are what a handler typed as code replaces). */
    ReadOnlyObjectProperty<io.interleave.scenario.Scenario> scenarioProperty();

    /** Replaces request type {@code index}; throws IllegalArgumentException, naming what is wrong, if the scenario would be invalid. */
    void replaceType(int index, io.interleave.scenario.RequestType type);
}
