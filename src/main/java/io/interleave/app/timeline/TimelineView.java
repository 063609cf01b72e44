package io.interleave.app.timeline;

import io.interleave.render.ViewMode;
import io.interleave.trace.Trace;
import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;

/**
 * The timeline control: draws one or two traces (compare mode, stacked on a
 * shared time axis) on a Canvas through the shared painter.
 *
 * <p>API contract used by the window; the painting is filled in by the
 * render work.
 */
public final class TimelineView extends Region {
    private final Canvas canvas = new Canvas();
    private final ObjectProperty<List<Trace>> traces = new SimpleObjectProperty<>(this, "traces", List.of());
    private final ObjectProperty<ViewMode> mode = new SimpleObjectProperty<>(this, "mode", ViewMode.REQUESTS);
    private final DoubleProperty playheadMs = new SimpleDoubleProperty(this, "playheadMs", Double.POSITIVE_INFINITY);

    public TimelineView() {
        getChildren().add(canvas);
        getStyleClass().add("timeline-view");
    }

    /** The traces drawn, one or two (compare), each labelled with its policy. */
    public ObjectProperty<List<Trace>> tracesProperty() {
        return traces;
    }

    /** Requests or workers. */
    public ObjectProperty<ViewMode> modeProperty() {
        return mode;
    }

    /** The "now" line; spans are drawn only up to it. Infinity shows the whole run. */
    public DoubleProperty playheadMsProperty() {
        return playheadMs;
    }

    /** Zooms and pans so that the whole run is visible. */
    public void fit() {
        requestLayout();
    }

    /** The canvas, for snapshots in tests. */
    public Canvas canvas() {
        return canvas;
    }
}
