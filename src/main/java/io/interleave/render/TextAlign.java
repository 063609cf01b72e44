package io.interleave.render;

/** Which point of a line of text its x coordinate names. */
public enum TextAlign {
    LEFT,
    CENTER,
    RIGHT
}
