package io.interleave.app.code;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.app.playback.PlaybackViewModel;
import io.interleave.engine.Simulation;
import io.interleave.render.Palette;
import io.interleave.scenario.Policy;
import io.interleave.scenario.Presets;
import io.interleave.scenario.Scenario;
import io.interleave.trace.SpanState;
import io.interleave.trace.Trace;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The code view of the three-requests lesson: badges on the right line as the playhead moves, and a click on a
 * line choosing its bars. The timeline, worked out by hand (sync, 1 thread): R1 computes 0–10, waits on the
 * database 10–90, renders 90–100; R2 arrives at 40 and queues until 100; R3 (lookup) arrives at 70 and queues
 * until 200. Under the event loop: R2 parses 40–50 and waits 50–130; R3 parses 70–74 while R1 and R2 wait.
 */
@ExtendWith(ApplicationExtension.class)
@DisplayName("Code view: the requests on each line at the playhead, and a line's bars on a click")
class CodeWindowTest {

    private final Source source = new Source();
    private CodeViewModel vm;

    static final class Source implements CodeSource {
        final ReadOnlyObjectWrapper<List<Trace>> traces = new ReadOnlyObjectWrapper<>(List.of());
        final PlaybackViewModel playback = new PlaybackViewModel();

        @Override
        public ReadOnlyObjectProperty<List<Trace>> tracesProperty() {
            return traces.getReadOnlyProperty();
        }

        @Override
        public PlaybackViewModel playback() {
            return playback;
        }

        final ReadOnlyObjectWrapper<Scenario> scenario = new ReadOnlyObjectWrapper<>();

        @Override
        public ReadOnlyObjectProperty<Scenario> scenarioProperty() {
            return scenario.getReadOnlyProperty();
        }

        @Override
        public void replaceType(int index, io.interleave.scenario.RequestType type) {
            List<io.interleave.scenario.RequestType> types = new java.util.ArrayList<>(scenario.get().requestTypes());
            types.set(index, type);
            scenario.set(scenario.get().withRequestTypes(types));
        }
    }

    @Start
    void start(Stage stage) {
        Scenario lesson = Presets.load("three-requests").orElseThrow();
        List<Trace> traces = List.of(Simulation.trace(lesson.withPolicy(Policy.SYNC)), Simulation.trace(lesson.withPolicy(Policy.EVENT_LOOP)));
        source.playback.open(traces);
        source.traces.set(traces);
        source.scenario.set(lesson);
        vm = new CodeViewModel(source);
        CodeWindow view = new CodeWindow(vm, new SimpleDoubleProperty(1), new SimpleObjectProperty<>(Palette.LIGHT));
        stage.setScene(new Scene(new javafx.scene.layout.VBox(new javafx.scene.control.ScrollPane(view.root()), view.editor()), 1500, 900));
        stage.show();
    }

    @Test
    @DisplayName("typing a handler: good code becomes the type's segments; bad code says line and column and keeps the type")
    void typingAHandler(FxRobot robot) throws Exception {
        javafx.scene.control.TextArea editor = robot.lookup("#codeEditor").queryAs(javafx.scene.control.TextArea.class);
        String before = WaitForAsyncUtils.asyncFx((java.util.concurrent.Callable<String>) editor::getText).get(5, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(before).contains("def handle_report(request):").contains("# wait 80 ms on database");
        Scenario original = source.scenario.get();

        robot.interact(() -> editor.setText(before.replace("# wait 80 ms on database", "# wait 120 ms on database")));
        robot.clickOn("#applyCode");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(source.scenario.get().requestTypes().get(0).segments().get(1).ms().mean()).isEqualTo(120);
        assertThat(source.scenario.get().requestTypes().get(0).code()).isPresent();
        assertThat(robot.lookup("#codeError").queryAs(Label.class).getText()).isEmpty();

        Scenario good = source.scenario.get();
        robot.interact(() -> editor.setText("def handle_report(request):\n    db_query(  # wait 80 ms\n"));
        robot.clickOn("#applyCode");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(source.scenario.get()).as("the last good type stays").isSameAs(good);
        assertThat(robot.lookup("#codeError").queryAs(Label.class).getText()).startsWith("line 2, column").contains("expected");
        assertThat(original.requestTypes().get(0).segments().get(1).ms().mean()).isEqualTo(80);
    }

    @Test
    @DisplayName("at 5, 45 and 72 ms each request's badge stands on the line it is running or waiting at, in its state")
    void badgesFollowThePlayhead(FxRobot robot) throws Exception {
        seek(robot, 5);
        // sync column (0): R1 parses
        assertThat(badges(robot, 0, "parse_request()  # compute 10 ms")).containsExactly("R1 compute");
        assertThat(badges(robot, 0, "db_query()       # wait 80 ms")).isEmpty();

        seek(robot, 45);
        // R1 holds the thread on the query; R2 queues for its first line
        assertThat(badges(robot, 0, "db_query()       # wait 80 ms")).containsExactly("R1 wait");
        assertThat(badges(robot, 0, "parse_request()  # compute 10 ms")).containsExactly("R2 queued");
        // event loop column (1): R1 awaits the query while R2 runs its first line
        assertThat(badges(robot, 1, "await db_query()  # wait 80 ms")).containsExactly("R1 wait");
        assertThat(badges(robot, 1, "parse_request()   # compute 10 ms")).containsExactly("R2 compute");

        seek(robot, 72);
        // the talk's picture: R1 and R2 on the await line, R3 on its parse line
        assertThat(badges(robot, 1, "await db_query()  # wait 80 ms")).containsExactly("R1 wait", "R2 wait");
        assertThat(badges(robot, 1, "parse_request()   # compute 4 ms")).containsExactly("R3 compute");
        assertThat(badges(robot, 0, "parse_request()  # compute 4 ms")).containsExactly("R3 queued");
    }

    @Test
    @DisplayName("a click on the event loop's await line chooses it: its bars are R1 and R2's waits, the line is highlighted")
    void clickChoosesTheLinesBars(FxRobot robot) throws Exception {
        HBox row = row(robot, 1, "await db_query()  # wait 80 ms");
        robot.clickOn(row);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.selectedProperty().get()).isEqualTo(new CodeViewModel.LineRef(1, 0, 4));
        assertThat(vm.selectedSpansProperty().get()).allSatisfy(s -> assertThat(s.state()).isIn(SpanState.WAIT, SpanState.READY))
                .extracting(s -> s.requestId()).contains(1, 2).doesNotContain(3);
        assertThat(onFx(() -> row.getBackground() != null)).isTrue();
        robot.clickOn(row);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.selectedProperty().get()).isNull();
        assertThat(vm.selectedSpansProperty().get()).isEmpty();
    }

    @Test
    @DisplayName("hovering a bar highlights its line: R3's wait in the event loop run lights the lookup's await line, no bar none")
    void hoverHighlightsTheBarsLine(FxRobot robot) throws Exception {
        Trace loop = source.traces.get().get(1);
        io.interleave.trace.Span r3Wait = loop.spans().stream()
                .filter(s -> s.requestId() == 3 && s.state() == SpanState.WAIT).findFirst().orElseThrow();
        robot.interact(() -> vm.hover(1, 1, java.util.Optional.of(r3Wait)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.hoveredProperty().get()).isEqualTo(new CodeViewModel.LineRef(1, 1, 4));
        HBox lookupAwait = WaitForAsyncUtils.asyncFx(() -> {
            HBox columns = (HBox) robot.lookup("#codeView").queryAs(javafx.scene.layout.VBox.class).getChildren().get(0);
            return (HBox) ((javafx.scene.layout.VBox) columns.getChildren().get(1)).getChildren().stream()
                    .filter(n -> n instanceof HBox row && ((Label) row.getChildren().get(1)).getText().strip().startsWith("await db_query()  # wait 28 ms"))
                    .findFirst().orElseThrow();
        }).get(5, TimeUnit.SECONDS);
        assertThat(onFx(() -> lookupAwait.getBackground() != null
                && lookupAwait.getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("hovered-bar")))).isTrue();
        assertThat(onFx(() -> row(robot, 1, "await db_query()  # wait 80 ms").getBackground() == null)).isTrue();

        robot.interact(() -> vm.hover(1, 1, java.util.Optional.empty()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.hoveredProperty().get()).isNull();
        assertThat(onFx(() -> lookupAwait.getBackground() == null)).isTrue();
    }

    private void seek(FxRobot robot, double ms) {
        robot.interact(() -> source.playback.seek(ms));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The row of column {@code column} whose code starts with {@code start}. */
    private static HBox row(FxRobot robot, int column, String start) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            HBox columns = (HBox) robot.lookup("#codeView").queryAs(javafx.scene.layout.VBox.class).getChildren().get(0);
            javafx.scene.layout.VBox col = (javafx.scene.layout.VBox) columns.getChildren().get(column);
            for (Node n : col.getChildren()) {
                if (n instanceof HBox row && ((Label) row.getChildren().get(1)).getText().strip().startsWith(start)) {
                    // the first handler's line (the report type) unless only the lookup has it
                    return row;
                }
            }
            throw new AssertionError("no line starting " + start + " in column " + column);
        }).get(5, TimeUnit.SECONDS);
    }

    /** The badges on that row as "R1 wait". */
    private static List<String> badges(FxRobot robot, int column, String start) throws Exception {
        HBox row = row(robot, column, start);
        return WaitForAsyncUtils.asyncFx(() -> ((HBox) row.getChildren().get(0)).getChildren().stream()
                .map(n -> (Label) n).map(l -> l.getText() + " " + ((CodeBadges.Badge) l.getUserData()).state().name().toLowerCase(java.util.Locale.ROOT))
                .toList()).get(5, TimeUnit.SECONDS);
    }

    private static boolean onFx(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        return WaitForAsyncUtils.asyncFx(condition).get(5, TimeUnit.SECONDS);
    }
}
