package io.interleave.render;

import io.interleave.time.TimeText;
import io.interleave.scenario.Variant;
import io.interleave.stats.Summary;
import io.interleave.stats.SummaryCollector;
import io.interleave.trace.RequestRecord;
import io.interleave.trace.Span;
import io.interleave.trace.Trace;
import io.interleave.trace.narration.Narration;
import io.interleave.trace.narration.NarrationLine;
import io.interleave.trace.narration.Narrator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A whole timeline as a picture for slides: a title (scenario and policy),
 * the timeline with its legend and axis (both policies in compare mode), and
 * a small metrics table. The same painter as the window draws it, onto a PNG
 * or SVG surface, at any scale. It needs no display.
 *
 * <p>A requests view of a very long run would be too tall to read; it shows
 * the first {@value #MAX_REQUEST_ROWS} requests and says so on the picture
 * (the workers view always shows the whole run).
 */
public final class TimelineExport {
    /** Most request rows one picture shows. */
    public static final int MAX_REQUEST_ROWS = 1_500;

    private final List<Trace> traces;
    private final List<Trace> shown;
    private final List<Summary> summaries;
    private final ViewMode mode;
    private final Palette palette;
    private final double width;
    private final double textScale;
    private final TimelineLayout layout;
    private final TimeScale scale;
    private final String note;
    private final TextMeasure measure;
    private final double[] range;
    private final Narration captions;

    /**
     * @param traces one trace, or 2 to 4 of the same workload under compare variants
     * @param mode requests or workers
     * @param width the picture's logical width in pixels (at least 480)
     * @param textScale 1 normally, larger for projectors
     */
    public TimelineExport(List<Trace> traces, ViewMode mode, double width, double textScale, Palette palette) {
        this(traces, mode, width, textScale, palette, null);
    }

    /**
     * An export of the time range {@code [fromMs, toMs]} only, such as the
     * range the window shows: bars outside it are clipped, the metrics still
     * cover the whole run.
     */
    public TimelineExport over(double fromMs, double toMs) {
        if (!(toMs > fromMs)) {
            throw new IllegalArgumentException("the range must end after it starts: " + fromMs + " .. " + toMs);
        }
        return new TimelineExport(traces, mode, width, textScale, palette, new double[] {fromMs, toMs}, captions);
    }

    /**
     * The same picture with a caption band at the bottom: at a playhead, the
     * narration line it is on (of the first trace), as the window's narration
     * panel shows it.
     */
    public TimelineExport withCaptions() {
        return new TimelineExport(traces, mode, width, textScale, palette, range, Narrator.narrate(traces.get(0)));
    }

    private TimelineExport(List<Trace> traces, ViewMode mode, double width, double textScale, Palette palette, double[] range) {
        this(traces, mode, width, textScale, palette, range, null);
    }

    private TimelineExport(List<Trace> traces, ViewMode mode, double width, double textScale, Palette palette, double[] range,
                           Narration captions) {
        if (traces.isEmpty() || traces.size() > Variant.MAX_VARIANTS) {
            throw new IllegalArgumentException("export takes 1 to " + Variant.MAX_VARIANTS + " traces, was " + traces.size());
        }
        if (!(width >= 480) || width > 20_000) {
            throw new IllegalArgumentException("width must be between 480 and 20000 pixels, was " + width);
        }
        this.traces = List.copyOf(traces);
        this.mode = Objects.requireNonNull(mode, "mode");
        this.palette = Objects.requireNonNull(palette, "palette");
        this.width = width;
        this.textScale = textScale;
        this.summaries = this.traces.stream().map(t -> SummaryCollector.of(t, 0)).toList();
        int requests = this.traces.get(0).requests().size();
        boolean cut = mode == ViewMode.REQUESTS && requests > MAX_REQUEST_ROWS;
        this.shown = cut ? this.traces.stream().map(t -> firstRequests(t, MAX_REQUEST_ROWS)).toList() : this.traces;
        this.note = cut ? String.format(Locale.ROOT, "Showing R1–R%d of %,d requests; the metrics cover all of them. The workers view shows the whole run.",
                MAX_REQUEST_ROWS, requests) : "";
        this.measure = new AwtFonts();
        this.layout = TimelineLayout.forExport(shown, mode, width, textScale, measure);
        this.scale = range == null ? fitScale(layout, shown, measure) : TimeScale.of(range[0], range[1], layout.plotWidth());
        this.range = range;
        this.captions = captions;
    }

    /** Where playback of this picture starts: 0 for the whole run, or the start of the range shown. */
    public double playFromMs() {
        return range == null ? 0 : range[0];
    }

    /** Where playback of this picture ends: when the last request finishes, or the end of the range shown. */
    public double playToMs() {
        return range == null ? runEnd(shown) : range[1];
    }

    /** Whether the picture has a caption band. */
    public boolean hasCaptions() {
        return captions != null;
    }

    /** The traces drawn (in a requests view of a very long run, only their first requests). */
    public List<Trace> shown() {
        return shown;
    }

    /** The picture's logical height in pixels. */
    public double height() {
        return titleHeight() + layout.height() + captionHeight() + tableHeight() + noteHeight();
    }

    public double width() {
        return width;
    }

    /** The title printed at the top, e.g. "Three requests — Sync (threads) · 1 thread · 1 core". */
    public String title() {
        Trace first = traces.get(0);
        String what = traces.size() > 1
                ? String.join(" vs ", traces.stream().map(Trace::label).toList())
                : TimelineLayout.title(first);
        return first.scenario().name() + " — " + what;
    }

    /** Paints the whole picture onto {@code g}, which must be {@link #width()} by {@link #height()}. */
    public void paint(DrawingSurface g) {
        paint(g, Double.POSITIVE_INFINITY);
    }

    /**
     * Paints the picture as the window shows it with the playhead at
     * {@code playheadMs}: bars up to the now line, time-alone outlines from
     * each arrival, response times once each request finishes. Infinity is
     * the finished run with no now line, the still picture.
     */
    public void paint(DrawingSurface g, double playheadMs) {
        double s = textScale;
        g.tag("title");
        g.fillRect(0, 0, width, titleHeight(), palette.background());
        g.text(traces.get(0).scenario().name(), 16 * s, 24 * s, TextStyle.bold(22 * s), palette.text(), TextAlign.LEFT);
        String subtitle = traces.size() > 1
                ? (traces.get(0).scenario().hasTasks() && traces.get(0).scenario().requestTypes().isEmpty()
                        ? "Same program under " : "Same requests under ") + andList(traces.stream().map(Trace::label).toList())
                : TimelineLayout.title(traces.get(0));
        g.text(subtitle, 16 * s, 50 * s, TextStyle.regular(14 * s), palette.mutedText(), TextAlign.LEFT);
        g.text("Interleave", width - 16 * s, 24 * s, TextStyle.regular(13 * s), palette.mutedText(), TextAlign.RIGHT);
        g.tag(null);

        new TimelinePainter(palette).paint(new OffsetSurface(g, titleHeight()), layout, scale, playheadMs);
        if (captions != null) {
            paintCaption(new OffsetSurface(g, titleHeight() + layout.height()), playheadMs);
        }

        paintTable(new OffsetSurface(g, titleHeight() + layout.height() + captionHeight()));
        if (!note.isEmpty()) {
            g.tag("note");
            g.text(note, 16 * s, height() - noteHeight() / 2, TextStyle.regular(13 * s), palette.rejected(), TextAlign.LEFT);
            g.tag(null);
        }
    }

    /**
     * Paints the whole run for an animated surface: the still picture, each
     * part told when it shows up on the playback's clock (see
     * {@link Timing}), a now line that sweeps from the start of the range
     * to its end, and with captions every narration line for its time.
     */
    void paintAnimated(DrawingSurface g, Animation animation) {
        if (captions == null) {
            paint(g, Double.POSITIVE_INFINITY);
        } else {
            // the caption band is drawn empty, then each line for its own time
            TimelineExport plain = new TimelineExport(traces, mode, width, textScale, palette, range, Narration.EMPTY);
            plain.paint(g, Double.POSITIVE_INFINITY);
            DrawingSurface band = new OffsetSurface(g, titleHeight() + layout.height());
            List<NarrationLine> lines = captions.lines();
            for (int i = 0; i < lines.size(); i++) {
                double from = lines.get(i).timeMs();
                double to = i + 1 < lines.size() ? lines.get(i + 1).timeMs() : Math.max(from, animation.toMs());
                boolean last = i + 1 == lines.size();
                if (to <= animation.fromMs() || from > animation.toMs() || (to <= from && !last)) {
                    continue; // outside the range, or gone the instant it came
                }
                g.timing(Timing.between(Math.max(from, animation.fromMs()), to));
                paintCaptionText(band, lines.get(i));
            }
            g.timing(null);
        }
        double top = titleHeight() + layout.axisTop();
        double x0 = layout.plotLeft() + scale.toX(animation.fromMs());
        double x1 = layout.plotLeft() + scale.toX(animation.toMs());
        g.tag("now");
        g.timing(Timing.sweeps(animation.fromMs(), animation.toMs(), x1 - x0));
        g.line(x0, top, x0, titleHeight() + layout.height(), palette.nowLine(), Math.max(2, 2 * textScale));
        g.timing(null);
        g.tag(null);
    }

    public Palette palette() {
        return palette;
    }

    /** The picture drawn on a raster image {@code scale} times the logical size (1, 2 or 3 for slides). */
    public PngSurface raster(double scale) {
        return raster(scale, Double.POSITIVE_INFINITY);
    }

    /** The picture at playhead {@code playheadMs} (see {@link #paint(DrawingSurface, double)}) on a raster image. */
    public PngSurface raster(double scale, double playheadMs) {
        PngSurface surface = new PngSurface((int) Math.ceil(width), (int) Math.ceil(height()), scale, palette.background());
        paint(surface, playheadMs);
        return surface;
    }

    /** The picture at playhead {@code playheadMs} as an SVG document (a still picture of that instant). */
    public String svg(double scale, double playheadMs) {
        SvgSurface surface = new SvgSurface(Math.ceil(width), Math.ceil(height()), palette.background());
        surface.displayScale(scale);
        surface.title(title());
        paint(surface, playheadMs);
        return surface.toSvg();
    }

    /** The picture as PNG bytes, {@code scale} times the logical size. */
    public byte[] png(double scale) {
        return raster(scale).toPng();
    }

    /** The picture as an SVG document, displayed at {@code scale} times its logical size. */
    public String svg(double scale) {
        SvgSurface surface = new SvgSurface(Math.ceil(width), Math.ceil(height()), palette.background());
        surface.displayScale(scale);
        surface.title(title());
        paint(surface);
        return surface.toSvg();
    }

    /** The note printed when rows were left out, or empty. */
    public String note() {
        return note;
    }

    /** The layout of the timeline part (its y coordinates start below the title). */
    public TimelineLayout layout() {
        return layout;
    }

    /** The time scale of the timeline part. */
    public TimeScale timeScale() {
        return scale;
    }

    /** Where the timeline part starts, from the top of the picture. */
    public double timelineTop() {
        return titleHeight();
    }

    // ------------------------------------------------------------------ parts

    private double titleHeight() {
        return 68 * textScale;
    }

    private double captionHeight() {
        return captions == null ? 0 : 40 * textScale;
    }

    /** The narration line the playhead is on, in a band under the timeline; empty before the first line. */
    private void paintCaption(DrawingSurface g, double playheadMs) {
        double s = textScale;
        double h = captionHeight();
        g.tag("caption");
        g.fillRect(0, 0, width, h, palette.sectionBand());
        int i = captions.indexAt(playheadMs);
        if (i >= 0) {
            paintCaptionText(g, captions.lines().get(i));
        }
        g.tag(null);
    }

    private void paintCaptionText(DrawingSurface g, NarrationLine line) {
        double s = textScale;
        double h = captionHeight();
        String time = TimeText.duration(line.timeMs());
        TextStyle bold = TextStyle.bold(15 * s);
        TextStyle regular = TextStyle.regular(15 * s);
        double x = 16 * s;
        g.tag("caption");
        g.text(time, x, h / 2, bold, palette.text(), TextAlign.LEFT);
        x += g.textWidth(time, bold) + 12 * s;
        if (traces.size() > 1) {
            // compared: the narration follows the first variant, and says so
            String who = traces.get(0).label() + ":";
            g.text(who, x, h / 2, bold, palette.mutedText(), TextAlign.LEFT);
            x += g.textWidth(who, bold) + 8 * s;
        }
        g.text(fit(g, line.text(), regular, width - 16 * s - x), x, h / 2, regular, palette.text(), TextAlign.LEFT);
    }

    /** {@code text}, cut with an ellipsis to fit {@code room} pixels. */
    private static String fit(TextMeasure g, String text, TextStyle style, double room) {
        if (g.textWidth(text, style) <= room) {
            return text;
        }
        int n = text.length();
        while (n > 0 && g.textWidth(text.substring(0, n) + "…", style) > room) {
            n--;
        }
        return text.substring(0, n) + "…";
    }

    private double rowHeight() {
        return 26 * textScale;
    }

    private double tableHeight() {
        return 16 * textScale + rowHeight() * (1 + traces.size()) + 12 * textScale;
    }

    private double noteHeight() {
        return note.isEmpty() ? 0 : 28 * textScale;
    }

    private static final String[] COLUMNS = {"Policy", "Mean", "p50", "p95", "Max", "Slowdown", "Throughput", "CPU", "Workers busy", "Rejected"};
    /** A program of tasks: its items instead of requests. */
    private static final String[] PROGRAM_COLUMNS = {"Policy", "Items made", "Consumed", "Mean item latency", "p50", "p95", "Max",
        "Makespan", "CPU", "Workers busy"};
    private static final String[] TIMEOUT_COLUMNS = {"Timed out", "Goodput", "Wasted CPU"};

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /**
     * The metrics table: one row per trace. Columns are as wide as their
     * widest text; when the picture is too narrow for that, the type shrinks
     * until every column fits, so headers never run into each other.
     */
    private void paintTable(DrawingSurface g) {
        double s = textScale;
        double top = 16 * s;
        double left = 16 * s;
        double right = width - 16 * s;
        // a scenario whose clients give up adds who timed out, what was answered in time, and the CPU spent for nobody
        boolean timeouts = traces.stream().anyMatch(t -> t.scenario().requestTypes().stream().anyMatch(io.interleave.scenario.RequestType::hasTimeout));
        boolean program = traces.stream().anyMatch(t -> t.scenario().hasTasks());
        String[] columns = program ? PROGRAM_COLUMNS : timeouts ? concat(COLUMNS, TIMEOUT_COLUMNS) : COLUMNS;
        String[] headers = columns.clone();
        if (traces.size() > 1) {
            headers[0] = "Variant";
        }
        String[][] rows = new String[traces.size()][];
        for (int i = 0; i < traces.size(); i++) {
            Summary m = summaries.get(i);
            Trace t = traces.get(i);
            rows[i] = new String[] {
                traces.size() > 1 ? t.label() : TimelineLayout.title(t),
                ms(m.response().mean()), ms(m.response().p50()), ms(m.response().p95()), ms(m.response().max()),
                slowdown(t),
                String.format(Locale.ROOT, "%.1f/s", m.throughputPerSec()),
                percent(m.cpuUtilization()), percent(m.workerUtilization()),
                Long.toString(m.rejected())
            };
            if (program) { // a program of tasks: its items' figures (latency: made to processed) and the run's length
                io.interleave.stats.ItemSummary items = io.interleave.stats.ItemSummary.of(t.program().items());
                rows[i] = new String[] {rows[i][0], Integer.toString(items.made()), Integer.toString(items.consumed()),
                    ms(items.meanMs()), ms(items.p50Ms()), ms(items.p95Ms()), ms(items.maxMs()), ms(t.endMs()),
                    percent(m.cpuUtilization()), percent(m.workerUtilization())};
            } else if (timeouts) {
                rows[i] = concat(rows[i], new String[] {Long.toString(m.timedOut()),
                        String.format(Locale.ROOT, "%.1f/s", m.goodputPerSec()), ms(m.wastedCpuMs())});
            }
        }
        double fit = 1;
        double[] needed = columnWidths(headers, rows, 1);
        double total = java.util.Arrays.stream(needed).sum();
        if (total > right - left) {
            fit = (right - left) / total;
            needed = columnWidths(headers, rows, fit);
        }
        double spare = Math.max(0, right - left - java.util.Arrays.stream(needed).sum());
        double[] xs = new double[columns.length + 1]; // left edge of each column, then the right edge
        xs[0] = left;
        for (int c = 0; c < columns.length; c++) {
            // the first column takes what is left over beyond a fair share, so the numbers stay together
            double extra = c == 0 ? spare * 0.4 : spare * 0.6 / (columns.length - 1);
            xs[c + 1] = xs[c] + needed[c] + extra;
        }
        TextStyle head = TextStyle.bold(13 * s * fit);
        TextStyle cell = TextStyle.regular(14 * s * fit);
        double pad = 8 * s * fit;
        g.tag("metrics");
        g.fillRect(left, top, right - left, rowHeight(), palette.sectionBand());
        double y = top + rowHeight() / 2;
        for (int c = 0; c < columns.length; c++) {
            g.text(headers[c], c == 0 ? xs[0] + pad : xs[c + 1] - pad, y, head, palette.text(), c == 0 ? TextAlign.LEFT : TextAlign.RIGHT);
        }
        for (int i = 0; i < rows.length; i++) {
            double rowTop = top + rowHeight() * (1 + i);
            if (i % 2 == 1) {
                g.fillRect(left, rowTop, right - left, rowHeight(), palette.stripe());
            }
            double cy = rowTop + rowHeight() / 2;
            for (int c = 0; c < rows[i].length; c++) {
                g.text(rows[i][c], c == 0 ? xs[0] + pad : xs[c + 1] - pad, cy, c == 0 ? head : cell, palette.text(),
                        c == 0 ? TextAlign.LEFT : TextAlign.RIGHT);
            }
        }
        g.line(left, top + rowHeight() * (1 + traces.size()), right, top + rowHeight() * (1 + traces.size()), palette.grid(), 1);
        g.tag(null);
    }

    /** Each column's width at type size {@code fit} times the normal: its widest text and a gap on both sides. */
    private double[] columnWidths(String[] headers, String[][] rows, double fit) {
        double s = textScale * fit;
        TextStyle head = TextStyle.bold(13 * s);
        TextStyle cell = TextStyle.regular(14 * s);
        double[] out = new double[headers.length];
        for (int c = 0; c < headers.length; c++) {
            double w = measure.textWidth(headers[c], head);
            for (String[] row : rows) {
                w = Math.max(w, measure.textWidth(row[c], c == 0 ? head : cell));
            }
            out[c] = w + 16 * s;
        }
        return out;
    }

    /** "A", "A and B", "A, B and C". */
    private static String andList(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    private static String ms(double v) {
        return TimeText.duration(v);
    }

    /** Mean response over time alone, "1.0x" when every request was as fast as alone. */
    private static String slowdown(Trace t) {
        double mean = t.requests().stream().mapToDouble(RequestRecord::slowdown).filter(Double::isFinite).average().orElse(Double.NaN);
        return Double.isFinite(mean) ? String.format(Locale.ROOT, "%.1fx", mean) : "–";
    }

    private static String percent(double v) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * v);
    }

    /** The whole run over the plot width, leaving room for the response-time labels at the ends of rows. */
    private static TimeScale fitScale(TimelineLayout layout, List<Trace> traces, TextMeasure measure) {
        double end = runEnd(traces);
        double s = layout.textScale();
        double padRight = layout.mode() == ViewMode.REQUESTS
                ? 24 * s + measure.textWidth("999.9 ms", layout.labelStyle())
                : 16 * s;
        return TimeScale.fit(0, Math.max(end, TimeScale.MIN_SPAN_MS), layout.plotWidth(), 8 * s, padRight);
    }

    /** When the last of the traces' requests finishes (or the run ends, if later). */
    private static double runEnd(List<Trace> traces) {
        double end = 0;
        for (Trace t : traces) {
            end = Math.max(end, t.endMs());
            for (RequestRecord r : t.requests()) {
                end = Math.max(end, r.finishMs());
            }
        }
        return end;
    }

    /** The first {@code n} requests of a trace with their spans. */
    static Trace firstRequests(Trace trace, int n) {
        List<RequestRecord> requests = trace.requests().subList(0, n);
        List<Span> spans = new ArrayList<>();
        for (int id = 1; id <= n; id++) {
            spans.addAll(trace.spansOf(id));
        }
        return new Trace(trace.scenario(), trace.label(), requests, spans, trace.totals());
    }
}
