package io.interleave.app.files;

import io.interleave.render.DrawingSurface;
import io.interleave.render.Fill;
import io.interleave.render.Palette;
import io.interleave.render.PngSurface;
import io.interleave.render.Rgb;
import io.interleave.render.SvgSurface;
import io.interleave.render.TextAlign;
import io.interleave.render.TextStyle;
import io.interleave.render.TimeScale;
import io.interleave.render.TimelineExport;
import io.interleave.render.TimelinePainter;
import io.interleave.render.ViewMode;
import io.interleave.trace.Trace;
import java.util.List;
import java.util.Optional;

/**
 * The picture the window exports: {@link TimelineExport} (title, legend,
 * axis, rows or lanes, metrics table), either over the whole run or over
 * the time range the timeline shows now. For the current view the export
 * is painted as usual except its timeline band, and the same painter then
 * draws the timeline band again with the window's time range.
 */
public final class ExportPicture {
    private final TimelineExport export;
    private final Palette palette;
    private final Optional<TimeScale> view;

    /**
     * @param traces one trace, or both policies in compare mode
     * @param visible the window's time range, used when {@code currentView}
     */
    public ExportPicture(List<Trace> traces, ViewMode mode, double width, double textScale, Palette palette,
                         boolean currentView, Optional<TimeScale> visible) {
        this.export = new TimelineExport(traces, mode, width, textScale, palette);
        this.palette = palette;
        this.view = currentView
                ? visible.map(v -> TimeScale.of(v.startMs(), v.endMs(), export.layout().plotWidth()))
                : Optional.empty();
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
        PngSurface surface = new PngSurface((int) Math.ceil(width()), (int) Math.ceil(height()), scale, palette.background());
        paint(surface);
        return surface;
    }

    public byte[] png(double scale) {
        return raster(scale).toPng();
    }

    public String svg(double scale) {
        SvgSurface surface = new SvgSurface(Math.ceil(width()), Math.ceil(height()), palette.background());
        surface.displayScale(scale);
        surface.title(export.title());
        paint(surface);
        return surface.toSvg();
    }

    public void paint(DrawingSurface g) {
        if (view.isEmpty()) {
            export.paint(g);
            return;
        }
        double top = export.timelineTop();
        double bottom = top + export.layout().height();
        export.paint(new WithoutBand(g, top, bottom));
        new TimelinePainter(palette).paint(new Shifted(g, top), export.layout(), view.get(), Double.POSITIVE_INFINITY);
    }

    /** Passes on everything drawn outside {@code [top, bottom]}, so the export's own timeline is left out. */
    private static final class WithoutBand extends Shifted {
        private static final double EPS = 1e-6;
        private final double top;
        private final double bottom;

        WithoutBand(DrawingSurface target, double top, double bottom) {
            super(target, 0);
            this.top = top;
            this.bottom = bottom;
        }

        private boolean inside(double y1, double y2) {
            return Math.min(y1, y2) >= top - EPS && Math.max(y1, y2) <= bottom + EPS;
        }

        @Override
        public void fillRect(double x, double y, double width, double height, Fill fill) {
            if (!inside(y, y + height)) {
                super.fillRect(x, y, width, height, fill);
            }
        }

        @Override
        public void strokeRect(double x, double y, double width, double height, Rgb color, double lineWidth) {
            if (!inside(y, y + height)) {
                super.strokeRect(x, y, width, height, color, lineWidth);
            }
        }

        @Override
        public void line(double x1, double y1, double x2, double y2, Rgb color, double lineWidth) {
            if (!inside(y1, y2)) {
                super.line(x1, y1, x2, y2, color, lineWidth);
            }
        }

        @Override
        public void fillPolygon(double[] xs, double[] ys, Rgb color) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double y : ys) {
                min = Math.min(min, y);
                max = Math.max(max, y);
            }
            if (!inside(min, max)) {
                super.fillPolygon(xs, ys, color);
            }
        }

        @Override
        public void text(String text, double x, double y, TextStyle style, Rgb color, TextAlign align) {
            if (!inside(y, y)) {
                super.text(text, x, y, style, color, align);
            }
        }
    }

    /** Another surface moved down by {@code dy}. */
    private static class Shifted implements DrawingSurface {
        private final DrawingSurface target;
        private final double dy;

        Shifted(DrawingSurface target, double dy) {
            this.target = target;
            this.dy = dy;
        }

        @Override
        public void fillRect(double x, double y, double width, double height, Fill fill) {
            target.fillRect(x, y + dy, width, height, fill);
        }

        @Override
        public void strokeRect(double x, double y, double width, double height, Rgb color, double lineWidth) {
            target.strokeRect(x, y + dy, width, height, color, lineWidth);
        }

        @Override
        public void line(double x1, double y1, double x2, double y2, Rgb color, double lineWidth) {
            target.line(x1, y1 + dy, x2, y2 + dy, color, lineWidth);
        }

        @Override
        public void fillPolygon(double[] xs, double[] ys, Rgb color) {
            double[] moved = ys.clone();
            for (int i = 0; i < moved.length; i++) {
                moved[i] += dy;
            }
            target.fillPolygon(xs, moved, color);
        }

        @Override
        public void text(String text, double x, double y, TextStyle style, Rgb color, TextAlign align) {
            target.text(text, x, y + dy, style, color, align);
        }

        @Override
        public double textWidth(String text, TextStyle style) {
            return target.textWidth(text, style);
        }

        @Override
        public void tag(String cssClass) {
            target.tag(cssClass);
        }

        @Override
        public void save() {
            target.save();
        }

        @Override
        public void restore() {
            target.restore();
        }

        @Override
        public void clip(double x, double y, double width, double height) {
            target.clip(x, y + dy, width, height);
        }
    }
}
