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
 * The timeline control: draws one or two traces (compare mode, stacked on a
 * shared time axis) on a Canvas through the shared {@link TimelinePainter}.
 *
 * <p>The wheel zooms around the pointer (shift + wheel scrolls rows, a
 * sideways swipe pans), dragging pans time and rows, and resting the pointer
 * on a bar shows what it is. Keys: left and right pan, up and down scroll,
 * + and − zoom, 0 or Home fits. While the view is fitted it stays fitted when
 * traces change or the window is resized; once zoomed it keeps its range.
 */
public final class TimelineView extends Region {
    private static final double WHEEL_NOTCH = 40;
    private static final double ZOOM_PER_NOTCH = 1.25;

    private final Canvas canvas = new Canvas();
    private final ScrollBar scrollBar = new ScrollBar();
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
    private double dragX;
    private double dragY;
    private TimeScale dragScale;
    private double dragScroll;
    private boolean dragging;

    public TimelineView() {
        getStyleClass().add("timeline-view");
        setFocusTraversable(true);
        scrollBar.setOrientation(Orientation.VERTICAL);
        scrollBar.setVisible(false);
        tooltip.getStyleClass().add("timeline-tooltip");
        tooltip.setManaged(false);
        tooltip.setMouseTransparent(true);
        tooltip.setVisible(false);
        getChildren().addAll(canvas, scrollBar, tooltip);

        traces.addListener((obs, old, now) -> {
            clearHover();
            relayout();
            if (fitted) {
                fit();
            } else {
                setScale(timeScale.get());
            }
        });
        mode.addListener((obs, old, now) -> {
            scrollBar.setValue(0);
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
        scrollBar.valueProperty().addListener((obs, old, now) -> repaint());

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
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> setHover(e.getX(), e.getY()));
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> clearHover());
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        relayout();
    }

    @Override
    public String getUserAgentStylesheet() {
        return Objects.requireNonNull(TimelineView.class.getResource("timeline.css"), "timeline.css").toExternalForm();
    }

    // ------------------------------------------------------------- properties

    /** The traces drawn, one or two (compare), each labelled with its policy; null counts as none. */
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

    /** Zooms and pans so that the whole run is visible, and scrolls to the top. */
    public void fit() {
        fitted = true;
        scrollBar.setValue(0);
        timeScale.set(fittedScale());
        repaint();
    }

    /** Whether the view shows the whole run (it has not been zoomed or panned since). */
    public boolean isFitted() {
        return fitted;
    }

    /** Zooms by {@code factor} (above 1 zooms in) keeping the time under canvas x {@code canvasX} in place. */
    public void zoom(double factor, double canvasX) {
        if (!(factor > 0) || Double.isInfinite(factor) || factor == 1) {
            return;
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

    /** Scrolls the rows so that content y {@code y} is at the top of the body. */
    public void scrollTo(double y) {
        scrollBar.setValue(layout.clampScroll(y));
    }

    /** How far the rows are scrolled down, in pixels. */
    public double scrollY() {
        return layout.clampScroll(scrollBar.getValue());
    }

    /** Paints again now; property changes do this by themselves. */
    public void repaint() {
        if (layout == null) {
            return;
        }
        painter.paint(surface, layout, timeScale.get(), playheadMs.get(), scrollY(), hover.get().flatMap(Hit::span));
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

    /** The canvas y of the middle of a core's lane (workers view). */
    public OptionalDouble coreLaneCenterY(int traceIndex, int core) {
        return centre(layout.coreRow(traceIndex, core));
    }

    private OptionalDouble centre(Optional<Row> row) {
        return row.map(r -> OptionalDouble.of(layout.toCanvasY(r.top(), scrollY()) + layout.rowHeight() / 2))
                .orElse(OptionalDouble.empty());
    }

    /** The span drawn at canvas point (x, y), if any. */
    public Optional<Span> spanAt(double x, double y) {
        return hitAt(x, y).flatMap(Hit::span);
    }

    /** What is drawn at canvas point (x, y): a span or a rejection marker. */
    public Optional<Hit> hitAt(double x, double y) {
        return layout.hitAt(x, y, timeScale.get(), scrollY(), playheadMs.get());
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
        double bar = scrollBar.isVisible() ? scrollBar.prefWidth(-1) : 0;
        if (canvas.getWidth() != w - bar || canvas.getHeight() != h) {
            canvas.setWidth(Math.max(0, w - bar));
            canvas.setHeight(Math.max(0, h));
            relayout();
            double plotWidth = layout.plotWidth();
            setScale(fitted ? fittedScale() : timeScale.get().withWidth(plotWidth));
            bar = scrollBar.isVisible() ? scrollBar.prefWidth(-1) : 0;
            if (canvas.getWidth() != w - bar) {
                canvas.setWidth(Math.max(0, w - bar));
                relayout();
                setScale(fitted ? fittedScale() : timeScale.get().withWidth(layout.plotWidth()));
            }
        }
        canvas.relocate(0, 0);
        scrollBar.resizeRelocate(w - bar, layout.headerHeight(), bar, Math.max(0, h - layout.headerHeight()));
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
                Math.max(0.5, Math.min(4, textScale.get())), surface);
        double max = layout.maxScrollY();
        boolean overflow = max > 0.5;
        scrollBar.setMax(max);
        scrollBar.setVisibleAmount(max * layout.viewportHeight() / Math.max(1, layout.contentHeight()));
        scrollBar.setUnitIncrement(layout.rowHeight());
        scrollBar.setBlockIncrement(Math.max(layout.rowHeight(), layout.viewportHeight() * 0.9));
        if (scrollBar.getValue() > max) {
            scrollBar.setValue(max);
        }
        if (scrollBar.isVisible() != overflow) {
            scrollBar.setVisible(overflow);
            requestLayout();
        }
        fitScale = computeFitScale();
        tooltip.setStyle("-fx-font-size: " + Math.round(14 * layout.textScale()) + "px;");
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
                    if (!r.completed()) {
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
        if (e.isShiftDown()) {
            double d = e.getDeltaY() != 0 ? e.getDeltaY() : e.getDeltaX();
            scrollTo(scrollY() - d);
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
        dragScroll = scrollY();
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
        scrollTo(dragScroll - (e.getY() - dragY));
    }

    private void onKey(KeyEvent e) {
        double step = layout.plotWidth() * 0.1;
        switch (e.getCode()) {
            case LEFT -> pan(step);
            case RIGHT -> pan(-step);
            case UP -> scrollTo(scrollY() - layout.rowHeight());
            case DOWN -> scrollTo(scrollY() + layout.rowHeight());
            case PAGE_UP -> scrollTo(scrollY() - layout.viewportHeight() * 0.9);
            case PAGE_DOWN -> scrollTo(scrollY() + layout.viewportHeight() * 0.9);
            case PLUS, ADD, EQUALS -> zoomIn();
            case MINUS, SUBTRACT -> zoomOut();
            case DIGIT0, NUMPAD0, HOME -> fit();
            default -> {
                return;
            }
        }
        e.consume();
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
