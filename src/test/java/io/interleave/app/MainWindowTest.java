package io.interleave.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.app.timeline.TimelineView;
import io.interleave.render.ViewMode;
import io.interleave.scenario.Policy;
import io.interleave.trace.Trace;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window end to end, headless: what a teacher clicks and what they then see. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        new InterleaveApp().start(stage);
    }

    @BeforeEach
    void lessonSimulated(FxRobot robot) throws TimeoutException {
        await(() -> timeline(robot).tracesProperty().get().size() == 1);
        // the lesson opens at 0 ms (MetricsPanelTest.firstLessonOpensAtZero); these tests read the whole run
        javafx.scene.control.Slider scrubber = robot.lookup("#scrubber").query();
        robot.interact(() -> scrubber.setValue(scrubber.getMax()));
        await(() -> text(robot, "#value-max-0").equals("166 ms"));
    }

    @Test
    @DisplayName("the window opens titled Interleave with the three-request lesson simulated")
    void opensWithLesson(FxRobot robot) {
        assertThat(stage.getTitle()).isEqualTo("Interleave");
        assertThat(stage.getScene().getWidth()).isEqualTo(Math.min(InterleaveApp.WIDTH,
                javafx.stage.Screen.getPrimary().getVisualBounds().getWidth()));
        assertThat(text(robot, "#value-completed-0")).isEqualTo("3");
        assertThat(text(robot, "#column-0")).isEqualTo(Policy.SYNC.displayName());
        assertThat(robot.lookup("#column-1").tryQuery()).isEmpty();
        assertThat(text(robot, "#scenarioName")).isEqualTo("Three requests");
        assertThat(text(robot, "#description")).startsWith("R1 and R2 spend 80 of their 100 ms");
        assertThat(timeline(robot).tracesProperty().get().get(0).requests()).hasSize(3);
    }

    @Test
    @DisplayName("Play moves the now line forward from 0; pressing it again pauses")
    void playAdvancesThePlayhead(FxRobot robot) throws TimeoutException {
        TimelineView timeline = timeline(robot);
        assertThat(timeline.playheadMsProperty().get()).isEqualTo(Double.POSITIVE_INFINITY);
        robot.clickOn("#playButton");
        await(() -> timeline.playheadMsProperty().get() > 2 && timeline.playheadMsProperty().get() < 236);
        double first = timeline.playheadMsProperty().get();
        await(() -> timeline.playheadMsProperty().get() > first);
        assertThat(robot.lookup("#playButton").queryButton().getText()).contains("Pause");
        robot.clickOn("#playButton");
        double paused = timeline.playheadMsProperty().get();
        WaitForAsyncUtils.sleep(150, TimeUnit.MILLISECONDS);
        assertThat(timeline.playheadMsProperty().get()).isEqualTo(paused);
    }

    @Test
    @DisplayName("keys: Home restarts, Right and Left step between events, Space plays")
    void keyboardPlayback(FxRobot robot) throws TimeoutException {
        TimelineView timeline = timeline(robot);
        robot.clickOn("#timeline");
        robot.type(KeyCode.HOME);
        assertThat(timeline.playheadMsProperty().get()).isZero();
        robot.type(KeyCode.RIGHT);
        robot.type(KeyCode.RIGHT);
        assertThat(timeline.playheadMsProperty().get()).isEqualTo(40);
        robot.type(KeyCode.LEFT);
        assertThat(timeline.playheadMsProperty().get()).isEqualTo(10);
        robot.type(KeyCode.SPACE);
        await(() -> timeline.playheadMsProperty().get() > 12);
    }

    @Test
    @DisplayName("the scrubber seeks backwards and forwards")
    void scrubberSeeks(FxRobot robot) {
        Slider scrubber = robot.lookup("#scrubber").query();
        robot.interact(() -> scrubber.setValue(120));
        assertThat(timeline(robot).playheadMsProperty().get()).isEqualTo(120);
        robot.interact(() -> scrubber.setValue(30));
        assertThat(timeline(robot).playheadMsProperty().get()).isEqualTo(30);
        assertThat(text(robot, "#timeLabel")).isEqualTo("30.0 ms / 236.0 ms");
    }

    @Test
    @DisplayName("three sync workers: nobody queues, the worst response drops from 166 to 100 ms")
    void workersSliderChangesMetrics(FxRobot robot) throws TimeoutException {
        Slider workers = robot.lookup("#workersSlider").query();
        robot.interact(() -> workers.setValue(3));
        await(() -> text(robot, "#value-max-0").equals("100 ms"));
        assertThat(robot.lookup("#workersField").queryAs(TextField.class).getText()).isEqualTo("3");
        assertThat(timeline(robot).tracesProperty().get().get(0).scenario().server().workers()).isEqualTo(3);
    }

    @Test
    @DisplayName("compare shows both policies on the timeline and in two metric columns with the difference")
    void compareShowsBoth(FxRobot robot) throws TimeoutException {
        robot.clickOn("#compareToggle");
        TimelineView timeline = timeline(robot);
        await(() -> timeline.tracesProperty().get().size() == 2);
        assertThat(timeline.tracesProperty().get()).extracting(t -> t.scenario().server().policy())
                .containsExactly(Policy.SYNC, Policy.EVENT_LOOP);
        await(() -> robot.lookup("#value-max-1").tryQuery().isPresent());
        assertThat(text(robot, "#column-1")).isEqualTo(Policy.EVENT_LOOP.displayName());
        assertThat(text(robot, "#value-max-0")).isEqualTo("166 ms");
        assertThat(text(robot, "#value-max-1")).isEqualTo("100 ms");
        assertThat(text(robot, "#diff-max-1")).isEqualTo("1.7x lower");
        assertThat(text(robot, "#headline")).startsWith("Event loop vs Sync (threads): p95 1.7x lower");
        assertThat(robot.lookup("#policySync").queryAs(javafx.scene.control.ToggleButton.class).isDisabled()).isTrue();
    }

    @Test
    @DisplayName("the Workers toggle switches the timeline to one lane per worker")
    void workerView(FxRobot robot) {
        robot.clickOn("#viewWorkers");
        assertThat(timeline(robot).modeProperty().get()).isEqualTo(ViewMode.WORKERS);
        robot.clickOn("#viewRequests");
        assertThat(timeline(robot).modeProperty().get()).isEqualTo(ViewMode.REQUESTS);
    }

    @Test
    @DisplayName("menu accelerators: Ctrl+2 workers, Ctrl+1 requests, Ctrl+K compare")
    void accelerators(FxRobot robot) throws TimeoutException {
        robot.clickOn("#timeline");
        robot.push(KeyCode.SHORTCUT, KeyCode.K);
        await(() -> timeline(robot).tracesProperty().get().size() == 2);
        robot.push(KeyCode.SHORTCUT, KeyCode.DIGIT2);
        assertThat(timeline(robot).modeProperty().get()).isEqualTo(ViewMode.WORKERS);
        robot.push(KeyCode.SHORTCUT, KeyCode.DIGIT1);
        assertThat(timeline(robot).modeProperty().get()).isEqualTo(ViewMode.REQUESTS);
        robot.push(KeyCode.SHORTCUT, KeyCode.HOME);
        assertThat(timeline(robot).playheadMsProperty().get()).isZero();
        robot.push(KeyCode.SHORTCUT, KeyCode.RIGHT);
        assertThat(timeline(robot).playheadMsProperty().get()).isEqualTo(10);
        robot.push(KeyCode.SHORTCUT, KeyCode.CLOSE_BRACKET);
        assertThat(robot.lookup("#speedChoice").queryComboBox().getValue()).isEqualTo(2.0);
    }

    @Test
    @DisplayName("typing 0 or abc into workers shows why beside the field and keeps the last picture")
    void invalidValueKeepsPicture(FxRobot robot) {
        List<Trace> before = timeline(robot).tracesProperty().get();
        Label error = robot.lookup("#workersError").query();
        assertThat(error.isVisible()).isFalse();
        robot.doubleClickOn("#workersField").eraseText(3).write("0");
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).isEqualTo("workers: must be between 1 and 10000, was 0");
        robot.eraseText(1).write("abc");
        assertThat(error.getText()).isEqualTo("workers: must be a whole number, was 'abc'");
        WaitForAsyncUtils.sleep(SimulationRunner.DEBOUNCE_MS * 3L, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(timeline(robot).tracesProperty().get()).isSameAs(before);
        assertThat(text(robot, "#value-max-0")).isEqualTo("166 ms");
    }

    @Test
    @DisplayName("removing a type the preset's arrival list names is refused with the reason")
    void removeRefused(FxRobot robot) {
        robot.interact(() -> robot.lookup("#type1Remove").queryAs(Button.class).fire());
        assertThat(text(robot, "#mixError")).isEqualTo("Cannot remove lookup: arrivals.at[2].type: unknown request type 'lookup'");
        assertThat(robot.lookup("#type1Remove").tryQuery()).isPresent();
    }

    @Test
    @DisplayName("the type editor refuses a rename the arrival list cannot follow, and applies a segment edit")
    void editsATypeSegmentBySegment(FxRobot robot) throws TimeoutException {
        // The card is below the fold of the left panel; fire it as the keyboard would (the dialog blocks, so not through interact).
        Button edit = robot.lookup("#type1Edit").queryButton();
        javafx.application.Platform.runLater(edit::fire);
        await(() -> robot.lookup(".type-editor").tryQuery().isPresent());
        javafx.scene.Node editor = robot.lookup(".type-editor").query();
        Button ok = robot.lookup(".button").match(n -> n instanceof Button b && b.getText().equals("OK")).queryButton();
        robot.interact(() -> robot.from(editor).lookup("#nameField").queryAs(TextField.class).setText("search"));
        assertThat(robot.from(editor).lookup("#error").queryAs(Label.class).getText())
                .isEqualTo("arrivals.at[2].type: unknown request type 'lookup'");
        assertThat(ok.isDisabled()).isTrue();
        robot.interact(() -> {
            robot.from(editor).lookup("#nameField").queryAs(TextField.class).setText("lookup");
            robot.from(editor).lookup(".segment-row").nth(0).lookup("#duration").queryAs(TextField.class).setText("30");
        });
        assertThat(ok.isDisabled()).isFalse();
        robot.clickOn(ok);
        await(() -> text(robot, "#value-max-0").equals("192 ms"));
        assertThat(robot.lookup("#type1ComputeField").queryAs(TextField.class).getText()).isEqualTo("34");
    }

    @Test
    @DisplayName("a large run simulates off the FX thread with a progress indicator, then replaces the picture")
    void largeRunInBackground(FxRobot robot) throws TimeoutException {
        robot.interact(() -> {
            robot.lookup("#patternChoice").queryComboBox().getSelectionModel().select("poisson");
            robot.lookup("#countField").queryAs(TextField.class).setText("60000");
        });
        // (the short run the pattern switch starts may show the indicator for a moment first)
        await(() -> robot.lookup("#progress").query().isVisible() && text(robot, "#statusLabel").startsWith("Simulating")
                && timeline(robot).tracesProperty().get().get(0).requests().size() != 60_000);
        long before = System.nanoTime();
        robot.interact(() -> { });
        assertThat((System.nanoTime() - before) / 1e6).as("the FX thread answers while simulating").isLessThan(500);
        await(() -> timeline(robot).tracesProperty().get().get(0).requests().size() == 60_000);
        assertThat(text(robot, "#value-completed-0")).isEqualTo("60,000");
        assertThat(robot.lookup("#progress").query().isVisible()).isFalse();
    }

    @Test
    @DisplayName("Space on a check box reached with Tab ticks it and does not play; after a mouse click elsewhere Space plays")
    void spaceOnAKeyboardFocusedCheckBox(FxRobot robot) throws TimeoutException {
        javafx.scene.control.CheckBox rejection = robot.lookup("#pauseRejection").queryAs(javafx.scene.control.CheckBox.class);
        robot.clickOn("#pauseTime");
        robot.type(javafx.scene.input.KeyCode.TAB);
        await(rejection::isFocused);
        assertThat(rejection.isFocusVisible()).isTrue();

        robot.type(javafx.scene.input.KeyCode.SPACE);
        await(rejection::isSelected);
        assertThat(robot.lookup("#playButton").queryButton().getText()).doesNotContain("Pause");

        robot.clickOn("#compareToggle");
        robot.type(javafx.scene.input.KeyCode.SPACE);
        await(() -> robot.lookup("#playButton").queryButton().getText().contains("Pause"));
        robot.type(javafx.scene.input.KeyCode.SPACE);
    }

    @Test
    @DisplayName("adding a type to a lesson that lists its arrivals says that the type gets no requests")
    void addingATypeToExplicitArrivalsSaysSo(FxRobot robot) {
        AppViewModel vm = vm();
        robot.interact(() -> vm.addType(io.interleave.app.editor.TypeEditorViewModel.newType(vm.scenarioProperty().get())));
        Label note = robot.lookup("#mixNote").query();
        assertThat(note.isVisible()).isTrue();
        assertThat(note.getText()).isEqualTo("Added type 3, but this scenario lists its arrivals one by one, so type 3 gets no requests yet."
                + " Pick another arrival pattern (poisson, uniform…) to draw types by weight.");
        robot.interact(() -> robot.lookup("#patternChoice").queryComboBox().getSelectionModel().select("poisson"));
        robot.interact(() -> vm.addType(io.interleave.app.editor.TypeEditorViewModel.newType(vm.scenarioProperty().get())));
        assertThat(note.isVisible()).as("drawn by weight: nothing to say").isFalse();
    }

    @Test
    @DisplayName("Remove takes a type out with a notice, and Undo remove puts it back where it was")
    void removeCanBeUndone(FxRobot robot) throws TimeoutException {
        AppViewModel vm = vm();
        robot.interact(() -> robot.lookup("#patternChoice").queryComboBox().getSelectionModel().select("poisson"));
        io.interleave.scenario.Scenario before = vm.scenarioProperty().get();
        robot.interact(() -> robot.lookup("#type0Remove").queryAs(Button.class).fire());
        assertThat(vm.scenarioProperty().get().requestTypes()).extracting(t -> t.name()).containsExactly("lookup");
        assertThat(vm.notices().currentProperty().get().text()).isEqualTo("Removed report.");
        assertThat(robot.lookup("#toastAction").queryButton().getText()).isEqualTo("Undo");
        Button undo = robot.lookup("#undoRemoveButton").queryButton();
        assertThat(undo.isVisible()).isTrue();
        robot.interact(undo::fire);
        assertThat(vm.scenarioProperty().get()).isEqualTo(before);
        assertThat(undo.isVisible()).isFalse();
        await(() -> robot.lookup("#type1Remove").tryQuery().isPresent());
    }

    @Test
    @DisplayName("compare: each variant's workers are typed in its own row and the run uses them")
    void variantWorkers(FxRobot robot) throws TimeoutException {
        robot.clickOn("#compareToggle");
        await(() -> timeline(robot).tracesProperty().get().size() == 2);
        TextField workers = robot.lookup("#variant0Workers").queryAs(TextField.class);
        assertThat(workers.isVisible()).isTrue();
        assertThat(workers.getText()).isEqualTo("1");
        robot.interact(() -> workers.setText("3"));
        await(() -> timeline(robot).tracesProperty().get().get(0).scenario().server().workers() == 3);
        assertThat(text(robot, "#value-max-0")).isEqualTo("100 ms");
        assertThat(timeline(robot).tracesProperty().get().get(1).scenario().server().workers()).isEqualTo(1);
        assertThat(robot.lookup("#compareToggle").queryAs(javafx.scene.control.ToggleButton.class).getText()).isEqualTo("Compare");
    }

    @Test
    @DisplayName("the type editor marks the duration field whose text it cannot read")
    void editorMarksTheDurationField(FxRobot robot) throws TimeoutException {
        Button edit = robot.lookup("#type0Edit").queryButton();
        javafx.application.Platform.runLater(edit::fire);
        await(() -> robot.lookup(".type-editor").tryQuery().isPresent());
        javafx.scene.Node editor = robot.lookup(".type-editor").query();
        TextField duration = robot.from(editor).lookup(".segment-row").nth(1).lookup("#duration").queryAs(TextField.class);
        javafx.css.PseudoClass invalid = javafx.css.PseudoClass.getPseudoClass("invalid");
        assertThat(duration.getPseudoClassStates()).doesNotContain(invalid);
        robot.interact(() -> duration.setText("abc"));
        assertThat(duration.getPseudoClassStates()).contains(invalid);
        TextField other = robot.from(editor).lookup(".segment-row").nth(0).lookup("#duration").queryAs(TextField.class);
        assertThat(other.getPseudoClassStates()).doesNotContain(invalid);
        robot.interact(() -> duration.setText("80"));
        assertThat(duration.getPseudoClassStates()).doesNotContain(invalid);
        Button cancel = robot.lookup(".button").match(n -> n instanceof Button b && b.getText().equals("Cancel")).queryButton();
        robot.interact(cancel::fire);
    }

    private AppViewModel vm() {
        return (AppViewModel) stage.getScene().getRoot().getProperties().get(AppViewModel.class);
    }

    private static TimelineView timeline(FxRobot robot) {
        return robot.lookup("#timeline").queryAs(TimelineView.class);
    }

    private static String text(FxRobot robot, String query) {
        AtomicReference<String> out = new AtomicReference<>("");
        robot.lookup(query).tryQueryAs(javafx.scene.control.Labeled.class).ifPresent(l -> out.set(l.getText()));
        return out.get();
    }

    private static void await(java.util.concurrent.Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
