package io.interleave.app.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.app.InterleaveApp;
import io.interleave.app.classroom.ClassroomViewModel;
import io.interleave.render.DrawingSurface;
import io.interleave.render.Fill;
import io.interleave.render.Rgb;
import io.interleave.render.TextAlign;
import io.interleave.render.TextStyle;
import io.interleave.scenario.Presets;
import io.interleave.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The sweep window on its own, headless: its buttons, its note and its chart at projector scale. */
@ExtendWith(ApplicationExtension.class)
class SweepWindowTest {

    private final ClassroomViewModel classroom = new ClassroomViewModel();
    private final SimpleObjectProperty<Scenario> scenario = new SimpleObjectProperty<>(SweepScenarios.mm1());
    private Stage owner;
    private Stage sweep;
    private SweepViewModel vm;

    @Start
    void start(Stage stage) {
        owner = stage;
        Scene scene = new Scene(new StackPane(), 400, 300);
        scene.getStylesheets().add(InterleaveApp.class.getResource("interleave.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        Executor background = r -> {
            Thread t = new Thread(r, "sweep-test");
            t.setDaemon(true);
            t.start();
        };
        vm = new SweepViewModel(scenario, background, Platform::runLater, 2);
        sweep = SweepWindow.create(owner, vm, classroom);
        sweep.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> sweep.hide());
    }

    private Parent root() {
        return sweep.getScene().getRoot();
    }

    /** Runs a small M/M/1 sweep: theory applies, so the status ends with the theory note. */
    private void runSmallSweep(FxRobot robot) throws TimeoutException {
        robot.interact(() -> {
            ((TextField) root().lookup("#fromField")).setText("20");
            ((TextField) root().lookup("#toField")).setText("120");
            ((TextField) root().lookup("#stepField")).setText("20");
            ((TextField) root().lookup("#replicationsField")).setText("2");
            ((TextField) root().lookup("#requestsField")).setText("100");
            ((Button) root().lookup("#runButton")).fire();
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.outcomeProperty().get() != null && !vm.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static List<Button> buttons(Parent root) {
        List<Button> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node node, List<Button> out) {
        if (node instanceof Button b) {
            out.add(b);
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, out));
        }
    }

    /** The text a labelled control actually draws: with an ellipsis when it did not fit. */
    private static String drawn(Button b) {
        Text text = (Text) b.lookup(".text");
        return text == null ? "" : text.getText();
    }

    @ParameterizedTest(name = "window {0} px wide, projector {1}")
    @ValueSource(strings = {"1100,false", "800,true"})
    @DisplayName("every button shows its whole text while the theory note is shown (no 'Ru…')")
    void buttonsKeepTheirText(String setup, FxRobot robot) throws TimeoutException {
        double width = Double.parseDouble(setup.split(",")[0]);
        boolean projector = Boolean.parseBoolean(setup.split(",")[1]);
        robot.interact(() -> {
            classroom.projectorProperty().set(projector);
            sweep.setWidth(width);
        });
        runSmallSweep(robot);
        Label status = (Label) root().lookup("#status");
        assertThat(status.getText()).contains("Dashed: theory (M/M/1)");
        assertThat(status.isVisible()).isTrue();
        List<Button> buttons = buttons(root());
        assertThat(buttons).extracting(Button::getText).contains("Run sweep", "Cancel", "Default range", "Save chart…");
        for (Button b : buttons) {
            assertThat(drawn(b)).as("button '%s'", b.getText()).isEqualTo(b.getText());
            assertThat(b.getWidth()).as("button '%s'", b.getText()).isGreaterThanOrEqualTo(b.prefWidth(-1) - 0.5);
        }
        // the status is whole too: it wraps on its own row instead of being cut
        Text statusText = (Text) status.lookup(".text");
        assertThat(status.getHeight()).isGreaterThanOrEqualTo(status.prefHeight(status.getWidth()) - 0.5);
        assertThat(statusText == null || !statusText.getText().endsWith("…")).isTrue();
    }

    @ParameterizedTest(name = "window {0} px wide")
    @ValueSource(doubles = {1100, 640})
    @DisplayName("in projector mode the chart's title, subtitle and key fit the chart: nothing drawn past its edges")
    void chartTextFitsInProjectorMode(double width, FxRobot robot) throws TimeoutException {
        robot.interact(() -> {
            scenario.set(Presets.load("async-same-wait").orElseThrow().withName("A lesson whose name is really rather long for a chart"));
            classroom.projectorProperty().set(true);
            sweep.setWidth(width);
        });
        runSmallSweep(robot);
        SweepChartView chartView = (SweepChartView) root().lookup("#chart");
        AtomicReference<List<double[]>> spans = new AtomicReference<>();
        AtomicReference<Double> chartWidth = new AtomicReference<>();
        AtomicReference<String> title = new AtomicReference<>();
        robot.interact(() -> {
            var chart = chartView.chart();
            chartWidth.set(chart.width());
            TextBounds surface = new TextBounds(new io.interleave.app.timeline.CanvasSurface(chartView.canvas().getGraphicsContext2D()));
            chart.paint(surface);
            spans.set(surface.spans);
            title.set(surface.first);
            chartView.repaint();
        });
        assertThat(chartView.chart().width()).as("laid out smaller and scaled up").isLessThan(chartView.canvas().getWidth());
        assertThat(title.get()).startsWith("A lesson whose name");
        for (double[] s : spans.get()) {
            assertThat(s[0]).isGreaterThanOrEqualTo(0);
            assertThat(s[1]).isLessThanOrEqualTo(chartWidth.get() + 0.5);
        }
    }

    @Test
    @DisplayName("Default range on 'Async doesn't shorten the wait' starts below the 2 threads' knee (18.5/s), and the note names both variants")
    void defaultRangeForTheLesson(FxRobot robot) {
        robot.interact(() -> {
            scenario.set(Presets.load("async-same-wait").orElseThrow());
            ((Button) root().lookup("#defaultsButton")).fire();
        });
        double from = Double.parseDouble(((TextField) root().lookup("#fromField")).getText());
        assertThat(from).isLessThan(18.5 / 2);
        assertThat(((Label) root().lookup("#note")).getText()).contains("2 threads").contains("1 event loop");
    }

    /** Forwards to a real surface and notes where each text starts and ends. */
    private static final class TextBounds implements DrawingSurface {
        private final DrawingSurface inner;
        final List<double[]> spans = new ArrayList<>();
        String first;

        TextBounds(DrawingSurface inner) {
            this.inner = inner;
        }

        @Override
        public void text(String text, double x, double y, TextStyle style, Rgb color, TextAlign align) {
            double w = inner.textWidth(text, style);
            double left = switch (align) {
                case LEFT -> x;
                case CENTER -> x - w / 2;
                case RIGHT -> x - w;
            };
            spans.add(new double[] {left, left + w});
            if (first == null) {
                first = text;
            }
            inner.text(text, x, y, style, color, align);
        }

        @Override
        public double textWidth(String text, TextStyle style) {
            return inner.textWidth(text, style);
        }

        @Override
        public void fillRect(double x, double y, double width, double height, Fill fill) {
            inner.fillRect(x, y, width, height, fill);
        }

        @Override
        public void strokeRect(double x, double y, double width, double height, Rgb color, double lineWidth) {
            inner.strokeRect(x, y, width, height, color, lineWidth);
        }

        @Override
        public void line(double x1, double y1, double x2, double y2, Rgb color, double lineWidth) {
            inner.line(x1, y1, x2, y2, color, lineWidth);
        }

        @Override
        public void fillPolygon(double[] xs, double[] ys, Rgb color) {
            inner.fillPolygon(xs, ys, color);
        }

        @Override
        public void save() {
            inner.save();
        }

        @Override
        public void restore() {
            inner.restore();
        }

        @Override
        public void clip(double x, double y, double width, double height) {
            inner.clip(x, y, width, height);
        }
    }
}
