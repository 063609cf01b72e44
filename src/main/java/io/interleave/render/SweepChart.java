package io.interleave.render;

import io.interleave.scenario.Policy;
import io.interleave.stats.Sweep;
import io.interleave.stats.Theory;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Response time against arrival rate for both policies: the mean with its
 * 95% confidence band, the p95, where each policy saturates, and the
 * closed-form prediction where one applies (drawn dashed, labelled theory).
 * The y axis is logarithmic, so the flat part at low load and the blow-up
 * past saturation both stay readable.
 */
public final class SweepChart {
    private final Sweep.Result result;
    private final String title;
    private final Map<Policy, Theory.Model> theory;
    private final Palette palette;
    private final double width;
    private final double height;
    private final int replications;

    /**
     * @param theory the closed-form model of each policy, where one applies
     * @param replications runs per point, named in the subtitle
     */
    public SweepChart(Sweep.Result result, String title, Map<Policy, Theory.Model> theory, int replications,
                      double width, double height, Palette palette) {
        if (result.points().isEmpty()) {
            throw new IllegalArgumentException("a sweep chart needs at least one point");
        }
        if (!(width >= 480 && width <= 20_000 && height >= 320 && height <= 20_000)) {
            throw new IllegalArgumentException("chart size must be at least 480x320 and at most 20000x20000, was " + width + "x" + height);
        }
        this.result = result;
        this.title = Objects.requireNonNull(title, "title");
        this.theory = new EnumMap<>(Policy.class);
        this.theory.putAll(theory);
        this.replications = replications;
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

    private double left() {
        return 96;
    }

    private double right() {
        return width - 40;
    }

    private double top() {
        return 118;
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
        double max = result.points().stream().mapToDouble(Sweep.Point::ratePerSec).max().orElse(1);
        double step = TimeScale.niceStep(max / 6);
        return Math.ceil(max / step) * step;
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
        double bottom = Math.pow(10, Math.floor(Math.log10(lo)));
        double top = Math.pow(10, Math.ceil(Math.log10(hi * 1.01)));
        return new double[] {bottom, Math.max(top, bottom * 10)};
    }

    /** Paints the chart onto a surface {@link #width()} by {@link #height()}. */
    public void paint(DrawingSurface g) {
        g.tag("background");
        g.fillRect(0, 0, width, height, palette.background());
        g.tag("title");
        g.text(title, 24, 26, TextStyle.bold(20), palette.text(), TextAlign.LEFT);
        g.text("Mean response time with its 95% confidence band (" + replications + (replications == 1 ? " run" : " runs")
                + " per point), p95 thin, theory dashed · log scale", 24, 52, TextStyle.regular(13), palette.mutedText(), TextAlign.LEFT);
        paintAxes(g);
        g.save();
        g.clip(left(), top() - 6, right() - left() + 1, bottom() - top() + 6);
        for (Policy policy : Policy.values()) {
            paintBand(g, policy);
        }
        for (Policy policy : Policy.values()) {
            paintTheory(g, policy);
            paintSeries(g, policy);
        }
        g.restore();
        for (Policy policy : Policy.values()) {
            paintSaturation(g, policy);
        }
        paintLegend(g);
        g.tag(null);
    }

    private void paintAxes(DrawingSurface g) {
        TextStyle tick = TextStyle.regular(12);
        g.tag("axis");
        double max = maxRate();
        double step = TimeScale.niceStep(max / 6);
        for (double r = 0; r <= max + step / 1e6; r += step) {
            double x = x(r);
            g.line(x, top(), x, bottom(), palette.grid(), 1);
            g.text(number(r), x, bottom() + 14, tick, palette.axis(), TextAlign.CENTER);
        }
        double[] range = yRange();
        for (double decade = range[0]; decade <= range[1] * 1.0001; decade *= 10) {
            for (int m : new int[] {1, 2, 5}) {
                double v = decade * m;
                if (v < range[0] * 0.9999 || v > range[1] * 1.0001) {
                    continue;
                }
                double y = y(v);
                g.line(left(), y, right(), y, palette.grid(), m == 1 ? 1.2 : 0.6);
                g.text(TimeFormat.duration(v), left() - 8, y, tick, palette.axis(), TextAlign.RIGHT);
            }
        }
        g.line(left(), bottom(), right(), bottom(), palette.axis(), 1.5);
        g.line(left(), top(), left(), bottom(), palette.axis(), 1.5);
        g.text("Arrival rate (requests per second)", (left() + right()) / 2, bottom() + 40, TextStyle.bold(13), palette.text(), TextAlign.CENTER);
        g.text("Response time", 24, top() - 20, TextStyle.bold(13), palette.text(), TextAlign.LEFT);
    }

    private void paintBand(DrawingSurface g, Policy policy) {
        List<Sweep.Point> points = result.of(policy);
        if (points.size() < 2 || replications < 2) {
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
        for (int i = points.size() - 1; i >= 0; i--) {
            Sweep.Point p = points.get(i);
            if (Double.isFinite(p.meanResponseMs().low())) {
                xs.add(x(p.ratePerSec()));
                ys.add(y(p.meanResponseMs().low()));
            }
        }
        g.tag("band " + policy.jsonName());
        g.fillPolygon(xs.stream().mapToDouble(Double::doubleValue).toArray(), ys.stream().mapToDouble(Double::doubleValue).toArray(),
                palette.policy(policy).mix(palette.background(), 0.75));
    }

    private void paintSeries(DrawingSurface g, Policy policy) {
        Rgb colour = palette.policy(policy);
        List<Sweep.Point> points = result.of(policy);
        g.tag("p95 " + policy.jsonName());
        for (int i = 1; i < points.size(); i++) {
            segment(g, points.get(i - 1).ratePerSec(), points.get(i - 1).p95Ms(), points.get(i).ratePerSec(), points.get(i).p95Ms(),
                    colour.mix(palette.background(), 0.35), 1.2);
        }
        g.tag("mean " + policy.jsonName());
        for (int i = 1; i < points.size(); i++) {
            segment(g, points.get(i - 1).ratePerSec(), points.get(i - 1).meanResponseMs().mean(),
                    points.get(i).ratePerSec(), points.get(i).meanResponseMs().mean(), colour, 3);
        }
        g.tag("point " + policy.jsonName());
        for (Sweep.Point p : points) {
            double v = p.meanResponseMs().mean();
            if (Double.isFinite(v)) {
                g.fillRect(x(p.ratePerSec()) - 4, y(v) - 4, 8, 8, colour);
            }
        }
    }

    private void paintTheory(DrawingSurface g, Policy policy) {
        Theory.Model model = theory.get(policy);
        if (model == null) {
            return;
        }
        g.tag("theory " + policy.jsonName());
        double max = Math.min(maxRate(), model.capacityPerSec());
        int steps = 240;
        double prevX = Double.NaN;
        double prevY = Double.NaN;
        for (int i = 1; i <= steps; i++) {
            double rate = max * i / steps;
            Optional<Double> ms = model.meanResponseMs(rate);
            if (ms.isEmpty()) {
                break;
            }
            double x = x(rate);
            double y = y(ms.get());
            if (!Double.isNaN(prevX) && i % 2 == 0) { // every other piece: a dashed line
                g.line(prevX, prevY, x, y, palette.theory(), 2);
            }
            prevX = x;
            prevY = y;
        }
    }

    private void paintSaturation(DrawingSurface g, Policy policy) {
        OptionalDouble rate = result.saturationRate(policy);
        if (rate.isEmpty()) {
            return;
        }
        Rgb colour = palette.policy(policy);
        double x = x(rate.getAsDouble());
        g.tag("saturation " + policy.jsonName());
        for (double y = top(); y < bottom(); y += 12) {
            g.line(x, y, x, Math.min(bottom(), y + 6), colour, 2);
        }
        double labelY = policy == Policy.SYNC ? top() + 12 : top() + 32;
        String label = policy.displayName() + " saturates at " + number(rate.getAsDouble()) + "/s";
        boolean leftSide = x > (left() + right()) / 2;
        g.text(label, leftSide ? x - 8 : x + 8, labelY, TextStyle.bold(13), colour, leftSide ? TextAlign.RIGHT : TextAlign.LEFT);
    }

    private void paintLegend(DrawingSurface g) {
        g.tag("legend");
        double x = 24;
        double y = 74;
        TextStyle style = TextStyle.regular(13);
        for (Policy policy : Policy.values()) {
            Rgb colour = palette.policy(policy);
            g.line(x, y, x + 28, y, colour, 3);
            g.fillRect(x + 10, y - 4, 8, 8, colour);
            String label = policy.displayName() + " mean";
            g.text(label, x + 36, y, style, palette.text(), TextAlign.LEFT);
            x += 36 + g.textWidth(label, style) + 28;
        }
        g.line(x, y, x + 28, y, palette.mutedText(), 1.2);
        g.text("p95", x + 36, y, style, palette.text(), TextAlign.LEFT);
        x += 36 + g.textWidth("p95", style) + 28;
        if (!theory.isEmpty()) {
            for (int i = 0; i < 4; i++) {
                g.line(x + i * 8, y, x + i * 8 + 4, y, palette.theory(), 2);
            }
            String names = String.join(", ", theory.values().stream().map(Theory.Model::name).distinct().toList());
            g.text("theory: " + names, x + 36, y, style, palette.text(), TextAlign.LEFT);
        }
    }

    private void segment(DrawingSurface g, double r1, double ms1, double r2, double ms2, Rgb colour, double lineWidth) {
        if (Double.isFinite(ms1) && Double.isFinite(ms2)) {
            g.line(x(r1), y(ms1), x(r2), y(ms2), colour, lineWidth);
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
        surface.title(title);
        paint(surface);
        return surface.toSvg();
    }
}
