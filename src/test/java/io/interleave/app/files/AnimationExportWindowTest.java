package io.interleave.app.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.app.AppViewModel;
import io.interleave.app.InterleaveApp;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** File ▸ Export Animation… in the window, headless, with the dialogs answered by the test. */
@ExtendWith(ApplicationExtension.class)
class AnimationExportWindowTest {

    @TempDir
    Path dir;
    @TempDir
    Path config;

    private Stage stage;
    private AppViewModel vm;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        System.setProperty(ConfigDir.PROPERTY, config.toString());
        new InterleaveApp().start(stage);
    }

    @BeforeEach
    void answered() throws TimeoutException {
        vm = ((AppViewModel) FilesWindow.viewModel(stage));
        vm.export().useDialogs(dialogs);
        await(() -> vm.tracesProperty().get().size() == 1);
    }

    @AfterEach
    void clear() {
        System.clearProperty(ConfigDir.PROPERTY);
    }

    @Test
    @DisplayName("Export Animation… writes a GIF of the playback in the background, with progress, and says so")
    void exportsAGif(FxRobot robot) throws Exception {
        dialogs.animationOptions.add(Optional.of(new AnimationOptions(false, 1, false, 1, 10, 0.5, true, false)));
        dialogs.file(dir.resolve("lesson")); // no extension typed: .gif is added
        robot.interact(() -> item(robot, "exportAnimationItem").fire());
        assertThat(dialogs.progress).containsExactly("Exporting lesson.gif");
        await(() -> !vm.export().animations().runningProperty().get());

        Path gif = dir.resolve("lesson.gif");
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertThat(reader.getNumImages(true)).isEqualTo(11);
            BufferedImage first = reader.read(0);
            assertThat(first.getWidth()).isEqualTo((int) ExportViewModel.WIDTH);
        }
        assertThat(dialogs.progress).containsExactly("Exporting lesson.gif (closed)");
        assertThat(vm.notices().currentProperty().get().text()).startsWith("Saved lesson.gif (1600 x ").contains(", 11 frames, ");
        assertThat(vm.export().animations().progressProperty().get()).isEqualTo(1.0);
        assertThat(dialogs.asked).containsExactly("animation options", "save GIF three-requests-animation.gif");
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    @DisplayName("Cancel stops the export: nothing is written and the notice says so")
    void cancel(FxRobot robot) throws Exception {
        dialogs.animationOptions.add(Optional.of(new AnimationOptions(false, 2, false, 60, 50, 2, true, false)));
        dialogs.file(dir.resolve("long.gif"));
        robot.interact(() -> item(robot, "exportAnimationItem").fire());
        assertThat(vm.export().animations().runningProperty().get()).isTrue();
        assertThat(item(robot, "exportAnimationItem").isDisable()).isTrue(); // one at a time
        dialogs.cancel.run();
        await(() -> !vm.export().animations().runningProperty().get());
        assertThat(dir.resolve("long.gif")).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty(); // no temporary file left either
        }
        assertThat(vm.notices().currentProperty().get().text()).isEqualTo("Export of long.gif cancelled; nothing was written");
        assertThat(item(robot, "exportAnimationItem").isDisable()).isFalse();
    }

    @Test
    @DisplayName("an animated SVG with captions: bars grow with SMIL, the narration is in it")
    void exportsAnAnimatedSvg(FxRobot robot) throws Exception {
        dialogs.animationOptions.add(Optional.of(new AnimationOptions(true, 1, false, 8, 10, 2, false, true)));
        dialogs.file(dir.resolve("lesson.svg"));
        robot.interact(() -> item(robot, "exportAnimationItem").fire());
        await(() -> !vm.export().animations().runningProperty().get());
        String svg = Files.readString(dir.resolve("lesson.svg"), StandardCharsets.UTF_8);
        assertThat(svg).contains("<animate attributeName=\"width\"", "class=\"caption\"").doesNotContain("cycle.begin");
        assertThat(vm.notices().currentProperty().get().text()).startsWith("Saved lesson.svg (").endsWith(", animated)");
    }

    private static MenuItem item(FxRobot robot, String id) {
        return robot.lookup("#menuBar").queryAs(MenuBar.class).getMenus().get(0).getItems().stream()
                .filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }

    private static void await(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
