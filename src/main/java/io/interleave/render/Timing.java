package io.interleave.render;

/**
 * When what is drawn next shows up during a playback, for surfaces that
 * animate (the animated SVG); surfaces that draw one instant ignore it.
 *
 * @param kind how it shows up
 * @param fromMs when it starts to show (a bar starts to grow, a marker appears, the now line starts moving)
 * @param toMs when a growing bar is full or a moving line stops; {@code fromMs} for a marker
 * @param dx how far a moving line travels, in pixels; 0 otherwise
 */
public record Timing(Kind kind, double fromMs, double toMs, double dx) {
    /** How an element shows up during the playback. */
    public enum Kind {
        /** Grows from its left edge to its full width between {@code fromMs} and {@code toMs}. */
        GROWS,
        /** Hidden until {@code fromMs}, then shown whole. */
        APPEARS,
        /** Shown from {@code fromMs} until {@code toMs} (a caption until the next one). */
        BETWEEN,
        /** Moves right by {@code dx} between {@code fromMs} and {@code toMs}, and goes away at the end. */
        SWEEPS
    }

    public Timing {
        java.util.Objects.requireNonNull(kind, "kind");
        if (!Double.isFinite(fromMs) || !Double.isFinite(toMs) || toMs < fromMs) {
            throw new IllegalArgumentException("timing must run forwards: " + fromMs + " .. " + toMs);
        }
        if (!Double.isFinite(dx)) {
            throw new IllegalArgumentException("dx must be finite, was " + dx);
        }
    }

    /** A bar that grows as the playhead moves from {@code fromMs} to {@code toMs}. */
    public static Timing grows(double fromMs, double toMs) {
        return new Timing(Kind.GROWS, fromMs, toMs, 0);
    }

    /** A marker that appears when the playhead reaches {@code atMs}. */
    public static Timing appears(double atMs) {
        return new Timing(Kind.APPEARS, atMs, atMs, 0);
    }

    /** Shown while the playhead is in {@code [fromMs, toMs)}. */
    public static Timing between(double fromMs, double toMs) {
        return new Timing(Kind.BETWEEN, fromMs, toMs, 0);
    }

    /** A line that follows the playhead from {@code fromMs} to {@code toMs}, {@code dx} pixels to the right. */
    public static Timing sweeps(double fromMs, double toMs, double dx) {
        return new Timing(Kind.SWEEPS, fromMs, toMs, dx);
    }
}
