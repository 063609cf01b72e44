package io.interleave.app.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.app.AppViewModel;
import io.interleave.app.InterleaveApp;
import io.interleave.app.timeline.TimelineView;
import io.interleave.render.TimelineExport;
import io.interleave.render.ViewMode;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.ScenarioJson;
import io.interleave.trace.Trace;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Slider;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import javax.imageio.ImageIO;
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

/** The File menu in the window, headless, with the dialogs answered by the test. */
@ExtendWith(ApplicationExtension.class)
class FilesWindowTest {

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
    void answered(FxRobot robot) throws TimeoutException {
        vm = ((AppViewModel) FilesWindow.viewModel(stage));
        vm.document().useDialogs(dialogs);
        vm.export().useDialogs(dialogs);
        await(() -> vm.tracesProperty().get().size() == 1);
        robot.clickOn("#timeline");
    }

    @AfterEach
    void clear() {
        System.clearProperty(ConfigDir.PROPERTY);
    }

    @Test
    @DisplayName("Ctrl+O on an invalid file: the error names the file and JSON path; scenario and picture stay exactly as they were")
    void openInvalid(FxRobot robot) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, DocumentViewModelTest.presetText().replace("\"ms\": 10, \"label\": \"render page\"",
                "\"ms\": { \"dist\": \"exponential\", \"mean\": 0 }, \"label\": \"render page\""));
        Scenario before = vm.scenarioProperty().get();
        List<Trace> traces = vm.tracesProperty().get();
        dialogs.file(bad);
        robot.push(KeyCode.SHORTCUT, KeyCode.O);
        await(() -> !dialogs.errors.isEmpty()); // the file is read off the FX thread
        assertThat(dialogs.errors).containsExactly(bad + ": requestTypes[0].segments[2].ms.mean: must be > 0, was 0");
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.scenarioProperty().get()).isSameAs(before);
        assertThat(vm.tracesProperty().get()).isSameAs(traces);
        assertThat(stage.getTitle()).isEqualTo("Interleave");
    }

    @Test
    @DisplayName("open a file, edit, Ctrl+S: the title names the file and marks changes; the saved file reads back equal; Open Recent lists it")
    void openEditSave(FxRobot robot) throws Exception {
        Path lesson = dir.resolve("lesson.json");
        Files.writeString(lesson, ScenarioJson.write(DocumentViewModelTest.THREE.withSeed(11).withName("My lesson")));
        dialogs.file(lesson);
        robot.push(KeyCode.SHORTCUT, KeyCode.O);
        await(() -> stage.getTitle().equals("lesson.json — Interleave"));
        assertThat(robot.lookup("#scenarioName").queryLabeled().getText()).isEqualTo("My lesson");
        assertThat(robot.lookup("#presetChoice").queryAs(ComboBox.class).getValue()).isNull();

        Slider workers = robot.lookup("#workersSlider").query();
        robot.interact(() -> workers.setValue(2));
        assertThat(stage.getTitle()).isEqualTo("• lesson.json — Interleave");
        robot.push(KeyCode.SHORTCUT, KeyCode.S);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getTitle()).isEqualTo("lesson.json — Interleave");
        assertThat(ScenarioJson.read(lesson)).isEqualTo(vm.scenarioProperty().get());
        assertThat(ScenarioJson.read(lesson).server().workers()).isEqualTo(2);
        assertThat(fileMenu(robot).getItems().stream().filter(i -> "recentMenu".equals(i.getId())).findFirst()
                .map(m -> ((Menu) m).getItems().get(0).getText())).hasValueSatisfying(t -> assertThat(t).contains("lesson.json"));
        assertThat(RecentFiles.in(config).list()).containsExactly(lesson);
        assertThat(dialogs.asked).containsExactly("open"); // Save needed no question
    }

    @Test
    @DisplayName("compare mode: Ctrl+E PNG, SVG and results CSV contain both policies")
    void exportsInCompare(FxRobot robot) throws Exception {
        robot.clickOn("#compareToggle");
        await(() -> vm.tracesProperty().get().size() == 2);
        List<Trace> both = vm.tracesProperty().get();

        dialogs.options.add(Optional.of(new ExportOptions(2, false)));
        dialogs.file(dir.resolve("both.png"));
        robot.clickOn("#timeline").push(KeyCode.SHORTCUT, KeyCode.E);
        WaitForAsyncUtils.waitForFxEvents();
        BufferedImage png = ImageIO.read(dir.resolve("both.png").toFile());
        TimelineExport expected = new TimelineExport(both, ViewMode.REQUESTS, ExportViewModel.WIDTH, 1, vm.export().paletteProperty().get());
        assertThat(png.getWidth()).isEqualTo(3200);
        assertThat(png.getHeight()).isEqualTo((int) Math.round(Math.ceil(expected.height()) * 2));
        double oneHeight = new TimelineExport(both.subList(0, 1), ViewMode.REQUESTS, ExportViewModel.WIDTH, 1,
                vm.export().paletteProperty().get()).height();
        assertThat(png.getHeight()).isGreaterThan((int) (oneHeight * 2 * 1.5));
        assertThat(vm.notices().currentProperty().get().text())
                .isEqualTo("Saved both.png (3200 x " + png.getHeight() + ")");

        dialogs.options.add(Optional.of(new ExportOptions(1, false)));
        dialogs.file(dir.resolve("both")); // no extension typed: .svg is added
        robot.interact(() -> item(robot, "exportSvgItem").fire());
        String svg = Files.readString(dir.resolve("both.svg"));
        assertThat(ExportPictureTest.texts(svg, "section-title"))
                .containsExactly("Sync (threads) · 1 thread · 1 core", "Event loop · 1 loop · 1 core");

        dialogs.file(dir.resolve("results.csv"));
        robot.interact(() -> item(robot, "exportCsvItem").fire());
        List<String> csv = Files.readAllLines(dir.resolve("results.csv"), StandardCharsets.UTF_8);
        assertThat(csv.get(0)).isEqualTo(ResultsCsv.HEADER);
        assertThat(csv).hasSize(7);
        assertThat(csv.stream().filter(l -> l.contains(",event-loop,"))).hasSize(3);
        assertThat(vm.notices().currentProperty().get().text()).isEqualTo("Saved results.csv (6 requests)");
        assertThat(dialogs.asked).containsExactly("options PNG", "save PNG three-requests-compare.png",
                "options SVG", "save SVG three-requests-compare.svg", "save CSV three-requests-compare-results.csv");
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    @DisplayName("Ctrl+Shift+C puts the picture on the clipboard as an image")
    void copyImage(FxRobot robot) throws Exception {
        robot.push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.C);
        WaitForAsyncUtils.waitForFxEvents();
        AtomicReference<javafx.scene.image.Image> image = new AtomicReference<>();
        robot.interact(() -> image.set(Clipboard.getSystemClipboard().getImage()));
        assertThat(dialogs.errors).isEmpty();
        assertThat(image.get()).isNotNull();
        ExportPicture picture = vm.export().picture(vm.export().lastOptions());
        assertThat(image.get().getWidth()).isEqualTo(Math.round(Math.ceil(picture.width()) * ExportOptions.DEFAULT.scale()));
        assertThat(image.get().getHeight()).isEqualTo(Math.round(Math.ceil(picture.height()) * ExportOptions.DEFAULT.scale()));
        assertThat(vm.notices().currentProperty().get().text()).isEqualTo("Copied the picture ("
                + (long) image.get().getWidth() + " x " + (long) image.get().getHeight() + ") to the clipboard");
        assertThat(robot.lookup("#toastText").queryLabeled().getText()).startsWith("Copied the picture (");
        assertThat(robot.lookup("#toast").query().isVisible()).isTrue();
    }

    @Test
    @DisplayName("closing with unsaved changes asks; Cancel keeps the window open")
    void closeAsks(FxRobot robot) {
        Slider workers = robot.lookup("#workersSlider").query();
        robot.interact(() -> workers.setValue(3));
        assertThat(stage.getTitle()).isEqualTo("• Three requests — Interleave");

        dialogs.unsaved.add(FileDialogs.Unsaved.CANCEL);
        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        assertThat(stage.isShowing()).isTrue();
        assertThat(dialogs.asked).containsExactly("unsaved Three requests");
    }

    @Test
    @DisplayName("leaving a tweaked lesson asks nothing; Undo lesson switch or reload and Restore my changes bring the tweak back")
    void tweakedLessonSwitchIsUndoable(FxRobot robot) throws TimeoutException {
        Slider workers = robot.lookup("#workersSlider").query();
        robot.interact(() -> workers.setValue(3));
        Scenario edited = vm.scenarioProperty().get();
        @SuppressWarnings("unchecked")
        ComboBox<AppViewModel.PresetChoice> presets = robot.lookup("#presetChoice").queryAs(ComboBox.class);
        AppViewModel.PresetChoice three = presets.getValue();
        AppViewModel.PresetChoice other = presets.getItems().get(3);

        robot.interact(() -> presets.setValue(other));
        await(() -> vm.scenarioProperty().get().name().equals(other.name()));
        assertThat(dialogs.asked).as("no modal question").isEmpty();
        assertThat(stage.getTitle()).isEqualTo("Interleave");
        assertThat(vm.notices().currentProperty().get().text())
                .isEqualTo("Your changes to Three requests are kept: Scenario ▸ Undo lesson switch or reload (Ctrl+Z).");
        assertThat(scenarioItem(robot, "undoSwitchMenuItem").isDisable()).isFalse();

        robot.clickOn("#timeline").push(KeyCode.SHORTCUT, KeyCode.Z);
        await(() -> presets.getValue() == three);
        assertThat(vm.scenarioProperty().get()).isEqualTo(edited);
        assertThat(stage.getTitle()).isEqualTo("• Three requests — Interleave");
        assertThat(robot.lookup("#workersField").queryAs(javafx.scene.control.TextField.class).getText()).isEqualTo("3");

        robot.interact(() -> presets.setValue(other));
        robot.interact(() -> presets.setValue(three));
        await(() -> vm.scenarioProperty().get().server().workers() == 1);
        assertThat(scenarioItem(robot, "restoreTweakMenuItem").isDisable()).isFalse();
        robot.interact(() -> scenarioItem(robot, "restoreTweakMenuItem").fire());
        assertThat(vm.scenarioProperty().get()).isEqualTo(edited);
        assertThat(scenarioItem(robot, "restoreTweakMenuItem").isDisable()).isTrue();
        assertThat(dialogs.asked).isEmpty();
    }

    @Test
    @DisplayName("Reload preset on a scenario saved to a file asks first, as leaving a file does; Cancel keeps the edits")
    void reloadOfAFileAsks(FxRobot robot) throws TimeoutException {
        Slider workers = robot.lookup("#workersSlider").query();
        robot.interact(() -> workers.setValue(2));
        dialogs.file(dir.resolve("mine.json"));
        robot.push(KeyCode.SHORTCUT, KeyCode.S);
        await(() -> stage.getTitle().equals("mine.json — Interleave"));
        robot.interact(() -> workers.setValue(3));
        Scenario edited = vm.scenarioProperty().get();

        dialogs.unsaved.add(FileDialogs.Unsaved.CANCEL);
        robot.clickOn("#timeline").push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.R);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.scenarioProperty().get()).isSameAs(edited);
        assertThat(stage.getTitle()).isEqualTo("• mine.json — Interleave");

        dialogs.unsaved.add(FileDialogs.Unsaved.DONT_SAVE);
        robot.clickOn("#timeline").push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.R);
        await(() -> vm.scenarioProperty().get().server().workers() == 1);
        assertThat(stage.getTitle()).isEqualTo("Interleave");
        assertThat(dialogs.asked).containsExactly("save SCENARIO three-requests.json", "unsaved mine.json", "unsaved mine.json");
    }

    @Test
    @DisplayName("a file with unsaved changes still asks before a lesson replaces it; Cancel keeps it")
    void fileWithChangesAsks(FxRobot robot) throws Exception {
        Path lesson = dir.resolve("lesson.json");
        Files.writeString(lesson, ScenarioJson.write(DocumentViewModelTest.THREE.withSeed(11).withName("My lesson")));
        robot.interact(() -> vm.document().open(lesson));
        await(() -> stage.getTitle().equals("lesson.json — Interleave"));
        Slider workers = robot.lookup("#workersSlider").query();
        robot.interact(() -> workers.setValue(3));
        Scenario edited = vm.scenarioProperty().get();

        @SuppressWarnings("unchecked")
        ComboBox<AppViewModel.PresetChoice> presets = robot.lookup("#presetChoice").queryAs(ComboBox.class);
        dialogs.unsaved.add(FileDialogs.Unsaved.CANCEL);
        robot.interact(() -> presets.setValue(presets.getItems().get(3)));
        await(() -> presets.getValue() == null);
        assertThat(dialogs.asked).containsExactly("unsaved lesson.json");
        assertThat(vm.scenarioProperty().get()).isSameAs(edited);

        dialogs.unsaved.add(FileDialogs.Unsaved.DONT_SAVE);
        robot.interact(() -> presets.setValue(presets.getItems().get(3)));
        await(() -> vm.scenarioProperty().get().name().equals(presets.getItems().get(3).name()));
        assertThat(stage.getTitle()).isEqualTo("Interleave");
    }

    private static MenuItem scenarioItem(FxRobot robot, String id) {
        return robot.lookup("#menuBar").queryAs(MenuBar.class).getMenus().get(1).getItems().stream()
                .filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }

    private static Menu fileMenu(FxRobot robot) {
        return robot.lookup("#menuBar").queryAs(MenuBar.class).getMenus().get(0);
    }

    private static MenuItem item(FxRobot robot, String id) {
        return fileMenu(robot).getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }

    private static void await(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
