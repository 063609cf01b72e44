package io.interleave.render;

/** A view of another surface moved down by {@code dy} pixels, so a painter can draw below a header. */
final class OffsetSurface implements DrawingSurface {
    private final DrawingSurface target;
    private final double dy;

    OffsetSurface(DrawingSurface target, double dy) {
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
        double[] moved = new double[ys.length];
        for (int i = 0; i < ys.length; i++) {
            moved[i] = ys[i] + dy;
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
    public void timing(Timing timing) {
        target.timing(timing);
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
