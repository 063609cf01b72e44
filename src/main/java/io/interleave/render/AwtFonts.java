package io.interleave.render;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;

/**
 * Fonts and text measurement through Java2D, which works in headless mode
 * with no display: used by the PNG surface, and by the SVG surface to lay out
 * text the way a browser's sans-serif will roughly draw it.
 */
final class AwtFonts implements TextMeasure {
    private static final FontRenderContext CONTEXT = new FontRenderContext(null, true, true);
    private final Map<TextStyle, Font> fonts = new ConcurrentHashMap<>();

    Font font(TextStyle style) {
        return fonts.computeIfAbsent(style, s -> new Font(Font.SANS_SERIF, s.bold() ? Font.BOLD : Font.PLAIN, 1)
                .deriveFont((float) s.size()));
    }

    @Override
    public double textWidth(String text, TextStyle style) {
        return font(style).getStringBounds(text, CONTEXT).getWidth();
    }
}
