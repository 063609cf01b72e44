package io.interleave.render;

/** Measures text as a surface will draw it, so that layouts can make room for labels. */
@FunctionalInterface
public interface TextMeasure {
    /** The advance width of {@code text} in pixels. */
    double textWidth(String text, TextStyle style);
}
