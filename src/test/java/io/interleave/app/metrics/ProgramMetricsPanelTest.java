package io.interleave.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.app.AppViewModel;
import io.interleave.app.InterleaveApp;
import io.interleave.app.fxml.Fxml;
import io.interleave.time.TimeText;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The metrics panel on the producer-consumer lesson (a program of tasks), compared: the items' figures in the
 * table, each item's latency as a bar, and a "Queue length" chart in place of requests in flight.
 */
@ExtendWith(ApplicationExtension.class)
@DisplayName("Metrics panel: a program of tasks shows its items and its queue's length")
class ProgramMetricsPanelTest {

    private AppViewModel vm;

    @Start
    void start(Stage stage) {
        vm = new AppViewModel();
        Parent root = Fxml.load(InterleaveApp.class, "MainWindow.fxml", vm);
        Scene scene = new Scene(root, 1200, 760); // within Monocle's default headless screen, whichever test started the toolkit
        scene.getStylesheets().add(InterleaveApp.class.getResource("interleave.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        AtomicReference<T> out = new AtomicReference<>();
        AtomicReference<Exception> failed = new AtomicReference<>();
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                out.set(read.call());
            } catch (Exception e) {
                failed.set(e);
            } finally {
                done.countDown();
            }
        });
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        if (failed.get() != null) {
            throw failed.get();
        }
        return out.get();
    }

    private static String text(FxRobot robot, String query) throws Exception {
        return onFx(() -> robot.lookup(query).tryQueryAs(Labeled.class).map(Labeled::getText).orElse(""));
    }

    private void openLessonAtTheEnd(FxRobot robot) throws Exception {
        onFx(() -> {
            vm.presetProperty().set(vm.presets().stream().filter(p -> p.id().equals("producer-consumer")).findFirst().orElseThrow());
            vm.compareProperty().set(true);
            return true;
        });
        waitFor(() -> onFx(() -> vm.tracesProperty().get().size() == 2
                && vm.tracesProperty().get().get(0).scenario().hasTasks()));
        onFx(() -> {
            vm.playback().seek(vm.playback().endMsProperty().get());
            return true;
        });
        waitFor(() -> text(robot, "#metricsCaption").equals("Whole run"));
    }

    private static void waitFor(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    @DisplayName("at the end: the queue-length chart's points (40 items queued on one thread at 20 s, then drained; "
            + "never more than 1 on the loop), and the item figures in the table")
    void atTheEnd(FxRobot robot) throws Exception {
        openLessonAtTheEnd(robot);
        LineChart<Number, Number> queue = onFx(() -> robot.lookup(".in-flight-chart").queryAs(LineChart.class));
        assertThat(onFx(queue::getTitle)).isEqualTo("Queue length");
        List<List<double[]>> lines = onFx(() -> queue.getData().stream().map(s -> s.getData().stream()
                .map(d -> new double[] {d.getXValue().doubleValue(), d.getYValue().doubleValue()}).toList()).toList());
        assertThat(lines).hasSize(2);
        List<double[]> thread = lines.get(0);
        List<double[]> loop = lines.get(1);
        assertThat(thread.stream().mapToDouble(p -> p[1]).max().orElseThrow()).isEqualTo(40);
        assertThat(thread.get(thread.size() - 1)).containsExactly(29_750, 0); // the consumer takes the last item at 29.75 s
        double[] full = thread.stream().filter(p -> p[1] == 40).findFirst().orElseThrow();
        assertThat(full[0]).isEqualTo(19_550); // the 40th item is put at 39·500 + 50 ms
        assertThat(loop.stream().mapToDouble(p -> p[1]).max().orElseThrow()).isEqualTo(1);
        assertThat(loop.get(loop.size() - 1)[1]).isZero();

        BarChart<String, Number> latency = onFx(() -> robot.lookup(".response-chart").queryAs(BarChart.class));
        assertThat(onFx(latency::getTitle)).isEqualTo("Item latency");
        List<Double> loopBars = onFx(() -> latency.getData().get(1).getData().stream().map(d -> d.getYValue().doubleValue()).toList());
        assertThat(loopBars).hasSize(40).containsOnly(250.0);
        assertThat(onFx(() -> latency.getData().get(0).getData().get(0).getYValue().doubleValue())).isEqualTo(20_200.0);

        assertThat(text(robot, "#value-items-made-0")).isEqualTo("40");
        assertThat(text(robot, "#value-items-consumed-1")).isEqualTo("40");
        assertThat(text(robot, "#value-item-max-0")).isEqualTo(TimeText.duration(20_200));
        assertThat(text(robot, "#value-item-p50-1")).isEqualTo(TimeText.duration(250));
        assertThat(text(robot, "#value-makespan-0")).isEqualTo(TimeText.duration(30_000));
        assertThat(text(robot, "#value-makespan-1")).isEqualTo(TimeText.duration(20_000));
        assertThat(text(robot, "#diff-makespan-1")).isEqualTo("1.5x lower");
        assertThat(text(robot, "#headline")).startsWith("asyncio (one loop) vs Sync (one thread): mean item latency ");
    }

    @Test
    @DisplayName("while it plays, the figures are of what has happened so far: at 10 s no item is processed on one thread")
    void soFar(FxRobot robot) throws Exception {
        openLessonAtTheEnd(robot);
        onFx(() -> {
            vm.playback().seek(10_000);
            return true;
        });
        waitFor(() -> text(robot, "#metricsCaption").startsWith("So far"));
        assertThat(text(robot, "#value-items-made-0")).isEqualTo("20"); // items 1..20 are put by 9.55 s
        assertThat(text(robot, "#value-items-consumed-0")).isEqualTo("0");
        assertThat(text(robot, "#value-makespan-0")).isEqualTo("–");
        assertThat(text(robot, "#value-item-max-1")).isEqualTo(TimeText.duration(250));
        assertThat(text(robot, "#headline")).isEqualTo("asyncio (one loop) vs Sync (one thread): 20 items processed against 0");
    }
}
