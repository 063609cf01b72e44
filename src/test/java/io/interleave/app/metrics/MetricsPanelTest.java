package io.interleave.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.app.AppViewModel;
import io.interleave.app.InterleaveApp;
import io.interleave.app.fxml.Fxml;
import io.interleave.scenario.Policy;
import io.interleave.scenario.Variant;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.image.WritableImage;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The metrics panel in the window, headless: the figures follow the
 * playhead, and every row is on screen in a short panel at classroom sizes.
 * With the environment variable {@code METRICS_SHOTS=DIR} it also saves what it checked as PNGs.
 */
@ExtendWith(ApplicationExtension.class)
class MetricsPanelTest {

    /** The height the panel is designed for with one or two variants (the divider's owner gives it this much at 1280 x 800). */
    static final double PANEL_HEIGHT = 230;
    /** With three or four variants the table is one block of eleven rows and a verdict per variant: it needs this much. */
    static final double PANEL_HEIGHT_MANY = 350;
    private static final List<String> ROW_KEYS = List.of("completed", "mean", "p50", "p95", "max", "slowdown-mean",
            "slowdown-max", "throughput", "cpu", "workers", "rejected");

    private Stage stage;
    private AppViewModel vm;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        vm = new AppViewModel();
        Parent root = Fxml.load(InterleaveApp.class, "MainWindow.fxml", vm);
        Scene scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(InterleaveApp.class.getResource("interleave.css").toExternalForm());
        io.interleave.app.classroom.ClassroomLook.attach(scene, vm.classroom());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    @DisplayName("the figures at the playhead: three times on the lesson, then the whole run at the end")
    void figuresFollowThePlayhead(FxRobot robot) throws TimeoutException {
        atTheEnd(robot);
        assertThat(text(robot, "#metricsCaption")).isEqualTo("Whole run");
        Slider scrubber = robot.lookup("#scrubber").query();

        robot.interact(() -> scrubber.setValue(50)); // R1 still in its database call
        assertThat(text(robot, "#metricsCaption")).isEqualTo("So far, at 50.0 ms: 0 of 3 done");
        assertThat(text(robot, "#value-completed-0")).isEqualTo("0 of 3");
        assertThat(text(robot, "#value-max-0")).isEqualTo("–");
        assertThat(text(robot, "#value-cpu-0")).isEqualTo("20 %"); // 10 of 50 ms

        robot.interact(() -> scrubber.setValue(150)); // R1 done in 100 ms
        assertThat(text(robot, "#metricsCaption")).isEqualTo("So far, at 150.0 ms: 1 of 3 done");
        assertThat(text(robot, "#value-max-0")).isEqualTo("100 ms");
        assertThat(text(robot, "#value-throughput-0")).isEqualTo("6.7 /s");
        assertThat(responseBars()).containsExactly(100.0, 0.0, 0.0);

        robot.interact(() -> scrubber.setValue(220)); // R2 done in 160 ms too
        assertThat(text(robot, "#value-completed-0")).isEqualTo("2 of 3");
        assertThat(text(robot, "#value-mean-0")).isEqualTo("130 ms");
        assertThat(text(robot, "#value-p95-0")).isEqualTo("160 ms");
        assertThat(text(robot, "#value-max-0")).isEqualTo("160 ms");
        assertThat(responseBars()).containsExactly(100.0, 160.0, 0.0);
        assertThat(inFlightEnd()).isEqualTo(220.0);

        robot.interact(() -> scrubber.setValue(236));
        assertThat(text(robot, "#metricsCaption")).isEqualTo("Whole run");
        assertThat(text(robot, "#value-completed-0")).isEqualTo("3");
        assertThat(text(robot, "#value-mean-0")).isEqualTo("142 ms");
        assertThat(text(robot, "#value-max-0")).isEqualTo("166 ms");
        assertThat(responseBars()).containsExactly(100.0, 160.0, 166.0);
    }

    @Test
    @DisplayName("the window opens on its first lesson at 0 ms, ready to play: no figure of the run is shown yet")
    void firstLessonOpensAtZero(FxRobot robot) throws TimeoutException {
        await(() -> !vm.tracesProperty().get().isEmpty());
        assertThat(vm.playback().positionMsProperty().get()).isZero();
        assertThat(vm.playback().playingProperty().get()).isFalse();
        assertThat(text(robot, "#metricsCaption")).isEqualTo("So far, at 0.0 ms: 0 of 3 done");
        assertThat(text(robot, "#value-max-0")).isEqualTo("–");
    }

    @Test
    @DisplayName("a lesson opens at 0 ms, ready to play, even after the last one was left half played")
    void lessonOpensAtZero(FxRobot robot) throws TimeoutException {
        atTheEnd(robot);
        Slider scrubber = robot.lookup("#scrubber").query();
        robot.interact(() -> scrubber.setValue(120));
        AppViewModel.PresetChoice other = vm.presets().stream().filter(p -> !p.id().equals(AppViewModel.FIRST_PRESET)).findFirst().orElseThrow();
        robot.interact(() -> vm.presetProperty().set(other));
        await(() -> vm.tracesProperty().get().get(0).scenario().name().equals(other.name()));
        assertThat(vm.playback().positionMsProperty().get()).isZero();
        assertThat(vm.playback().playingProperty().get()).isFalse();
        assertThat(text(robot, "#metricsCaption")).startsWith("So far, at 0.0 ms: 0 of ");
    }

    @Test
    @DisplayName("an edit keeps the playhead's time: three workers at 120 ms is still at 120 ms, with its figures")
    void editKeepsTheTime(FxRobot robot) throws TimeoutException {
        atTheEnd(robot);
        Slider scrubber = robot.lookup("#scrubber").query();
        robot.interact(() -> scrubber.setValue(120));
        Slider workers = robot.lookup("#workersSlider").query();
        robot.interact(() -> workers.setValue(3));
        await(() -> vm.tracesProperty().get().get(0).scenario().server().workers() == 3);
        assertThat(vm.playback().positionMsProperty().get()).isEqualTo(120);
        // three threads: R1 done at 100, R3 at 106 (36 ms), R2 not until 140
        assertThat(text(robot, "#metricsCaption")).isEqualTo("So far, at 120.0 ms: 2 of 3 done");
        assertThat(text(robot, "#value-max-0")).isEqualTo("100 ms");
    }

    static Stream<Arguments> sizes() {
        List<Arguments> out = new ArrayList<>();
        for (int[] size : new int[][] {{1280, 800}, {1400, 900}}) {
            for (boolean projector : new boolean[] {false, true}) {
                for (int variants : new int[] {1, 2, 4}) {
                    out.add(Arguments.of(size[0], size[1], projector, variants));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}x{1}, projector {2}, {3} variant(s)")
    @MethodSource("sizes")
    @DisplayName("in a panel of 230 px (350 px for four variants) every row, value and difference is on screen and not cut short")
    void everyRowVisible(int width, int height, boolean projector, int variants, FxRobot robot) throws TimeoutException {
        atTheEnd(robot);
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
            vm.classroom().projectorProperty().set(projector);
            if (variants == 4) {
                vm.scenarioProperty().set(vm.scenarioProperty().get().withVariants(List.of(
                        Variant.of("1 thread", Policy.SYNC, 1), Variant.of("2 threads", Policy.SYNC, 2),
                        Variant.of("4 threads", Policy.SYNC, 4), Variant.of("one loop", Policy.EVENT_LOOP, 1))));
            }
            vm.compareProperty().set(variants > 1);
        });
        await(() -> vm.tracesProperty().get().size() == variants && !text(robot, "#value-max-" + (variants - 1)).isEmpty());
        robot.interact(() -> {
            SplitPane split = robot.lookup("#mainSplit").query();
            split.layout();
            double divider = split.lookup(".split-pane-divider").getLayoutBounds().getHeight();
            split.setDividerPositions(1 - (panelHeight(variants) + divider) / split.getHeight());
        });
        robot.interact(() -> vm.playback().seek(120)); // so far: the longest texts ("2 of 3")
        WaitForAsyncUtils.waitForFxEvents();
        ScrollPane panel = robot.lookup(".metrics-scroll").queryAs(ScrollPane.class);
        Bounds viewport = panel.localToScene(panel.getLayoutBounds());
        assertThat(viewport.getHeight()).isBetween(panelHeight(variants) - 2, panelHeight(variants) + 2);
        shoot(width + "x" + height + (projector ? "-projector" : "") + "-" + variants);
        List<String> ids = new ArrayList<>(List.of("metricsCaption", "headline"));
        for (int c = 0; c < variants; c++) {
            ids.add("column-" + c);
        }
        for (String key : ROW_KEYS) {
            for (int c = 0; c < variants; c++) {
                ids.add("value-" + key + "-" + c);
                if (c > 0) {
                    ids.add("diff-" + key + "-" + c);
                }
            }
        }
        for (String id : ids) {
            Labeled label = robot.lookup("#" + id).queryAs(Labeled.class);
            Bounds b = label.localToScene(label.getLayoutBounds());
            assertThat(b.getMinY()).as(id + " top").isGreaterThanOrEqualTo(viewport.getMinY() - 0.5);
            assertThat(b.getMaxY()).as(id + " bottom").isLessThanOrEqualTo(viewport.getMaxY() + 0.5);
            assertThat(b.getMaxX()).as(id + " right").isLessThanOrEqualTo(viewport.getMaxX() + 0.5);
            assertThat(shownText(label)).as(id + " not cut short").isEqualTo(label.getText());
        }
        List<Node> rowLabels = new ArrayList<>(robot.lookup(".metric-label").queryAll());
        assertThat(rowLabels).hasSize(ROW_KEYS.size());
        for (Node n : rowLabels) {
            Bounds b = n.localToScene(n.getLayoutBounds());
            assertThat(b.getMaxY()).as(((Label) n).getText()).isLessThanOrEqualTo(viewport.getMaxY() + 0.5);
        }
        for (String chart : List.of("#responseChart", "#inFlightChart")) {
            Node n = robot.lookup(chart).query();
            Bounds b = n.localToScene(n.getLayoutBounds());
            assertThat(b.getWidth()).as(chart + " width").isGreaterThanOrEqualTo(150);
            assertThat(b.getMaxX()).as(chart + " right").isLessThanOrEqualTo(viewport.getMaxX() + 0.5);
        }
    }

    private static double panelHeight(int variants) {
        return variants <= MetricsController.MAX_SIDE_BY_SIDE ? PANEL_HEIGHT : PANEL_HEIGHT_MANY;
    }

    /** The text a label draws (with "…" if it was cut short). */
    private static String shownText(Labeled label) {
        return label.lookupAll(".text").stream().filter(Text.class::isInstance).map(n -> ((Text) n).getText())
                .findFirst().orElse(label.getText());
    }

    private List<Double> responseBars() {
        AtomicReference<List<Double>> out = new AtomicReference<>();
        WaitForAsyncUtils.waitForAsyncFx(5000, () -> {
            javafx.scene.chart.BarChart<String, Number> chart = (javafx.scene.chart.BarChart<String, Number>) stage.getScene().lookup("#responseChart");
            out.set(chart.getData().get(0).getData().stream().map(d -> d.getYValue().doubleValue()).toList());
        });
        return out.get();
    }

    private double inFlightEnd() {
        AtomicReference<Double> out = new AtomicReference<>();
        WaitForAsyncUtils.waitForAsyncFx(5000, () -> {
            javafx.scene.chart.LineChart<Number, Number> chart = (javafx.scene.chart.LineChart<Number, Number>) stage.getScene().lookup("#inFlightChart");
            var data = chart.getData().get(0).getData();
            out.set(data.stream().mapToDouble(d -> d.getXValue().doubleValue()).max().orElse(0));
        });
        return out.get();
    }

    private void shoot(String name) {
        String dir = System.getenv("METRICS_SHOTS");
        if (dir == null) {
            return;
        }
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
            WritableImage image = stage.getScene().snapshot(null);
            int w = (int) image.getWidth();
            int h = (int) image.getHeight();
            BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    out.setRGB(x, y, image.getPixelReader().getArgb(x, y));
                }
            }
            try {
                new File(dir).mkdirs();
                ImageIO.write(out, "png", new File(dir, "metrics-" + name + ".png"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static String text(FxRobot robot, String query) {
        AtomicReference<String> out = new AtomicReference<>("");
        robot.lookup(query).tryQueryAs(Labeled.class).ifPresent(l -> out.set(l.getText()));
        return out.get();
    }

    /** Waits for the first lesson's run (which opens at 0 ms) and moves the playhead to its end: the whole run's figures. */
    private void atTheEnd(FxRobot robot) throws TimeoutException {
        await(() -> !vm.tracesProperty().get().isEmpty());
        robot.interact(() -> vm.playback().seek(vm.playback().endMsProperty().get()));
        await(() -> text(robot, "#value-max-0").equals("166 ms"));
    }

    private static void await(java.util.concurrent.Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
