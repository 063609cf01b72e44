package io.interleave.render;

import io.interleave.scenario.Policy;
import io.interleave.scenario.Server;
import io.interleave.trace.RequestRecord;
import io.interleave.trace.Span;
import io.interleave.trace.SpanState;
import io.interleave.trace.Trace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where everything goes on the timeline, in pixels: a fixed header (legend
 * and time axis) above a body that scrolls vertically and holds one section
 * per trace, each a title band and its rows. Rows are request rows, or
 * thread / loop lanes followed by core lanes.
 *
 * <p>Body positions are in <em>content</em> coordinates (0 = top of the
 * first section); the canvas y of content y {@code c} is
 * {@code headerHeight() + c - scrollY}.
 *
 * <p>Row height adapts: tall, readable bars for a handful of requests; a
 * few pixels per row with every n-th row labelled for thousands, which then
 * scroll.
 */
public final class TimelineLayout {
    /** Rows are never taller than this (times the text scale). */
    public static final double MAX_ROW_HEIGHT = 64;
    /** Rows are never shorter than this; beyond it the body scrolls. */
    public static final double MIN_ROW_HEIGHT = 4;
    /** Rows this tall or taller (times the text scale, as labels grow with it) are each labelled. */
    static final double LABEL_EVERY_ROW_FROM = 13;

    /** What a row shows. */
    public enum RowKind {
        /** One request: {@code index} is its id. */
        REQUEST,
        /** A thread (sync) or an event loop: {@code index} is the worker, 0-based. */
        WORKER,
        /** A CPU core: {@code index} is the core, 0-based. */
        CORE
    }

    /**
     * One row of one section.
     *
     * @param section index into {@link #sections()}
     * @param position 0-based position within its section
     * @param kind what it shows
     * @param index request id, worker or core
     * @param top content y of its top edge
     */
    public record Row(int section, int position, RowKind kind, int index, double top) {
    }

    /**
     * The part of the body that shows one trace.
     *
     * @param traceIndex index into the traces
     * @param trace the trace
     * @param title e.g. "Sync (threads) · 1 thread · 1 core"
     * @param top content y of the title band
     * @param rowsTop content y of the first row
     * @param rowCount rows in this section
     */
    public record Section(int traceIndex, Trace trace, String title, double top, double rowsTop, int rowCount) {
        public double rowsBottom(double rowHeight) {
            return rowsTop + rowCount * rowHeight;
        }
    }

    /** What a legend entry stands for. */
    public enum LegendKind {
        /** A span state: the swatch is its fill. */
        STATE,
        /** Lane background: nothing running. */
        IDLE,
        /** The arrival marker. */
        ARRIVAL,
        /** The completion marker and response time. */
        RESPONSE,
        /** The outline of a request's time alone on the server (its single-user baseline). */
        GHOST,
        /** The rejection marker. */
        REJECTED
    }

    /**
     * One legend entry, placed.
     *
     * @param kind what it stands for
     * @param state the state, for {@link LegendKind#STATE}
     * @param label its text
     * @param x left of its swatch
     * @param y vertical centre
     */
    public record LegendItem(LegendKind kind, Optional<SpanState> state, String label, double x, double y) {
    }

    /**
     * What lies under a point: a span, or a request's rejection marker.
     *
     * @param traceIndex which trace
     * @param row the row
     * @param request the request the span belongs to, or the rejected request
     * @param span the span, empty for a rejection marker
     */
    public record Hit(int traceIndex, Row row, RequestRecord request, Optional<Span> span) {
    }

    private final List<Trace> traces;
    private final ViewMode mode;
    private final double width;
    private final double height;
    private final double s;
    private final double rowHeight;
    private final double headerHeight;
    private final double axisTop;
    private final double gutterWidth;
    private final double contentHeight;
    private final List<Section> sections;
    private final List<LegendItem> legend;
    private final TextStyle labelStyle;
    private final TextStyle labelDetailStyle;
    private final TextStyle legendStyle;
    private final TextStyle axisStyle;
    private final TextStyle titleStyle;
    private final TextStyle barLabelStyle;

    private TimelineLayout(List<Trace> traces, ViewMode mode, double width, double height, double textScale,
                           TextMeasure measure, boolean export) {
        this.traces = List.copyOf(traces);
        this.mode = Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(measure, "measure");
        if (!(textScale > 0) || Double.isInfinite(textScale)) {
            throw new IllegalArgumentException("textScale: must be > 0, was " + textScale);
        }
        this.s = textScale;
        this.width = Math.max(1, width);
        this.legendStyle = TextStyle.regular(14 * s);
        this.axisStyle = TextStyle.regular(13 * s);
        this.titleStyle = TextStyle.bold(16 * s);

        List<LegendItem> items = placeLegend(measure);
        this.legend = items;
        int legendRows = items.isEmpty() ? 0 : (int) Math.floor((items.get(items.size() - 1).y() - legendTop()) / legendRowHeight()) + 1;
        this.axisTop = legendTop() + legendRows * legendRowHeight() + 4 * s;
        this.headerHeight = Math.round(axisTop + axisHeight());

        int totalRows = 0;
        for (Trace t : this.traces) {
            totalRows += rowCountOf(t);
        }
        double fixed = this.traces.size() * titleHeight() + Math.max(0, this.traces.size() - 1) * sectionGap() + bottomPad();
        double maxRow = Math.floor(MAX_ROW_HEIGHT * s);
        double rh;
        if (totalRows == 0) {
            rh = maxRow;
        } else if (export) {
            rh = Math.max(MIN_ROW_HEIGHT, Math.min(maxRow, Math.floor(900 * s / totalRows)));
        } else {
            rh = Math.max(MIN_ROW_HEIGHT, Math.min(maxRow, Math.floor((height - headerHeight - fixed) / totalRows)));
        }
        this.rowHeight = rh;

        List<Section> secs = new ArrayList<>();
        double y = 0;
        for (int i = 0; i < this.traces.size(); i++) {
            Trace t = this.traces.get(i);
            int rows = rowCountOf(t);
            secs.add(new Section(i, t, title(t), y, y + titleHeight(), rows));
            y += titleHeight() + rows * rh + sectionGap();
        }
        this.sections = List.copyOf(secs);
        this.contentHeight = this.traces.isEmpty() ? 0 : y - sectionGap() + bottomPad();
        this.height = export ? headerHeight + contentHeight : Math.max(1, height);

        double labelSize = Math.max(11 * s, Math.min(18 * s, rh * 0.34));
        this.labelStyle = TextStyle.bold(labelSize);
        this.labelDetailStyle = TextStyle.regular(labelSize);
        this.barLabelStyle = TextStyle.bold(Math.max(9, Math.min(15 * s, barHeight() * 0.5)));
        this.gutterWidth = Math.round(Math.min(this.width * 0.35, Math.max(64 * s, widestRowLabel(measure) + 2 * pad())));
    }

    /**
     * The layout of a view {@code width} by {@code height} pixels; rows that
     * do not fit scroll.
     *
     * @param textScale 1 for the window, larger for projector mode
     * @param measure measures text as the target surface will draw it
     */
    public static TimelineLayout of(List<Trace> traces, ViewMode mode, double width, double height,
                                    double textScale, TextMeasure measure) {
        return new TimelineLayout(traces, mode, width, height, textScale, measure, false);
    }

    /** The layout of an export {@code width} wide and as tall as all its rows need; nothing scrolls. */
    public static TimelineLayout forExport(List<Trace> traces, ViewMode mode, double width,
                                           double textScale, TextMeasure measure) {
        return new TimelineLayout(traces, mode, width, 0, textScale, measure, true);
    }

    // ---------------------------------------------------------------- metrics

    double pad() {
        return 12 * s;
    }

    double legendTop() {
        return 10 * s;
    }

    double legendRowHeight() {
        return 26 * s;
    }

    double legendSwatchWidth() {
        return 24 * s;
    }

    double legendSwatchHeight() {
        return 15 * s;
    }

    double axisHeight() {
        return 30 * s;
    }

    double titleHeight() {
        return 34 * s;
    }

    double sectionGap() {
        return 14 * s;
    }

    double bottomPad() {
        return 10 * s;
    }

    double rightMargin() {
        return 20 * s;
    }

    /** The text scale this layout was made for. */
    public double textScale() {
        return s;
    }

    public List<Trace> traces() {
        return traces;
    }

    public ViewMode mode() {
        return mode;
    }

    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    /** Height of the fixed legend and axis band; the body starts below it. */
    public double headerHeight() {
        return headerHeight;
    }

    /** Canvas y of the top of the time axis band. */
    public double axisTop() {
        return axisTop;
    }

    /** Height of the scrolling body's window. */
    public double viewportHeight() {
        return Math.max(0, height - headerHeight);
    }

    /** Height of everything in the body. */
    public double contentHeight() {
        return contentHeight;
    }

    /** The largest useful vertical scroll offset. */
    public double maxScrollY() {
        return Math.max(0, contentHeight - viewportHeight());
    }

    /** A scroll offset clamped to {@code [0, maxScrollY()]}. */
    public double clampScroll(double scrollY) {
        return Double.isNaN(scrollY) ? 0 : Math.max(0, Math.min(maxScrollY(), scrollY));
    }

    /** Canvas x where the plot (and time 0 of the scale's pixels) starts: right of the labels. */
    public double plotLeft() {
        return gutterWidth;
    }

    public double plotWidth() {
        return Math.max(1, width - gutterWidth - rightMargin());
    }

    public double plotRight() {
        return plotLeft() + plotWidth();
    }

    public double rowHeight() {
        return rowHeight;
    }

    /** Height of a bar inside its row. */
    public double barHeight() {
        if (rowHeight >= 24) {
            return Math.round(rowHeight * (mode == ViewMode.WORKERS ? 0.68 : 0.58));
        }
        return Math.max(1, rowHeight - Math.max(1, Math.round(rowHeight * 0.2)));
    }

    /** Whether rows are tall enough for arrival and completion markers and response times. */
    public boolean roomyRows() {
        return rowHeight >= 20;
    }

    /** Label every n-th row: 1 when rows are tall enough for each to have its label. */
    public int labelEvery() {
        double from = LABEL_EVERY_ROW_FROM * s;
        return rowHeight >= from ? 1 : (int) Math.ceil(from * 1.2 / rowHeight);
    }

    public TextStyle labelStyle() {
        return labelStyle;
    }

    /** The request type after the id in a row label. */
    public TextStyle labelDetailStyle() {
        return labelDetailStyle;
    }

    public TextStyle legendStyle() {
        return legendStyle;
    }

    public TextStyle axisStyle() {
        return axisStyle;
    }

    public TextStyle titleStyle() {
        return titleStyle;
    }

    /** Request labels inside lane bars. */
    public TextStyle barLabelStyle() {
        return barLabelStyle;
    }

    /** Least pixels between axis labels. */
    public double tickSpacing() {
        return 96 * s;
    }

    public List<Section> sections() {
        return sections;
    }

    public List<LegendItem> legend() {
        return legend;
    }

    /** Converts content y to canvas y. */
    public double toCanvasY(double contentY, double scrollY) {
        return headerHeight + contentY - scrollY;
    }

    // ------------------------------------------------------------------- rows

    private int rowCountOf(Trace t) {
        return mode == ViewMode.REQUESTS
                ? t.requests().size()
                : t.scenario().server().workers() + t.scenario().server().cores();
    }

    /** The row at a position in a section. */
    public Row row(int section, int position) {
        Section sec = sections.get(section);
        if (position < 0 || position >= sec.rowCount()) {
            throw new IndexOutOfBoundsException("row " + position + " of section " + section + " (it has " + sec.rowCount() + ")");
        }
        double top = sec.rowsTop() + position * rowHeight;
        if (mode == ViewMode.REQUESTS) {
            return new Row(section, position, RowKind.REQUEST, position + 1, top);
        }
        int workers = sec.trace().scenario().server().workers();
        return position < workers
                ? new Row(section, position, RowKind.WORKER, position, top)
                : new Row(section, position, RowKind.CORE, position - workers, top);
    }

    /** The row showing request {@code requestId} (requests view) in a trace's section. */
    public Optional<Row> requestRow(int traceIndex, int requestId) {
        if (mode != ViewMode.REQUESTS || traceIndex < 0 || traceIndex >= sections.size()) {
            return Optional.empty();
        }
        Section sec = sections.get(traceIndex);
        return requestId >= 1 && requestId <= sec.rowCount() ? Optional.of(row(traceIndex, requestId - 1)) : Optional.empty();
    }

    /** The lane of a worker (thread or loop) in a trace's section (workers view). */
    public Optional<Row> workerRow(int traceIndex, int worker) {
        if (mode != ViewMode.WORKERS || traceIndex < 0 || traceIndex >= sections.size()) {
            return Optional.empty();
        }
        Server server = sections.get(traceIndex).trace().scenario().server();
        return worker >= 0 && worker < server.workers() ? Optional.of(row(traceIndex, worker)) : Optional.empty();
    }

    /** The lane of a core in a trace's section (workers view). */
    public Optional<Row> coreRow(int traceIndex, int core) {
        if (mode != ViewMode.WORKERS || traceIndex < 0 || traceIndex >= sections.size()) {
            return Optional.empty();
        }
        Server server = sections.get(traceIndex).trace().scenario().server();
        return core >= 0 && core < server.cores() ? Optional.of(row(traceIndex, server.workers() + core)) : Optional.empty();
    }

    /** Positions of the first and last rows of a section that are at least partly in view, or empty. */
    public Optional<int[]> visibleRows(int section, double scrollY) {
        Section sec = sections.get(section);
        if (sec.rowCount() == 0) {
            return Optional.empty();
        }
        double top = scrollY - sec.rowsTop();
        double bottom = top + viewportHeight();
        int first = (int) Math.max(0, Math.floor(top / rowHeight));
        int last = (int) Math.min(sec.rowCount() - 1, Math.ceil(bottom / rowHeight) - 1);
        return first <= last ? Optional.of(new int[] {first, last}) : Optional.empty();
    }

    /** The row under canvas y, if any. */
    public Optional<Row> rowAt(double canvasY, double scrollY) {
        if (canvasY < headerHeight || canvasY >= height) {
            return Optional.empty();
        }
        double c = canvasY - headerHeight + scrollY;
        for (int i = 0; i < sections.size(); i++) {
            Section sec = sections.get(i);
            if (c >= sec.rowsTop() && c < sec.rowsBottom(rowHeight)) {
                return Optional.of(row(i, (int) Math.floor((c - sec.rowsTop()) / rowHeight)));
            }
        }
        return Optional.empty();
    }

    /** The spans drawn in a row, in time order and not overlapping. */
    public List<Span> spansOf(Row row) {
        Trace t = sections.get(row.section()).trace();
        return switch (row.kind()) {
            case REQUEST -> t.spansOf(row.index());
            case WORKER -> t.workerLane(row.index());
            case CORE -> t.coreLane(row.index());
        };
    }

    /** Whether {@code span} is drawn in {@code row}. */
    public boolean shows(Row row, Span span) {
        Trace t = sections.get(row.section()).trace();
        if (span.requestId() < 1 || span.requestId() > t.requests().size()) {
            return false;
        }
        return switch (row.kind()) {
            case REQUEST -> span.requestId() == row.index() && t.spansOf(row.index()).contains(span);
            case WORKER -> span.holdsWorker() && span.worker().orElse(-1) == row.index();
            case CORE -> span.core().orElse(-1) == row.index();
        };
    }

    /** The request of a request row; empty for lanes. */
    public Optional<RequestRecord> requestOf(Row row) {
        return row.kind() == RowKind.REQUEST
                ? Optional.of(sections.get(row.section()).trace().request(row.index()))
                : Optional.empty();
    }

    /** "R3" for a request row, "Thread 1", "Loop 1" or "Core 1" for a lane. */
    public String rowLabel(Row row) {
        Trace t = sections.get(row.section()).trace();
        return switch (row.kind()) {
            case REQUEST -> t.request(row.index()).label();
            case WORKER -> workerName(t.scenario().server().policy(), row.index());
            case CORE -> "Core " + (row.index() + 1);
        };
    }

    /** The request type's name after a request row's label; empty for lanes. */
    public String rowDetail(Row row) {
        if (row.kind() != RowKind.REQUEST) {
            return "";
        }
        Trace t = sections.get(row.section()).trace();
        return t.scenario().requestTypes().get(t.request(row.index()).type()).name();
    }

    /** "Thread 1" under sync, "Loop 1" under the event loop. */
    public static String workerName(Policy policy, int worker) {
        return (policy == Policy.SYNC ? "Thread " : "Loop ") + (worker + 1);
    }

    /**
     * "Sync (threads) · 2 threads · 1 core"; a compare variant's own label
     * comes first: "4 threads — Sync (threads) · 4 threads · 1 core".
     */
    public static String title(Trace t) {
        Server server = t.scenario().server();
        String workers = server.policy() == Policy.SYNC
                ? plural(server.workers(), "thread")
                : plural(server.workers(), "loop");
        String settings = server.policy().displayName() + " · " + workers + " · " + plural(server.cores(), "core");
        return t.label().equals(server.policy().displayName()) ? settings : t.label() + " — " + settings;
    }

    private static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private double widestRowLabel(TextMeasure measure) {
        double widest = 0;
        for (Trace t : traces) {
            if (mode == ViewMode.REQUESTS) {
                if (t.requests().isEmpty()) {
                    continue;
                }
                double id = measure.textWidth("R" + t.requests().size(), labelStyle);
                double type = 0;
                for (var rt : t.scenario().requestTypes()) {
                    type = Math.max(type, measure.textWidth(rt.name(), labelDetailStyle));
                }
                widest = Math.max(widest, id + measure.textWidth(" ", labelDetailStyle) + type);
            } else {
                Server server = t.scenario().server();
                widest = Math.max(widest, measure.textWidth(workerName(server.policy(), server.workers() - 1), labelStyle));
                widest = Math.max(widest, measure.textWidth("Core " + server.cores(), labelStyle));
            }
        }
        return widest;
    }

    // ----------------------------------------------------------------- legend

    private List<LegendItem> placeLegend(TextMeasure measure) {
        if (traces.isEmpty()) {
            return List.of();
        }
        Set<SpanState> states = EnumSet.noneOf(SpanState.class);
        boolean rejected = false;
        boolean completed = false;
        for (Trace t : traces) {
            if (mode == ViewMode.REQUESTS) {
                for (Span sp : t.spans()) {
                    states.add(sp.state());
                }
                for (RequestRecord r : t.requests()) {
                    rejected |= !r.completed();
                    completed |= r.completed();
                }
            } else {
                for (int w = 0; w < t.scenario().server().workers(); w++) {
                    for (Span sp : t.workerLane(w)) {
                        states.add(sp.state());
                    }
                }
                if (t.scenario().server().cores() > 0 && !t.coreLane(0).isEmpty()) {
                    states.add(SpanState.COMPUTE);
                }
            }
        }
        record Entry(LegendKind kind, Optional<SpanState> state, String label) {
        }
        List<Entry> entries = new ArrayList<>();
        for (SpanState st : states) {
            entries.add(new Entry(LegendKind.STATE, Optional.of(st), st.displayName()));
        }
        if (mode == ViewMode.WORKERS) {
            entries.add(new Entry(LegendKind.IDLE, Optional.empty(), "Idle"));
        } else {
            entries.add(new Entry(LegendKind.ARRIVAL, Optional.empty(), "Arrives"));
            entries.add(new Entry(LegendKind.RESPONSE, Optional.empty(), "Response sent"));
            if (completed) {
                entries.add(new Entry(LegendKind.GHOST, Optional.empty(), "Time alone"));
            }
            if (rejected) {
                entries.add(new Entry(LegendKind.REJECTED, Optional.empty(), "Rejected"));
            }
        }
        List<LegendItem> placed = new ArrayList<>();
        double x = pad();
        double y = legendTop() + legendRowHeight() / 2;
        for (Entry e : entries) {
            double w = legendSwatchWidth() + 7 * s + measure.textWidth(e.label(), legendStyle);
            if (x > pad() && x + w > width - pad()) {
                x = pad();
                y += legendRowHeight();
            }
            placed.add(new LegendItem(e.kind(), e.state(), e.label(), x, y));
            x += w + 22 * s;
        }
        return Collections.unmodifiableList(placed);
    }

    // ---------------------------------------------------------------- hit test

    /**
     * What is under canvas point (x, y): the span drawn there (only the part
     * before the playhead counts), or a rejected request's marker. Tiny spans
     * are found within a few pixels.
     */
    public Optional<Hit> hitAt(double x, double y, TimeScale scale, double scrollY, double playheadMs) {
        if (x < plotLeft() || x > plotRight()) {
            return Optional.empty();
        }
        Optional<Row> maybeRow = rowAt(y, scrollY);
        if (maybeRow.isEmpty()) {
            return Optional.empty();
        }
        Row row = maybeRow.get();
        Trace trace = sections.get(row.section()).trace();
        double ms = scale.toMs(x - plotLeft());
        double tolerance = 3 * scale.msPerPx();
        Optional<RequestRecord> request = requestOf(row);
        if (request.isPresent() && !request.get().completed()) {
            RequestRecord r = request.get();
            boolean near = Math.abs(ms - r.arrivalMs()) <= Math.max(tolerance, barHeight() * scale.msPerPx());
            return near && r.arrivalMs() <= playheadMs
                    ? Optional.of(new Hit(row.section(), row, r, Optional.empty()))
                    : Optional.empty();
        }
        if (ms > playheadMs + tolerance) {
            return Optional.empty();
        }
        List<Span> spans = spansOf(row);
        int i = SpanSearch.firstEndingAfter(spans, ms - tolerance);
        Span best = null;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (; i < spans.size() && spans.get(i).startMs() <= ms + tolerance; i++) {
            Span sp = spans.get(i);
            if (sp.startMs() > playheadMs) {
                break;
            }
            double d = ms < sp.startMs() ? sp.startMs() - ms : ms > sp.endMs() ? ms - sp.endMs() : 0;
            if (d < bestDistance) {
                best = sp;
                bestDistance = d;
            }
        }
        if (best == null || bestDistance > tolerance) {
            return Optional.empty();
        }
        return Optional.of(new Hit(row.section(), row, trace.request(best.requestId()), Optional.of(best)));
    }
}
