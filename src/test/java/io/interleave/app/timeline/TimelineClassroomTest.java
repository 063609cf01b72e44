package io.interleave.app.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.interleave.engine.Simulation;
import io.interleave.render.Fixtures;
import io.interleave.render.TimeScale;
import io.interleave.render.TimelineLayout;
import io.interleave.render.TimelineLayout.Row;
import io.interleave.scenario.Policy;
import io.interleave.scenario.Presets;
import io.interleave.scenario.Scenario;
import io.interleave.trace.Span;
import io.interleave.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The timeline as a class sees it on a projector: labels, row heights, sections, zoom across edits. */
@ExtendWith(ApplicationExtension.class)
class TimelineClassroomTest {
    /** Projector mode's text scale (ClassroomViewModel.PROJECTOR_TEXT_SCALE). */
    private static final double PROJECTOR = 1.6;

    private Stage stage;
    private TimelineView view;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new TimelineView(), 400, 300));
        stage.show();
    }

    private void fx(Runnable action) {
        new FxRobot().interact(action);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** A fresh timeline of {@code width} x {@code height} showing {@code traces} at {@code textScale}. */
    private void show(List<Trace> traces, double width, double height, double textScale) {
        fx(() -> {
            view = new TimelineView();
            view.textScaleProperty().set(textScale);
            view.tracesProperty().set(traces);
            stage.setScene(new Scene(view, width, height));
            stage.sizeToScene();
        });
        fx(() -> view.requestLayout());
    }

    private static List<Trace> blockingCall() {
        return Simulation.compare(Presets.load("blocking-call").orElseThrow());
    }

    private WritableImage snapshot() {
        AtomicReference<WritableImage> image = new AtomicReference<>();
        fx(() -> image.set(view.canvas().snapshot(null, null)));
        return image.get();
    }

    private void moveTo(double x, double y) {
        fx(() -> Event.fireEvent(view.canvas(), new MouseEvent(MouseEvent.MOUSE_MOVED, x, y, x, y, MouseButton.NONE, 0,
                false, false, false, false, false, false, false, false, false, false, null)));
    }

    @Test
    @DisplayName("compare, projector type, 10 rows each in a short window: every label drawn sits on the row it names, and hover agrees")
    void labelsOnTheirOwnRows() {
        show(blockingCall(), 1400, 360, PROJECTOR);
        TimelineLayout layout = view.timelineLayout();
        int every = layout.labelEvery();
        assertThat(every).as("rows too short for a label each").isGreaterThan(1);
        WritableImage image = snapshot();
        PixelReader pixels = image.getPixelReader();

        for (int s = 0; s < 2; s++) {
            TimelineLayout.Section section = layout.sections().get(s);
            // Dark text pixels in the label column, grouped into runs of rows: one run per label.
            double x0 = layout.plotLeft() * 0.1;
            double x1 = layout.plotLeft() * 0.45;
            List<double[]> runs = new ArrayList<>();
            double start = -1;
            for (int y = (int) section.rowsTop(); y < section.rowsBottom(); y++) {
                boolean ink = false;
                for (int x = (int) x0; x < x1 && !ink; x++) {
                    Color c = pixels.getColor(x, y);
                    ink = c.getBrightness() < 0.4;
                }
                if (ink && start < 0) {
                    start = y;
                } else if (!ink && start >= 0) {
                    runs.add(new double[] {start, y - 1});
                    start = -1;
                }
            }
            int labelled = (section.rowCount() + every - 1) / every;
            assertThat(runs).as("labels in section %d", s).hasSize(labelled);
            for (int k = 0; k < runs.size(); k++) {
                double centre = (runs.get(k)[0] + runs.get(k)[1]) / 2;
                Row row = layout.row(s, k * every);
                double rowCentre = row.top() + layout.rowHeight() / 2;
                assertThat(centre).as("label %d of section %d is centred on %s's row", k, s, layout.rowLabel(row))
                        .isCloseTo(rowCentre, within(2.5));
                // Hovering that row's bar names the same request.
                Span first = layout.spansOf(row).get(layout.spansOf(row).size() - 1);
                double x = view.xOf((first.startMs() + first.endMs()) / 2);
                moveTo(x, centre);
                assertThat(view.tooltipText()).as("hover at %s", layout.rowLabel(row)).isPresent();
                assertThat(view.tooltipText().get()).startsWith(layout.rowLabel(row) + " ");
            }
        }
    }

    /**
     * The size assumed for the timeline at 1280x800 in projector mode once
     * the controls, lesson text, metrics and narration are folded away: the
     * menu bar, toolbar and playback bar keep about 160 px.
     */
    @Test
    @DisplayName("projector, timeline 1280x640: two variants of 12 requests show every row, bars at least 20 px, each labelled")
    void projectorRowHeights() {
        List<Trace> twelve = List.of(Fixtures.many(Policy.SYNC, 12, 40, 1, OptionalInt.empty()),
                Fixtures.many(Policy.EVENT_LOOP, 12, 40, 1, OptionalInt.empty()));
        show(twelve, 1280, 640, PROJECTOR);
        TimelineLayout layout = view.timelineLayout();
        assertThat(layout.scrolls()).isFalse();
        assertThat(layout.barHeight()).isGreaterThanOrEqualTo(20);
        assertThat(layout.labelEvery()).isEqualTo(1);
        assertThat(layout.sections().get(1).rowsBottom()).isLessThanOrEqualTo(640);
        assertThat(layout.legend()).extracting(TimelineLayout.LegendItem::y).containsOnly(layout.legend().get(0).y());
        assertThat(layout.ticks(view.timeScale())).hasSizeGreaterThanOrEqualTo(5);
        // Every request's row is on screen, in both sections.
        for (int s = 0; s < 2; s++) {
            for (int id = 1; id <= 12; id++) {
                assertThat(view.rowCenterY(s, id).orElseThrow()).isBetween(layout.headerHeight(), 640.0);
            }
        }
    }

    /**
     * Three or four variants of 12 requests at projector scale. Bars of 14 px
     * would need 36 x 15 = 540 px (three) or 48 x 15 = 720 px (four) of rows
     * alone, while 1280x800 leaves the timeline 640 px, of which the legend,
     * the axis and the section titles take about 170: every row still shows
     * at once, each section under its title, as thick as the height allows,
     * and labels keep their size and thin out (every second or third row),
     * each on its own row.
     */
    @ParameterizedTest(name = "{0} variants")
    @ValueSource(ints = {3, 4})
    @DisplayName("projector, timeline 1280x640: three or four variants of 12 requests show every row at once, bars as thick as fits")
    void projectorRowHeightsManyVariants(int variants) {
        List<Trace> all = List.of(Fixtures.many(Policy.SYNC, 12, 40, 1, OptionalInt.empty()),
                Fixtures.many(Policy.SYNC, 12, 40, 2, OptionalInt.empty()),
                Fixtures.many(Policy.SYNC, 12, 40, 4, OptionalInt.empty()),
                Fixtures.many(Policy.EVENT_LOOP, 12, 40, 1, OptionalInt.empty()));
        List<Trace> traces = all.subList(all.size() - variants, all.size());
        show(traces, 1280, 640, PROJECTOR);
        TimelineLayout layout = view.timelineLayout();
        assertThat(layout.scrolls()).isFalse();
        double rowsPx = layout.sections().get(variants - 1).rowsBottom() - layout.sections().get(0).rowsTop()
                - (variants - 1) * (layout.sections().get(1).rowsTop() - layout.sections().get(0).rowsBottom());
        assertThat(layout.rowHeight()).isEqualTo(Math.floor(rowsPx / (12.0 * variants)), within(1.0));
        assertThat(layout.barHeight()).isGreaterThanOrEqualTo(layout.rowHeight() - 1);
        assertThat(layout.barHeight()).isGreaterThanOrEqualTo(variants == 3 ? 12 : 8);
        // Labels keep a size readable from the back (never below 14 px at projector scale): they thin out instead.
        assertThat(layout.labelStyle().size()).isGreaterThanOrEqualTo(14);
        assertThat(layout.labelEvery()).isBetween(1, variants == 3 ? 2 : 3);
        for (int s = 0; s < variants; s++) {
            for (int id = 1; id <= 12; id++) {
                assertThat(view.rowCenterY(s, id).orElseThrow()).isBetween(layout.headerHeight(), view.getHeight());
            }
        }
    }

    @Test
    @DisplayName("zoom and pan survive an edit of the same scenario; a newly loaded document fits again")
    void zoomSurvivesAnEdit() {
        Scenario lesson = Presets.load("blocking-call").orElseThrow();
        show(Simulation.compare(lesson), 1200, 600, 1);
        fx(() -> {
            view.zoom(4, view.xOf(150));
            view.pan(-30);
        });
        TimeScale zoomed = view.timeScale();
        assertThat(view.isFitted()).isFalse();

        // A slider moves: one more core, the same requests, re-simulated.
        Scenario edited = lesson.withServer(lesson.server().withCores(2));
        fx(() -> view.tracesProperty().set(Simulation.compare(edited)));
        assertThat(view.isFitted()).isFalse();
        assertThat(view.timeScale().startMs()).isCloseTo(zoomed.startMs(), within(1e-9));
        assertThat(view.timeScale().endMs()).isCloseTo(zoomed.endMs(), within(1e-9));

        // Another lesson is loaded: the view fits its whole run.
        List<Trace> other = Simulation.compare(Presets.load("three-requests").orElseThrow());
        fx(() -> {
            view.tracesProperty().set(other);
            view.newDocument();
        });
        assertThat(view.isFitted()).isTrue();
        assertThat(view.xOf(0)).isGreaterThanOrEqualTo(view.timelineLayout().plotLeft());
        assertThat(view.xOf(other.get(0).endMs())).isLessThanOrEqualTo(view.timelineLayout().plotRight());
    }

    @Test
    @DisplayName("1,000 requests in compare: each section scrolls on its own under its title; Fit (0) fits every row")
    void sectionsScrollAndFitFitsRows() {
        List<Trace> many = List.of(Fixtures.many(Policy.SYNC, 1000, 120, 4, OptionalInt.empty()),
                Fixtures.many(Policy.EVENT_LOOP, 1000, 120, 2, OptionalInt.empty()));
        show(many, 1200, 700, 1);
        assertThat(view.areRowsFitted()).isTrue();
        assertThat(view.timelineLayout().scrolls()).isFalse();

        // Shift + wheel over the second section: readable rows, and only the second section moves.
        TimelineLayout.Section second = view.timelineLayout().sections().get(1);
        double y = second.rowsTop() + 20;
        double x = view.timelineLayout().plotLeft() + 50;
        fx(() -> Event.fireEvent(view.canvas(), new ScrollEvent(ScrollEvent.SCROLL, x, y, x, y,
                true, false, false, false, false, false, 0, -400, 0, -400,
                ScrollEvent.HorizontalTextScrollUnits.NONE, 0, ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null)));
        assertThat(view.areRowsFitted()).isFalse();
        assertThat(view.timelineLayout().rowHeight()).isGreaterThanOrEqualTo(TimelineLayout.MIN_ROW_HEIGHT);
        assertThat(view.scrollY(1)).isPositive();
        assertThat(view.scrollY(0)).isZero();
        // The second section's title has not moved, and its last row can be reached without touching the first.
        fx(() -> view.scrollTo(1, 1e9));
        assertThat(view.rowCenterY(1, 1000).orElseThrow()).isLessThan(view.timelineLayout().sections().get(1).rowsBottom());
        assertThat(view.rowCenterY(0, 1).orElseThrow()).isGreaterThan(view.timelineLayout().sections().get(0).rowsTop());

        fx(() -> Event.fireEvent(view, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.DIGIT0, false, false, false, false)));
        assertThat(view.areRowsFitted()).isTrue();
        assertThat(view.timelineLayout().scrolls()).isFalse();
        assertThat(view.rowCenterY(1, 1000).orElseThrow()).isLessThan(700);
    }

    @Test
    @DisplayName("the wheel over fitted rows zooms time and brings that spot's rows back readable; an edit keeps both")
    void zoomIntoFittedRows() {
        Trace sync = Fixtures.many(Policy.SYNC, 1000, 120, 4, OptionalInt.empty());
        show(List.of(sync), 1200, 600, 1);
        assertThat(view.areRowsFitted()).isTrue();
        TimelineLayout.Section rows = view.timelineLayout().sections().get(0);
        double y = rows.rowsTop() + rows.rowsHeight() / 2;
        Row under = view.timelineLayout().rowAt(y).orElseThrow();
        double x = view.xOf(sync.request(under.index()).arrivalMs());
        fx(() -> Event.fireEvent(view.canvas(), new MouseEvent(MouseEvent.MOUSE_MOVED, x, y, x, y, MouseButton.NONE, 0,
                false, false, false, false, false, false, false, false, false, false, null)));
        fx(() -> Event.fireEvent(view.canvas(), new ScrollEvent(ScrollEvent.SCROLL, x, y, x, y,
                false, false, false, false, false, false, 0, 120, 0, 120,
                ScrollEvent.HorizontalTextScrollUnits.NONE, 0, ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null)));
        assertThat(view.isFitted()).isFalse();
        assertThat(view.areRowsFitted()).isFalse();
        assertThat(view.timelineLayout().rowHeight()).isGreaterThanOrEqualTo(TimelineLayout.MIN_ROW_HEIGHT);
        // The request that was under the pointer is still there.
        assertThat(view.rowCenterY(0, under.index()).orElseThrow()).isCloseTo(y, within(view.timelineLayout().rowHeight()));
        TimeScale zoomed = view.timeScale();
        double scrolled = view.scrollY(0);

        fx(() -> view.tracesProperty().set(List.of(Fixtures.many(Policy.SYNC, 1000, 120, 5, OptionalInt.empty()))));
        assertThat(view.isFitted()).isFalse();
        assertThat(view.areRowsFitted()).isFalse();
        assertThat(view.timeScale().startMs()).isCloseTo(zoomed.startMs(), within(1e-6));
        assertThat(view.scrollY(0)).isEqualTo(scrolled);
    }
}
