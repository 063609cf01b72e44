package io.interleave.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.app.classroom.Panels.Panel;
import io.interleave.app.classroom.Theme;
import io.interleave.app.timeline.TimelineView;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Background;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Paint;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window's layout on a projector: folding panels, the keyboard after a lesson is chosen, nothing cut. */
@ExtendWith(ApplicationExtension.class)
class WindowLayoutTest {

    private Stage stage;
    private AppViewModel vm;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        new InterleaveApp().start(stage);
        vm = (AppViewModel) stage.getScene().getRoot().getProperties().get(AppViewModel.class);
    }

    @BeforeEach
    void simulated(FxRobot robot) throws TimeoutException {
        await(() -> timeline(robot).tracesProperty().get().size() == 1);
    }

    @Test
    @DisplayName("after choosing a lesson from the list, Home and the arrow keys drive playback")
    void keysAfterChoosingALesson(FxRobot robot) throws TimeoutException {
        robot.clickOn("#presetChoice");
        robot.clickOn(robot.lookup(".list-cell").match(n -> n instanceof Labeled l
                && "A blocking call in async code".equals(l.getText())).queryAs(Node.class));
        await(() -> vm.scenarioProperty().get().name().equals("A blocking call in async code")
                && timeline(robot).tracesProperty().get().get(0).scenario().name().equals("A blocking call in async code"));
        await(() -> timeline(robot).isFocused());
        robot.type(KeyCode.HOME);
        assertThat(timeline(robot).playheadMsProperty().get()).isZero();
        robot.type(KeyCode.RIGHT);
        double next = timeline(robot).playheadMsProperty().get();
        assertThat(next).isPositive();
        robot.type(KeyCode.RIGHT);
        assertThat(timeline(robot).playheadMsProperty().get()).isGreaterThan(next);
        robot.type(KeyCode.LEFT);
        assertThat(timeline(robot).playheadMsProperty().get()).isEqualTo(next);
        robot.type(KeyCode.HOME);
        assertThat(timeline(robot).playheadMsProperty().get()).isZero();
    }

    @Test
    @DisplayName("after a file is opened, Home and the arrow keys drive playback")
    void keysAfterOpeningAFile(FxRobot robot) throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("lesson", ".json");
        java.nio.file.Files.writeString(file, io.interleave.scenario.ScenarioJson.write(
                io.interleave.scenario.Presets.load("cpu-heavy").orElseThrow().withName("Opened lesson")));
        robot.clickOn("#seedField");
        robot.interact(() -> vm.document().open(file));
        await(() -> timeline(robot).tracesProperty().get().get(0).scenario().name().equals("Opened lesson"));
        await(() -> timeline(robot).isFocused());
        robot.type(KeyCode.HOME);
        assertThat(timeline(robot).playheadMsProperty().get()).isZero();
        robot.type(KeyCode.RIGHT);
        assertThat(timeline(robot).playheadMsProperty().get()).isPositive();
        java.nio.file.Files.deleteIfExists(file);
    }

    @Test
    @DisplayName("the arrow keys still belong to a slider and to the closed lesson list while they have the focus")
    void controlsKeepTheirArrows(FxRobot robot) throws TimeoutException {
        robot.clickOn("#timeline").type(KeyCode.HOME);
        robot.interact(() -> robot.lookup("#workersSlider").query().requestFocus());
        robot.type(KeyCode.RIGHT);
        await(() -> vm.scenarioProperty().get().server().workers() == 2);
        assertThat(timeline(robot).playheadMsProperty().get()).isZero();
    }

    @Test
    @DisplayName("1280x800, projector mode, compare: F11 folds every panel and the timeline gets the height; F11 brings them back")
    void foldingGivesTheTimelineTheHeight(FxRobot robot) throws TimeoutException {
        projector(robot, 1280, 800, true);
        assertThat(vm.panels().isShown(Panel.NARRATION)).as("projector mode folds the narration").isFalse();
        robot.interact(() -> vm.panels().fold(java.util.Set.of()));
        TimelineView timeline = timeline(robot);
        double before = timeline.getHeight();
        robot.clickOn("#timeline").type(KeyCode.F11);
        WaitForAsyncUtils.waitForFxEvents();
        double after = timeline.getHeight();
        System.out.printf("timeline height at 1280x800 projector compare: %.0f -> %.0f%n", before, after);
        assertThat(vm.panels().folded(true)).containsExactlyInAnyOrder(Panel.values());
        assertThat(after).as("timeline height with every panel folded").isGreaterThanOrEqualTo(640);
        assertThat(after).isGreaterThan(before * 1.6);
        assertThat(robot.lookup("#railMetrics").query().isVisible()).isTrue();

        robot.type(KeyCode.F11);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.panels().folded(true)).isEmpty();
        assertThat(timeline.getHeight()).isEqualTo(before);
        assertThat(robot.lookup("#panelRail").query().isVisible()).isFalse();
    }

    @ParameterizedTest(name = "{0} variants: bars of at least {1} px")
    @CsvSource({"3, 14", "4, 9"})
    @DisplayName("1280x800, projector, F11: the toolbar folds too; three variants of 12 requests show every row with bars of 14 px, four with 9 px")
    void manyVariantsOfTwelveOnAProjector(int variants, int minBar, FxRobot robot) throws TimeoutException {
        projector(robot, 1280, 800, true);
        List<io.interleave.scenario.Variant> all = List.of(
                io.interleave.scenario.Variant.of("1 thread", io.interleave.scenario.Policy.SYNC, 1),
                io.interleave.scenario.Variant.of("2 threads", io.interleave.scenario.Policy.SYNC, 2),
                io.interleave.scenario.Variant.of("4 threads", io.interleave.scenario.Policy.SYNC, 4),
                io.interleave.scenario.Variant.of("one loop", io.interleave.scenario.Policy.EVENT_LOOP, 1));
        robot.interact(() -> {
            vm.presetProperty().set(vm.presets().stream().filter(p -> p.id().equals("async-same-wait")).findFirst().orElseThrow());
            vm.scenarioProperty().set(vm.scenarioProperty().get().withVariants(all.subList(4 - variants, 4)));
        });
        await(() -> timeline(robot).tracesProperty().get().size() == variants);
        robot.clickOn("#timeline").type(KeyCode.F11);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".toolbar").query().isVisible()).as("toolbar folded with every panel").isFalse();
        TimelineView timeline = timeline(robot);
        io.interleave.render.TimelineLayout layout = timeline.timelineLayout();
        assertThat(layout.sections()).hasSize(variants);
        assertThat(layout.sections()).allSatisfy(sec -> assertThat(sec.rowCount()).isEqualTo(12));
        assertThat(layout.scrolls()).isFalse();
        assertThat(layout.barHeight()).isGreaterThanOrEqualTo(minBar);
        for (int s = 0; s < variants; s++) {
            for (int id = 1; id <= 12; id++) {
                assertThat(timeline.rowCenterY(s, id).orElseThrow()).isBetween(layout.headerHeight(), timeline.getHeight());
            }
        }

        // Choosing a lesson from the keyboard brings the toolbar back while the list is open.
        robot.push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.O);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".toolbar").query().isVisible()).isTrue();
        assertThat(robot.lookup("#presetChoice").queryComboBox().isShowing()).isTrue();
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".toolbar").query().isVisible()).isFalse();
        robot.type(KeyCode.F11);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".toolbar").query().isVisible()).isTrue();
    }

    @Test
    @DisplayName("each panel folds with its key, shows a rail button and comes back from it; the View menu shows the state")
    void eachPanelFoldsAndComesBack(FxRobot robot) {
        robot.clickOn("#timeline");
        KeyCode[] keys = {KeyCode.F6, KeyCode.F7, KeyCode.F8, KeyCode.F9};
        String[] rail = {"#railControls", "#railNotes", "#railNarration", "#railMetrics"};
        String[] menu = {"controlsMenuItem", "notesMenuItem", "narrationMenuItem", "metricsMenuItem"};
        for (int i = 0; i < keys.length; i++) {
            Panel panel = Panel.values()[i];
            double height = timeline(robot).getHeight();
            double width = timeline(robot).getWidth();
            robot.type(keys[i]);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(vm.panels().isShown(panel)).as(panel + " folded").isFalse();
            assertThat(viewItem(robot, menu[i]).isSelected()).isFalse();
            assertThat(robot.lookup(rail[i]).query().isVisible()).isTrue();
            assertThat(timeline(robot).getHeight() * timeline(robot).getWidth()).as(panel + " gives room").isGreaterThan(height * width);
            String button = rail[i];
            robot.interact(() -> robot.lookup(button).queryButton().fire());
            assertThat(vm.panels().isShown(panel)).isTrue();
            assertThat(viewItem(robot, menu[i]).isSelected()).isTrue();
            assertThat(robot.lookup(rail[i]).query().isVisible()).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}x{1}, projector {2}: the divider moves up until every metrics row shows")
    @CsvSource({"1280,800,true", "1280,800,false", "1400,900,false", "1400,900,true"})
    void dividerShowsEveryMetricsRow(int width, int height, boolean projector, FxRobot robot) throws TimeoutException {
        projector(robot, width, height, projector);
        SplitPane split = robot.lookup("#mainSplit").queryAs(SplitPane.class);
        ScrollPane metrics = robot.lookup("#metricsScroll").queryAs(ScrollPane.class);
        robot.interact(() -> split.setDividerPositions(0.0));
        WaitForAsyncUtils.waitForFxEvents();
        Node content = metrics.getContent();
        double needed = content.prefHeight(metrics.getViewportBounds().getWidth());
        System.out.printf("metrics at %dx%d projector %s: %.0f of %.0f%n", width, height, projector, metrics.getHeight(), needed);
        assertThat(metrics.getViewportBounds().getHeight()).isGreaterThanOrEqualTo(needed);
    }

    @Test
    @DisplayName("projector mode: the narration shows three whole lines or more and wraps, never a horizontal scroll bar")
    void narrationWraps(FxRobot robot) throws TimeoutException {
        projector(robot, 1280, 800, true);
        robot.interact(() -> vm.panels().shownProperty(Panel.NARRATION).set(true));
        ListView<?> log = robot.lookup("#log").queryAs(ListView.class);
        robot.interact(() -> robot.lookup("#timeline").query().requestFocus());
        robot.type(KeyCode.HOME);
        for (int i = 0; i < 6; i++) {
            robot.type(KeyCode.RIGHT);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(log.getItems()).hasSizeGreaterThan(3);
        for (Node bar : log.lookupAll(".scroll-bar")) {
            if (bar instanceof ScrollBar sb && sb.getOrientation() == javafx.geometry.Orientation.HORIZONTAL) {
                assertThat(sb.isVisible()).as("horizontal scroll bar").isFalse();
            }
        }
        int whole = 0;
        Bounds list = log.localToScene(log.getLayoutBounds());
        for (Node cell : log.lookupAll(".list-cell")) {
            Bounds b = cell.localToScene(cell.getLayoutBounds());
            if (cell.isVisible() && ((Labeled) cell).getGraphic() != null && b.getMinY() >= list.getMinY() - 0.5
                    && b.getMaxY() <= list.getMaxY() + 0.5) {
                whole++;
            }
        }
        assertThat(whole).as("whole lines in view").isGreaterThanOrEqualTo(3);
        for (Node t : log.lookupAll(".narration-text")) {
            Labeled l = (Labeled) t;
            if (l.getText() != null && !l.getText().isEmpty() && l.isVisible()) {
                assertThat(shown(l)).as("narration line").isEqualTo(l.getText());
            }
        }
    }

    @ParameterizedTest(name = "{0}x{1}, projector {2}: no control text is cut")
    @CsvSource({"1280,800,false", "1280,800,true", "1400,900,false", "1400,900,true"})
    void noTextIsCut(int width, int height, boolean projector, FxRobot robot) throws TimeoutException {
        for (boolean compare : new boolean[] {false, true}) {
            for (java.util.Set<Panel> folded : List.of(java.util.Set.<Panel>of(), java.util.Set.of(Panel.NARRATION),
                    java.util.Set.of(Panel.METRICS, Panel.NOTES))) {
                projector(robot, width, height, projector);
                robot.interact(() -> vm.compareProperty().set(compare));
                await(() -> timeline(robot).tracesProperty().get().size() == (compare ? 2 : 1));
                robot.interact(() -> vm.panels().fold(folded));
                robot.interact(() -> stage.getScene().getRoot().layout());
                List<String> cut = new ArrayList<>();
                collectCut(stage.getScene().getRoot(), cut);
                assertThat(cut).as("texts cut at %dx%d projector %s compare %s folded %s", width, height, projector, compare, folded)
                        .isEmpty();
                ScrollPane controls = robot.lookup("#controlsScroll").queryAs(ScrollPane.class);
                Node variants = robot.lookup("#variantsGrid").query();
                assertThat(variants.isVisible()).isEqualTo(compare);
                assertThat(variants.prefWidth(-1)).as("the variants' row fits the controls")
                        .isLessThanOrEqualTo(controls.getViewportBounds().getWidth());
            }
        }
    }

    @Test
    @DisplayName("the dark theme's default button reads: its text has at least 4.5:1 contrast with its face")
    void darkDefaultButtonContrast(FxRobot robot) {
        Button ok = new Button("OK");
        ok.setDefaultButton(true);
        robot.interact(() -> {
            vm.classroom().themeProperty().set(Theme.DARK);
            ((HBox) robot.lookup(".toolbar").query()).getChildren().add(ok);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Color face = colour(ok.getBackground());
        Color text = (Color) ((Text) ok.lookup(".text")).getFill();
        double ratio = contrast(face, text);
        assertThat(ratio).as("contrast of %s on %s", text, face).isGreaterThanOrEqualTo(4.5);
        robot.interact(() -> ((HBox) robot.lookup(".toolbar").query()).getChildren().remove(ok));
    }

    // ----------------------------------------------------------------- helpers

    private void projector(FxRobot robot, int width, int height, boolean on) throws TimeoutException {
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
            vm.classroom().projectorProperty().set(on);
            vm.presetProperty().set(vm.presets().stream().filter(p -> p.id().equals("blocking-call")).findFirst().orElseThrow());
            vm.compareProperty().set(true);
        });
        await(() -> timeline(robot).tracesProperty().get().size() == 2
                && timeline(robot).tracesProperty().get().get(0).scenario().name().startsWith("A blocking call"));
        robot.interact(() -> stage.getScene().getRoot().applyCss());
        robot.interact(() -> stage.getScene().getRoot().layout());
    }

    /** Every visible control whose text is drawn shorter than it is (an ellipsis), outside the timeline helpers' panels. */
    private static void collectCut(Node node, List<String> cut) {
        if (!node.isVisible() || node.getStyleClass().contains("metrics")) {
            return;
        }
        if (node instanceof Labeled l && l.getText() != null && !l.getText().isEmpty() && !(l instanceof javafx.scene.control.ListCell<?> c && c.isEmpty())) {
            String shown = shown(l);
            String text = l.isMnemonicParsing() ? l.getText().replaceFirst("_", "") : l.getText();
            if (shown != null && !shown.replace("\n", " ").strip().equals(text.replace("\n", " ").strip())) {
                cut.add(l.getClass().getSimpleName() + (l.getId() == null ? "" : "#" + l.getId()) + " '" + l.getText() + "' shows '" + shown + "'");
            }
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collectCut(child, cut);
            }
        }
    }

    /** What a label draws: its text node's text (an ellipsis when cut). */
    private static String shown(Labeled l) {
        for (Node child : l.getChildrenUnmodifiable()) {
            if (child instanceof Text t && child.getStyleClass().contains("text")) {
                return t.getText();
            }
        }
        return null;
    }

    private static Color colour(Background background) {
        Paint p = background.getFills().get(background.getFills().size() - 1).getFill();
        if (p instanceof Color c) {
            return c;
        }
        LinearGradient g = (LinearGradient) p;
        Color a = g.getStops().get(0).getColor();
        Color b = g.getStops().get(g.getStops().size() - 1).getColor();
        return a.interpolate(b, 0.5);
    }

    private static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * lin(c.getRed()) + 0.7152 * lin(c.getGreen()) + 0.0722 * lin(c.getBlue());
    }

    private static double lin(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    private static javafx.scene.control.CheckMenuItem viewItem(FxRobot robot, String id) {
        return robot.lookup("#menuBar").queryAs(javafx.scene.control.MenuBar.class).getMenus().get(3).getItems().stream()
                .filter(i -> id.equals(i.getId())).map(i -> (javafx.scene.control.CheckMenuItem) i).findFirst().orElseThrow();
    }

    private static TimelineView timeline(FxRobot robot) {
        return robot.lookup("#timeline").queryAs(TimelineView.class);
    }

    private static void await(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
