package io.interleave.app.narration;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.app.InterleaveApp;
import io.interleave.app.timeline.TimelineView;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The narration and breakpoints in the whole window. */
@ExtendWith(ApplicationExtension.class)
class NarrationWindowTest {

    @Start
    void start(Stage stage) {
        new InterleaveApp().start(stage);
    }

    @Test
    @DisplayName("choose R2 under 'Pause at', press Play: playback stops exactly when R2 is done (200 ms) and says why")
    void playStopsAtChosenRequest(FxRobot robot) throws TimeoutException {
        TimelineView timeline = robot.lookup("#timeline").queryAs(TimelineView.class);
        // Conditions read the scene graph on the FX thread: the metrics panel rebuilds its table while the test waits.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> timeline.tracesProperty().get().size() == 1
                && robot.lookup("#log").queryListView().getItems().size() == 12));
        robot.clickOn("#pauseRequest");
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell").match((ListCell<?> c) -> "R2".equals(c.getText())).queryAs(ListCell.class));
        robot.interact(() -> robot.lookup("#speedChoice").queryComboBox().setValue(16.0));
        robot.clickOn("#playButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> !robot.lookup("#playButton").queryButton().getText().contains("Pause")
                && timeline.playheadMsProperty().get() > 0));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(timeline.playheadMsProperty().get()).isEqualTo(200);
        assertThat(robot.lookup("#pauseStatus").queryAs(Label.class).getText()).isEqualTo("Paused: R2 done in 160 ms");
        assertThat(robot.lookup(".narration-line").match((ListCell<?> c) -> c.getPseudoClassStates()
                .contains(javafx.css.PseudoClass.getPseudoClass("current"))).queryAs(ListCell.class).getItem().toString())
                .isEqualTo("200 ms — R2 done in 160 ms (alone: 100 ms, 1.6x as long); the thread picks up R3 (parse request)");
        // Playing on goes past it to the end.
        robot.clickOn("#playButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> Double.isInfinite(timeline.playheadMsProperty().get())));
        assertThat(robot.lookup("#pauseStatus").queryAs(Label.class).isVisible()).isFalse();
    }

    private static boolean onFx(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        return WaitForAsyncUtils.asyncFx(condition).get(5, TimeUnit.SECONDS);
    }
}
