package io.interleave.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.app.timeline.TimelineView;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The playback keys while the code window has the focus: Space, the arrows and Home drive the playback as
 * in the main window; in the handler's editor they type and move the caret instead.
 */
@ExtendWith(ApplicationExtension.class)
class CodeWindowKeysTest {
    private static final String TITLE = "Code: the handlers as Python";

    @Start
    void start(Stage stage) {
        new InterleaveApp().start(stage);
    }

    @AfterEach
    void closeTheCodeWindow(FxRobot robot) {
        robot.interact(() -> new java.util.ArrayList<>(Window.getWindows()).stream()
                .filter(w -> w instanceof Stage s && TITLE.equals(s.getTitle())).forEach(Window::hide));
    }

    @Test
    @DisplayName("in the code window → steps, Home restarts, Space plays and pauses; in the editor they are the editor's keys")
    void playbackKeysInTheCodeWindow(FxRobot robot) throws Exception {
        TimelineView timeline = robot.lookup("#timeline").queryAs(TimelineView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> timeline.tracesProperty().get().size() == 1));
        robot.interact(() -> robot.lookup("#speedChoice").queryComboBox().setValue(0.25));
        robot.press(KeyCode.F12).release(KeyCode.F12);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> codeWindow() != null));
        Label defLine = robot.lookup("#codeView").lookup(".label").match((Label l) -> l.getText().equals("def handle_report(request):"))
                .queryAs(Label.class);
        robot.clickOn(defLine);
        assertThat(onFx(() -> codeWindow().getScene().getFocusOwner() != null
                && !(codeWindow().getScene().getFocusOwner() instanceof TextArea))).as("the code has the keys, not the editor").isTrue();

        robot.push(KeyCode.HOME);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> timeline.playheadMsProperty().get() == 0));
        robot.push(KeyCode.RIGHT);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> timeline.playheadMsProperty().get() > 0));
        double stepped = onFxValue(() -> timeline.playheadMsProperty().get());
        assertThat(stepped).as("the first event after 0: R1 parsed, at 10 ms").isEqualTo(10);
        robot.push(KeyCode.RIGHT);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> timeline.playheadMsProperty().get() > stepped));
        robot.push(KeyCode.LEFT);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> timeline.playheadMsProperty().get() == stepped));

        robot.push(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> playing(robot)));
        robot.push(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> !playing(robot)));
        double paused = onFxValue(() -> timeline.playheadMsProperty().get());
        assertThat(paused).as("paused on the way, not at the end").isGreaterThan(stepped).isLessThan(Double.POSITIVE_INFINITY);

        // the editor is folded until asked for, so the code has the window
        javafx.scene.control.TitledPane edit = robot.lookup("#codeEditPane").queryAs(javafx.scene.control.TitledPane.class);
        assertThat(onFx(() -> !edit.isExpanded())).isTrue();
        robot.interact(() -> edit.setExpanded(true));
        TextArea editor = robot.lookup("#codeEditor").queryAs(TextArea.class);
        robot.clickOn(editor);
        robot.interact(() -> editor.positionCaret(0));
        String before = onFxValue(() -> editor.getText());
        robot.push(KeyCode.SPACE);
        robot.push(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFxValue(() -> editor.getText())).as("Space types a space in the editor").isEqualTo(" " + before);
        assertThat(onFxValue(() -> editor.getCaretPosition())).as("→ moves the caret").isEqualTo(2);
        assertThat(onFx(() -> playing(robot))).isFalse();
        assertThat(onFxValue(() -> timeline.playheadMsProperty().get())).isEqualTo(paused);

        robot.clickOn(defLine); // back on the code: the keys drive playback again
        robot.push(KeyCode.HOME);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> timeline.playheadMsProperty().get() == 0));

        robot.push(KeyCode.F12); // F12 again (or Esc) gives the screen back to the timeline
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> codeWindow() == null));
    }

    private static Stage codeWindow() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && TITLE.equals(s.getTitle()) && s.isShowing())
                .map(w -> (Stage) w).findFirst().orElse(null);
    }

    private static boolean playing(FxRobot robot) {
        Node button = robot.lookup("#playButton").query();
        return ((javafx.scene.control.Button) button).getText().contains("Pause");
    }

    private static boolean onFx(Callable<Boolean> condition) throws Exception {
        return WaitForAsyncUtils.asyncFx(condition).get(5, TimeUnit.SECONDS);
    }

    private static <T> T onFxValue(Callable<T> value) throws Exception {
        return WaitForAsyncUtils.asyncFx(value).get(5, TimeUnit.SECONDS);
    }
}
