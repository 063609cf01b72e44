package io.interleave.app.narration;

import io.interleave.app.playback.PlaybackViewModel;
import io.interleave.trace.Trace;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;

/**
 * What the narration panel needs from the window: the traces it tells and
 * the playback it follows and drives. The window's view model provides them,
 * so this package never reaches up into the window.
 */
public interface NarrationSource {
    ReadOnlyObjectProperty<List<Trace>> tracesProperty();

    PlaybackViewModel playback();
}
