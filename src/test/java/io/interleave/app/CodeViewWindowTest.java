package io.interleave.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** View ▸ Code in the whole window: F12 opens the handlers of the lesson shown. */
@ExtendWith(ApplicationExtension.class)
class CodeViewWindowTest {

    @Start
    void start(Stage stage) {
        new InterleaveApp().start(stage);
    }

    @Test
    @DisplayName("F12 opens the code window with the first lesson's handlers under sync")
    void f12OpensTheCodeView(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> robot.lookup("#timeline").tryQuery().isPresent()));
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        robot.press(KeyCode.F12).release(KeyCode.F12);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> Window.getWindows().stream()
                .anyMatch(w -> w instanceof Stage s && "Code: the handlers as Python".equals(s.getTitle()) && s.isShowing())));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> robot.lookup("#codeView").lookup(".label")
                .queryAllAs(Label.class).stream().anyMatch(l -> l.getText().equals("def handle_report(request):"))));
        assertThat(onFx(() -> robot.lookup("#codeView").lookup(".label").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().strip().startsWith("db_query()") && l.getText().contains("# wait 80 ms on database")))).isTrue();
    }

    @org.junit.jupiter.api.AfterEach
    void closeTheCodeWindow(FxRobot robot) {
        // a window left open would stay on the shared headless screen for the next test classes
        robot.interact(() -> new java.util.ArrayList<>(Window.getWindows()).stream()
                .filter(w -> w instanceof Stage s && "Code: the handlers as Python".equals(s.getTitle()))
                .forEach(Window::hide));
    }

    @Test
    @DisplayName("the code window stays inside the screen")
    void codeWindowOnScreen(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> robot.lookup("#timeline").tryQuery().isPresent()));
        robot.press(KeyCode.F12).release(KeyCode.F12);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> Window.getWindows().stream()
                .anyMatch(w -> w instanceof Stage s && "Code: the handlers as Python".equals(s.getTitle()) && s.isShowing())));
        assertThat(onFx(() -> {
            javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
            return Window.getWindows().stream().filter(w -> w instanceof Stage s && "Code: the handlers as Python".equals(s.getTitle()))
                    .allMatch(w -> w.getX() >= screen.getMinX() && w.getY() >= screen.getMinY()
                            && w.getX() + w.getWidth() <= screen.getMaxX() + 0.5 && w.getY() + w.getHeight() <= screen.getMaxY() + 0.5);
        })).isTrue();
    }

    private static boolean onFx(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        return WaitForAsyncUtils.asyncFx(condition).get(5, TimeUnit.SECONDS);
    }
}
