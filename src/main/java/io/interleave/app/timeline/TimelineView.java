package io.interleave.app.timeline;

import io.interleave.render.HoverText;
import io.interleave.render.Palette;
import io.interleave.render.TimeScale;
import io.interleave.render.TimelineLayout;
import io.interleave.render.TimelineLayout.Hit;
import io.interleave.render.TimelineLayout.Row;
import io.interleave.render.TimelinePainter;
import io.interleave.render.ViewMode;
import io.interleave.trace.RequestRecord;
import io.interleave.trace.Span;
import io.interleave.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Orientation;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;
import javafx.scene.layout.Region;

/**
 * The timeline control: draws one trace, or 2 to 4 (compare, stacked on a
 * shared time axis), on a Canvas through the shared {@link TimelinePainter}.
 *
 * <p>The wheel zooms around the pointer (shift + wheel scrolls the rows of
 * the section under the pointer, a sideways swipe pans), dragging pans time
 * and rows, and resting the pointer on a bar shows what it is. Keys: left
 * and right pan, up and down scroll, + and − zoom, 0 or Home fits.
 *
 * <p>Fit shows the whole run and every row (rows shrink, several requests
 * to a pixel row if need be). Zooming in, or scrolling rows, brings rows
 * back to a readable height around the pointer; each section then scrolls on
 * its own under its pinned title.
 *
 * <p>New traces keep the view: an edit (a slider, a re-roll) leaves the zoom,
 * pan and scroll as they were, moved only as far as needed to stay within
 * the new run; a fitted view stays fitted. Only {@link #newDocument()} (a
 * lesson or scenario newly loaded) and {@link #fit()} refit.
 */
public final class TimelineView extends Region {
    private static final double WHEEL_NOTCH = 40;
    private static final double ZOOM_PER_NOTCH = 1.25;

    private final Canvas canvas = new Canvas();
    /** One per section, beside its rows; shown only while that section's rows scroll. */
    private final List<ScrollBar> scrollBars = new ArrayList<>();
    private final Label tooltip = new Label();
    private final CanvasSurface surface = new CanvasSurface(canvas.getGraphicsContext2D());

    private final ObjectProperty<List<Trace>> traces = new SimpleObjectProperty<>(this, "traces", List.of());
    private final ObjectProperty<ViewMode> mode = new SimpleObjectProperty<>(this, "mode", ViewMode.REQUESTS);
    private final DoubleProperty playheadMs = new SimpleDoubleProperty(this, "playheadMs", Double.POSITIVE_INFINITY);
    private final ObjectProperty<Palette> palette = new SimpleObjectProperty<>(this, "palette", Palette.LIGHT);
    private final DoubleProperty textScale = new SimpleDoubleProperty(this, "textScale", 1);
    private final BooleanProperty followPlayhead = new SimpleBooleanProperty(this, "followPlayhead", true);
    private final ReadOnlyObjectWrapper<TimeScale> timeScale =
            new ReadOnlyObjectWrapper<>(this, "timeScale", TimeScale.of(0, 100, 1));
    private final ReadOnlyObjectWrapper<Optional<Hit>> hover =
            new ReadOnlyObjectWrapper<>(this, "hover", Optional.empty());

    private TimelinePainter painter = new TimelinePainter(Palette.LIGHT);
    private TimelineLayout layout;
    /** The scale that shows everything, for the current layout and traces: fit() goes here, zooming out stops here. */
    private TimeScale fitScale = TimeScale.of(0, 100, 1);
    private boolean fitted = true;
    /** Whether rows shrink to show every row (Fit) rather than scroll at a readable height. */
    private boolean rowsFitted = true;
    /** The section the keyboard's up and down scroll: the one last under the pointer. */
    private int activeSection;
    private double dragX;
    private double dragY;
    private TimeScale dragScale;
    private double dragScroll;
    private int dragSection;
    private boolean dragging;
    private double lastPointerY = Double.NaN;

    public TimelineView() {
        getStyleClass().add("timeline-view");
        setFocusTraversable(true);
        tooltip.getStyleClass().add("timeline-tooltip");
        tooltip.setManaged(false);
        tooltip.setMouseTransparent(true);
        tooltip.setVisible(false);
        getChildren().addAll(canvas, tooltip);

        traces.addListener((obs, old, now) -> {
            clearHover();
            relayout();
            if (fitted) {
                timeScale.set(fittedScale());
                repaint();
            } else {
                setScale(timeScale.get());
            }
        });
        mode.addListener((obs, old, now) -> {
            resetScrolls();
            relayout();
            if (fitted) {
                fit();
            } else {
                repaint();
            }
        });
        textScale.addListener((obs, old, now) -> {
            relayout();
            if (fitted) {
                fit();
            } else {
                setScale(timeScale.get().withWidth(layout.plotWidth()));
            }
        });
        palette.addListener((obs, old, now) -> {
            painter = new TimelinePainter(now == null ? Palette.LIGHT : now);
            repaint();
        });
        playheadMs.addListener((obs, old, now) -> {
            followPlayhead(now.doubleValue());
            repaint();
        });

        addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        addEventHandler(ZoomEvent.ZOOM, e -> {
            zoom(e.getZoomFactor(), e.getX());
            e.consume();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            dragging = false;
            canvas.setCursor(Cursor.DEFAULT);
        });
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            lastPointerY = e.getY();
            layout.sectionAt(e.getY()).ifPresent(i -> activeSection = i);
            setHover(e.getX(), e.getY());
        });
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> clearHover());
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        relayout();
    }

    @Override
    public String getUserAgentStylesheet() {
        return Objects.requireNonNull(TimelineView.class.getResource("timeline.css"), "timeline.css").toExternalForm();
    }

    // ------------------------------------------------------------- properties

    /**
     * The traces drawn: one, or 2 to 4 compare variants, each titled with its
     * label; null counts as none. A change keeps the zoom, pan and scroll
     * (an edit); call {@link #newDocument()} when a lesson or scenario is
     * newly loaded.
     */
    public ObjectProperty<List<Trace>> tracesProperty() {
        return traces;
    }

    /** Requests or workers; null counts as requests. */
    public ObjectProperty<ViewMode> modeProperty() {
        return mode;
    }

    /** The "now" line; spans are drawn only up to it. Infinity shows the whole run. */
    public DoubleProperty playheadMsProperty() {
        return playheadMs;
    }

    /** Light (default) or dark colours. */
    public ObjectProperty<Palette> paletteProperty() {
        return palette;
    }

    /** 1 normally; larger for projector mode (bigger type, taller bars). Kept within 0.5 .. 4. */
    public DoubleProperty textScaleProperty() {
        return textScale;
    }

    /** When zoomed in, whether the view pages along to keep the playhead in sight. */
    public BooleanProperty followPlayheadProperty() {
        return followPlayhead;
    }

    /** The visible time range; changes on zoom, pan, fit and resize. */
    public ReadOnlyObjectProperty<TimeScale> timeScaleProperty() {
        return timeScale.getReadOnlyProperty();
    }

    /** What the pointer rests on, if anything. */
    public ReadOnlyObjectProperty<Optional<Hit>> hoveredProperty() {
        return hover.getReadOnlyProperty();
    }

    // --------------------------------------------------------------- commands

    /** Zooms and pans so that the whole run is visible, fits every row in (Ctrl+0), and scrolls to the top. */
    public void fit() {
        fitted = true;
        boolean relayout = !rowsFitted;
        rowsFitted = true;
        resetScrolls();
        if (relayout) {
            relayout();
        }
        timeScale.set(fittedScale());
        repaint();
    }

    /**
     * A lesson or scenario was newly loaded: fit the whole run and every row
     * and scroll to the top. Call it for a new document only; edits (new
     * traces of the same scenario) keep the view by themselves. The view
     * stays fitted, so traces that arrive after this call are fitted too.
     */
    public void newDocument() {
        fit();
    }

    /** Whether the view shows the whole run (it has not been zoomed or panned since). */
    public boolean isFitted() {
        return fitted;
    }

    /** Whether every row is shown (Fit), rather than readable rows that scroll. */
    public boolean areRowsFitted() {
        return rowsFitted;
    }

    /** Zooms by {@code factor} (above 1 zooms in) keeping the time under canvas x {@code canvasX} in place. */
    public void zoom(double factor, double canvasX) {
        if (!(factor > 0) || Double.isInfinite(factor) || factor == 1) {
            return;
        }
        if (factor > 1) {
            readableRows(lastPointerY); // may change the layout (and the gutter): measure x after it
        }
        double x = Math.max(0, Math.min(layout.plotWidth(), canvasX - layout.plotLeft()));
        TimeScale zoomed = timeScale.get().zoom(factor, x);
        fitted = false;
        setScale(zoomed);
    }

    /** Zooms in around the middle. */
    public void zoomIn() {
        zoom(ZOOM_PER_NOTCH * ZOOM_PER_NOTCH, layout.plotLeft() + layout.plotWidth() / 2);
    }

    /** Zooms out around the middle. */
    public void zoomOut() {
        zoom(1 / (ZOOM_PER_NOTCH * ZOOM_PER_NOTCH), layout.plotLeft() + layout.plotWidth() / 2);
    }

    /** Moves the content {@code dxPx} pixels right (showing earlier times). */
    public void pan(double dxPx) {
        fitted = false;
        setScale(timeScale.get().pan(dxPx));
    }

    /** Scrolls the first section's rows {@code y} pixels down (see {@link #scrollTo(int, double)}). */
    public void scrollTo(double y) {
        scrollTo(0, y);
    }

    /**
     * Scrolls a section's rows {@code y} pixels down from its first row. If
     * rows are fitted and thinner than readable, they become readable first.
     */
    public void scrollTo(int section, double y) {
        if (section < 0 || section >= layout.sections().size()) {
            return;
        }
        if (y != scrollY(section)) {
            readableRows(Double.NaN);
        }
        scrollBars.get(section).setValue(layout.clampScroll(section, y));
    }

    /** How far the first section's rows are scrolled down, in pixels. */
    public double scrollY() {
        return scrollY(0);
    }

    /** How far a section's rows are scrolled down, in pixels. */
    public double scrollY(int section) {
        return section < scrollBars.size() && section < layout.sections().size()
                ? layout.clampScroll(section, scrollBars.get(section).getValue())
                : 0;
    }

    /** Every section's scroll offset, in section order. */
    public double[] scrolls() {
        double[] out = new double[layout.sections().size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = scrollY(i);
        }
        return out;
    }

    /** Paints again now; property changes do this by themselves. */
    public void repaint() {
        if (layout == null) {
            return;
        }
        painter.paint(surface, layout, timeScale.get(), playheadMs.get(), scrolls(), hover.get().flatMap(Hit::span),
                chosenSection, chosen);
    }

    private int chosenSection = -1;
    private List<Span> chosen = List.of();

    /** Outlines {@code spans} of section {@code section} (the bars of a line of code a click chose); none with an empty list. */
    public void choose(int section, List<Span> spans) {
        chosenSection = spans.isEmpty() ? -1 : section;
        chosen = List.copyOf(spans);
        repaint();
    }

    // ---------------------------------------------------------------- queries

    /** The canvas, for snapshots in tests. */
    public Canvas canvas() {
        return canvas;
    }

    /** The visible time range. */
    public TimeScale timeScale() {
        return timeScale.get();
    }

    /** The current layout (rows, header, plot area), in canvas pixels. */
    public TimelineLayout timelineLayout() {
        return layout;
    }

    /** The canvas x of time {@code ms}. */
    public double xOf(double ms) {
        return layout.plotLeft() + timeScale.get().toX(ms);
    }

    /** The time at canvas x. */
    public double msAt(double canvasX) {
        return timeScale.get().toMs(canvasX - layout.plotLeft());
    }

    /** The canvas y of the middle of request {@code requestId}'s row in trace {@code traceIndex} (requests view); it may be scrolled out of sight. */
    public OptionalDouble rowCenterY(int traceIndex, int requestId) {
        return centre(layout.requestRow(traceIndex, requestId));
    }

    /** The canvas y of the middle of a thread's or loop's lane (workers view). */
    public OptionalDouble workerLaneCenterY(int traceIndex, int worker) {
        return centre(layout.workerRow(traceIndex, worker));
    }

    /** Canvas y of the centre of a pool thread's lane (workers view), if that thread ran an offloaded call and its lane shows. */
    public OptionalDouble poolThreadLaneCenterY(int traceIndex, int poolThread) {
        return centre(layout.poolThreadRow(traceIndex, poolThread));
    }

    /** Canvas y of the centre of a process's header (workers view, lanes grouped by process), if it has one. */
    public OptionalDouble processHeaderCenterY(int traceIndex, int process) {
        return centre(layout.processRow(traceIndex, process));
    }

    /** The canvas y of the middle of a core's lane (workers view). */
    public OptionalDouble coreLaneCenterY(int traceIndex, int core) {
        return centre(layout.coreRow(traceIndex, core));
    }

    private OptionalDouble centre(Optional<Row> row) {
        return row.map(r -> OptionalDouble.of(layout.rowY(r, scrollY(r.section())) + layout.rowHeight() / 2))
                .orElse(OptionalDouble.empty());
    }

    /** The span drawn at canvas point (x, y), if any. */
    public Optional<Span> spanAt(double x, double y) {
        return hitAt(x, y).flatMap(Hit::span);
    }

    /** What is drawn at canvas point (x, y): a span or a rejection marker. */
    public Optional<Hit> hitAt(double x, double y) {
        return layout.hitAt(x, y, timeScale.get(), scrolls(), playheadMs.get());
    }

    /** The text of the hover box, if it is showing. */
    public Optional<String> tooltipText() {
        return tooltip.isVisible() ? Optional.of(tooltip.getText()) : Optional.empty();
    }

    // ----------------------------------------------------------------- layout

    private List<Trace> currentTraces() {
        List<Trace> t = traces.get();
        return t == null ? List.of() : t;
    }

    private ViewMode currentMode() {
        ViewMode m = mode.get();
        return m == null ? ViewMode.REQUESTS : m;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double bar = barWidth();
        if (canvas.getWidth() != w - bar || canvas.getHeight() != h) {
            canvas.setWidth(Math.max(0, w - bar));
            canvas.setHeight(Math.max(0, h));
            relayout();
            setScale(fitted ? fittedScale() : timeScale.get().withWidth(layout.plotWidth()));
            bar = barWidth();
            if (canvas.getWidth() != w - bar) {
                canvas.setWidth(Math.max(0, w - bar));
                relayout();
                setScale(fitted ? fittedScale() : timeScale.get().withWidth(layout.plotWidth()));
            }
        }
        canvas.relocate(0, 0);
        for (int i = 0; i < scrollBars.size(); i++) {
            ScrollBar sb = scrollBars.get(i);
            if (i < layout.sections().size()) {
                TimelineLayout.Section sec = layout.sections().get(i);
                sb.resizeRelocate(w - bar, sec.rowsTop(), bar, Math.max(0, sec.rowsHeight()));
            }
        }
    }

    private double barWidth() {
        for (ScrollBar sb : scrollBars) {
            if (sb.isVisible()) {
                return sb.prefWidth(-1);
            }
        }
        return 0;
    }

    @Override
    protected double computePrefWidth(double height) {
        return 900;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 480;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 200;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 120;
    }

    private void relayout() {
        layout = TimelineLayout.of(currentTraces(), currentMode(), Math.max(1, canvas.getWidth()), Math.max(1, canvas.getHeight()),
                Math.max(0.5, Math.min(4, textScale.get())), surface, rowsFitted);
        int n = layout.sections().size();
        while (scrollBars.size() < n) {
            ScrollBar sb = new ScrollBar();
            sb.setOrientation(Orientation.VERTICAL);
            sb.setVisible(false);
            sb.valueProperty().addListener((obs, old, now) -> repaint());
            scrollBars.add(sb);
            getChildren().add(getChildren().size() - 1, sb); // below the tooltip
        }
        boolean wasShowing = barWidth() > 0;
        for (int i = 0; i < scrollBars.size(); i++) {
            ScrollBar sb = scrollBars.get(i);
            if (i >= n) {
                sb.setVisible(false);
                sb.setValue(0);
                continue;
            }
            double max = layout.maxScroll(i);
            TimelineLayout.Section sec = layout.sections().get(i);
            double content = sec.rowCount() * layout.rowHeight();
            sb.setMax(max);
            sb.setVisibleAmount(max * sec.rowsHeight() / Math.max(1, content));
            sb.setUnitIncrement(Math.max(1, layout.rowHeight()));
            sb.setBlockIncrement(Math.max(layout.rowHeight(), sec.rowsHeight() * 0.9));
            if (sb.getValue() > max) {
                sb.setValue(max);
            }
            sb.setVisible(max > 0.5);
        }
        if (wasShowing != barWidth() > 0) {
            requestLayout();
        } else {
            layoutScrollBars();
        }
        if (activeSection >= n) {
            activeSection = 0;
        }
        fitScale = computeFitScale();
        tooltip.setStyle("-fx-font-size: " + Math.round(14 * layout.textScale()) + "px;");
    }

    private void layoutScrollBars() {
        double bar = barWidth();
        for (int i = 0; i < scrollBars.size() && i < layout.sections().size(); i++) {
            TimelineLayout.Section sec = layout.sections().get(i);
            scrollBars.get(i).resizeRelocate(getWidth() - bar, sec.rowsTop(), bar, Math.max(0, sec.rowsHeight()));
        }
    }

    private void resetScrolls() {
        for (ScrollBar sb : scrollBars) {
            sb.setValue(0);
        }
    }

    /**
     * Leaves fitted rows for readable ones if fitted rows are thinner than
     * readable, keeping the row under canvas y {@code anchorY} (or the first
     * visible row of the active section) where it is.
     */
    private void readableRows(double anchorY) {
        if (!rowsFitted || !layout.rowsThinnerThanReadable()) {
            rowsFitted = false;
            return;
        }
        Optional<Row> anchor = Double.isNaN(anchorY) ? Optional.empty() : layout.rowAt(anchorY, scrolls());
        double y = anchor.map(r -> layout.rowY(r, scrollY(r.section()))).orElse(0.0);
        rowsFitted = false;
        relayout();
        if (anchor.isPresent()) {
            Row r = anchor.get();
            int i = r.section();
            double top = layout.row(i, r.position()).top();
            scrollBars.get(i).setValue(layout.clampScroll(i, top - Math.max(layout.sections().get(i).rowsTop(), y)));
        }
        setScale(timeScale.get());
    }

    /** The range [first arrival or 0, last finish] of every trace. */
    private double[] dataRange() {
        double from = 0;
        double to = 0;
        for (Trace t : currentTraces()) {
            if (!t.requests().isEmpty()) {
                from = Math.min(from, t.requests().get(0).arrivalMs());
            }
            to = Math.max(to, t.endMs());
        }
        if (to <= from) {
            to = from + 100;
        }
        return new double[] {from, to};
    }

    private TimeScale fittedScale() {
        return fitScale;
    }

    private TimeScale computeFitScale() {
        double[] range = dataRange();
        double s = layout.textScale();
        double padRight = 16 * s;
        if (currentMode() == ViewMode.REQUESTS) {
            padRight = 24 * s + surface.textWidth("999 ms", layout.labelStyle());
            for (Trace t : currentTraces()) {
                for (RequestRecord r : t.requests()) {
                    if (r.rejected()) {
                        padRight = Math.max(padRight, 40 * s + surface.textWidth("rejected", layout.labelDetailStyle()));
                        break;
                    }
                }
            }
        }
        return TimeScale.fit(range[0], range[1], layout.plotWidth(), 14 * s, padRight);
    }

    /** Sets the visible range, kept within the whole run (zooming out stops at "everything"). */
    private void setScale(TimeScale scale) {
        TimeScale bounds = fittedScale();
        TimeScale sized = scale.withWidth(layout.plotWidth());
        if (sized.spanMs() >= bounds.spanMs()) {
            fitted = true;
            sized = bounds;
        } else {
            sized = sized.within(bounds.startMs(), bounds.endMs());
        }
        timeScale.set(sized);
        repaint();
    }

    private void followPlayhead(double ms) {
        if (fitted || !followPlayhead.get() || Double.isInfinite(ms) || Double.isNaN(ms) || dragging) {
            return;
        }
        TimeScale scale = timeScale.get();
        if (ms > scale.endMs() || ms < scale.startMs()) {
            double start = ms - scale.spanMs() * 0.1;
            timeScale.set(TimeScale.of(start, start + scale.spanMs(), scale.widthPx())
                    .within(fittedScale().startMs(), fittedScale().endMs()));
        }
    }

    // ----------------------------------------------------------------- events

    private void onScroll(ScrollEvent e) {
        lastPointerY = e.getY();
        if (e.isShiftDown()) {
            double d = e.getDeltaY() != 0 ? e.getDeltaY() : e.getDeltaX();
            readableRows(e.getY());
            int section = layout.sectionAt(e.getY()).orElse(activeSection);
            scrollTo(section, scrollY(section) - d);
        } else if (Math.abs(e.getDeltaX()) > Math.abs(e.getDeltaY())) {
            pan(e.getDeltaX());
        } else if (e.getDeltaY() != 0) {
            zoom(Math.pow(ZOOM_PER_NOTCH, e.getDeltaY() / WHEEL_NOTCH), e.getX());
        }
        e.consume();
    }

    private void onPressed(MouseEvent e) {
        requestFocus();
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        dragX = e.getX();
        dragY = e.getY();
        dragScale = timeScale.get();
        dragSection = layout.sectionAt(e.getY()).orElse(activeSection);
        activeSection = dragSection;
        dragScroll = scrollY(dragSection);
        dragging = true;
    }

    private void onDragged(MouseEvent e) {
        if (!dragging) {
            return;
        }
        canvas.setCursor(Cursor.CLOSED_HAND);
        clearHover();
        double dx = e.getX() - dragX;
        if (dx != 0) {
            fitted = false;
            setScale(dragScale.pan(dx));
        }
        if (layout.maxScroll(dragSection) > 0) {
            scrollTo(dragSection, dragScroll - (e.getY() - dragY));
        }
    }

    private void onKey(KeyEvent e) {
        double step = layout.plotWidth() * 0.1;
        switch (e.getCode()) {
            case LEFT -> pan(step);
            case RIGHT -> pan(-step);
            case UP -> scrollActive(-Math.max(1, layout.rowHeight()));
            case DOWN -> scrollActive(Math.max(1, layout.rowHeight()));
            case PAGE_UP -> scrollActive(-pageOf(activeSection));
            case PAGE_DOWN -> scrollActive(pageOf(activeSection));
            case PLUS, ADD, EQUALS -> zoomIn();
            case MINUS, SUBTRACT -> zoomOut();
            case DIGIT0, NUMPAD0, HOME -> fit();
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void scrollActive(double dy) {
        int section = Math.min(activeSection, Math.max(0, layout.sections().size() - 1));
        readableRows(Double.NaN);
        scrollTo(section, scrollY(section) + dy);
    }

    private double pageOf(int section) {
        return section < layout.sections().size() ? layout.sections().get(section).rowsHeight() * 0.9 : 0;
    }

    private void setHover(double x, double y) {
        Optional<Hit> hit = hitAt(x, y);
        if (hit.equals(hover.get())) {
            if (hit.isPresent()) {
                placeTooltip(x, y);
            }
            return;
        }
        hover.set(hit);
        if (hit.isPresent()) {
            Trace trace = currentTraces().get(hit.get().traceIndex());
            tooltip.setText(HoverText.describe(trace, hit.get()));
            tooltip.setVisible(true);
            tooltip.autosize();
            placeTooltip(x, y);
        } else {
            tooltip.setVisible(false);
        }
        repaint();
    }

    private void clearHover() {
        if (hover.get().isPresent()) {
            hover.set(Optional.empty());
            tooltip.setVisible(false);
            repaint();
        }
    }

    private void placeTooltip(double x, double y) {
        tooltip.autosize();
        double w = tooltip.getWidth();
        double h = tooltip.getHeight();
        double tx = x + 16 + w > getWidth() ? x - 12 - w : x + 16;
        double ty = y + 20 + h > getHeight() ? y - 10 - h : y + 20;
        tooltip.relocate(Math.max(0, tx), Math.max(0, ty));
    }
}
