package io.interleave.render;

import io.interleave.time.TimeText;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps simulated time to horizontal pixels: the visible range
 * {@code [startMs, endMs]} spread over {@code widthPx} pixels, x = 0 at the
 * start. Immutable; zooming and panning return a new scale.
 */
public final class TimeScale {
    /** The narrowest range one can zoom in to: 10 µs. */
    public static final double MIN_SPAN_MS = 0.01;
    /** The widest range one can zoom out to, about 11.6 days (the scenario limit). */
    public static final double MAX_SPAN_MS = 1e9;
    /** Widths below one pixel are treated as one pixel, so the maths never divides by zero. */
    public static final double MIN_WIDTH_PX = 1;

    private final double startMs;
    private final double endMs;
    private final double widthPx;

    private TimeScale(double startMs, double endMs, double widthPx) {
        this.startMs = startMs;
        this.endMs = endMs;
        this.widthPx = widthPx;
    }

    /**
     * The scale showing {@code [startMs, endMs]} over {@code widthPx}. A range
     * narrower than {@link #MIN_SPAN_MS} or wider than {@link #MAX_SPAN_MS} is
     * widened or narrowed about its centre; a width below one pixel counts as one.
     */
    public static TimeScale of(double startMs, double endMs, double widthPx) {
        requireFinite("startMs", startMs);
        requireFinite("endMs", endMs);
        if (Double.isNaN(widthPx) || Double.isInfinite(widthPx)) {
            throw new IllegalArgumentException("widthPx: must be finite, was " + widthPx);
        }
        if (endMs < startMs) {
            throw new IllegalArgumentException("endMs must not be before startMs: " + startMs + " .. " + endMs);
        }
        double span = endMs - startMs;
        if (span < MIN_SPAN_MS || span > MAX_SPAN_MS) {
            double centre = startMs + span / 2;
            double clamped = Math.max(MIN_SPAN_MS, Math.min(MAX_SPAN_MS, span));
            startMs = centre - clamped / 2;
            endMs = centre + clamped / 2;
        }
        return new TimeScale(startMs, endMs, Math.max(MIN_WIDTH_PX, widthPx));
    }

    /**
     * The scale that shows {@code [fromMs, toMs]} over {@code widthPx},
     * leaving {@code padLeftPx} and {@code padRightPx} free at the ends (for
     * markers and labels). Paddings that would leave less than a quarter of
     * the width for the range are reduced.
     */
    public static TimeScale fit(double fromMs, double toMs, double widthPx, double padLeftPx, double padRightPx) {
        requireFinite("fromMs", fromMs);
        requireFinite("toMs", toMs);
        double width = Math.max(MIN_WIDTH_PX, widthPx);
        double padL = Math.max(0, padLeftPx);
        double padR = Math.max(0, padRightPx);
        double inner = width - padL - padR;
        if (inner < width / 4) {
            double k = (width * 0.75) / Math.max(padL + padR, 1e-9);
            padL *= k;
            padR *= k;
            inner = width - padL - padR;
        }
        double span = Math.max(MIN_SPAN_MS, toMs - fromMs);
        double msPerPx = span / inner;
        return of(fromMs - padL * msPerPx, fromMs + span + padR * msPerPx, width);
    }

    private static void requireFinite(String name, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + ": must be finite, was " + v);
        }
    }

    public double startMs() {
        return startMs;
    }

    public double endMs() {
        return endMs;
    }

    public double spanMs() {
        return endMs - startMs;
    }

    public double widthPx() {
        return widthPx;
    }

    public double msPerPx() {
        return spanMs() / widthPx;
    }

    public double pxPerMs() {
        return widthPx / spanMs();
    }

    /** The x of time {@code ms}; outside {@code [0, widthPx]} when the time is not visible. */
    public double toX(double ms) {
        return (ms - startMs) * widthPx / (endMs - startMs);
    }

    /** The time at pixel {@code x}. */
    public double toMs(double x) {
        return startMs + x * (endMs - startMs) / widthPx;
    }

    /** Whether any part of {@code [fromMs, toMs]} is visible. */
    public boolean overlaps(double fromMs, double toMs) {
        return toMs >= startMs && fromMs <= endMs;
    }

    /** The same range over another width (the window was resized). */
    public TimeScale withWidth(double newWidthPx) {
        return of(startMs, endMs, newWidthPx);
    }

    /**
     * Zooms by {@code factor} (above 1 zooms in) keeping the time under
     * pixel {@code aroundX} where it is. The span stays within
     * {@link #MIN_SPAN_MS} .. {@link #MAX_SPAN_MS}.
     */
    public TimeScale zoom(double factor, double aroundX) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("factor: must be > 0 and finite, was " + factor);
        }
        double pivot = toMs(aroundX);
        double span = Math.max(MIN_SPAN_MS, Math.min(MAX_SPAN_MS, spanMs() / factor));
        double start = pivot - aroundX / widthPx * span;
        return new TimeScale(start, start + span, widthPx);
    }

    /** Moves the content {@code dxPx} pixels to the right (dragging right shows earlier times). */
    public TimeScale pan(double dxPx) {
        double dMs = dxPx * msPerPx();
        return new TimeScale(startMs - dMs, endMs - dMs, widthPx);
    }

    /**
     * This range moved (not resized) to lie inside {@code [minMs, maxMs]};
     * if it is wider than those bounds, exactly the bounds.
     */
    public TimeScale within(double minMs, double maxMs) {
        if (maxMs < minMs) {
            throw new IllegalArgumentException("maxMs must not be below minMs: " + minMs + " .. " + maxMs);
        }
        double span = spanMs();
        if (span >= maxMs - minMs) {
            return of(minMs, maxMs, widthPx);
        }
        if (startMs < minMs) {
            return new TimeScale(minMs, minMs + span, widthPx);
        }
        if (endMs > maxMs) {
            return new TimeScale(maxMs - span, maxMs, widthPx);
        }
        return this;
    }

    /**
     * Ticks at a round step (1, 2 or 5 times a power of ten) so that labels
     * are at least {@code minSpacingPx} apart, covering the visible range.
     */
    public List<Tick> ticks(double minSpacingPx) {
        return ticksEvery(niceStep(Math.max(1, minSpacingPx) * msPerPx()));
    }

    /**
     * Ticks at a round step (1, 2, 2.5 or 5 times a power of ten): labels
     * {@code comfortablePx} apart, unless that leaves fewer than
     * {@code atLeast} ticks; then the step shrinks until there are that
     * many, but never so far that labels come closer than {@code minPx}.
     */
    public List<Tick> ticks(double comfortablePx, double minPx, int atLeast) {
        double floorPx = Math.max(1, Math.min(minPx, comfortablePx));
        double step = niceStep(Math.max(1, comfortablePx) * msPerPx());
        List<Tick> ticks = ticksEvery(step);
        while (ticks.size() < atLeast) {
            double smaller = smallerStep(step);
            if (smaller * pxPerMs() < floorPx) {
                break;
            }
            step = smaller;
            ticks = ticksEvery(step);
        }
        return ticks;
    }

    /** The next round step below {@code step} on the ladder 1, 2, 2.5, 5, 10. */
    static double smallerStep(double step) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(step) + 1e-9));
        double m = step / magnitude;
        if (m > 5.0001) {
            return 5 * magnitude;
        }
        if (m > 2.5001) {
            return 2.5 * magnitude;
        }
        if (m > 2.0001) {
            return 2 * magnitude;
        }
        if (m > 1.0001) {
            return magnitude;
        }
        return magnitude / 2;
    }

    private List<Tick> ticksEvery(double step) {
        List<Tick> ticks = new ArrayList<>();
        long first = (long) Math.ceil(startMs / step - 1e-9);
        long last = (long) Math.floor(endMs / step + 1e-9);
        for (long k = first; k <= last; k++) {
            double ms = k * step;
            ticks.add(new Tick(ms, toX(ms), TimeText.tick(ms, step)));
        }
        return ticks;
    }

    /** The smallest step of the form 1, 2 or 5 times a power of ten that is at least {@code rawStepMs}. */
    public static double niceStep(double rawStepMs) {
        if (!(rawStepMs > 0) || Double.isInfinite(rawStepMs)) {
            throw new IllegalArgumentException("rawStepMs: must be > 0 and finite, was " + rawStepMs);
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(rawStepMs)));
        for (double m : new double[] {1, 2, 5, 10}) {
            double step = m * magnitude;
            if (step >= rawStepMs * (1 - 1e-9)) {
                return step;
            }
        }
        return 10 * magnitude;
    }

    @Override
    public String toString() {
        return "TimeScale[" + startMs + " .. " + endMs + " ms over " + widthPx + " px]";
    }

    /**
     * A labelled point on the axis.
     *
     * @param ms its time
     * @param x its pixel
     * @param label e.g. "50 ms" or "1.5 s"
     */
    public record Tick(double ms, double x, String label) {
    }
}
