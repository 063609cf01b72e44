package io.interleave.render;

import java.util.Objects;

/**
 * What a bar is filled with.
 *
 * @param color the base colour
 * @param pattern marks drawn over the base
 * @param ink the colour of the pattern's marks and of the bar's outline
 */
public record Fill(Rgb color, FillPattern pattern, Rgb ink) {
    public Fill {
        Objects.requireNonNull(color, "color");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(ink, "ink");
    }

    /** A plain fill; its ink is the colour itself. */
    public static Fill solid(Rgb color) {
        return new Fill(color, FillPattern.SOLID, color);
    }
}
