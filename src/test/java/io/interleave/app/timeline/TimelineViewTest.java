package io.interleave.app.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.interleave.render.Fixtures;
import io.interleave.render.Palette;
import io.interleave.render.Rgb;
import io.interleave.render.TimeScale;
import io.interleave.render.ViewMode;
import io.interleave.scenario.Policy;
import io.interleave.trace.Span;
import io.interleave.trace.SpanState;
import io.interleave.trace.Trace;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Point2D;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.ScrollEvent;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class TimelineViewTest {
    private static final Palette P = Palette.LIGHT;

    private final Trace sync = Fixtures.threeRequests(Policy.SYNC);
    private final Trace loop = Fixtures.threeRequests(Policy.EVENT_LOOP);
    private TimelineView view;

    @Start
    void start(Stage stage) {
        view = new TimelineView();
        view.tracesProperty().set(List.of(sync));
        stage.setScene(new Scene(view, 1000, 520));
        stage.show();
    }

    private void fx(Runnable action) {
        new FxRobot().interact(action);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Color pixel(double x, double y) {
        AtomicReference<Color> colour = new AtomicReference<>();
        fx(() -> {
            WritableImage image = view.canvas().snapshot(null, null);
            PixelReader reader = image.getPixelReader();
            colour.set(reader.getColor((int) Math.round(x), (int) Math.round(y)));
        });
        return colour.get();
    }

    private static void assertColour(Color actual, Rgb expected) {
        assertThat(actual.getRed() * 255).as("red of %s", actual).isCloseTo(expected.red(), within(3.0));
        assertThat(actual.getGreen() * 255).as("green of %s", actual).isCloseTo(expected.green(), within(3.0));
        assertThat(actual.getBlue() * 255).as("blue of %s", actual).isCloseTo(expected.blue(), within(3.0));
    }

    /** A sync thread's wait holds the thread: its stripes show either colour of the held wait. */
    private static void assertHeldWait(Color actual) {
        Rgb base = P.heldWait().color();
        Rgb ink = P.heldWait().ink();
        double dBase = Math.abs(actual.getRed() * 255 - base.red()) + Math.abs(actual.getGreen() * 255 - base.green())
                + Math.abs(actual.getBlue() * 255 - base.blue());
        assertColour(actual, dBase < 12 ? base : ink);
    }

    private double r(int id) {
        return view.rowCenterY(0, id).orElseThrow();
    }

    @Test
    @DisplayName("shows R1's compute (0–10 ms) in the compute colour and its wait in the wait colour")
    void drawsTheLesson() {
        assertThat(view.isFitted()).isTrue();
        assertColour(pixel(view.xOf(5), r(1)), P.fill(SpanState.COMPUTE).color());
        assertHeldWait(pixel(view.xOf(50), r(1)));
        assertColour(pixel(view.xOf(95), r(1)), P.fill(SpanState.COMPUTE).color());
        // R1 is done at 100 ms: its row is empty after that.
        assertColour(pixel(view.xOf(130), r(1)), P.background());
        // The whole run is in view.
        assertThat(view.xOf(0)).isGreaterThanOrEqualTo(view.timelineLayout().plotLeft());
        assertThat(view.xOf(236)).isLessThan(view.timelineLayout().plotRight());
    }

    @Test
    @DisplayName("bars grow with the playhead: nothing is drawn after it")
    void playhead() {
        fx(() -> view.playheadMsProperty().set(50));
        assertHeldWait(pixel(view.xOf(45), r(1)));
        assertColour(pixel(view.xOf(70), r(1)), P.background());
        fx(() -> view.playheadMsProperty().set(Double.POSITIVE_INFINITY));
        assertHeldWait(pixel(view.xOf(70), r(1)));
    }

    @Test
    @DisplayName("compare: the event loop's R3 computes at 70 ms on the same axis, below the sync section")
    void compare() {
        fx(() -> view.tracesProperty().set(List.of(sync, loop)));
        double syncR3 = view.rowCenterY(0, 3).orElseThrow();
        double loopR3 = view.rowCenterY(1, 3).orElseThrow();
        assertThat(loopR3).isGreaterThan(syncR3);
        assertColour(pixel(view.xOf(72), loopR3), P.fill(SpanState.COMPUTE).color());
        assertColour(pixel(view.xOf(90), loopR3), P.fill(SpanState.WAIT).color());
        // Under sync R3 is still queued at 72 ms: not the compute colour.
        Color queued = pixel(view.xOf(72), syncR3);
        assertThat(Math.abs(queued.getBlue() * 255 - P.fill(SpanState.COMPUTE).color().blue())
                + Math.abs(queued.getRed() * 255 - P.fill(SpanState.COMPUTE).color().red())).isGreaterThan(40);
    }

    @Test
    @DisplayName("workers view: the loop lane is busy while R1 computes and idle while it waits")
    void workers() {
        fx(() -> {
            view.tracesProperty().set(List.of(loop));
            view.modeProperty().set(ViewMode.WORKERS);
        });
        double lane = view.workerLaneCenterY(0, 0).orElseThrow();
        assertThat(view.rowCenterY(0, 1)).isEmpty();
        assertColour(pixel(view.xOf(5), lane), P.fill(SpanState.COMPUTE).color());
        assertColour(pixel(view.xOf(25), lane), P.laneBackground());
        double core = view.coreLaneCenterY(0, 0).orElseThrow();
        assertColour(pixel(view.xOf(45), core), P.fill(SpanState.COMPUTE).color());
    }

    /**
     * A wheel turn as the desktop toolkits deliver it: 40 pixels a notch,
     * positive when turned away from the user. (Monocle's headless robot sends
     * ±1 with the opposite sign, so the event is built here.)
     */
    private void wheel(double x, double y, double notches) {
        fx(() -> Event.fireEvent(view.canvas(), new ScrollEvent(ScrollEvent.SCROLL, x, y, x, y,
                false, false, false, false, false, false, 0, 40 * notches, 0, 0,
                ScrollEvent.HorizontalTextScrollUnits.NONE, 0, ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null)));
    }

    @Test
    @DisplayName("the wheel zooms around the pointer, and fit brings the whole run back")
    void wheelZoom() {
        TimeScale before = view.timeScale();
        double x = view.xOf(90);
        double y = r(1);
        double msUnderPointer = view.msAt(x);
        wheel(x, y, 2);
        TimeScale zoomed = view.timeScale();
        assertThat(zoomed.spanMs()).isLessThan(before.spanMs() * 0.8);
        assertThat(view.msAt(x)).isCloseTo(msUnderPointer, within(zoomed.msPerPx() * 2));
        assertThat(view.isFitted()).isFalse();
        wheel(x, y, -1);
        assertThat(view.timeScale().spanMs()).isGreaterThan(zoomed.spanMs() * 1.1);
        assertThat(view.msAt(x)).isCloseTo(msUnderPointer, within(zoomed.msPerPx() * 2));

        fx(view::fit);
        assertThat(view.timeScale().startMs()).isCloseTo(before.startMs(), within(1e-9));
        assertThat(view.timeScale().endMs()).isCloseTo(before.endMs(), within(1e-9));
        assertThat(view.isFitted()).isTrue();
    }

    @Test
    @DisplayName("zooming out stops at the whole run; dragging pans the zoomed view")
    void dragPans(FxRobot robot) {
        TimeScale fitted = view.timeScale();
        fx(() -> view.zoom(0.2, view.xOf(100)));
        assertThat(view.timeScale().spanMs()).isCloseTo(fitted.spanMs(), within(1e-9));
        fx(() -> view.zoom(4, view.xOf(200)));
        TimeScale zoomed = view.timeScale();
        double y = r(2);
        Point2D from = view.canvas().localToScreen(view.xOf(200), y);
        robot.drag(from, MouseButton.PRIMARY).moveBy(150, 0).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.timeScale().spanMs()).isCloseTo(zoomed.spanMs(), within(1e-9));
        assertThat(view.timeScale().startMs()).isCloseTo(zoomed.startMs() - 150 * zoomed.msPerPx(), within(zoomed.msPerPx() * 3));
    }

    @Test
    @DisplayName("resting the pointer on R1's wait describes it and outlines it")
    void hover(FxRobot robot) {
        Optional<Span> span = view.spanAt(view.xOf(50), r(1));
        assertThat(span).map(Span::state).contains(SpanState.WAIT);
        robot.moveTo(view.canvas().localToScreen(view.xOf(50), r(1)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.tooltipText()).hasValueSatisfying(t -> assertThat(t)
                .startsWith("R1 report · Wait").contains("db query").contains("10 ms → 90 ms, 80 ms").contains("Thread 1"));
        assertThat(view.hoveredProperty().get()).isPresent();
        robot.moveTo(view.canvas().localToScreen(view.xOf(150), r(1)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.tooltipText()).isEmpty();
    }

    @Test
    @DisplayName("thousands of requests scroll vertically; the scroll moves rows up")
    void scrolls() {
        Trace many = Fixtures.many(Policy.SYNC, 1500, 120, 4, OptionalInt.empty());
        fx(() -> view.tracesProperty().set(List.of(many)));
        // Fitted first: every row shows, thinner than a pixel.
        assertThat(view.areRowsFitted()).isTrue();
        assertThat(view.timelineLayout().scrolls()).isFalse();
        // Scrolling asks for readable rows, which then scroll.
        fx(() -> view.scrollTo(1));
        assertThat(view.timelineLayout().maxScroll(0)).isPositive();
        fx(() -> view.scrollTo(0));
        double before = view.rowCenterY(0, 500).orElseThrow();
        fx(() -> view.scrollTo(400));
        assertThat(view.scrollY()).isEqualTo(400);
        assertThat(view.rowCenterY(0, 500).orElseThrow()).isCloseTo(before - 400, within(1e-9));
        fx(() -> view.scrollTo(1e9));
        assertThat(view.scrollY()).isEqualTo(view.timelineLayout().maxScroll(0));
    }

    @Test
    @DisplayName("when fitted, new traces are fitted too; once zoomed, the range is kept")
    void refitsOnlyWhenFitted() {
        fx(() -> view.tracesProperty().set(List.of(loop)));
        assertThat(view.xOf(140)).isLessThan(view.timelineLayout().plotRight());
        assertThat(view.timeScale().endMs()).isLessThan(200);
        fx(() -> view.zoom(2, view.xOf(50)));
        TimeScale zoomed = view.timeScale();
        fx(() -> view.tracesProperty().set(List.of(sync)));
        assertThat(view.timeScale().startMs()).isCloseTo(zoomed.startMs(), within(1e-9));
        assertThat(view.timeScale().spanMs()).isCloseTo(zoomed.spanMs(), within(1e-9));
    }

    @Test
    @DisplayName("keys pan, zoom and fit; Space is left for the window's play button")
    void keyboard(FxRobot robot) {
        TimeScale fitted = view.timeScale();
        robot.clickOn(view.canvas());
        robot.type(KeyCode.EQUALS);
        TimeScale zoomed = view.timeScale();
        assertThat(zoomed.spanMs()).isLessThan(fitted.spanMs());
        robot.type(KeyCode.RIGHT);
        assertThat(view.timeScale().startMs()).isGreaterThan(zoomed.startMs());
        robot.type(KeyCode.DIGIT0);
        assertThat(view.timeScale().startMs()).isCloseTo(fitted.startMs(), within(1e-9));
        assertThat(view.isFitted()).isTrue();
        AtomicReference<Boolean> consumed = new AtomicReference<>(true);
        fx(() -> {
            KeyEvent space = new KeyEvent(KeyEvent.KEY_PRESSED, " ", " ", KeyCode.SPACE, false, false, false, false);
            view.getScene().addEventHandler(KeyEvent.KEY_PRESSED, e -> consumed.set(e.isConsumed()));
            Event.fireEvent(view, space);
        });
        assertThat(consumed.get()).isFalse();
    }

    @Test
    @DisplayName("a null binding value shows an empty timeline instead of failing")
    void nullTolerant() {
        fx(() -> {
            view.tracesProperty().set(null);
            view.modeProperty().set(null);
        });
        assertThat(view.timelineLayout().sections()).isEmpty();
        assertColour(pixel(400, 300), P.background());
        fx(() -> view.tracesProperty().set(List.of(sync)));
        assertColour(pixel(view.xOf(5), r(1)), P.fill(SpanState.COMPUTE).color());
    }
}
