package io.interleave.app.narration;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.app.InterleaveApp;
import io.interleave.app.fxml.Fxml;
import io.interleave.app.playback.PlaybackViewModel;
import io.interleave.engine.Simulation;
import io.interleave.scenario.Policy;
import io.interleave.scenario.Presets;
import io.interleave.trace.Trace;
import io.interleave.trace.narration.NarrationLine;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The "What happens" panel on its own, headless: lines, the playhead's line, clicks that seek, the policy switch. */
@ExtendWith(ApplicationExtension.class)
class NarrationPanelTest {
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final Trace SYNC = trace(Policy.SYNC);
    private static final Trace LOOP = trace(Policy.EVENT_LOOP);

    private final SimpleObjectProperty<List<Trace>> traces = new SimpleObjectProperty<>(List.of(SYNC));
    private final PlaybackViewModel playback = new PlaybackViewModel();
    private NarrationViewModel vm;

    private static Trace trace(Policy p) {
        return Simulation.trace(Presets.load("three-requests").orElseThrow().withPolicy(p));
    }

    @Start
    void start(Stage stage) {
        playback.setTraces(traces.get());
        traces.addListener((obs, old, now) -> playback.setTraces(now));
        vm = new NarrationViewModel(traces, playback);
        Parent panel = Fxml.load(NarrationController.class, "Narration.fxml", vm);
        Scene scene = new Scene(panel, 1000, 420);
        scene.getStylesheets().add(InterleaveApp.class.getResource("interleave.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private static ListView<NarrationLine> log(FxRobot robot) {
        return robot.lookup("#log").queryListView();
    }

    /** The visible cells marked as the playhead's line. */
    private static List<String> currentCells(FxRobot robot) {
        Set<Node> cells = robot.lookup(".narration-line").queryAll();
        return cells.stream().filter(n -> n.getPseudoClassStates().contains(CURRENT))
                .map(n -> ((ListCell<?>) n).getItem()).map(item -> ((NarrationLine) item).text()).toList();
    }

    private static Node cellWith(FxRobot robot, String text) {
        return robot.lookup(".narration-line").match((ListCell<NarrationLine> c) -> c.getItem() != null && c.getItem().text().equals(text)).query();
    }

    @Test
    @DisplayName("one line per moment of the sync lesson, and the playhead's line (the last at or before it) is highlighted")
    void currentLine(FxRobot robot) {
        assertThat(log(robot).getItems()).hasSize(12);
        robot.interact(() -> playback.seek(95));
        assertThat(vm.currentProperty().get()).isEqualTo(4);
        assertThat(currentCells(robot)).containsExactly("R1 back from database; the thread runs it (render page)");
        robot.interact(() -> playback.seek(100));
        assertThat(currentCells(robot)).containsExactly("R1 done in 100 ms (alone: 100 ms); the thread picks up R2 (parse request)");
        robot.interact(playback::restart);
        assertThat(currentCells(robot)).containsExactly("R1 arrives; the thread runs it (parse request)");
    }

    @Test
    @DisplayName("clicking a line moves the playhead to its time; Enter on a selected line does too")
    void clickSeeks(FxRobot robot) {
        robot.interact(playback::restart);
        robot.clickOn(cellWith(robot, "R3 arrives; queued behind R2"));
        assertThat(playback.positionMsProperty().get()).isEqualTo(70);
        assertThat(currentCells(robot)).containsExactly("R3 arrives; queued behind R2");

        robot.interact(() -> log(robot).getSelectionModel().select(1));
        robot.clickOn("#pauseTime").clickOn(log(robot));
        robot.interact(() -> log(robot).getSelectionModel().select(1));
        robot.type(KeyCode.ENTER);
        assertThat(playback.positionMsProperty().get()).isEqualTo(10);
    }

    @Test
    @DisplayName("comparing, a switch tells either policy; the event loop's story at 10 ms is its own")
    void compareSwitch(FxRobot robot) {
        assertThat(robot.lookup("#policySwitch").query().isVisible()).isFalse();
        robot.interact(() -> traces.set(List.of(SYNC, LOOP)));
        assertThat(robot.lookup("#policySwitch").query().isVisible()).isTrue();
        assertThat(robot.lookup("#narrateSecond").queryAs(javafx.scene.control.ToggleButton.class).getText()).isEqualTo("Event loop");
        assertThat(log(robot).getItems().get(1).text()).isEqualTo("R1 waits on database (db query), holding the thread");
        robot.clickOn("#narrateSecond");
        assertThat(vm.shownProperty().get()).isEqualTo(1);
        assertThat(log(robot).getItems().get(1).text()).isEqualTo("R1 awaits database (db query); the loop is idle");
        robot.clickOn("#narrateSecond");
        assertThat(vm.shownProperty().get()).as("clicking the selected one keeps it").isEqualTo(1);
        robot.interact(() -> traces.set(List.of(SYNC)));
        assertThat(vm.shownProperty().get()).isZero();
        assertThat(robot.lookup("#policySwitch").query().isVisible()).isFalse();
    }

    @Test
    @DisplayName("comparing three variants: one pill per variant, named by its label, each telling its own run")
    void threeVariants(FxRobot robot) {
        io.interleave.scenario.Scenario three = Presets.load("three-requests").orElseThrow().withVariants(List.of(
                io.interleave.scenario.Variant.of("1 thread", Policy.SYNC, 1),
                io.interleave.scenario.Variant.of("3 threads", Policy.SYNC, 3),
                io.interleave.scenario.Variant.of("One loop", Policy.EVENT_LOOP)));
        robot.interact(() -> traces.set(Simulation.compare(three)));
        assertThat(robot.lookup("#policySwitch").query().isVisible()).isTrue();
        assertThat(robot.lookup("#narrateThird").queryAs(javafx.scene.control.ToggleButton.class).getText()).isEqualTo("One loop");
        assertThat(robot.lookup("#narrateSecond").queryAs(javafx.scene.control.ToggleButton.class).getText()).isEqualTo("3 threads");
        robot.clickOn("#narrateThird");
        assertThat(vm.shownProperty().get()).isEqualTo(2);
        assertThat(log(robot).getItems().get(1).text()).isEqualTo("R1 awaits database (db query); the loop is idle");
        robot.clickOn("#narrateSecond");
        assertThat(vm.shownProperty().get()).isEqualTo(1);
        assertThat(log(robot).getItems().get(1).text()).isEqualTo("R1 waits on database (db query), holding thread 1");
    }

    @Test
    @DisplayName("while playing, the current line is kept in view")
    void followsWhilePlaying(FxRobot robot) throws TimeoutException {
        Trace many = Simulation.trace(Presets.load("async-same-wait").orElseThrow());
        robot.interact(() -> traces.set(List.of(many)));
        robot.interact(playback::restart);
        int last = log(robot).getItems().size() - 1;
        assertThat(last).isGreaterThan(30);
        robot.interact(() -> playback.seek(many.endMs() - 1));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !currentCells(robot).isEmpty());
        assertThat(currentCells(robot)).containsExactly(log(robot).getItems().get(vm.currentProperty().get()).text());
    }

    @Test
    @DisplayName("the pause-at fields set the breakpoints; a time that is not a number is marked invalid and ignored")
    void breakpointFields(FxRobot robot) {
        robot.clickOn("#pauseTime").write("120");
        assertThat(vm.breakpointsProperty().get().atMs()).hasValue(120);
        robot.eraseText(3).write("soon");
        assertThat(vm.pauseTimeValidProperty().get()).isFalse();
        assertThat(robot.lookup("#pauseTime").query().getPseudoClassStates()).contains(PseudoClass.getPseudoClass("invalid"));
        assertThat(vm.breakpointsProperty().get().atMs()).isEmpty();
        robot.clickOn("#pauseRejection");
        assertThat(vm.breakpointsProperty().get().anyRejection()).isTrue();
        assertThat(vm.requestChoices()).containsExactly(0, 1, 2, 3);

        // A chosen request survives a re-simulation (a slider moved) that still has it, in the picker too.
        javafx.scene.control.ComboBox<Integer> picker = robot.lookup("#pauseRequest").queryComboBox();
        robot.interact(() -> picker.setValue(2));
        assertThat(vm.breakpointsProperty().get().requestId()).hasValue(2);
        robot.interact(() -> traces.set(List.of(trace(Policy.EVENT_LOOP))));
        assertThat(picker.getValue()).isEqualTo(2);
        assertThat(vm.breakpointsProperty().get().requestId()).hasValue(2);
    }
}
