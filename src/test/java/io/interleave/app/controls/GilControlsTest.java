package io.interleave.app.controls;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.app.AppViewModel;
import io.interleave.app.InterleaveApp;
import io.interleave.app.timeline.TimelineView;
import io.interleave.render.ViewMode;
import io.interleave.scenario.Policy;
import io.interleave.scenario.Server;
import io.interleave.trace.Trace;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The controls for Python's own limits, on lesson 5 ("CPU-heavy work starves
 * the loop", one event loop): the GIL toggle ("GIL (CPython)" /
 * "Free-threaded") re-runs with the choice and shows the switch interval
 * while the GIL is on; Processes shows under sync and re-runs with more
 * processes, which the workers view groups under "Process 1", "Process 2";
 * a bad switch interval says why and leaves the scenario as it was; a
 * compare variant sets its own GIL and processes.
 */
@ExtendWith(ApplicationExtension.class)
@DisplayName("Controls: processes, the GIL toggle and its switch interval, in the window and per variant")
class GilControlsTest {

    private AppViewModel vm;

    @Start
    void start(Stage stage) {
        new InterleaveApp().start(stage);
        vm = (AppViewModel) stage.getScene().getRoot().getProperties().get(AppViewModel.class);
    }

    @BeforeEach
    void cpuLesson(FxRobot robot) throws Exception {
        await(() -> traces(robot).size() == 1);
        robot.interact(() -> vm.presetProperty().set(vm.presets().stream()
                .filter(p -> p.id().equals("cpu-heavy")).findFirst().orElseThrow()));
        await(() -> traces(robot).size() == 1 && traces(robot).get(0).scenario().name().equals("CPU-heavy work starves the loop"));
    }

    @Test
    @DisplayName("the lesson opens free-threaded, switch interval hidden; one click on GIL (CPython) re-runs with a GIL and shows 5 ms")
    void gilToggleReRuns(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#gilOff").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#gilOn").queryAs(ToggleButton.class).getText()).isEqualTo("GIL (CPython)");
        assertThat(robot.lookup("#gilOff").queryAs(ToggleButton.class).getText()).isEqualTo("Free-threaded");
        assertThat(visible(robot, "#switchIntervalField")).isFalse();

        robot.clickOn("#gilOn");

        await(() -> traces(robot).get(0).scenario().server().gil());
        assertThat(visible(robot, "#switchIntervalField")).isTrue();
        assertThat(robot.lookup("#switchIntervalField").queryAs(TextField.class).getText()).isEqualTo("5");
        assertThat(vm.scenarioProperty().get().server().gil()).isTrue();

        robot.clickOn("#gilOff");
        await(() -> !traces(robot).get(0).scenario().server().gil());
        assertThat(visible(robot, "#switchIntervalField")).isFalse();
        assertThat(robot.lookup("#gilOff").queryAs(ToggleButton.class).isSelected()).isTrue();
    }

    @Test
    @DisplayName("a switch interval of 0 says why in the program's words and leaves the scenario and its run untouched; 2 re-runs")
    void badSwitchIntervalLeavesStateAlone(FxRobot robot) throws Exception {
        robot.clickOn("#gilOn");
        await(() -> traces(robot).get(0).scenario().server().gil());
        Trace before = traces(robot).get(0);

        robot.interact(() -> robot.lookup("#switchIntervalField").queryAs(TextField.class).setText("0"));

        assertThat(robot.lookup("#switchIntervalError").queryLabeled().getText())
                .startsWith("switchIntervalMs: must be between 0.001 (the clock's resolution, 1 µs) and ")
                .endsWith(", was 0");
        assertThat(vm.scenarioProperty().get().server().switchIntervalMs()).as("the scenario is untouched")
                .isEqualTo(Server.DEFAULT_SWITCH_INTERVAL_MS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(traces(robot).get(0)).as("no re-run").isSameAs(before);

        robot.interact(() -> robot.lookup("#switchIntervalField").queryAs(TextField.class).setText("2"));
        await(() -> traces(robot).get(0).scenario().server().switchIntervalMs() == 2.0);
        assertThat(robot.lookup("#switchIntervalError").queryLabeled().isVisible()).isFalse();

        robot.interact(() -> robot.lookup("#switchIntervalField").queryAs(TextField.class).setText("fast"));
        assertThat(robot.lookup("#switchIntervalError").queryLabeled().getText()).contains("switchIntervalMs");
        assertThat(vm.scenarioProperty().get().server().switchIntervalMs()).isEqualTo(2.0);
    }

    @Test
    @DisplayName("Processes shows under sync only; dragging it to 2 re-runs, and the workers view shows Process 1 and Process 2")
    void processesReRun(FxRobot robot) throws Exception {
        assertThat(visible(robot, "#processesField")).as("an event loop is one process per loop").isFalse();

        robot.clickOn("#policySync");
        await(() -> traces(robot).get(0).scenario().server().policy() == Policy.SYNC);
        assertThat(visible(robot, "#processesField")).isTrue();
        assertThat(robot.lookup("#processesField").queryAs(TextField.class).getText()).isEqualTo("1");
        // the hidden Pool threads row leaves no gap: Processes sits under Time slice as Time slice under Cores
        double[] y = WaitForAsyncUtils.asyncFx(() -> new double[] {
                robot.lookup("#coresField").query().getBoundsInParent().getMinY(),
                robot.lookup("#timeSliceField").query().getBoundsInParent().getMinY(),
                robot.lookup("#processesField").query().getBoundsInParent().getMinY()}).get(5, TimeUnit.SECONDS);
        assertThat(y[2] - y[1]).isEqualTo(y[1] - y[0]);

        Slider slider = robot.lookup("#processesSlider").query();
        robot.interact(() -> slider.setValue(2));

        await(() -> traces(robot).get(0).scenario().server().processes() == 2);
        assertThat(robot.lookup("#processesField").queryAs(TextField.class).getText()).isEqualTo("2");
        robot.clickOn("#viewWorkers");
        TimelineView timeline = timeline(robot);
        await(() -> timeline.modeProperty().get() == ViewMode.WORKERS);
        await(() -> timeline.processHeaderCenterY(0, 1).isPresent());
        // the lesson's one thread per process: Process 1, Thread 1, Process 2, Thread 2, then the core
        List<Double> top = List.of(timeline.processHeaderCenterY(0, 0).getAsDouble(), timeline.workerLaneCenterY(0, 0).getAsDouble(),
                timeline.processHeaderCenterY(0, 1).getAsDouble(), timeline.workerLaneCenterY(0, 1).getAsDouble(),
                timeline.coreLaneCenterY(0, 0).getAsDouble());
        assertThat(top).isSorted().doesNotHaveDuplicates();

        robot.interact(() -> robot.lookup("#processesField").queryAs(TextField.class).setText("0"));
        assertThat(robot.lookup("#processesError").queryLabeled().getText())
                .isEqualTo("processes: must be between 1 and 10000, was 0");
        assertThat(vm.scenarioProperty().get().server().processes()).as("the scenario is untouched").isEqualTo(2);
    }

    @Test
    @DisplayName("compare: a variant's GIL box sets its own GIL, showing its switch interval; a sync variant offers its processes")
    void variantGilAndProcesses(FxRobot robot) throws Exception {
        robot.clickOn("#compareToggle");
        await(() -> traces(robot).size() == 2);
        assertThat(visible(robot, "#variant0Processes")).as("4 threads: sync").isTrue();
        assertThat(visible(robot, "#variant1Processes")).as("1 event loop").isFalse();
        assertThat(visible(robot, "#variant0Switch")).isFalse();

        robot.clickOn("#variant0Gil");

        await(() -> traces(robot).get(0).scenario().server().gil());
        assertThat(traces(robot).get(1).scenario().server().gil()).as("the other variant keeps the file's").isFalse();
        assertThat(vm.scenarioProperty().get().variants().get(0).gil()).isEqualTo(Optional.of(true));
        assertThat(robot.lookup("#variant0Gil").queryAs(CheckBox.class).isSelected()).isTrue();
        assertThat(visible(robot, "#variant0Switch")).isTrue();

        robot.interact(() -> robot.lookup("#variant0Processes").queryAs(TextField.class).setText("4"));
        await(() -> traces(robot).get(0).scenario().server().processes() == 4);
        assertThat(vm.scenarioProperty().get().variants().get(0).processes()).hasValue(4);
    }

    private static List<Trace> traces(FxRobot robot) {
        return timeline(robot).tracesProperty().get();
    }

    private static TimelineView timeline(FxRobot robot) {
        return robot.lookup("#timeline").queryAs(TimelineView.class);
    }

    private static boolean visible(FxRobot robot, String query) throws Exception {
        return onFx(() -> {
            Node n = robot.lookup(query).query();
            return n.isVisible() && (n.getParent() == null || n.getParent().isVisible());
        });
    }

    private static boolean onFx(Callable<Boolean> condition) throws Exception {
        return WaitForAsyncUtils.asyncFx(condition).get(5, TimeUnit.SECONDS);
    }

    private static void await(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(condition));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
