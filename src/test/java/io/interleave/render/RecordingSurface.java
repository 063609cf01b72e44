package io.interleave.render;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;

/** A surface that remembers what was drawn, with the clip in force at the time, for assertions. */
final class RecordingSurface implements DrawingSurface {

    /** A clip rectangle. */
    record Clip(double x, double y, double width, double height) {
        static final Clip NONE = new Clip(-1e9, -1e9, 2e9, 2e9);

        Clip intersect(double ox, double oy, double ow, double oh) {
            double x0 = Math.max(x, ox);
            double y0 = Math.max(y, oy);
            double x1 = Math.min(x + width, ox + ow);
            double y1 = Math.min(y + height, oy + oh);
            return new Clip(x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0));
        }

        boolean showsAnyOf(double ox, double oy, double ow, double oh) {
            return ox < x + width && ox + ow > x && oy < y + height && oy + oh > y;
        }
    }

    record FillCall(double x, double y, double width, double height, Fill fill, Clip clip, String tag) {
        double right() {
            return x + width;
        }

        boolean visible() {
            return clip.showsAnyOf(x, y, width, height);
        }
    }

    record TextCall(String text, double x, double y, TextStyle style, Rgb color, TextAlign align, Clip clip) {
        boolean visible() {
            return clip.showsAnyOf(x - 1, y - 1, 2, 2);
        }
    }

    record LineCall(double x1, double y1, double x2, double y2, Rgb color, double width, Clip clip) {
    }

    record PolygonCall(double[] xs, double[] ys, Rgb color, Clip clip) {
    }

    record StrokeCall(double x, double y, double width, double height, Rgb color, double lineWidth, Clip clip, String tag) {
    }

    final List<FillCall> fills = new ArrayList<>();
    final List<TextCall> texts = new ArrayList<>();
    final List<LineCall> lines = new ArrayList<>();
    final List<PolygonCall> polygons = new ArrayList<>();
    final List<StrokeCall> strokes = new ArrayList<>();
    private final Deque<Clip> saved = new ArrayDeque<>();
    private Clip clip = Clip.NONE;
    private String tag;

    @Override
    public void tag(String cssClass) {
        tag = cssClass;
    }

    /** Characters are 0.6 em wide: close enough to a sans-serif font, and deterministic. */
    @Override
    public double textWidth(String text, TextStyle style) {
        return text.length() * style.size() * 0.6;
    }

    @Override
    public void fillRect(double x, double y, double width, double height, Fill fill) {
        fills.add(new FillCall(x, y, width, height, fill, clip, tag));
    }

    @Override
    public void strokeRect(double x, double y, double width, double height, Rgb color, double lineWidth) {
        strokes.add(new StrokeCall(x, y, width, height, color, lineWidth, clip, tag));
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Rgb color, double lineWidth) {
        lines.add(new LineCall(x1, y1, x2, y2, color, lineWidth, clip));
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, Rgb color) {
        polygons.add(new PolygonCall(xs.clone(), ys.clone(), color, clip));
    }

    @Override
    public void text(String text, double x, double y, TextStyle style, Rgb color, TextAlign align) {
        texts.add(new TextCall(text, x, y, style, color, align, clip));
    }

    @Override
    public void save() {
        saved.push(clip);
    }

    @Override
    public void restore() {
        clip = saved.pop();
    }

    @Override
    public void clip(double x, double y, double width, double height) {
        clip = clip.intersect(x, y, width, height);
    }

    /** Whether every save was restored. */
    boolean balanced() {
        return saved.isEmpty();
    }

    /** Visible fills with this exact fill whose vertical middle lies in [top, bottom). */
    Stream<FillCall> fillsIn(Fill fill, double top, double bottom) {
        return fills.stream().filter(f -> f.fill().equals(fill) && f.visible())
                .filter(f -> f.y() + f.height() / 2 >= top && f.y() + f.height() / 2 < bottom);
    }

    /** Visible texts equal to {@code s} whose middle is below {@code y} (in the body, not the header). */
    Stream<TextCall> textsBelow(String s, double y) {
        return textsEqual(s).filter(t -> t.y() > y);
    }

    /** Visible texts equal to {@code s}. */
    Stream<TextCall> textsEqual(String s) {
        return texts.stream().filter(t -> t.text().equals(s) && t.visible());
    }
}
