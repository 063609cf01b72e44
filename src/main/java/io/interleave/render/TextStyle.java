package io.interleave.render;

/**
 * The look of a line of text; the family is each surface's sans-serif
 * system font.
 *
 * @param size in pixels, > 0
 * @param bold whether bold
 */
public record TextStyle(double size, boolean bold) {
    public TextStyle {
        if (!(size > 0) || Double.isInfinite(size)) {
            throw new IllegalArgumentException("size: must be > 0, was " + size);
        }
    }

    public static TextStyle regular(double size) {
        return new TextStyle(size, false);
    }

    public static TextStyle bold(double size) {
        return new TextStyle(size, true);
    }
}
