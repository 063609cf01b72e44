package io.interleave.render;

/**
 * How a bar is filled, so that no state is told by colour alone. Surfaces
 * draw the marks in the fill's ink colour over its base colour, anchored to
 * the surface's origin so that neighbouring bars line up.
 */
public enum FillPattern {
    /** The base colour only. */
    SOLID,
    /** Diagonal lines rising to the right. */
    HATCHED,
    /** Diagonal lines both ways. */
    CROSSHATCHED,
    /** A grid of dots. */
    DOTTED,
    /** Broad diagonal stripes falling to the right, as wide as the gaps between them: reads as "caution" from afar. */
    STRIPED
}
