package io.interleave.render;

import io.interleave.time.TimeText;
import io.interleave.stats.Sweep;
import io.interleave.stats.Theory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Response time against arrival rate, one series per compare variant (2 to
 * 4): the mean with its 95% confidence band, the p95, the variant's
 * capacity (where it saturates, computed from its bottleneck) and the
 * closed-form prediction where one applies (dashed grey, labelled theory).
 * Each variant has its own colour and its own marker shape (square, circle,
 * triangle, diamond), so the series stay apart without colour. One key row
 * per variant names it and says where it saturates. The y axis is
 * logarithmic, so the flat part at low load and the blow-up past
 * saturation both stay readable.
 */
public final class SweepChart {
    /** Marker shapes by variant index. */
    public enum Marker { SQUARE, CIRCLE, TRIANGLE, DIAMOND }

    private static final double TITLE_SIZE = 20;
    private static final double KEY_ROW = 20;

    private final Sweep.Result result;
    private final String title;
    private final Palette palette;
    private final double width;
    private final double height;

    /**
     * @param title the scenario's name; the chart adds what it shows
     */
    public SweepChart(Sweep.Result result, String title, double width, double height, Palette palette) {
        if (result.points().isEmpty()) {
            throw new IllegalArgumentException("a sweep chart needs at least one point");
        }
        if (!(width >= 480 && width <= 20_000 && height >= 320 && height <= 20_000)) {
            throw new IllegalArgumentException("chart size must be at least 480x320 and at most 20000x20000, was " + width + "x" + height);
        }
        this.result = result;
        this.title = Objects.requireNonNull(title, "title");
        this.width = width;
        this.height = height;
        this.palette = Objects.requireNonNull(palette, "palette");
    }

    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    /** The title as drawn: the scenario's name and what the chart shows. */
    public String title() {
        return title + " — response time against arrival rate";
    }

    /** The marker of the {@code index}-th variant. */
    public static Marker marker(int index) {
        return Marker.values()[index % Marker.values().length];
    }

    private double left() {
        return 96;
    }

    private double right() {
        return width - 40;
    }

    /** Below the title, the subtitle and one key row per variant. */
    private double top() {
        return 70 + KEY_ROW * result.series().size() + 24;
    }

    private double bottom() {
        return height - 64;
    }

    /** The x of a rate. */
    public double x(double rate) {
        double max = maxRate();
        return left() + (right() - left()) * rate / max;
    }

    /** The y of a response time (log scale). */
    public double y(double ms) {
        double[] r = yRange();
        double t = (Math.log10(Math.max(ms, r[0])) - Math.log10(r[0])) / (Math.log10(r[1]) - Math.log10(r[0]));
        return bottom() - (bottom() - top()) * Math.min(1.05, t);
    }

    private double maxRate() {
        double max = result.maxRate();
        double step = TimeScale.niceStep(max / 8);
        return Math.ceil(max / step - 1e-9) * step;
    }

    private double[] yRange() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (Sweep.Point p : result.points()) {
            for (double v : new double[] {p.meanResponseMs().low(), p.meanResponseMs().mean(), p.meanResponseMs().high(), p.p95Ms()}) {
                if (Double.isFinite(v) && v > 0) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!Double.isFinite(lo)) {
            return new double[] {1, 10};
        }
        // a little room below the lowest value, so a flat line at low load does not lie on the axis
        double bottom = niceFloor(lo / 1.25);
        double top = niceCeil(hi * 1.05);
        return new double[] {bottom, Math.max(top, bottom * 10)};
    }

    /** The smallest 1, 2 or 5 times a power of ten at least {@code v}. */
    static double niceCeil(double v) {
        double decade = Math.pow(10, Math.floor(Math.log10(v)));
        for (int m : new int[] {1, 2, 5}) {
            if (m * decade >= v * (1 - 1e-9)) {
                return m * decade;
            }
        }
        return 10 * decade;
    }

    /** The largest 1, 2 or 5 times a power of ten at most {@code v}. */
    static double niceFloor(double v) {
        double decade = Math.pow(10, Math.floor(Math.log10(v)));
        for (int m : new int[] {5, 2, 1}) {
            if (m * decade <= v * (1 + 1e-9)) {
                return m * decade;
            }
        }
        return decade;
    }

    /** Paints the chart onto a surface {@link #width()} by {@link #height()}. */
    public void paint(DrawingSurface g) {
        g.tag("background");
        g.fillRect(0, 0, width, height, palette.background());
        g.tag("title");
        double textWidth = width - 48;
        Fitted head = fit(g, title(), TextStyle.bold(TITLE_SIZE), 14, textWidth);
        g.text(head.text(), 24, 26, head.style(), palette.text(), TextAlign.LEFT);
        int reps = result.replications();
        String subtitle = "Mean response time (markers) with its 95% confidence band over " + reps + (reps == 1 ? " run" : " runs")
                + " per point, p95 thin, theory dashed · log scale";
        Fitted sub = fit(g, subtitle, TextStyle.regular(13), 10, textWidth);
        g.text(sub.text(), 24, 50, sub.style(), palette.mutedText(), TextAlign.LEFT);
        paintAxes(g);
        g.save();
        // markers on the first and last rate stay whole; lines past the top are cut
        g.clip(left() - 8, top() - 6, right() - left() + 16, bottom() - top() + 14);
        for (int i = 0; i < result.series().size(); i++) {
            paintBand(g, i);
        }
        // the capacity marks go under the data: their tags never hide a point
        for (int i = 0; i < result.series().size(); i++) {
            paintSaturation(g, i);
        }
        for (int i = 0; i < result.series().size(); i++) {
            paintTheory(g, i);
        }
        for (int i = 0; i < result.series().size(); i++) {
            paintSeries(g, i);
        }
        g.restore();
        paintKey(g);
        g.tag(null);
    }

    private String cls(int i) {
        return "variant-" + i + " " + result.series().get(i).server().policy().jsonName();
    }

    private void paintAxes(DrawingSurface g) {
        TextStyle tick = TextStyle.regular(12);
        g.tag("axis");
        double max = maxRate();
        double step = TimeScale.niceStep(result.maxRate() / 8);
        for (double r = 0; r <= max + step / 1e6; r += step) {
            double x = x(r);
            g.line(x, top(), x, bottom(), palette.grid(), 1);
            g.text(number(r), x, bottom() + 14, tick, palette.axis(), TextAlign.CENTER);
        }
        double[] range = yRange();
        double decadePx = (bottom() - top()) / Math.log10(range[1] / range[0]);
        // 1, 2 and 5 in each decade when there is room for their labels; else every decade, or every other one
        int[] marks = decadePx >= 70 ? new int[] {1, 2, 5} : decadePx >= 34 ? new int[] {1, 3} : new int[] {1};
        int every = decadePx >= 17 ? 1 : 2;
        int d = 0;
        for (double decade = Math.pow(10, Math.floor(Math.log10(range[0]) + 1e-9)); decade <= range[1] * 1.0001; decade *= 10, d++) {
            for (int m : marks) {
                double v = decade * m;
                if (v < range[0] * 0.9999 || v > range[1] * 1.0001 || (m == 1 && d % every != 0)) {
                    continue;
                }
                double y = y(v);
                g.line(left(), y, right(), y, palette.grid(), m == 1 ? 1.2 : 0.6);
                g.text(TimeText.duration(v), left() - 8, y, tick, palette.axis(), TextAlign.RIGHT);
            }
        }
        g.line(left(), bottom(), right(), bottom(), palette.axis(), 1.5);
        g.line(left(), top(), left(), bottom(), palette.axis(), 1.5);
        g.text("Arrival rate (requests per second)", (left() + right()) / 2, bottom() + 40, TextStyle.bold(13), palette.text(), TextAlign.CENTER);
    }

    private void paintBand(DrawingSurface g, int i) {
        List<Sweep.Point> points = result.series().get(i).points();
        if (points.size() < 2 || result.replications() < 2) {
            return;
        }
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (Sweep.Point p : points) {
            if (Double.isFinite(p.meanResponseMs().high())) {
                xs.add(x(p.ratePerSec()));
                ys.add(y(p.meanResponseMs().high()));
            }
        }
        for (int k = points.size() - 1; k >= 0; k--) {
            Sweep.Point p = points.get(k);
            if (Double.isFinite(p.meanResponseMs().low())) {
                xs.add(x(p.ratePerSec()));
                ys.add(y(p.meanResponseMs().low()));
            }
        }
        g.tag("band " + cls(i));
        g.fillPolygon(xs.stream().mapToDouble(Double::doubleValue).toArray(), ys.stream().mapToDouble(Double::doubleValue).toArray(),
                palette.variant(i).mix(palette.background(), 0.8));
    }

    /**
     * Each variant's means and markers are shifted a few pixels sideways
     * (a dodge), so that variants with the same results, e.g. sync and an
     * event loop on compute-only work, show side by side instead of one
     * hiding the other.
     */
    double dodge(int i) {
        return (i - (result.series().size() - 1) / 2.0) * 6;
    }

    private void paintSeries(DrawingSurface g, int i) {
        Rgb colour = palette.variant(i);
        List<Sweep.Point> points = result.series().get(i).points();
        double dx = dodge(i);
        g.tag("p95 " + cls(i));
        for (int k = 1; k < points.size(); k++) {
            segment(g, dx, points.get(k - 1).ratePerSec(), points.get(k - 1).p95Ms(), points.get(k).ratePerSec(), points.get(k).p95Ms(),
                    colour.mix(palette.background(), 0.35), 1.2);
        }
        g.tag("mean " + cls(i));
        for (int k = 1; k < points.size(); k++) {
            segment(g, dx, points.get(k - 1).ratePerSec(), points.get(k - 1).meanResponseMs().mean(),
                    points.get(k).ratePerSec(), points.get(k).meanResponseMs().mean(), colour, 2.5);
        }
        g.tag("point " + cls(i));
        double r = markerRadius();
        for (Sweep.Point p : points) {
            double v = p.meanResponseMs().mean();
            if (Double.isFinite(v)) {
                drawMarker(g, marker(i), x(p.ratePerSec()) + dx, y(v), r, colour, palette.background());
            }
        }
    }

    /** 5 px, smaller when the rates lie close together (down to 3 px), so that markers do not merge into a bar. */
    double markerRadius() {
        List<Sweep.Point> points = result.series().get(0).points();
        if (points.size() < 2) {
            return 5;
        }
        double spacing = (x(points.get(points.size() - 1).ratePerSec()) - x(points.get(0).ratePerSec())) / (points.size() - 1);
        return Math.max(3, Math.min(5, spacing * 0.25));
    }

    /** A marker of half-size {@code r} centred on (x, y), ringed in {@code ring} so that overlapping markers stay apart. */
    static void drawMarker(DrawingSurface g, Marker marker, double x, double y, double r, Rgb colour, Rgb ring) {
        shape(g, marker, x, y, r + 1.5, ring);
        shape(g, marker, x, y, r, colour);
    }

    private static void shape(DrawingSurface g, Marker marker, double x, double y, double r, Rgb colour) {
        switch (marker) {
            case SQUARE -> g.fillRect(x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8, colour);
            case CIRCLE -> {
                int n = 16;
                double[] xs = new double[n];
                double[] ys = new double[n];
                for (int k = 0; k < n; k++) {
                    xs[k] = x + r * Math.cos(2 * Math.PI * k / n);
                    ys[k] = y + r * Math.sin(2 * Math.PI * k / n);
                }
                g.fillPolygon(xs, ys, colour);
            }
            case TRIANGLE -> g.fillPolygon(new double[] {x, x + r * 1.15, x - r * 1.15}, new double[] {y - r * 1.2, y + r * 0.9, y + r * 0.9}, colour);
            case DIAMOND -> g.fillPolygon(new double[] {x, x + r * 1.2, x, x - r * 1.2}, new double[] {y - r * 1.2, y, y + r * 1.2, y}, colour);
        }
    }

    private void paintTheory(DrawingSurface g, int i) {
        Optional<Theory.Model> theory = result.series().get(i).theory();
        if (theory.isEmpty()) {
            return;
        }
        Theory.Model model = theory.get();
        g.tag("theory " + cls(i));
        double max = Math.min(maxRate(), model.capacityPerSec());
        int steps = 240;
        double prevX = Double.NaN;
        double prevY = Double.NaN;
        for (int k = 1; k <= steps; k++) {
            double rate = max * k / steps;
            Optional<Double> ms = model.meanResponseMs(rate);
            if (ms.isEmpty()) {
                break;
            }
            double x = x(rate);
            double y = y(ms.get());
            if (!Double.isNaN(prevX) && k % 2 == 0) { // every other piece: a dashed line
                g.line(prevX, prevY, x, y, palette.theory(), 2);
            }
            prevX = x;
            prevY = y;
        }
    }

    /** A dashed vertical line at the capacity, tagged with its rate at the top of the plot. */
    private void paintSaturation(DrawingSurface g, int i) {
        Sweep.Series s = result.series().get(i);
        if (!s.capacityInRange()) {
            return;
        }
        Rgb colour = palette.variant(i);
        double x = x(s.capacity().perSecond());
        g.tag("saturation " + cls(i));
        for (double y = top(); y < bottom(); y += 12) {
            g.line(x, y, x, Math.min(bottom(), y + 6), colour, 2);
        }
        TextStyle style = TextStyle.bold(13);
        String tag = s.capacity().rateText();
        double w = g.textWidth(tag, style);
        double y = top() + 14 + 20 * i;
        boolean leftSide = x + 8 + w + 18 > right();
        double boxX = leftSide ? x - 8 - w - 18 : x + 4;
        g.fillRect(boxX, y - 9, w + 18, 18, palette.background());
        drawMarker(g, marker(i), boxX + 7, y, 4, colour, palette.background());
        g.text(tag, boxX + 14, y, style, colour, TextAlign.LEFT);
    }

    /** One row per variant: its line and marker, its label and where it saturates. */
    private void paintKey(DrawingSurface g) {
        g.tag("legend");
        TextStyle bold = TextStyle.bold(13);
        // one type size for every row: the size the longest row fits at
        List<Fitted> names = new ArrayList<>();
        double tailSize = 13;
        for (Sweep.Series s : result.series()) {
            Fitted name = fit(g, s.label(), bold, 10, (width - 86) * 0.6);
            names.add(name);
            String rest = s.saturationText().substring(s.label().length());
            tailSize = Math.min(tailSize, fit(g, rest, TextStyle.regular(13), 10, width - 24 - 62 - g.textWidth(name.text(), name.style()))
                    .style().size());
        }
        for (int i = 0; i < result.series().size(); i++) {
            Sweep.Series s = result.series().get(i);
            Rgb colour = palette.variant(i);
            double y = 74 + KEY_ROW * i;
            g.line(24, y, 52, y, colour, 2.5);
            drawMarker(g, marker(i), 38, y, 5, colour, palette.background());
            Fitted name = names.get(i);
            double x = 62;
            g.text(name.text(), x, y, name.style(), palette.text(), TextAlign.LEFT);
            double after = x + g.textWidth(name.text(), name.style());
            String rest = s.saturationText().substring(s.label().length());
            Fitted tail = fit(g, rest, TextStyle.regular(tailSize), 10, width - 24 - after);
            g.text(tail.text(), after, y, tail.style(), palette.text(), TextAlign.LEFT);
        }
        if (result.series().stream().anyMatch(s -> s.theory().isPresent())) {
            String models = String.join(", ", result.series().stream().flatMap(s -> s.theory().stream())
                    .map(Theory.Model::name).distinct().toList());
            TextStyle style = TextStyle.regular(12);
            String text = "theory: " + models;
            double y = top() - 16;
            double x = right() - g.textWidth(text, style);
            for (int k = 0; k < 4; k++) {
                g.line(x - 40 + k * 8, y, x - 36 + k * 8, y, palette.theory(), 2);
            }
            g.text(text, right(), y, style, palette.text(), TextAlign.RIGHT);
        }
        g.text("Response time", 24, top() - 16, TextStyle.bold(13), palette.text(), TextAlign.LEFT);
    }

    /** A text and the style it fits {@code room} with: smaller type down to {@code minSize}, then cut with an ellipsis. */
    record Fitted(String text, TextStyle style) {
    }

    static Fitted fit(TextMeasure g, String text, TextStyle style, double minSize, double room) {
        for (double size = style.size(); size >= minSize; size -= 1) {
            TextStyle s = new TextStyle(size, style.bold());
            if (g.textWidth(text, s) <= room) {
                return new Fitted(text, s);
            }
        }
        TextStyle s = new TextStyle(minSize, style.bold());
        String cut = text;
        while (cut.codePointCount(0, cut.length()) > 1 && g.textWidth(cut + "…", s) > room) {
            cut = cut.substring(0, cut.offsetByCodePoints(cut.length(), -1)); // never half an emoji
        }
        return new Fitted(cut.strip() + "…", s);
    }

    private void segment(DrawingSurface g, double dx, double r1, double ms1, double r2, double ms2, Rgb colour, double lineWidth) {
        if (Double.isFinite(ms1) && Double.isFinite(ms2)) {
            g.line(x(r1) + dx, y(ms1), x(r2) + dx, y(ms2), colour, lineWidth);
        }
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    /** The chart as PNG bytes at {@code scale}. */
    public byte[] png(double scale) {
        PngSurface surface = new PngSurface((int) Math.ceil(width), (int) Math.ceil(height), scale, palette.background());
        paint(surface);
        return surface.toPng();
    }

    /** The chart as an SVG document. */
    public String svg() {
        SvgSurface surface = new SvgSurface(Math.ceil(width), Math.ceil(height), palette.background());
        surface.title(title());
        paint(surface);
        return surface.toSvg();
    }
}
