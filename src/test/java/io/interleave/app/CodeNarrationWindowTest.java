package io.interleave.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.trace.narration.NarrationLine;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ListView;
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

/** The narration names each step's code line while the code window is open, and stops when it closes. */
@ExtendWith(ApplicationExtension.class)
@DisplayName("Narration naming the code: on while View ▸ Code is open, off again when it closes")
class CodeNarrationWindowTest {
    private static final String TITLE = "Code: the handlers as Python";

    @Start
    void start(Stage stage) {
        new InterleaveApp().start(stage);
    }

    @Test
    @DisplayName("F12: \"R1 waits on database (db query) at `db_query()`\"; closing the code window: the words without the code")
    void namesCodeWhileTheCodeIsOpen(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> !lines(robot).isEmpty()));
        assertThat(onFx(() -> lines(robot).stream().noneMatch(l -> l.contains("`")))).isTrue();
        assertThat(onFx(() -> lines(robot).contains("R1 waits on database (db query), holding the thread"))).isTrue();

        robot.press(KeyCode.F12).release(KeyCode.F12);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> codeWindow().isPresent()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() ->
                lines(robot).contains("R1 waits on database (db query) at `db_query()`, holding the thread")));

        robot.interact(() -> codeWindow().ifPresent(Window::hide));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() ->
                lines(robot).contains("R1 waits on database (db query), holding the thread")));
        assertThat(onFx(() -> lines(robot).stream().noneMatch(l -> l.contains("`")))).isTrue();
    }

    @org.junit.jupiter.api.AfterEach
    void closeTheCodeWindow(FxRobot robot) {
        robot.interact(() -> codeWindow().ifPresent(Window::hide));
    }

    private static java.util.Optional<Window> codeWindow() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && TITLE.equals(s.getTitle()) && s.isShowing()).findFirst();
    }

    @SuppressWarnings("unchecked")
    private static List<String> lines(FxRobot robot) {
        ListView<NarrationLine> log = robot.lookup("#log").queryAs(ListView.class);
        return log.getItems().stream().map(NarrationLine::text).toList();
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> what) throws Exception {
        return WaitForAsyncUtils.asyncFx(what).get(5, TimeUnit.SECONDS);
    }
}
