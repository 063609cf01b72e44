package io.interleave.app.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.app.InterleaveApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javafx.scene.control.Label;
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

/** The start after a crash whose autosave was damaged: nothing is deleted, and the window says where it is. */
@ExtendWith(ApplicationExtension.class)
class UnreadableAutosaveWindowTest {
    private static final String DAMAGED = "{ \"schema\": 1, \"name\": \"Thr";

    @TempDir
    Path config;

    private Path copy;

    @Start
    void start(Stage stage) {
        try {
            Autosave crashed = Autosave.claimNew(config);
            crashed.write(DocumentViewModelTest.THREE.withSeed(9), Optional.empty());
            crashed.release();
            copy = crashed.file();
            Files.writeString(copy, DAMAGED); // cut short, as by a full disk
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
    @DisplayName("an unreadable autosave is set aside under a name that says so, and a notice names the file and the reason")
    void unreadable(FxRobot robot) throws TimeoutException, IOException {
        Label toast = robot.lookup("#toastText").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> toast.getText() != null && !toast.getText().isEmpty()).get(5, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
        List<Path> aside;
        try (Stream<Path> files = Files.list(config)) {
            aside = files.filter(f -> f.getFileName().toString().contains(".unreadable-")).toList();
        }
        assertThat(aside).singleElement().satisfies(f -> assertThat(Files.readString(f)).isEqualTo(DAMAGED));
        assertThat(copy).doesNotExist();
        assertThat(toast.getText())
                .startsWith("An autosave could not be read, so it is kept in " + config + " as " + aside.get(0).getFileName() + " (")
                .contains("line 1");
        assertThat(robot.lookup(".dialog-pane").tryQuery()).as("nothing to restore, nothing asked").isEmpty();
    }
}
