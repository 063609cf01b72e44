package io.interleave.render;

import io.interleave.scenario.Limits;
import io.interleave.scenario.Policy;
import io.interleave.scenario.Server;
import io.interleave.trace.RequestRecord;
import io.interleave.trace.Span;
import io.interleave.trace.SpanState;
import io.interleave.trace.TaskIds;
import io.interleave.trace.Trace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Where everything goes on the timeline, in canvas pixels: a fixed header
 * (a one-line legend and the time axis) above one section per trace (1 to
 * 4), each a title band and its rows. Rows are request rows, or thread /
 * loop lanes, then a lane per pool thread that ran an offloaded call, then
 * core lanes.
 *
 * <p>Row height is computed from the height the view has, so that a
 * lesson's rows all show at once with bars as tall as that allows. When
 * there are more rows than fit, every section gets a pane of its own: its
 * title stays pinned at the top of the pane and its rows scroll on their
 * own, so each trace is reachable without scrolling through the others.
 * With {@code fitRows}, rows shrink instead until every row of every
 * section shows (several requests may then share a pixel row; the first of
 * them is drawn there, and found there by the pointer).
 *
 * <p>Each section's rows scroll by an offset of their own: the canvas y of a
 * row is {@code row.top() - scroll}, with {@code scroll} that section's
 * offset in {@code [0, maxScroll(section)]}.
 */
public final class TimelineLayout {
    /** Rows are never taller than this (times the text scale). */
    public static final double MAX_ROW_HEIGHT = 64;
    /** Rows are never shorter than this unless fitted; beyond it a section scrolls. */
    public static final double MIN_ROW_HEIGHT = 4;
    /** Fitted rows are never thinner than this (a pixel row then stands for up to a thousand requests). */
    public static final double MIN_FITTED_ROW_HEIGHT = 0.001;
    /** The legend's type shrinks down to this share of its size to stay on one line, before it wraps. */
    static final double MIN_LEGEND_SCALE = 0.62;
    /** The fewest axis ticks the layout asks for. */
    public static final int MIN_TICKS = 5;

    /** What a row shows. */
    public enum RowKind {
        /** One request: {@code index} is its id. */
        REQUEST,
        /** A thread (sync) or an event loop: {@code index} is the worker, 0-based. */
        WORKER,
        /** A thread of the pool that runs offloaded calls: {@code index} is the pool thread, 0-based. */
        POOL_THREAD,
        /** A CPU core: {@code index} is the core, 0-based. */
        CORE,
        /** One task of a program of tasks (requests view, after the requests): {@code index} is its id. */
        TASK,
        /**
         * The header of a process's lanes (workers view, when lanes are grouped by process; see
         * {@link #groupsByProcess}): {@code index} is the process, 0-based. It shows no spans.
         */
        PROCESS
    }

    /** One lane of the workers view: what it shows and which one. */
    private record Lane(RowKind kind, int index) {
    }

    /**
     * One row of one section.
     *
     * @param section index into {@link #sections()}
     * @param position 0-based position within its section
     * @param kind what it shows
     * @param index request id, worker, pool thread, core or task id
     * @param top canvas y of its top edge while its section is not scrolled
     */
    public record Row(int section, int position, RowKind kind, int index, double top) {
    }

    /**
     * The pane that shows one trace: a title band pinned at its top, then a
     * window onto its rows.
     *
     * @param traceIndex index into the traces
     * @param trace the trace
     * @param title e.g. "Sync (threads) · 1 thread · 1 core"
     * @param top canvas y of the title band
     * @param rowsTop canvas y of the top of the rows' window (and of the first row while not scrolled)
     * @param rowCount rows in this section
     * @param rowsHeight height of the rows' window; less than its rows need when they scroll
     */
    public record Section(int traceIndex, Trace trace, String title, double top, double rowsTop, int rowCount,
                          double rowsHeight) {
        /** Canvas y of the bottom of the rows' window. */
        public double rowsBottom() {
            return rowsTop + rowsHeight;
        }
    }

    /** What a legend entry stands for. */
    public enum LegendKind {
        /** A span state: the swatch is its fill (for a wait: the wait that frees its worker). */
        STATE,
        /** A wait that holds its worker: the swatch is {@link Palette#heldWait()}. */
        HELD_WAIT,
        /** Lane background: nothing running. */
        IDLE,
        /** The arrival marker. */
        ARRIVAL,
        /** The completion marker and response time. */
        RESPONSE,
        /** The outline of a request's time alone on the server (its single-user baseline). */
        GHOST,
        /** The rejection marker. */
        REJECTED,
        /** Work done after the client gave up: the swatch is {@link Palette#wasted()}. */
        WASTED
    }

    /**
     * One legend entry, placed.
     *
     * @param kind what it stands for
     * @param state the state, for {@link LegendKind#STATE} and {@link LegendKind#HELD_WAIT}
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
     * @param ownerId the id of the request or task the span belongs to, or of the rejected request
     * @param request that request; empty when the span is a task's
     * @param span the span, empty for a rejection marker
     */
    public record Hit(int traceIndex, Row row, int ownerId, Optional<RequestRecord> request, Optional<Span> span) {
        public Hit {
            Objects.requireNonNull(row, "row");
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(span, "span");
            if (request.isEmpty() && span.isEmpty()) {
                throw new IllegalArgumentException("a hit on a task must be on one of its spans");
            }
        }

        /** A request's span, or its rejection marker (empty span). */
        public Hit(int traceIndex, Row row, RequestRecord request, Optional<Span> span) {
            this(traceIndex, row, request.id(), Optional.of(request), span);
        }
    }

    private record Entry(LegendKind kind, Optional<SpanState> state, String label) {
    }

    private final List<Trace> traces;
    private final ViewMode mode;
    private final double width;
    private final double height;
    private final double s;
    private final boolean fitRows;
    /** Drawn for a picture (as tall as its rows need) rather than into a window of a given height. */
    private final boolean export;
    private final double rowHeight;
    private final double headerHeight;
    private final double axisTop;
    private final double gutterWidth;
    private final List<Section> sections;
    private final double legendScale;
    private final List<LegendItem> legend;
    private final TextStyle labelStyle;
    private final TextStyle labelDetailStyle;
    private final TextStyle legendStyle;
    private final TextStyle axisStyle;
    private final TextStyle titleStyle;
    private final TextStyle barLabelStyle;
    private final double tickMinSpacing;
    /** Each trace's tasks, looked up once (the layout is rebuilt often but asks for them per row). */
    private final java.util.Map<Trace, List<TaskIds.Named>> taskCache = new java.util.IdentityHashMap<>();
    private final java.util.Map<Trace, List<Lane>> laneCache = new java.util.IdentityHashMap<>();

    private TimelineLayout(List<Trace> traces, ViewMode mode, double width, double height, double textScale,
                           TextMeasure measure, boolean export, boolean fitRows) {
        this.traces = List.copyOf(traces);
        this.mode = Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(measure, "measure");
        if (!(textScale > 0) || Double.isInfinite(textScale)) {
            throw new IllegalArgumentException("textScale: must be > 0, was " + textScale);
        }
        this.s = textScale;
        this.width = Math.max(1, width);
        this.fitRows = fitRows && !export;
        this.export = export;
        this.axisStyle = TextStyle.regular(12 * s);
        this.titleStyle = TextStyle.bold(12 * s);
        this.tickMinSpacing = measure.textWidth("88.8 ms", axisStyle) + 14 * s;

        List<Entry> entries = legendEntries();
        this.legendScale = legendScale(entries, measure);
        this.legendStyle = TextStyle.regular(13 * s * legendScale);
        this.legend = placeLegend(entries, measure);
        int legendRows = legend.isEmpty() ? 0
                : (int) Math.round((legend.get(legend.size() - 1).y() - legendTop() - legendRowHeight() / 2) / legendRowHeight()) + 1;
        this.axisTop = Math.round(legendTop() + legendRows * legendRowHeight() + 2 * s);
        this.headerHeight = Math.round(axisTop + axisHeight());

        int n = this.traces.size();
        int[] counts = new int[n];
        int totalRows = 0;
        for (int i = 0; i < n; i++) {
            counts[i] = rowCountOf(this.traces.get(i));
            totalRows += counts[i];
        }
        double fixed = n * titleHeight() + Math.max(0, n - 1) * sectionGap() + bottomPad();
        double rowsArea = Math.max(0, Math.floor(height - headerHeight - fixed));
        double maxRow = Math.floor(MAX_ROW_HEIGHT * s);
        double rh;
        if (totalRows == 0) {
            rh = maxRow;
        } else if (export) {
            rh = Math.max(MIN_ROW_HEIGHT, Math.min(maxRow, Math.floor(900 * s / totalRows)));
        } else {
            double even = rowsArea / totalRows;
            if (even >= MIN_ROW_HEIGHT || !this.fitRows) {
                rh = Math.max(MIN_ROW_HEIGHT, Math.min(maxRow, Math.floor(even)));
            } else {
                rh = Math.max(MIN_FITTED_ROW_HEIGHT, even >= 1 ? Math.floor(even) : even);
            }
        }
        this.rowHeight = rh;

        double[] panes = new double[n];
        for (int i = 0; i < n; i++) {
            panes[i] = rh < 1 ? Math.ceil(counts[i] * rh) : counts[i] * rh;
        }
        if (!export) {
            shareOut(panes, rowsArea);
        }
        List<Section> secs = new ArrayList<>();
        double y = headerHeight;
        for (int i = 0; i < n; i++) {
            Trace t = this.traces.get(i);
            double top = Math.round(y);
            double rowsTop = Math.round(top + titleHeight());
            secs.add(new Section(i, t, title(t), top, rowsTop, counts[i], panes[i]));
            y = rowsTop + panes[i] + sectionGap();
        }
        this.sections = List.copyOf(secs);
        double contentBottom = n == 0 ? headerHeight : y - sectionGap() + bottomPad();
        this.height = export ? Math.ceil(contentBottom) : Math.max(1, height);

        double labelSize = Math.max(minLabelSize(), Math.min(16 * s, rh * 0.75));
        this.labelStyle = TextStyle.bold(labelSize);
        this.labelDetailStyle = TextStyle.regular(labelSize);
        this.barLabelStyle = TextStyle.bold(Math.max(9, Math.min(15 * s, barHeight() * 0.5)));
        this.gutterWidth = Math.round(Math.min(this.width * 0.35, Math.max(64 * s, widestRowLabel(measure) + 2 * pad())));
    }

    /**
     * The layout of a view {@code width} by {@code height} pixels; rows that
     * do not fit scroll, each section on its own.
     *
     * @param textScale 1 for the window, larger for projector mode
     * @param measure measures text as the target surface will draw it
     */
    public static TimelineLayout of(List<Trace> traces, ViewMode mode, double width, double height,
                                    double textScale, TextMeasure measure) {
        return new TimelineLayout(traces, mode, width, height, textScale, measure, false, false);
    }

    /**
     * The layout of a view {@code width} by {@code height} pixels.
     *
     * @param fitRows when rows would not all fit at {@link #MIN_ROW_HEIGHT},
     *                shrink them until every row of every section shows
     *                rather than scroll
     */
    public static TimelineLayout of(List<Trace> traces, ViewMode mode, double width, double height,
                                    double textScale, TextMeasure measure, boolean fitRows) {
        return new TimelineLayout(traces, mode, width, height, textScale, measure, false, fitRows);
    }

    /** The layout of an export {@code width} wide and as tall as all its rows need; nothing scrolls. */
    public static TimelineLayout forExport(List<Trace> traces, ViewMode mode, double width,
                                           double textScale, TextMeasure measure) {
        return new TimelineLayout(traces, mode, width, 0, textScale, measure, true, false);
    }

    /**
     * Shares {@code area} out among panes that want {@code wants[i]} pixels:
     * a pane that wants no more than an even share gets what it wants, the
     * others split the rest evenly, in whole pixels.
     */
    private static void shareOut(double[] wants, double area) {
        double total = Arrays.stream(wants).sum();
        if (total <= area) {
            return;
        }
        Integer[] order = new Integer[wants.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(wants[a], wants[b]));
        double left = area;
        int k = wants.length;
        for (int i : order) {
            wants[i] = Math.min(wants[i], Math.floor(left / k));
            left -= wants[i];
            k--;
        }
    }

    // ---------------------------------------------------------------- metrics

    double pad() {
        return 12 * s;
    }

    double legendTop() {
        return 3 * s;
    }

    double legendRowHeight() {
        return 18 * s * legendScale;
    }

    double legendSwatchWidth() {
        return 20 * s * legendScale;
    }

    double legendSwatchHeight() {
        return 13 * s * legendScale;
    }

    double legendGap() {
        return 15 * s * legendScale;
    }

    double axisHeight() {
        return 20 * s;
    }

    /** Length of a tick mark on the axis. */
    double axisTickLength() {
        return 4 * s;
    }

    /** A section title's band: a little tighter in a window, where every pixel of height goes to the rows. */
    double titleHeight() {
        return Math.round(titleStyle.size() * (export ? 1.45 : 1.3));
    }

    double sectionGap() {
        return Math.round(3 * s);
    }

    double bottomPad() {
        return Math.round(2 * s);
    }

    double rightMargin() {
        return 20 * s;
    }

    /** Labels never get smaller than this, whatever the row height: from the back of a room smaller type is noise. */
    double minLabelSize() {
        return Math.max(11, 9 * s);
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

    /** Whether rows were shrunk to show every row (see {@link #of(List, ViewMode, double, double, double, TextMeasure, boolean)}). */
    public boolean rowsFitted() {
        return fitRows;
    }

    /** Height of the fixed legend and axis band; the sections start below it. */
    public double headerHeight() {
        return headerHeight;
    }

    /** Canvas y of the top of the time axis band. */
    public double axisTop() {
        return axisTop;
    }

    /** How far a section's rows can scroll: 0 when they all show. */
    public double maxScroll(int section) {
        Section sec = sections.get(section);
        return Math.max(0, sec.rowCount() * rowHeight - sec.rowsHeight());
    }

    /** A section's scroll offset clamped to {@code [0, maxScroll(section)]}. */
    public double clampScroll(int section, double scroll) {
        return Double.isNaN(scroll) ? 0 : Math.max(0, Math.min(maxScroll(section), scroll));
    }

    /** Whether any section's rows scroll. */
    public boolean scrolls() {
        for (int i = 0; i < sections.size(); i++) {
            if (maxScroll(i) > 0.5) {
                return true;
            }
        }
        return false;
    }

    /** Whether more rows exist than show at {@link #MIN_ROW_HEIGHT} or taller: then fitted rows are thinner. */
    public boolean rowsThinnerThanReadable() {
        return rowHeight < MIN_ROW_HEIGHT;
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

    /**
     * Height of a bar inside its row: all of the row but a pixel or two when
     * rows are tight (so bars stay thick on a projector),
     * a little over half of a tall row (room for the arrival and completion
     * markers).
     */
    public double barHeight() {
        if (rowHeight < 2) {
            return 1;
        }
        if (rowHeight < MIN_ROW_HEIGHT) {
            return Math.max(1, rowHeight - 1);
        }
        double ratio = mode == ViewMode.WORKERS ? 0.68 : 0.58;
        // A one-pixel gap (and the bars' outlines) tell tight rows apart; roomier rows get a little more.
        double gap = Math.max(1, Math.round(rowHeight * 0.06));
        return Math.max(Math.round(rowHeight * ratio), Math.min(rowHeight - gap, Math.round(24 * s)));
    }

    /** Whether rows are tall enough for arrival and completion markers and response times. */
    public boolean roomyRows() {
        return rowHeight >= 20;
    }

    /**
     * Label every n-th row: 1 when rows are tall enough for each to carry its
     * label. A label always sits centred on its own row.
     */
    public int labelEvery() {
        double size = labelStyle.size();
        return rowHeight >= size * 0.95 ? 1 : (int) Math.ceil(size * 1.3 / rowHeight);
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

    /** Pixels between axis labels that read comfortably. */
    public double tickSpacing() {
        return 96 * s;
    }

    /** Pixels between axis labels below which they would touch. */
    public double tickMinSpacing() {
        return tickMinSpacing;
    }

    /** The axis ticks of {@code scale}: comfortably spaced, but at least {@link #MIN_TICKS} where the labels leave room. */
    public List<TimeScale.Tick> ticks(TimeScale scale) {
        return scale.ticks(tickSpacing(), tickMinSpacing, MIN_TICKS);
    }

    public List<Section> sections() {
        return sections;
    }

    public List<LegendItem> legend() {
        return legend;
    }

    // ------------------------------------------------------------------- rows

    private int rowCountOf(Trace t) {
        return mode == ViewMode.REQUESTS
                ? t.requests().size() + tasksOf(t).size()
                : lanesOf(t).size();
    }

    /**
     * Whether the workers view groups a server's lanes by process, each group under a "Process 1" header:
     * when there is more than one process and it matters, that is under sync (processes of threads sharing one
     * accept queue) or with a GIL (each loop's process has its own). Event loops without a GIL are drawn as
     * before: each is its own process, but nothing but the cores is shared, so there is nothing to group.
     */
    public static boolean groupsByProcess(Server server) {
        return server.processCount() > 1 && (server.gil() || server.policy().waitsHoldWorker());
    }

    /** The spans that held worker {@code worker}; none for a lane the run never had. */
    static List<Span> workerLane(Trace t, int worker) {
        try {
            return t.workerLane(worker);
        } catch (IndexOutOfBoundsException e) {
            return List.of();
        }
    }

    /** The process of pool thread {@code poolThread}: its loop's, as its spans name the loop (0 when they do not). */
    static int processOfPoolThread(Trace t, int poolThread) {
        Server server = t.scenario().server();
        return t.poolLane(poolThread).stream().filter(sp -> sp.worker().isPresent()).findFirst()
                .map(sp -> server.processOf(sp.worker().getAsInt()))
                .orElse(server.poolPerProcess() && poolThread < server.poolThreadCount()
                        ? server.processOfPoolThread(poolThread) // an idle thread of a process's own pool
                        : 0);
    }

    /**
     * The process of a worker lane, pool thread lane or process header, when the lanes are grouped by process;
     * empty otherwise (cores, requests, one process).
     */
    public OptionalInt processOf(Row row) {
        Trace t = sections.get(row.section()).trace();
        Server server = t.scenario().server();
        if (mode != ViewMode.WORKERS || !groupsByProcess(server)) {
            return OptionalInt.empty();
        }
        return switch (row.kind()) {
            case PROCESS -> OptionalInt.of(row.index());
            case WORKER -> OptionalInt.of(server.processOf(row.index()));
            case POOL_THREAD -> OptionalInt.of(processOfPoolThread(t, row.index()));
            default -> OptionalInt.empty();
        };
    }

    /**
     * The workers view's lanes, top to bottom: threads or loops, the pool threads that ran an offloaded call,
     * then the cores; grouped by process ({@link #groupsByProcess}), each process's header, its threads or its
     * loop, and its pool threads, then the cores.
     */
    private List<Lane> lanesOf(Trace t) {
        return laneCache.computeIfAbsent(t, k -> {
            Server server = k.scenario().server();
            int workers = server.workerCount();
            List<Lane> lanes = new ArrayList<>();
            if (groupsByProcess(server)) {
                for (int p = 0; p < server.processCount(); p++) {
                    lanes.add(new Lane(RowKind.PROCESS, p));
                    for (int w = 0; w < workers; w++) {
                        if (server.processOf(w) == p) {
                            lanes.add(new Lane(RowKind.WORKER, w));
                        }
                    }
                    for (int pool : k.usedPoolThreads()) {
                        if (processOfPoolThread(k, pool) == p) {
                            lanes.add(new Lane(RowKind.POOL_THREAD, pool));
                        }
                    }
                }
            } else {
                for (int w = 0; w < workers; w++) {
                    lanes.add(new Lane(RowKind.WORKER, w));
                }
                for (int pool : k.usedPoolThreads()) {
                    lanes.add(new Lane(RowKind.POOL_THREAD, pool));
                }
            }
            for (int c = 0; c < server.cores(); c++) {
                lanes.add(new Lane(RowKind.CORE, c));
            }
            return List.copyOf(lanes);
        });
    }

    /** The position of a lane in a trace's section (workers view), if it has one. */
    private Optional<Row> laneRow(int traceIndex, RowKind kind, int index) {
        if (mode != ViewMode.WORKERS || traceIndex < 0 || traceIndex >= sections.size()) {
            return Optional.empty();
        }
        int at = lanesOf(sections.get(traceIndex).trace()).indexOf(new Lane(kind, index));
        return at < 0 ? Optional.empty() : Optional.of(row(traceIndex, at));
    }

    /**
     * The tasks of a trace, in id order: its program's, then the background tasks its requests
     * started (each on a row of its own after the requests'); none for a run of requests only.
     */
    private List<TaskIds.Named> tasksOf(Trace t) {
        return taskCache.computeIfAbsent(t, k -> k.scenario().hasTasks() || !k.program().tasks().isEmpty() ? TaskIds.of(k) : List.of());
    }

    /** The task with this id in a trace, if it is one. */
    private Optional<TaskIds.Named> taskOf(Trace t, int id) {
        List<TaskIds.Named> tasks = tasksOf(t);
        int lo = 0;
        int hi = tasks.size() - 1;
        while (lo <= hi) { // by id: they are in id order (a background task that never ended has no row)
            int mid = (lo + hi) >>> 1;
            int midId = tasks.get(mid).id();
            if (midId == id) {
                return Optional.of(tasks.get(mid));
            }
            if (midId < id) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return Optional.empty();
    }

    /**
     * What a span's owner is called: "R3" for a request, the task's name
     * ("producer 2") for a task of a program.
     */
    public String ownerLabel(Trace t, int id) {
        if (id >= 1 && id <= t.requests().size()) {
            return t.request(id).label();
        }
        return taskOf(t, id).map(TaskIds.Named::name).orElse("#" + id);
    }

    /** The spans of request or task {@code id}: none for a task that never ran (a partial run). */
    private static List<Span> spansOfId(Trace t, int id) {
        try {
            return t.spansOf(id);
        } catch (IndexOutOfBoundsException e) {
            return List.of();
        }
    }

    /** The row at a position in a section. */
    public Row row(int section, int position) {
        Section sec = sections.get(section);
        if (position < 0 || position >= sec.rowCount()) {
            throw new IndexOutOfBoundsException("row " + position + " of section " + section + " (it has " + sec.rowCount() + ")");
        }
        double top = sec.rowsTop() + position * rowHeight;
        if (mode == ViewMode.REQUESTS) {
            int requests = sec.trace().requests().size();
            return position < requests
                    ? new Row(section, position, RowKind.REQUEST, position + 1, top)
                    : new Row(section, position, RowKind.TASK, tasksOf(sec.trace()).get(position - requests).id(), top);
        }
        Lane lane = lanesOf(sec.trace()).get(position);
        return new Row(section, position, lane.kind(), lane.index(), top);
    }

    /**
     * Positions in a section (workers view) where a group of lanes begins
     * after another: the pool threads after the loops, the cores after them;
     * when lanes are grouped by process, each process after the one before.
     * The painter draws a divider there.
     */
    public List<Integer> laneGroupStarts(int section) {
        if (mode != ViewMode.WORKERS) {
            return List.of();
        }
        List<Lane> lanes = lanesOf(sections.get(section).trace());
        List<Integer> starts = new ArrayList<>();
        for (int i = 1; i < lanes.size(); i++) {
            RowKind kind = lanes.get(i).kind();
            RowKind before = lanes.get(i - 1).kind();
            boolean newGroup = kind == RowKind.PROCESS || kind != before && before != RowKind.PROCESS
                    && !(kind == RowKind.POOL_THREAD && lanes.get(0).kind() == RowKind.PROCESS);
            if (newGroup) {
                starts.add(i);
            }
        }
        return starts;
    }

    /** Canvas y of the top of {@code row} when its section is scrolled by {@code scroll}. */
    public double rowY(Row row, double scroll) {
        return row.top() - clampScroll(row.section(), scroll);
    }

    /** The row showing request {@code requestId}, or the task with that id (requests view), in a trace's section. */
    public Optional<Row> requestRow(int traceIndex, int requestId) {
        if (mode != ViewMode.REQUESTS || traceIndex < 0 || traceIndex >= sections.size()) {
            return Optional.empty();
        }
        Section sec = sections.get(traceIndex);
        int requests = sec.trace().requests().size();
        if (requestId >= 1 && requestId <= requests) {
            return Optional.of(row(traceIndex, requestId - 1));
        }
        List<TaskIds.Named> tasks = tasksOf(sec.trace());
        for (int k = 0; k < tasks.size(); k++) {
            if (tasks.get(k).id() == requestId) {
                return Optional.of(row(traceIndex, requests + k));
            }
        }
        return Optional.empty();
    }

    /** The lane of a worker (thread or loop) in a trace's section (workers view). */
    public Optional<Row> workerRow(int traceIndex, int worker) {
        return laneRow(traceIndex, RowKind.WORKER, worker);
    }

    /** The header of a process's lanes in a trace's section (workers view, lanes grouped by process). */
    public Optional<Row> processRow(int traceIndex, int process) {
        return laneRow(traceIndex, RowKind.PROCESS, process);
    }

    /** The lane of a core in a trace's section (workers view). */
    public Optional<Row> coreRow(int traceIndex, int core) {
        return laneRow(traceIndex, RowKind.CORE, core);
    }

    /** The lane of a pool thread in a trace's section (workers view); empty for a thread that ran no offloaded call. */
    public Optional<Row> poolThreadRow(int traceIndex, int poolThread) {
        return laneRow(traceIndex, RowKind.POOL_THREAD, poolThread);
    }

    /** Positions of the first and last rows of a section at least partly in its window, or empty. */
    public Optional<int[]> visibleRows(int section, double scroll) {
        Section sec = sections.get(section);
        if (sec.rowCount() == 0 || sec.rowsHeight() <= 0) {
            return Optional.empty();
        }
        double top = clampScroll(section, scroll);
        double bottom = top + sec.rowsHeight();
        int first = (int) Math.max(0, Math.floor(top / rowHeight));
        int last = (int) Math.min(sec.rowCount() - 1, Math.ceil(bottom / rowHeight - 1e-9) - 1);
        return first <= last ? Optional.of(new int[] {first, last}) : Optional.empty();
    }

    /**
     * Which row is drawn on pixel row {@code pixelY} of a section whose rows
     * are thinner than a pixel: the first row whose top falls on that pixel,
     * if any. The painter draws exactly these rows, and the pointer finds them.
     */
    public OptionalInt rowOnPixel(int section, double pixelY, double scroll) {
        Section sec = sections.get(section);
        double base = sec.rowsTop() - clampScroll(section, scroll);
        double p = Math.floor(pixelY);
        int first = (int) Math.max(0, Math.ceil((p - base) / rowHeight - 1e-9));
        while (first > 0 && Math.floor(base + (first - 1) * rowHeight) >= p) {
            first--;
        }
        while (first < sec.rowCount() && Math.floor(base + first * rowHeight) < p) {
            first++;
        }
        return first < sec.rowCount() && Math.floor(base + first * rowHeight) == p ? OptionalInt.of(first) : OptionalInt.empty();
    }

    /** The section whose rows' window holds canvas y, if any. */
    public OptionalInt sectionAt(double canvasY) {
        for (int i = 0; i < sections.size(); i++) {
            Section sec = sections.get(i);
            if (canvasY >= sec.top() && canvasY < sec.rowsBottom()) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    /** The row under canvas y, if any, with each section scrolled by its entry of {@code scrolls} (missing = 0). */
    public Optional<Row> rowAt(double canvasY, double... scrolls) {
        if (canvasY < headerHeight || canvasY >= height) {
            return Optional.empty();
        }
        for (int i = 0; i < sections.size(); i++) {
            Section sec = sections.get(i);
            if (canvasY >= sec.rowsTop() && canvasY < sec.rowsBottom()) {
                double scroll = scrollOf(scrolls, i);
                if (rowHeight < 1) {
                    OptionalInt p = rowOnPixel(i, canvasY, scroll);
                    return p.isPresent() ? Optional.of(row(i, p.getAsInt())) : Optional.empty();
                }
                int p = (int) Math.floor((canvasY - sec.rowsTop() + clampScroll(i, scroll)) / rowHeight);
                return p >= 0 && p < sec.rowCount() ? Optional.of(row(i, p)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static double scrollOf(double[] scrolls, int section) {
        return scrolls != null && section < scrolls.length ? scrolls[section] : 0;
    }

    /** The spans drawn in a row, in time order and not overlapping. */
    public List<Span> spansOf(Row row) {
        Trace t = sections.get(row.section()).trace();
        return switch (row.kind()) {
            case REQUEST, TASK -> spansOfId(t, row.index());
            case WORKER -> workerLane(t, row.index());
            case POOL_THREAD -> t.poolLane(row.index());
            case CORE -> t.coreLane(row.index());
            case PROCESS -> List.of();
        };
    }

    /** Whether {@code span} is drawn in {@code row}. */
    public boolean shows(Row row, Span span) {
        Trace t = sections.get(row.section()).trace();
        if (span.requestId() < 1 || span.requestId() > t.requests().size() && taskOf(t, span.requestId()).isEmpty()) {
            return false;
        }
        return switch (row.kind()) {
            case REQUEST, TASK -> span.requestId() == row.index() && spansOfId(t, row.index()).contains(span);
            case WORKER -> span.holdsWorker() && span.worker().orElse(-1) == row.index();
            case POOL_THREAD -> span.poolThread().orElse(-1) == row.index();
            case CORE -> span.core().orElse(-1) == row.index();
            case PROCESS -> false;
        };
    }

    /** The request of a request row; empty for lanes. */
    public Optional<RequestRecord> requestOf(Row row) {
        return row.kind() == RowKind.REQUEST
                ? Optional.of(sections.get(row.section()).trace().request(row.index()))
                : Optional.empty();
    }

    /** "R3" for a request row, the task's name for a task row, "Thread 1", "Loop 1", "Pool 1" or "Core 1" for a lane. */
    public String rowLabel(Row row) {
        Trace t = sections.get(row.section()).trace();
        return switch (row.kind()) {
            case REQUEST -> t.request(row.index()).label();
            case TASK -> ownerLabel(t, row.index());
            case WORKER -> workerName(t.scenario().server().policy(), row.index());
            case POOL_THREAD -> poolThreadName(t.scenario().server(), row.index());
            case CORE -> "Core " + (row.index() + 1);
            case PROCESS -> processName(row.index());
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
        return policy.workerName(worker);
    }

    /** "Process 1": process {@code process} (from 0) as its header is labelled. */
    public static String processName(int process) {
        return "Process " + (process + 1);
    }

    /** "Pool 1": pool thread {@code poolThread} (from 0) as its lane is labelled. */
    public static String poolThreadName(int poolThread) {
        return "Pool " + (poolThread + 1);
    }

    /**
     * "Pool 1": pool thread {@code poolThread} (from 0) of {@code server}; where each process has its own pool,
     * numbered within its process (process 2's first pool thread is its "Pool 1", under its "Process 2" header).
     */
    public static String poolThreadName(Server server, int poolThread) {
        return poolThreadName(server.poolPerProcess() ? poolThread % server.poolThreads() : poolThread);
    }

    /** "thread" under sync, "loop" under the event loop. */
    static String workerNoun(Policy policy) {
        return policy.workerNoun();
    }

    /**
     * "Sync (threads) · 2 threads · 1 core"; a compare variant's own label
     * comes first: "4 threads — Sync (threads) · 4 threads · 1 core".
     */
    public static String title(Trace t) {
        Server server = t.scenario().server();
        String workers = server.policy().workers(server.workers());
        if (server.policy().waitsHoldWorker() && server.processes() > 1) {
            workers = server.processes() + " processes × " + workers;
        }
        if (server.gil()) {
            workers += " · GIL";
        }
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
                for (TaskIds.Named task : tasksOf(t)) {
                    widest = Math.max(widest, measure.textWidth(task.name(), labelStyle));
                }
                if (t.requests().isEmpty()) {
                    continue;
                }
                double id = measure.textWidth("R" + t.requests().size(), labelStyle);
                double type = 0;
                if (labelEvery() == 1) {
                    for (var rt : t.scenario().requestTypes()) {
                        type = Math.max(type, measure.textWidth(rt.name(), labelDetailStyle));
                    }
                    type += measure.textWidth(" ", labelDetailStyle);
                }
                widest = Math.max(widest, id + type);
            } else {
                Server server = t.scenario().server();
                widest = Math.max(widest, measure.textWidth(workerName(server.policy(), server.workerCount() - 1), labelStyle));
                if (groupsByProcess(server)) {
                    widest = Math.max(widest, measure.textWidth(processName(server.processCount() - 1), labelStyle));
                }
                widest = Math.max(widest, measure.textWidth("Core " + server.cores(), labelStyle));
                List<Integer> pool = t.usedPoolThreads();
                if (!pool.isEmpty()) {
                    widest = Math.max(widest, measure.textWidth(poolThreadName(server, pool.get(pool.size() - 1)), labelStyle));
                }
            }
        }
        return widest;
    }

    // ----------------------------------------------------------------- legend

    private List<Entry> legendEntries() {
        if (traces.isEmpty()) {
            return List.of();
        }
        Set<SpanState> states = EnumSet.noneOf(SpanState.class);
        Optional<Policy> freeWait = Optional.empty();
        Optional<Policy> heldWait = Optional.empty();
        boolean rejected = false;
        boolean completed = false;
        boolean wasted = false;
        boolean requests = false;
        for (Trace t : traces) {
            requests |= !t.requests().isEmpty();
            Policy policy = t.scenario().server().policy();
            List<Span> shown = new ArrayList<>();
            if (mode == ViewMode.REQUESTS) {
                shown = t.spans();
                for (RequestRecord r : t.requests()) {
                    rejected |= r.rejected();
                    completed |= !r.rejected();
                }
            } else {
                for (int w = 0; w < t.scenario().server().workerCount(); w++) {
                    shown.addAll(workerLane(t, w));
                }
                for (int p : t.usedPoolThreads()) {
                    shown.addAll(t.poolLane(p));
                }
                if (t.scenario().server().cores() > 0 && !t.coreLane(0).isEmpty()) {
                    states.add(SpanState.COMPUTE);
                }
            }
            for (Span sp : shown) {
                wasted |= sp.wasted();
                if (sp.state() == SpanState.WAIT) {
                    if (Palette.isHeldWait(sp)) {
                        heldWait = heldWait.or(() -> Optional.of(policy));
                    } else {
                        freeWait = freeWait.or(() -> Optional.of(policy));
                    }
                } else {
                    states.add(sp.state());
                }
            }
        }
        List<Entry> entries = new ArrayList<>();
        for (SpanState st : SpanState.values()) {
            if (st == SpanState.WAIT) {
                addWaits(entries, freeWait, heldWait);
            } else if (states.contains(st)) {
                entries.add(new Entry(LegendKind.STATE, Optional.of(st), st.displayName()));
            }
        }
        if (wasted) {
            entries.add(new Entry(LegendKind.WASTED, Optional.empty(), "Wasted: client gone"));
        }
        if (mode == ViewMode.WORKERS) {
            entries.add(new Entry(LegendKind.IDLE, Optional.empty(), "Idle"));
        } else if (requests) { // a program of tasks alone has no arrivals nor responses to mark
            entries.add(new Entry(LegendKind.ARRIVAL, Optional.empty(), "Arrives"));
            entries.add(new Entry(LegendKind.RESPONSE, Optional.empty(), "Response"));
            if (completed) {
                entries.add(new Entry(LegendKind.GHOST, Optional.empty(), "Time alone"));
            }
            if (rejected) {
                entries.add(new Entry(LegendKind.REJECTED, Optional.empty(), "Rejected"));
            }
        }
        return entries;
    }

    /** The free wait ("Wait, frees its loop") then the held one ("Wait, holds its thread"), those that occur. */
    private static void addWaits(List<Entry> entries, Optional<Policy> free, Optional<Policy> held) {
        free.ifPresent(p -> entries.add(new Entry(LegendKind.STATE, Optional.of(SpanState.WAIT), "Wait, frees " + workerNoun(p))));
        held.ifPresent(p -> entries.add(new Entry(LegendKind.HELD_WAIT, Optional.of(SpanState.WAIT), "Wait, holds " + workerNoun(p))));
    }

    /** 1, or less (down to {@value #MIN_LEGEND_SCALE}) so that the legend fits on one line. */
    private double legendScale(List<Entry> entries, TextMeasure measure) {
        double available = width - 2 * pad();
        double needed = legendWidth(entries, measure, 1);
        if (needed <= available) {
            return 1;
        }
        double k = Math.max(MIN_LEGEND_SCALE, available / needed);
        while (k > MIN_LEGEND_SCALE && legendWidth(entries, measure, k) > available) {
            k -= 0.01;
        }
        return Math.max(MIN_LEGEND_SCALE, k);
    }

    private double legendWidth(List<Entry> entries, TextMeasure measure, double k) {
        TextStyle style = TextStyle.regular(13 * s * k);
        double w = 0;
        for (Entry e : entries) {
            w += 20 * s * k + 5 * s * k + measure.textWidth(e.label(), style) + 15 * s * k;
        }
        return Math.max(0, w - 15 * s * k);
    }

    private List<LegendItem> placeLegend(List<Entry> entries, TextMeasure measure) {
        List<LegendItem> placed = new ArrayList<>();
        double x = pad();
        double y = legendTop() + legendRowHeight() / 2;
        for (Entry e : entries) {
            double w = legendSwatchWidth() + legendTextGap() + measure.textWidth(e.label(), legendStyle);
            if (x > pad() && x + w > width - pad()) {
                x = pad();
                y += legendRowHeight();
            }
            placed.add(new LegendItem(e.kind(), e.state(), e.label(), x, y));
            x += w + legendGap();
        }
        return Collections.unmodifiableList(placed);
    }

    /** The gap between a legend swatch and its text. */
    double legendTextGap() {
        return 5 * s * legendScale;
    }

    // ---------------------------------------------------------------- hit test

    /**
     * What is under canvas point (x, y): the span drawn there (only the part
     * before the playhead counts), or a rejected request's marker. Tiny spans
     * are found within a few pixels. {@code scrolls} holds each section's
     * scroll offset (missing = 0).
     */
    public Optional<Hit> hitAt(double x, double y, TimeScale scale, double[] scrolls, double playheadMs) {
        if (x < plotLeft() || x > plotRight()) {
            return Optional.empty();
        }
        Optional<Row> maybeRow = rowAt(y, scrolls);
        if (maybeRow.isEmpty()) {
            return Optional.empty();
        }
        Row row = maybeRow.get();
        Trace trace = sections.get(row.section()).trace();
        double ms = scale.toMs(x - plotLeft());
        double tolerance = 3 * scale.msPerPx();
        Optional<RequestRecord> request = requestOf(row);
        if (request.isPresent() && request.get().rejected()) {
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
        // A request with a gather: its branches' sub-bars overlap in time, so the one under y wins.
        int branches = row.kind() == RowKind.REQUEST ? TimelinePainter.branchCount(spans) : 0;
        int subBar = -1;
        if (branches > 0) {
            double scroll = row.section() < scrolls.length ? scrolls[row.section()] : 0;
            double top = Math.round(rowY(row, scroll) + (rowHeight - barHeight()) / 2);
            subBar = (int) Math.max(0, Math.min(branches - 1, Math.floor((y - top) / (barHeight() / branches))));
        }
        int i = branches > 0 ? 0 : SpanSearch.firstEndingAfter(spans, ms - tolerance);
        Span best = null;
        double bestDistance = Double.POSITIVE_INFINITY;
        boolean bestElsewhere = true;
        for (; i < spans.size() && spans.get(i).startMs() <= ms + tolerance; i++) {
            Span sp = spans.get(i);
            if (sp.startMs() > playheadMs) {
                break;
            }
            double d = ms < sp.startMs() ? sp.startMs() - ms : ms > sp.endMs() ? ms - sp.endMs() : 0;
            boolean elsewhere = sp.branchIndex() >= 0 && sp.branchIndex() != subBar; // another branch's sub-bar
            if (best == null || (elsewhere == bestElsewhere ? d < bestDistance : !elsewhere && d <= tolerance)) {
                best = sp;
                bestDistance = d;
                bestElsewhere = elsewhere;
            }
        }
        if (best == null || bestDistance > tolerance) {
            return Optional.empty();
        }
        int owner = best.requestId();
        Optional<RequestRecord> r = owner >= 1 && owner <= trace.requests().size() ? Optional.of(trace.request(owner)) : Optional.empty();
        return Optional.of(new Hit(row.section(), row, owner, r, Optional.of(best)));
    }
}
