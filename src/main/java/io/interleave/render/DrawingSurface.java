package io.interleave.render;

/**
 * What the timeline painter draws on: a JavaFX Canvas on screen, a PNG
 * image or SVG text for export. Coordinates are pixels with the origin at
 * the top left and y growing downwards. Kept deliberately small so that
 * every surface draws the same picture.
 */
public interface DrawingSurface extends TextMeasure {

    /** Fills a rectangle with a colour and pattern; empty or negative sizes draw nothing. */
    void fillRect(double x, double y, double width, double height, Fill fill);

    /** Fills a rectangle with a plain colour. */
    default void fillRect(double x, double y, double width, double height, Rgb color) {
        fillRect(x, y, width, height, Fill.solid(color));
    }

    /** Outlines a rectangle; the line is centred on its edges. */
    void strokeRect(double x, double y, double width, double height, Rgb color, double lineWidth);

    /** A straight line with butt ends. */
    void line(double x1, double y1, double x2, double y2, Rgb color, double lineWidth);

    /** Fills the closed polygon through the given points (for markers). */
    void fillPolygon(double[] xs, double[] ys, Rgb color);

    /**
     * One line of text.
     *
     * @param x the left end, centre or right end of the text, by {@code align}
     * @param y the vertical centre of the text
     */
    void text(String text, double x, double y, TextStyle style, Rgb color, TextAlign align);

    /** Remembers the clip so that {@link #restore()} can bring it back. */
    void save();

    /** Brings back the clip remembered by the matching {@link #save()}. */
    void restore();

    /**
     * Names what is drawn next (e.g. {@code "span compute"}) until the next
     * call; surfaces that keep structure, such as SVG, record it as a class.
     * Null clears it. Surfaces without structure ignore it.
     */
    default void tag(String cssClass) {
    }

    /**
     * Says when what is drawn next shows up during a playback, until the
     * next call; null: always there. Surfaces that draw one instant (the
     * window, PNG, a still SVG) ignore it; the animated SVG turns it into
     * SMIL animations.
     */
    default void timing(Timing timing) {
    }

    /** Limits drawing to the intersection of the current clip and this rectangle until the next restore. */
    void clip(double x, double y, double width, double height);
}
