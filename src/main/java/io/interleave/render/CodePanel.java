package io.interleave.render;

import io.interleave.scenario.HandlerCode;
import io.interleave.scenario.RequestType;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.TaskCode;
import io.interleave.scenario.code.CodeLine;
import io.interleave.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The request types as Python handlers (and a program of tasks as its
 * coroutines or thread functions), drawn under a picture of the timeline: one column for one run, the first two variants side by side in
 * compare (so the difference between the two handlers is what the picture
 * shows). The code is drawn with the pictures' own sans-serif font: each
 * line's code and its comment are placed separately, so the comments stand
 * in one column and indentation keeps its steps.
 */
public final class CodePanel {
    private static final double MIN_FONT = 7;

    private final List<Column> columns = new ArrayList<>();
    private final double width;
    private final double textScale;
    private final Palette palette;
    private final double font;

    private record Column(String title, List<Block> blocks) {
    }

    /** A handler, or a program of tasks: its lines and, per line, the colour of the bar before it (a def line) or null. */
    private record Block(List<CodeLine> lines, List<Rgb> bars) {
    }

    private static Block handler(RequestType type, List<CodeLine> lines) {
        List<Rgb> bars = new ArrayList<>();
        for (CodeLine l : lines) {
            bars.add(isDef(l.text()) ? Rgb.hex(type.color()) : null);
        }
        return new Block(lines, bars);
    }

    /** The tasks' coroutines or thread functions, each def line with its task's colour. */
    private static Block program(Scenario s) {
        TaskCode.Listing listing = TaskCode.of(s);
        List<Rgb> bars = new ArrayList<>(java.util.Collections.nCopies(listing.lines().size(), (Rgb) null));
        for (int k = 0; k < s.tasks().size(); k++) {
            bars.set(listing.kinds().get(k).defLine(), Rgb.hex(s.tasks().get(k).color()));
        }
        return new Block(listing.lines(), bars);
    }

    private static boolean isDef(String text) {
        return text.startsWith("def ") || text.startsWith("async def ");
    }

    /**
     * @param traces one trace, or the traces of a compare (the first two are drawn)
     * @param width the picture's logical width
     * @param textScale 1 normally, larger for projectors
     * @param measure measures text, to fit the longest line in its column
     */
    public CodePanel(List<Trace> traces, double width, double textScale, Palette palette, TextMeasure measure) {
        if (traces.isEmpty()) {
            throw new IllegalArgumentException("a code panel needs a trace");
        }
        this.width = width;
        this.textScale = textScale;
        this.palette = Objects.requireNonNull(palette, "palette");
        for (Trace t : traces.subList(0, Math.min(2, traces.size()))) {
            Scenario s = t.scenario();
            List<Block> blocks = new ArrayList<>();
            for (RequestType type : s.requestTypes()) {
                blocks.add(handler(type, HandlerCode.lines(type, s.server(), s.resources())));
            }
            if (s.hasTasks()) {
                blocks.add(program(s));
            }
            String title = traces.size() > 1 ? t.label() : s.server().policy().displayName();
            columns.add(new Column(title, blocks));
        }
        double nominal = 14 * textScale;
        TextStyle at = TextStyle.regular(nominal);
        double code = 0;
        double comment = 0;
        for (Column c : columns) {
            for (Block b : c.blocks()) {
                for (CodeLine l : b.lines()) {
                    code = Math.max(code, codeWidth(l.text(), at, measure));
                    comment = Math.max(comment, commentWidth(l.text(), at, measure));
                }
            }
        }
        double gap = measure.textWidth("    ", at);
        double widest = code + gap + comment;
        double room = columnWidth() - 16 * textScale;
        this.font = widest <= room ? nominal : Math.max(MIN_FONT, nominal * room / widest);
        this.commentColumn = (code + gap) * font / nominal;
    }

    /** A panel for a PNG or SVG picture, measured with the pictures' fonts. */
    public static CodePanel forPicture(List<Trace> traces, double width, double textScale, Palette palette) {
        return new CodePanel(traces, width, textScale, palette, new AwtFonts());
    }

    /** The timeline picture with this panel under it, as PNG bytes {@code scale} times the logical size. */
    public byte[] png(TimelineExport export, double scale) {
        return raster(export, scale).toPng();
    }

    /** The timeline picture with this panel under it, on a raster surface {@code scale} times the logical size (Copy Image). */
    public PngSurface raster(TimelineExport export, double scale) {
        PngSurface surface = new PngSurface((int) Math.ceil(export.width()), (int) Math.ceil(export.height() + height()),
                scale, palette.background());
        export.paint(surface);
        paint(new OffsetSurface(surface, export.height()));
        return surface;
    }

    /** The timeline picture with this panel under it, as an SVG document displayed at {@code scale} times its size. */
    public String svg(TimelineExport export, double scale) {
        SvgSurface surface = new SvgSurface(Math.ceil(export.width()), Math.ceil(export.height() + height()), palette.background());
        surface.displayScale(scale);
        surface.title(export.title());
        export.paint(surface);
        paint(new OffsetSurface(surface, export.height()));
        return surface.toSvg();
    }

    /** The panel's height in logical pixels. */
    public double height() {
        int rows = 0;
        for (Column c : columns) {
            int r = 0;
            for (Block b : c.blocks()) {
                r += b.lines().size() + 1;
            }
            rows = Math.max(rows, r);
        }
        return 56 * textScale + rows * lineHeight();
    }

    /** The font size the code is drawn at (smaller than 14 × the text scale only when a line would not fit). */
    public double fontSize() {
        return font;
    }

    /** Paints the panel from {@code (0, 0)}, {@code width} by {@link #height()}. */
    public void paint(DrawingSurface g) {
        double s = textScale;
        g.tag("code");
        g.fillRect(0, 0, width, height(), palette.background());
        g.line(16 * s, 8 * s, width - 16 * s, 8 * s, palette.grid(), 1);
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            double left = 16 * s + i * (columnWidth() + 16 * s);
            g.text("Handlers · " + c.title(), left, 32 * s, TextStyle.bold(15 * s), palette.text(), TextAlign.LEFT);
            double y = 56 * s;
            for (Block b : c.blocks()) {
                for (int li = 0; li < b.lines().size(); li++) {
                    CodeLine l = b.lines().get(li);
                    if (b.bars().get(li) != null) {
                        g.fillRect(left, y - lineHeight() * 0.8, 4 * s, lineHeight() * 0.9, b.bars().get(li));
                    }
                    drawLine(g, l.text(), left + 10 * s, y);
                    y += lineHeight();
                }
                y += lineHeight();
            }
        }
        g.tag(null);
    }

    private void drawLine(DrawingSurface g, String text, double x, double y) {
        TextStyle style = TextStyle.regular(font);
        if (text.startsWith("#")) {
            g.text(text, x, y, style, palette.mutedText(), TextAlign.LEFT);
            return;
        }
        int hash = text.indexOf('#');
        String code = (hash < 0 ? text : text.substring(0, hash)).stripTrailing();
        int indent = code.length() - code.stripLeading().length();
        double codeX = x + indent * g.textWidth(" ", style) * 1.5;
        g.text(code.strip(), codeX, y, style, palette.text(), TextAlign.LEFT);
        if (hash >= 0) {
            g.text(text.substring(hash), x + commentColumn, y, style, palette.mutedText(), TextAlign.LEFT);
        }
    }

    /** Where the comments start, from the code's left edge: past the widest code, at the final font size. */
    private final double commentColumn;

    /** The width of a line's code (its indentation included), or of a whole comment line. */
    private static double codeWidth(String text, TextStyle style, TextMeasure m) {
        if (text.startsWith("#")) {
            return 0;
        }
        int hash = text.indexOf('#');
        String code = (hash < 0 ? text : text.substring(0, hash)).stripTrailing();
        int indent = code.length() - code.stripLeading().length();
        return indent * m.textWidth(" ", style) * 1.5 + m.textWidth(code.strip(), style);
    }

    private static double commentWidth(String text, TextStyle style, TextMeasure m) {
        int hash = text.indexOf('#');
        return hash < 0 ? 0 : m.textWidth(text.substring(hash), style);
    }

    private double lineHeight() {
        return font * 1.45;
    }

    private double columnWidth() {
        int n = columns.size();
        return (width - 16 * textScale * (n + 1)) / n;
    }
}
