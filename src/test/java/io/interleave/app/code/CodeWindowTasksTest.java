package io.interleave.app.code;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.engine.Simulation;
import io.interleave.render.Palette;
import io.interleave.scenario.Presets;
import io.interleave.scenario.Scenario;
import io.interleave.trace.Span;
import io.interleave.trace.SpanState;
import io.interleave.trace.Trace;
import java.util.List;
import java.util.Optional;
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
 * The code view of the producer-consumer lesson: each task's badge on its line of its coroutine or thread
 * function. Worked out by hand: the producer makes an item 0–50, puts it at 50 and fetches the next 50–500,
 * forty times (to 20 s); the consumer starts at 0 too. asyncio: the consumer queues for the loop 0–50 on its
 * get (the producer has it), takes the item at 50 and processes it 50–300, then waits to get 300–550. Sync, one thread: the producer
 * holds the thread for all 20 s while the consumer queues for it on its first line; from 20 s the consumer
 * takes the forty items off the queue, 250 ms each.
 */
@ExtendWith(ApplicationExtension.class)
@DisplayName("Code view of a program of tasks: badges on the tasks' lines, hover and click linking lines and bars")
class CodeWindowTasksTest {

    private final CodeWindowTest.Source source = new CodeWindowTest.Source();
    private CodeViewModel vm;

    @Start
    void start(Stage stage) {
        Scenario lesson = Presets.load("producer-consumer").orElseThrow();
        List<Trace> traces = lesson.variants().stream().map(v -> Simulation.trace(lesson, v)).toList();
        source.playback.open(traces);
        source.traces.set(traces);
        source.scenario.set(lesson);
        vm = new CodeViewModel(source);
        CodeWindow view = new CodeWindow(vm, new SimpleDoubleProperty(1), new SimpleObjectProperty<>(Palette.LIGHT));
        stage.setScene(new Scene(new javafx.scene.layout.VBox(new javafx.scene.control.ScrollPane(view.root()), view.editor()), 1500, 900));
        stage.show();
    }

    @Test
    @DisplayName("at 25, 100 and 400 ms (and 20.1 s under sync) each task stands on the line it runs or waits at")
    void badgesFollowThePlayhead(FxRobot robot) throws Exception {
        seek(robot, 25);
        assertThat(badges(robot, 1, "make_item()")).containsExactly("producer compute");
        assertThat(badges(robot, 1, "item = await items.get()")).containsExactly("consumer queued");
        assertThat(badges(robot, 0, "make_item()")).containsExactly("producer compute");
        assertThat(badges(robot, 0, "item = items.get()")).containsExactly("consumer queued");

        seek(robot, 100);
        assertThat(badges(robot, 1, "await fetch_next()")).containsExactly("producer wait");
        assertThat(badges(robot, 1, "await process_item()")).containsExactly("consumer wait");
        assertThat(badges(robot, 1, "item = await items.get()")).isEmpty();
        assertThat(badges(robot, 0, "fetch_next()")).containsExactly("producer wait");
        assertThat(badges(robot, 0, "item = items.get()")).containsExactly("consumer queued");

        seek(robot, 400);
        assertThat(badges(robot, 1, "item = await items.get()")).containsExactly("consumer waiting_get");
        assertThat(badges(robot, 1, "await process_item()")).isEmpty();

        seek(robot, 20_100);
        assertThat(badges(robot, 0, "process_item()")).containsExactly("consumer wait");
        assertThat(badges(robot, 0, "make_item()")).isEmpty();
        assertThat(badges(robot, 0, "fetch_next()")).isEmpty();
    }

    @Test
    @DisplayName("hovering the consumer's wait to get lights its get line; a click on that line chooses the consumer's bars on it")
    void hoverAndClick(FxRobot robot) throws Exception {
        Trace loop = source.traces.get().get(1);
        Span waitingToGet = loop.spans().stream().filter(s -> s.state() == SpanState.WAITING_GET).findFirst().orElseThrow();
        robot.interact(() -> vm.hover(1, -1, Optional.of(waitingToGet)));
        WaitForAsyncUtils.waitForFxEvents();
        HBox get = row(robot, 1, "item = await items.get()");
        assertThat(onFx(() -> get.getBackground() != null
                && get.getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("hovered-bar")))).isTrue();
        robot.interact(() -> vm.hover(1, -1, Optional.empty()));

        robot.clickOn(get);
        WaitForAsyncUtils.waitForFxEvents();
        List<Span> chosen = vm.selectedSpansProperty().get();
        assertThat(chosen).isNotEmpty().contains(waitingToGet)
                .allSatisfy(s -> assertThat(s.state()).isIn(SpanState.WAITING_GET, SpanState.QUEUED, SpanState.READY))
                .extracting(Span::requestId).containsOnly(waitingToGet.requestId());
    }

    @Test
    @DisplayName("tasks are shown, not typed: the editor says so and has no type to edit")
    void tasksAreNotTyped(FxRobot robot) throws Exception {
        assertThat(onFx(() -> robot.lookup("#codeTasksNote").queryAs(Label.class).isVisible())).isTrue();
        assertThat(onFx(() -> robot.lookup("#applyCode").query().isDisabled())).isTrue();
        assertThat(onFx(() -> robot.lookup("#codeEditor").query().isDisabled())).isTrue();
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
