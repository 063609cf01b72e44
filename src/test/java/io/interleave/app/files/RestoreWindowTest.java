package io.interleave.app.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.app.AppViewModel;
import io.interleave.app.InterleaveApp;
import io.interleave.scenario.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The start after a crash, with the real dialog: the unsaved work is offered back. */
@ExtendWith(ApplicationExtension.class)
class RestoreWindowTest {
    private static final Scenario UNSAVED = DocumentViewModelTest.THREE.withSeed(1234);

    @TempDir
    Path config;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        try {
            Autosave crashed = Autosave.claimNew(config); // a session that did not close cleanly
            crashed.write(UNSAVED, Optional.empty());
            crashed.release();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty(ConfigDir.PROPERTY, config.toString());
        new InterleaveApp().start(stage);
    }

    @AfterEach
    void clear() {
        System.clearProperty(ConfigDir.PROPERTY);
    }

    @Test
    @DisplayName("an autosave from a crash is offered back at start; Restore shows it as unsaved work")
    void restore(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(pane.getHeaderText()).startsWith("Restore your unsaved work on Three requests from today at ").endsWith("?");
        robot.clickOn(robot.from(pane).lookup(".button").match(n -> ((Button) n).getText().equals("Restore")).queryButton());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ((AppViewModel) FilesWindow.viewModel(stage)).tracesProperty().get().size() == 1
                && ((AppViewModel) FilesWindow.viewModel(stage)).tracesProperty().get().get(0).scenario().equals(UNSAVED));
        assertThat(((AppViewModel) FilesWindow.viewModel(stage)).scenarioProperty().get()).isEqualTo(UNSAVED);
        assertThat(stage.getTitle()).isEqualTo("• Three requests — Interleave");
    }
}
