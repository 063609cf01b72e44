package io.interleave.app.code;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.engine.Simulation;
import io.interleave.render.Palette;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.ScenarioJson;
import io.interleave.trace.Trace;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * The code window with a background task (cli/spawn.json, compare: one thread, one loop). Worked out by hand in
 * {@link CodeBadgesSpawnTest}: on the loop the task renders 2–17 and waits on smtp 17–67; on the thread it queues
 * until 14, renders 14–29 and waits on smtp 29–79.
 */
@ExtendWith(ApplicationExtension.class)
@DisplayName("Code window: the background task's badge on its helper's lines, whole in the gutter")
class CodeWindowSpawnTest {

    private final CodeWindowTest.Source source = new CodeWindowTest.Source();

    @Start
    void start(Stage stage) throws Exception {
        Scenario s;
        try (var in = CodeWindowSpawnTest.class.getResourceAsStream("/io/interleave/cli/spawn.json")) {
            s = ScenarioJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        Scenario scenario = s;
        List<Trace> traces = scenario.variants().stream().map(v -> Simulation.trace(scenario, v)).toList();
        source.playback.open(traces);
        source.traces.set(traces);
        source.scenario.set(scenario);
        CodeWindow view = new CodeWindow(new CodeViewModel(source), new SimpleDoubleProperty(1), new SimpleObjectProperty<>(Palette.LIGHT));
        stage.setScene(new Scene(new javafx.scene.layout.VBox(new javafx.scene.control.ScrollPane(view.root()), view.editor()), 1500, 900));
        stage.show();
    }

    @Test
    @DisplayName("at 10 ms: R1's task on render() under the loop, queued on render() under the thread; at 20 ms on await smtp()")
    void badgesOnTheHelper(FxRobot robot) throws Exception {
        seek(robot, 10);
        assertThat(badges(robot, 1, "render()")).containsExactly("R1's task compute");
        assertThat(badges(robot, 1, "await db()")).containsExactly("R1 wait");
        assertThat(badges(robot, 0, "render()")).containsExactly("R1's task queued");
        HBox gutter = (HBox) row(robot, 1, "render()").getChildren().get(0);
        assertThat(WaitForAsyncUtils.asyncFx(() -> gutter.getChildren().stream()
                .allMatch(n -> n.getBoundsInParent().getMinX() >= 0)).get(5, TimeUnit.SECONDS)).as("the badge is whole in the gutter").isTrue();

        seek(robot, 20);
        assertThat(badges(robot, 1, "await smtp()")).containsExactly("R1's task wait");
        assertThat(badges(robot, 1, "render()")).isEmpty();
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
                    return row;
                }
            }
            throw new AssertionError("no line starting " + start + " in column " + column);
        }).get(5, TimeUnit.SECONDS);
    }

    /** The badges on that row as "producer compute". */
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
