package io.interleave.app.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.app.InterleaveApp;
import io.interleave.app.sweep.SweepChartView;
import io.interleave.app.sweep.SweepWindow;
import io.interleave.app.timeline.TimelineView;
import io.interleave.render.Palette;
import io.interleave.scenario.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Projector mode, themes, the shortcuts sheet, About, the sweep window and accessible names, headless. */
@ExtendWith(ApplicationExtension.class)
class ClassroomWindowTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        new InterleaveApp().start(stage);
    }

    @BeforeEach
    void simulated(FxRobot robot) throws TimeoutException {
        await(() -> !timeline(robot).tracesProperty().get().isEmpty());
    }

    @AfterEach
    void closeOthers(FxRobot robot) {
        robot.interact(() -> new ArrayList<>(Window.getWindows()).stream().filter(w -> w != stage).forEach(Window::hide));
    }

    @Test
    @DisplayName("F5 turns projector mode on: larger type in the scene and the timeline, menu item checked; F5 again turns it off")
    void projector(FxRobot robot) {
        TimelineView timeline = timeline(robot);
        Parent root = stage.getScene().getRoot();
        Label lesson = robot.lookup(".toolbar-label").queryAs(Label.class);
        double before = lesson.getFont().getSize();
        assertThat(timeline.textScaleProperty().get()).isEqualTo(1);

        robot.press(KeyCode.F5).release(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(root.getStyleClass()).contains(ClassroomLook.PROJECTOR);
        assertThat(timeline.textScaleProperty().get()).isEqualTo(ClassroomViewModel.PROJECTOR_TEXT_SCALE);
        assertThat(lesson.getFont().getSize()).isGreaterThanOrEqualTo(before * 1.15);
        assertThat(menuItem("Projector mode").orElseThrow()).extracting(i -> ((javafx.scene.control.CheckMenuItem) i).isSelected()).isEqualTo(true);

        robot.press(KeyCode.F5).release(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(root.getStyleClass()).doesNotContain(ClassroomLook.PROJECTOR);
        assertThat(timeline.textScaleProperty().get()).isEqualTo(1);
        assertThat(lesson.getFont().getSize()).isEqualTo(before);
    }

    @Test
    @DisplayName("Ctrl+Shift+D switches to the dark stylesheet and palette, and back")
    void theme(FxRobot robot) {
        TimelineView timeline = timeline(robot);
        Scene scene = stage.getScene();
        String dark = Theme.DARK.stylesheetUrl().orElseThrow();
        assertThat(scene.getStylesheets()).doesNotContain(dark);
        assertThat(timeline.paletteProperty().get()).isSameAs(Palette.LIGHT);

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D).release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(scene.getStylesheets()).last().isEqualTo(dark);
        assertThat(scene.getRoot().getStyleClass()).contains("theme-dark");
        assertThat(timeline.paletteProperty().get()).isSameAs(Palette.DARK);
        assertThat(((javafx.scene.control.RadioMenuItem) menuItem("Dark").orElseThrow()).isSelected()).isTrue();

        robot.interact(() -> ((javafx.scene.control.RadioMenuItem) menuItem("Light").orElseThrow()).setSelected(true));
        assertThat(scene.getStylesheets()).last().asString().endsWith("classroom/classroom.css");
        assertThat(scene.getStylesheets()).doesNotContain(dark);
        assertThat(timeline.paletteProperty().get()).isSameAs(Palette.LIGHT);
    }

    @Test
    @DisplayName("F1 opens a sheet listing Space, Ctrl+K and every accelerator of the menus")
    void shortcutsSheet(FxRobot robot) throws TimeoutException {
        robot.press(KeyCode.F1).release(KeyCode.F1);
        Stage sheet = awaitWindow(ShortcutsSheet.TITLE);
        List<String> texts = labels(sheet.getScene().getRoot());
        List<String> accelerators = new ArrayList<>();
        for (Menu menu : menuBar().getMenus()) {
            collectAccelerators(menu, accelerators);
        }
        assertThat(accelerators).contains("Ctrl+K", "F5", "F1", "Ctrl+3", "Ctrl+Shift+D");
        assertThat(texts).contains("Space", "Ctrl+K").containsAll(accelerators);
        assertThat(texts).contains("Compare variants", "Focus on the timeline (fold all panels)", "Projector mode", "Keyboard shortcuts");
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(sheet.isShowing()).isFalse();
    }

    @Test
    @DisplayName("Help > About shows the version, what Interleave is, and the Java and JavaFX versions")
    void about(FxRobot robot) throws TimeoutException {
        robot.interact(() -> menuItem("About Interleave").orElseThrow().fire());
        Stage about = awaitWindow("About Interleave");
        List<String> texts = labels(about.getScene().getRoot());
        assertThat(texts).contains("Version " + AppVersion.current(), AboutDialog.DESCRIPTION);
        assertThat(texts).anySatisfy(t -> assertThat(t).contains("Java " + System.getProperty("java.version"))
                .contains("JavaFX " + System.getProperty("javafx.runtime.version")));
        assertThat(about.getIcons()).isNotEmpty();
        assertThat(stage.getIcons()).hasSize(AppIcons.SIZES.length);
    }

    @Test
    @DisplayName("Ctrl+3 opens the sweep; a small sweep draws both policy colours on the chart's canvas")
    void sweepWindow(FxRobot robot) throws TimeoutException {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        Stage sweep = awaitWindow(SweepWindow.TITLE);
        Parent root = sweep.getScene().getRoot();
        robot.interact(() -> {
            ((TextField) root.lookup("#fromField")).setText("10");
            ((TextField) root.lookup("#toField")).setText("40");
            ((TextField) root.lookup("#stepField")).setText("15");
            ((TextField) root.lookup("#replicationsField")).setText("2");
            ((TextField) root.lookup("#requestsField")).setText("100");
            ((Button) root.lookup("#runButton")).fire();
        });
        SweepChartView chart = (SweepChartView) root.lookup("#chart");
        await(() -> chart.outcomeProperty().get() != null);
        assertThat(chart.getAccessibleText()).contains("saturates");
        WritableImage image = snapshot(robot, chart);
        assertThat(image.getWidth()).isGreaterThan(400);
        assertThat(contains(image, Palette.LIGHT.policy(Policy.SYNC))).isTrue();
        assertThat(contains(image, Palette.LIGHT.policy(Policy.EVENT_LOOP))).isTrue();
    }

    @Test
    @DisplayName("every button, toggle and slider of the window has accessible text or text, and the timeline has both")
    void accessibleNames(FxRobot robot) {
        List<String> unnamed = new ArrayList<>();
        walk(stage.getScene().getRoot(), node -> {
            if (node instanceof Button || node instanceof ToggleButton || node instanceof Slider) {
                String accessible = node.getAccessibleText();
                String text = node instanceof Labeled l ? l.getText() : null;
                if ((accessible == null || accessible.isBlank()) && (text == null || text.isBlank())) {
                    unnamed.add(node.getClass().getSimpleName() + "#" + node.getId());
                }
            }
        });
        assertThat(unnamed).isEmpty();
        assertThat(timeline(robot).getAccessibleText()).isNotBlank();
        assertThat(timeline(robot).getAccessibleHelp()).isNotBlank();
    }

    private WritableImage snapshot(FxRobot robot, SweepChartView chart) {
        java.util.concurrent.atomic.AtomicReference<WritableImage> out = new java.util.concurrent.atomic.AtomicReference<>();
        robot.interact(() -> out.set(chart.canvas().snapshot(null, null)));
        return out.get();
    }

    private static boolean contains(WritableImage image, io.interleave.render.Rgb rgb) {
        Color want = Color.web(rgb.hex());
        PixelReader r = image.getPixelReader();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                Color c = r.getColor(x, y);
                if (Math.abs(c.getRed() - want.getRed()) < 0.03 && Math.abs(c.getGreen() - want.getGreen()) < 0.03
                        && Math.abs(c.getBlue() - want.getBlue()) < 0.03) {
                    return true;
                }
            }
        }
        return false;
    }

    private MenuBar menuBar() {
        return (MenuBar) stage.getScene().getRoot().lookup("#menuBar");
    }

    private Optional<MenuItem> menuItem(String plainText) {
        List<MenuItem> all = new ArrayList<>();
        for (Menu m : menuBar().getMenus()) {
            flatten(m, all);
        }
        return all.stream().filter(i -> i.getText() != null && Shortcuts.plain(i.getText()).equals(plainText)).findFirst();
    }

    private static void flatten(Menu menu, List<MenuItem> out) {
        for (MenuItem i : menu.getItems()) {
            out.add(i);
            if (i instanceof Menu sub) {
                flatten(sub, out);
            }
        }
    }

    private static void collectAccelerators(Menu menu, List<String> out) {
        List<MenuItem> all = new ArrayList<>();
        flatten(menu, all);
        all.stream().filter(i -> i.getAccelerator() != null).forEach(i -> out.add(i.getAccelerator().getDisplayText()));
    }

    private static List<String> labels(Parent root) {
        List<String> out = new ArrayList<>();
        walk(root, n -> {
            if (n instanceof Labeled l && l.getText() != null) {
                out.add(l.getText());
            }
        });
        return out;
    }

    private static void walk(Node node, java.util.function.Consumer<Node> visit) {
        visit.accept(node);
        if (node instanceof javafx.scene.control.ScrollPane sp && sp.getContent() != null) {
            walk(sp.getContent(), visit);
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                walk(child, visit);
            }
        }
    }

    private Stage awaitWindow(String title) throws TimeoutException {
        await(() -> Window.getWindows().stream().anyMatch(w -> w instanceof Stage s && title.equals(s.getTitle()) && s.isShowing()));
        return (Stage) Window.getWindows().stream().filter(w -> w instanceof Stage s && title.equals(s.getTitle())).findFirst().orElseThrow();
    }

    private static TimelineView timeline(FxRobot robot) {
        return robot.lookup("#timeline").queryAs(TimelineView.class);
    }

    private static void await(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
