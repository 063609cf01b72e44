package io.interleave.app.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.app.AppViewModel;
import io.interleave.app.InterleaveApp;
import io.interleave.scenario.Presets;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.ScenarioJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window with its real dialogs: files that would hang a reader, and Reload preset, which must lose nothing. */
@ExtendWith(ApplicationExtension.class)
class WindowFileSafetyTest {

    private static final String REFUSED = ": is not a regular file (a pipe or a device); save the scenario to a file first";

    @TempDir
    Path dir;
    @TempDir
    Path config;

    private Stage stage;
    private AppViewModel vm;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        System.setProperty(ConfigDir.PROPERTY, config.toString());
        new InterleaveApp().start(stage);
    }

    @BeforeEach
    void shown(FxRobot robot) throws TimeoutException {
        vm = ((AppViewModel) FilesWindow.viewModel(stage));
        await(() -> vm.tracesProperty().get().size() == 1);
        robot.clickOn("#timeline");
    }

    @AfterEach
    void clear() {
        System.clearProperty(ConfigDir.PROPERTY);
    }

    @Test
    @DisplayName("opening a FIFO or /dev/zero shows the one-line error at once and leaves the scenario untouched")
    void fifoAndDevZero(FxRobot robot) throws Exception {
        Scenario before = vm.scenarioProperty().get();
        Path fifo = DocumentViewModelTest.fifo(dir);
        robot.interact(() -> vm.document().open(fifo));
        assertError(robot, "Cannot open pipe.json", fifo + REFUSED);
        Path zero = Path.of("/dev/zero");
        Assumptions.assumeTrue(Files.exists(zero), "no /dev/zero here");
        robot.interact(() -> vm.document().open(zero));
        assertError(robot, "Cannot open zero", zero + REFUSED);
        assertThat(vm.scenarioProperty().get()).isSameAs(before);
        assertThat(stage.getTitle()).isEqualTo("Interleave");
    }

    @Test
    @DisplayName("while a file is being read the window keeps working; a refused file then changes nothing")
    void responsiveWhileReading(FxRobot robot) throws Exception {
        Path fifo = DocumentViewModelTest.fifo(dir);
        CountDownLatch slowDisk = new CountDownLatch(1);
        vm.document().useReader(path -> {
            try {
                slowDisk.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ScenarioJson.read(path);
        });
        robot.interact(() -> vm.document().open(fifo));
        assertThat(vm.document().readingProperty().get()).isTrue();
        Slider workers = robot.lookup("#workersSlider").query();
        // Runs on the FX thread while the read waits: it would time out if the read held that thread.
        WaitForAsyncUtils.asyncFx(() -> workers.setValue(2)).get(5, TimeUnit.SECONDS);
        Scenario edited = vm.scenarioProperty().get();
        assertThat(edited.server().workers()).isEqualTo(2);
        assertThat(robot.lookup(".dialog-pane").tryQuery()).isEmpty();

        slowDisk.countDown();
        assertError(robot, "Cannot open pipe.json", fifo + REFUSED);
        assertThat(vm.scenarioProperty().get()).isSameAs(edited);
        assertThat(vm.document().readingProperty().get()).isFalse();
    }

    @Test
    @DisplayName("Reload preset (Ctrl+Shift+R) asks nothing, keeps the edits in the autosave, and Ctrl+Z brings them back")
    void reloadIsUndoable(FxRobot robot) throws Exception {
        Scenario lesson = vm.scenarioProperty().get();
        assertThat(lesson).isEqualTo(Presets.load("three-requests").orElseThrow());
        Slider workers = robot.lookup("#workersSlider").query();
        robot.interact(() -> workers.setValue(3));
        Scenario edited = vm.scenarioProperty().get();
        assertThat(stage.getTitle()).isEqualTo("• Three requests — Interleave");

        robot.clickOn("#timeline").push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.R);
        await(() -> vm.scenarioProperty().get().equals(lesson));
        assertThat(robot.lookup(".dialog-pane").tryQuery()).as("no question").isEmpty();
        assertThat(stage.getTitle()).isEqualTo("Interleave");
        assertThat(vm.notices().currentProperty().get().text()).isEqualTo("Reloaded Three requests. Ctrl+Z brings your edits back.");
        assertThat(robot.lookup("#toastText").queryAs(Label.class).getText())
                .isEqualTo("Reloaded Three requests. Ctrl+Z brings your edits back.");
        assertThat(robot.lookup("#toastAction").queryButton().getText()).isEqualTo("Undo");
        assertThat(autosaves()).as("the edits stay in the autosave").singleElement()
                .satisfies(f -> assertThat(ScenarioJson.read(f)).isEqualTo(edited));

        robot.clickOn("#timeline").push(KeyCode.SHORTCUT, KeyCode.Z);
        await(() -> vm.scenarioProperty().get().equals(edited));
        assertThat(stage.getTitle()).isEqualTo("• Three requests — Interleave");
        assertThat(robot.lookup("#workersField").queryAs(javafx.scene.control.TextField.class).getText()).isEqualTo("3");
        assertThat(autosaves()).singleElement().satisfies(f -> assertThat(ScenarioJson.read(f)).isEqualTo(edited));
    }

    private List<Path> autosaves() throws java.io.IOException {
        try (Stream<Path> files = Files.list(config)) {
            return files.filter(f -> f.getFileName().toString().matches("autosave-[0-9a-f]{8}\\.json")).toList();
        }
    }

    /** The window's error dialog shows {@code message}; closes it. */
    private static void assertError(FxRobot robot, String title, String message) throws TimeoutException {
        await(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(pane.getHeaderText()).isEqualTo(title);
        assertThat(pane.getContentText()).isEqualTo(message);
        robot.interact(() -> ((Button) pane.lookupButton(javafx.scene.control.ButtonType.OK)).fire());
        await(() -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
    }

    /** Waits for {@code condition}, read on the FX thread. */
    private static void await(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get(5, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
