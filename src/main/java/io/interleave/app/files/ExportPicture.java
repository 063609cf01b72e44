package io.interleave.app.files;

import io.interleave.render.DrawingSurface;
import io.interleave.render.Palette;
import io.interleave.render.PngSurface;
import io.interleave.render.TimeScale;
import io.interleave.render.TimelineExport;
import io.interleave.render.ViewMode;
import io.interleave.trace.Trace;
import java.util.List;
import java.util.Optional;

/**
 * The picture the window exports: {@link TimelineExport} (title, legend,
 * axis, rows or lanes, metrics table), either over the whole run or over
 * the time range the timeline shows now.
 */
public final class ExportPicture {
    private final TimelineExport export;
    private final Optional<TimeScale> view;
    /** The handlers' code under the timeline, or null. */
    private final io.interleave.render.CodePanel code;

    /**
     * @param traces one trace, or both policies in compare mode
     * @param visible the window's time range, used when {@code currentView}
     */
    public ExportPicture(List<Trace> traces, ViewMode mode, double width, double textScale, Palette palette,
                         boolean currentView, Optional<TimeScale> visible) {
        this(traces, mode, width, textScale, palette, currentView, visible, false);
    }

    /** @param code with the request types' handlers as Python under the timeline (the first two variants side by side) */
    public ExportPicture(List<Trace> traces, ViewMode mode, double width, double textScale, Palette palette,
                         boolean currentView, Optional<TimeScale> visible, boolean code) {
        TimelineExport whole = new TimelineExport(traces, mode, width, textScale, palette);
        this.export = currentView && visible.isPresent() ? whole.over(visible.get().startMs(), visible.get().endMs()) : whole;
        this.view = currentView ? visible.map(v -> export.timeScale()) : Optional.empty();
        this.code = code ? io.interleave.render.CodePanel.forPicture(traces, width, textScale, palette) : null;
    }

    public double width() {
        return export.width();
    }

    public double height() {
        return code == null ? export.height() : Math.ceil(export.height() + code.height());
    }

    /** The time range drawn, if only part of the run. */
    public Optional<TimeScale> view() {
        return view;
    }

    public TimelineExport export() {
        return export;
    }

    /** The picture on a raster surface {@code scale} times its logical size, the code under it when asked for. */
    public PngSurface raster(double scale) {
        return code == null ? export.raster(scale) : code.raster(export, scale);
    }

    /** Whether the handlers' code stands under the timeline. */
    public boolean hasCode() {
        return code != null;
    }

    public byte[] png(double scale) {
        return code == null ? export.png(scale) : code.png(export, scale);
    }

    public String svg(double scale) {
        return code == null ? export.svg(scale) : code.svg(export, scale);
    }

    public void paint(DrawingSurface g) {
        export.paint(g);
    }
}
