package io.interleave.app.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.app.AppViewModel;
import io.interleave.app.InterleaveApp;
import io.interleave.app.classroom.ClassroomLook;
import io.interleave.app.classroom.Panels.Panel;
import io.interleave.app.classroom.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import javafx.scene.input.KeyCode;
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

/** The window starts as it was left: projector mode, theme and folded panels from the configuration directory. */
@ExtendWith(ApplicationExtension.class)
class RememberedWindowTest {

    @TempDir
    static Path config;

    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Files.writeString(config.resolve(WindowSettings.FILE_NAME), "projector=true\ntheme=dark\nfolded=metrics\n");
        System.setProperty(ConfigDir.PROPERTY, config.toString());
        new InterleaveApp().start(stage);
    }

    @AfterEach
    void clear() {
        System.clearProperty(ConfigDir.PROPERTY);
    }

    @Test
    @DisplayName("F5, the dark theme and a folded metrics panel are remembered; F5 off is written back")
    void startsAsLeft(FxRobot robot) {
        AppViewModel vm = ((AppViewModel) FilesWindow.viewModel(stage));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.classroom().projectorProperty().get()).isTrue();
        assertThat(vm.classroom().themeProperty().get()).isEqualTo(Theme.DARK);
        assertThat(stage.getScene().getRoot().getStyleClass()).contains(ClassroomLook.PROJECTOR, Theme.DARK.styleClass());
        assertThat(vm.panels().isShown(Panel.METRICS)).isFalse();
        assertThat(robot.lookup("#metricsScroll").tryQuery()).isEmpty();
        assertThat(robot.lookup("#railMetrics").query().isVisible()).isTrue();

        robot.clickOn("#timeline").type(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WindowSettings.in(config).read()).isEqualTo(new WindowSettings.Values(false, Theme.DARK, Set.of(Panel.METRICS)));
    }
}
