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

    /**
     * @param traces one trace, or both policies in compare mode
     * @param visible the window's time range, used when {@code currentView}
     */
    public ExportPicture(List<Trace> traces, ViewMode mode, double width, double textScale, Palette palette,
                         boolean currentView, Optional<TimeScale> visible) {
        TimelineExport whole = new TimelineExport(traces, mode, width, textScale, palette);
        this.export = currentView && visible.isPresent() ? whole.over(visible.get().startMs(), visible.get().endMs()) : whole;
        this.view = currentView ? visible.map(v -> export.timeScale()) : Optional.empty();
    }

    public double width() {
        return export.width();
    }

    public double height() {
        return export.height();
    }

    /** The time range drawn, if only part of the run. */
    public Optional<TimeScale> view() {
        return view;
    }

    public TimelineExport export() {
        return export;
    }

    /** The picture on a raster surface {@code scale} times its logical size. */
    public PngSurface raster(double scale) {
        return export.raster(scale);
    }

    public byte[] png(double scale) {
        return export.png(scale);
    }

    public String svg(double scale) {
        return export.svg(scale);
    }

    public void paint(DrawingSurface g) {
        export.paint(g);
    }
}
