package io.interleave.render;

/**
 * The pixel layout of each {@link FillPattern} as a square tile repeated
 * from the surface origin. Every surface draws patterns from this one
 * definition, so the window, the PNG and the SVG show the same marks.
 */
public final class PatternTile {
    /** The tile's side in pixels. */
    public static final int SIZE = 8;

    private PatternTile() {
    }

    /** Whether pixel (x, y) of a tile carries the pattern's ink. */
    public static boolean inked(FillPattern pattern, int x, int y) {
        return switch (pattern) {
            case SOLID -> false;
            case HATCHED -> Math.floorMod(x + y, SIZE) < 2;
            case CROSSHATCHED -> Math.floorMod(x + y, SIZE) < 2 || Math.floorMod(x - y, SIZE) < 2;
            case DOTTED -> Math.floorMod(x, SIZE / 2) < 2 && Math.floorMod(y, SIZE / 2) < 2 && (x / 4 + y / 4) % 2 == 0;
            case STRIPED -> Math.floorMod(x - y, SIZE) < SIZE / 2;
        };
    }
}
