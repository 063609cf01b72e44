package io.interleave.render;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A drawing surface that writes SVG text: one element per drawing call, so
 * a drawn span is one {@code <rect>}. It needs no display and no toolkit.
 * Text is measured with Java2D's sans-serif so labels are laid out as on the
 * other surfaces; viewers draw it in their own sans-serif.
 *
 * <p>A painter may name what it draws next with {@link #tag(String)}: the
 * class goes on the elements until the tag is changed or cleared, which lets
 * readers of the file (and tests) find, say, every compute span.
 */
public final class SvgSurface implements DrawingSurface {
    private final double width;
    private final double height;
    private final StringBuilder body = new StringBuilder(1 << 16);
    private final Map<Fill, String> patterns = new LinkedHashMap<>();
    private final StringBuilder defs = new StringBuilder();
    private final Deque<Integer> openGroups = new ArrayDeque<>();
    private final AwtFonts fonts = new AwtFonts();
    private int groupsOpen;
    private int clipCount;
    private String title = "";
    private String tag;
    private double displayScale = 1;

    public SvgSurface(double width, double height, Rgb background) {
        if (!(width > 0) || !(height > 0)) {
            throw new IllegalArgumentException("size must be positive, was " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        body.append("<rect x=\"0\" y=\"0\" width=\"").append(num(width)).append("\" height=\"").append(num(height))
                .append("\" fill=\"").append(background.hex()).append("\" class=\"background\"/>\n");
    }

    /** Multiplies the document's width and height attributes (not its coordinates), for a larger default size. */
    public void displayScale(double scale) {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale must be > 0, was " + scale);
        }
        this.displayScale = scale;
    }

    /** The document's {@code <title>}. */
    public void title(String text) {
        this.title = text == null ? "" : text;
    }

    @Override
    public void tag(String cssClass) {
        this.tag = cssClass == null || cssClass.isBlank() ? null : cssClass;
    }

    @Override
    public void fillRect(double x, double y, double w, double h, Fill fill) {
        if (!(w > 0) || !(h > 0)) {
            return;
        }
        String paint = fill.pattern() == FillPattern.SOLID ? fill.color().hex() : "url(#" + pattern(fill) + ")";
        body.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"").append(num(w))
                .append("\" height=\"").append(num(h)).append("\" fill=\"").append(paint).append('"');
        classAttr();
        body.append("/>\n");
    }

    @Override
    public void strokeRect(double x, double y, double w, double h, Rgb color, double lineWidth) {
        if (w < 0 || h < 0) {
            return;
        }
        body.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"").append(num(w))
                .append("\" height=\"").append(num(h)).append("\" fill=\"none\" stroke=\"").append(color.hex())
                .append("\" stroke-width=\"").append(num(lineWidth)).append('"');
        classAttr();
        body.append("/>\n");
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Rgb color, double lineWidth) {
        body.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1)).append("\" x2=\"").append(num(x2))
                .append("\" y2=\"").append(num(y2)).append("\" stroke=\"").append(color.hex())
                .append("\" stroke-width=\"").append(num(lineWidth)).append('"');
        classAttr();
        body.append("/>\n");
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, Rgb color) {
        if (xs.length != ys.length) {
            throw new IllegalArgumentException("polygon needs as many ys as xs: " + xs.length + " vs " + ys.length);
        }
        if (xs.length < 3) {
            return;
        }
        body.append("<polygon points=\"");
        for (int i = 0; i < xs.length; i++) {
            if (i > 0) {
                body.append(' ');
            }
            body.append(num(xs[i])).append(',').append(num(ys[i]));
        }
        body.append("\" fill=\"").append(color.hex()).append('"');
        classAttr();
        body.append("/>\n");
    }

    @Override
    public void text(String text, double x, double y, TextStyle style, Rgb color, TextAlign align) {
        String anchor = switch (align) {
            case LEFT -> "start";
            case CENTER -> "middle";
            case RIGHT -> "end";
        };
        body.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y))
                .append("\" dominant-baseline=\"central\" text-anchor=\"").append(anchor)
                .append("\" font-size=\"").append(num(style.size())).append('"');
        if (style.bold()) {
            body.append(" font-weight=\"bold\"");
        }
        body.append(" fill=\"").append(color.hex()).append('"');
        classAttr();
        body.append('>').append(escape(text)).append("</text>\n");
    }

    @Override
    public double textWidth(String text, TextStyle style) {
        return fonts.textWidth(text, style);
    }

    @Override
    public void save() {
        openGroups.push(groupsOpen);
    }

    @Override
    public void restore() {
        if (openGroups.isEmpty()) {
            throw new IllegalStateException("restore without a matching save");
        }
        int target = openGroups.pop();
        while (groupsOpen > target) {
            body.append("</g>\n");
            groupsOpen--;
        }
    }

    @Override
    public void clip(double x, double y, double w, double h) {
        String id = "clip" + clipCount++;
        defs.append("<clipPath id=\"").append(id).append("\"><rect x=\"").append(num(x)).append("\" y=\"").append(num(y))
                .append("\" width=\"").append(num(Math.max(0, w))).append("\" height=\"").append(num(Math.max(0, h)))
                .append("\"/></clipPath>\n");
        body.append("<g clip-path=\"url(#").append(id).append(")\">\n");
        groupsOpen++;
    }

    /** The complete SVG document. */
    public String toSvg() {
        StringBuilder out = new StringBuilder(body.length() + defs.length() + 512);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(num(width * displayScale)).append("\" height=\"")
                .append(num(height * displayScale)).append("\" viewBox=\"0 0 ").append(num(width)).append(' ').append(num(height))
                .append("\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">\n");
        out.append("<title>").append(escape(title)).append("</title>\n");
        out.append("<defs>\n").append(defs).append("</defs>\n");
        out.append(body);
        for (int i = 0; i < groupsOpen; i++) {
            out.append("</g>\n");
        }
        out.append("</svg>\n");
        return out.toString();
    }

    private void classAttr() {
        if (tag != null) {
            body.append(" class=\"").append(escape(tag)).append('"');
        }
    }

    private String pattern(Fill fill) {
        String existing = patterns.get(fill);
        if (existing != null) {
            return existing;
        }
        String id = "pattern" + patterns.size();
        patterns.put(fill, id);
        int n = PatternTile.SIZE;
        defs.append("<pattern id=\"").append(id).append("\" patternUnits=\"userSpaceOnUse\" width=\"").append(n)
                .append("\" height=\"").append(n).append("\">");
        defs.append("<rect width=\"").append(n).append("\" height=\"").append(n).append("\" fill=\"").append(fill.color().hex()).append("\"/>");
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                if (PatternTile.inked(fill.pattern(), x, y)) {
                    defs.append("<rect x=\"").append(x).append("\" y=\"").append(y)
                            .append("\" width=\"1\" height=\"1\" fill=\"").append(fill.ink().hex()).append("\"/>");
                }
            }
        }
        defs.append("</pattern>\n");
        return id;
    }

    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e12) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /**
     * Text as XML 1.0 character data and attribute values: the five markup
     * characters as entities, a carriage return as {@code &#xD;} (so it
     * survives line-end normalisation), and any character XML 1.0 does not
     * allow at all (control characters other than tab and line breaks, a
     * surrogate without its other half, U+FFFE and U+FFFF) as U+FFFD, the
     * replacement character: such a character can never be written raw, nor
     * as a character reference. Everything else (any script, right-to-left
     * text, emoji) is written as it is.
     */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\r' -> out.append("&#xD;");
                default -> {
                    if (xmlChar(cp)) {
                        out.appendCodePoint(cp);
                    } else {
                        out.append('\uFFFD');
                    }
                }
            }
        }
        return out.toString();
    }

    /** The {@code Char} production of XML 1.0: what may appear in a document at all. */
    static boolean xmlChar(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD
                || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }
}
