package io.interleave.render;

import java.util.Objects;

/**
 * What a bar is filled with.
 *
 * @param color the base colour
 * @param pattern marks drawn over the base
 * @param ink the colour of the pattern's marks
 * @param outline the colour of the bar's outline (and of its swatch's in the legend)
 */
public record Fill(Rgb color, FillPattern pattern, Rgb ink, Rgb outline) {
    public Fill {
        Objects.requireNonNull(color, "color");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(ink, "ink");
        Objects.requireNonNull(outline, "outline");
    }

    /** A fill whose outline is drawn in the pattern's ink. */
    public Fill(Rgb color, FillPattern pattern, Rgb ink) {
        this(color, pattern, ink, ink);
    }

    /** A plain fill; its ink is the colour itself. */
    public static Fill solid(Rgb color) {
        return new Fill(color, FillPattern.SOLID, color);
    }
}
