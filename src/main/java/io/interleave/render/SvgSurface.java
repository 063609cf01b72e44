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
    private Animation animation;
    private Timing timing;

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

    /**
     * Makes the document an animation on {@code animation}'s clock: what is
     * drawn under a {@link #timing(Timing)} gets SMIL animations (bars grow,
     * markers appear, the now line sweeps), looping with the hold or played
     * once. Without this call timings are ignored: a still picture.
     */
    public void animate(Animation animation) {
        this.animation = java.util.Objects.requireNonNull(animation, "animation");
    }

    @Override
    public void timing(Timing timing) {
        this.timing = timing;
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
        body.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"").append(width(w))
                .append("\" height=\"").append(num(h)).append("\" fill=\"").append(paint).append('"');
        classAttr();
        end("rect", w);
    }

    @Override
    public void strokeRect(double x, double y, double w, double h, Rgb color, double lineWidth) {
        if (w < 0 || h < 0) {
            return;
        }
        body.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"").append(width(w))
                .append("\" height=\"").append(num(h)).append("\" fill=\"none\" stroke=\"").append(color.hex())
                .append("\" stroke-width=\"").append(num(lineWidth)).append('"');
        classAttr();
        end("rect", w);
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Rgb color, double lineWidth) {
        body.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1)).append("\" x2=\"").append(num(x2))
                .append("\" y2=\"").append(num(y2)).append("\" stroke=\"").append(color.hex())
                .append("\" stroke-width=\"").append(num(lineWidth)).append('"');
        classAttr();
        end("line", 0);
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
        end("polygon", 0);
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
        String animations = animations(0);
        if (!animations.isEmpty()) {
            body.append(" visibility=\"hidden\"");
        }
        body.append('>').append(escape(text)).append(animations).append("</text>\n");
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

    // ------------------------------------------------------------- animation

    private boolean grows() {
        return animation != null && timing != null && timing.kind() == Timing.Kind.GROWS;
    }

    /** A growing bar starts with no width; anything else has its own. */
    private String width(double w) {
        return grows() ? "0" : num(w);
    }

    /** Closes an element: with its animations as children when there are any. */
    private void end(String element, double fullWidth) {
        String animations = animations(fullWidth);
        if (animations.isEmpty()) {
            body.append("/>\n");
            return;
        }
        if (!grows() && timing.kind() != Timing.Kind.SWEEPS) {
            body.append(" visibility=\"hidden\"");
        }
        body.append('>').append(animations).append("</").append(element).append(">\n");
    }

    /** The SMIL elements for what is drawn under the current timing; empty for a still element. */
    private String animations(double fullWidth) {
        if (animation == null || timing == null) {
            return "";
        }
        double from = animation.secondsAt(timing.fromMs());
        double to = animation.secondsAt(timing.toMs());
        StringBuilder a = new StringBuilder();
        switch (timing.kind()) {
            case GROWS -> {
                reset(a, "width", "0", from);
                a.append("<animate attributeName=\"width\" from=\"0\" to=\"").append(num(fullWidth)).append("\" begin=\"")
                        .append(begin(from)).append("\" dur=\"").append(seconds(Math.max(0.001, to - from)))
                        .append("\" fill=\"freeze\"/>");
            }
            case APPEARS -> appear(a, from, -1);
            case BETWEEN -> appear(a, from, timing.toMs() >= animation.toMs() ? -1 : to - from);
            case SWEEPS -> {
                a.append("<animateTransform attributeName=\"transform\" type=\"translate\" from=\"0 0\" to=\"")
                        .append(num(timing.dx())).append(" 0\" begin=\"").append(begin(from)).append("\" dur=\"")
                        .append(seconds(Math.max(0.001, to - from))).append("\" fill=\"freeze\"/>");
                // gone during the hold, as on the GIF's last frame
                a.append("<set attributeName=\"visibility\" to=\"hidden\" begin=\"").append(begin(animation.seconds())).append('"');
                a.append(animation.loop() ? " dur=\"" + seconds(animation.cycleSeconds() - animation.seconds()) + "\"" : " fill=\"freeze\"");
                a.append("/>");
            }
        }
        return a.toString();
    }

    /** Hidden until {@code from} seconds, then visible for {@code duration} seconds (negative: to the end). */
    private void appear(StringBuilder a, double from, double duration) {
        reset(a, "visibility", "hidden", from);
        a.append("<set attributeName=\"visibility\" to=\"visible\" begin=\"").append(begin(from)).append('"');
        a.append(duration >= 0 ? " dur=\"" + seconds(Math.max(0.001, duration)) + "\"" : " fill=\"freeze\"");
        a.append("/>");
    }

    /** When looping, puts {@code attribute} back to {@code value} at the start of each cycle until {@code until} seconds. */
    private void reset(StringBuilder a, String attribute, String value, double until) {
        if (animation.loop() && until > 0) {
            a.append("<set attributeName=\"").append(attribute).append("\" to=\"").append(value)
                    .append("\" begin=\"cycle.begin\" dur=\"").append(seconds(until)).append("\"/>");
        }
    }

    /** A begin time: seconds from the start, or from the start of each cycle when looping. */
    private String begin(double seconds) {
        return (animation.loop() ? "cycle.begin+" : "") + seconds(seconds);
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3fs", s);
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
        if (animation != null && animation.loop()) {
            // the clock every animation starts from: one cycle (playing, then the hold), again and again
            out.append("<rect width=\"0\" height=\"0\" visibility=\"hidden\"><animate id=\"cycle\" attributeName=\"x\" from=\"0\" to=\"0\" ")
                    .append("begin=\"0s;cycle.end\" dur=\"").append(seconds(animation.cycleSeconds())).append("\"/></rect>\n");
        }
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
