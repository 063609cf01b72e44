package io.interleave.app.controls;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.app.AppViewModel;
import io.interleave.app.InterleaveApp;
import io.interleave.app.timeline.TimelineView;
import io.interleave.render.ViewMode;
import io.interleave.scenario.Policy;
import io.interleave.trace.RequestRecord;
import io.interleave.trace.Trace;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every policy is one click in the controls, the third too: on lesson 6
 * ("Offload the blocking call", one event loop) choosing "Loop + pool" runs
 * event-loop+pool, where R3's 150 ms sleep holds a pool thread instead of
 * the loop (worst response 156 ms instead of 197 ms), and shows the pool's
 * size, which re-runs when changed.
 */
@ExtendWith(ApplicationExtension.class)
@DisplayName("Controls: choosing any policy, the thread pool's size, a variant's policy")
class PolicyControlsTest {

    private AppViewModel vm;

    @Start
    void start(Stage stage) {
        new InterleaveApp().start(stage);
        vm = (AppViewModel) stage.getScene().getRoot().getProperties().get(AppViewModel.class);
    }

    @BeforeEach
    void offloadLesson(FxRobot robot) throws Exception {
        await(() -> traces(robot).size() == 1);
        robot.interact(() -> vm.presetProperty().set(vm.presets().stream()
                .filter(p -> p.id().equals("offload-blocking-call")).findFirst().orElseThrow()));
        await(() -> traces(robot).size() == 1 && traces(robot).get(0).scenario().name().equals("Offload the blocking call"));
    }

    @Test
    @DisplayName("one pill per policy, in order, named by the policy, the first and last rounded on their outer side")
    void pillsFromThePolicies(FxRobot robot) {
        HBox pills = robot.lookup("#policyButtons").queryAs(HBox.class);
        List<ToggleButton> buttons = pills.getChildren().stream().map(ToggleButton.class::cast).toList();

        assertThat(buttons).extracting(ToggleButton::getUserData).containsExactly((Object[]) Policy.values());
        assertThat(buttons).extracting(ToggleButton::getText).containsExactly("Threads", "Event loop", "Loop + pool");
        assertThat(buttons).extracting(Node::getId).containsExactly("policySync", "policyEventLoop", "policyEventLoopPool");
        assertThat(buttons.get(0).getStyleClass()).contains("left-pill");
        assertThat(buttons.get(1).getStyleClass()).contains("middle-pill");
        assertThat(buttons.get(2).getStyleClass()).contains("right-pill");
        // Drawn whole, not cut to "Loop + p...": the text node shows the button's full text.
        assertThat(buttons).allSatisfy(b -> assertThat(((javafx.scene.text.Text) b.lookup(".text")).getText()).isEqualTo(b.getText()));
        assertThat(buttons.get(1).isSelected()).as("the lesson runs one event loop").isTrue();
    }

    @Test
    @DisplayName("one click on Loop + pool runs event-loop+pool (R3 156 ms instead of 197 ms) and shows Pool threads: 40")
    void oneClickRunsThePool(FxRobot robot) throws Exception {
        assertThat(maxResponse(traces(robot).get(0))).isEqualTo(197.0);
        assertThat(visible(robot, "#poolThreadsField")).as("no pool, no pool field").isFalse();

        robot.clickOn("#policyEventLoopPool");

        await(() -> traces(robot).get(0).scenario().server().policy() == Policy.EVENT_LOOP_POOL);
        assertThat(maxResponse(traces(robot).get(0))).isEqualTo(156.0);
        assertThat(visible(robot, "#poolThreadsField")).isTrue();
        assertThat(robot.lookup("#poolThreadsField").queryAs(TextField.class).getText()).isEqualTo("40");
        assertThat(robot.lookup("#policyEventLoopPool").queryAs(ToggleButton.class).isSelected()).isTrue();

        robot.clickOn("#policyEventLoop");
        await(() -> traces(robot).get(0).scenario().server().policy() == Policy.EVENT_LOOP);
        assertThat(visible(robot, "#poolThreadsField")).isFalse();
    }

    @Test
    @DisplayName("changing the pool's size re-runs with it; the workers view shows a lane for the pool thread used")
    void poolSizeReRuns(FxRobot robot) throws Exception {
        robot.clickOn("#policyEventLoopPool");
        await(() -> traces(robot).get(0).scenario().server().policy() == Policy.EVENT_LOOP_POOL);

        Slider slider = robot.lookup("#poolThreadsSlider").query();
        robot.interact(() -> slider.setValue(1));

        await(() -> traces(robot).get(0).scenario().server().poolThreads() == 1);
        assertThat(robot.lookup("#poolThreadsField").queryAs(TextField.class).getText()).isEqualTo("1");
        assertThat(traces(robot).get(0).usedPoolThreads()).containsExactly(0);
        robot.clickOn("#viewWorkers");
        TimelineView timeline = timeline(robot);
        await(() -> timeline.modeProperty().get() == ViewMode.WORKERS);
        assertThat(timeline.poolThreadLaneCenterY(0, 0)).isPresent();
        assertThat(timeline.poolThreadLaneCenterY(0, 0).getAsDouble())
                .isBetween(timeline.workerLaneCenterY(0, 0).getAsDouble(), timeline.coreLaneCenterY(0, 0).getAsDouble());

        robot.interact(() -> robot.lookup("#poolThreadsField").queryAs(TextField.class).setText("0"));
        assertThat(robot.lookup("#poolThreadsError").queryLabeled().getText())
                .isEqualTo("poolThreads: must be between 1 and 10000, was 0");
        assertThat(vm.scenarioProperty().get().server().poolThreads()).as("the scenario is untouched").isEqualTo(1);
    }

    @Test
    @DisplayName("compare: a variant edited to Loop + pool runs with a pool, and its pool size is offered and applied")
    void variantToThePool(FxRobot robot) throws Exception {
        robot.clickOn("#compareToggle");
        await(() -> traces(robot).size() == 2);
        assertThat(traces(robot)).extracting(t -> t.scenario().server().policy()).containsExactly(Policy.EVENT_LOOP, Policy.EVENT_LOOP_POOL);
        assertThat(visible(robot, "#variant0Pool")).isFalse();
        assertThat(visible(robot, "#variant1Pool")).isTrue();

        robot.clickOn("#variant0Policy");
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell")
                .match((ListCell<?> c) -> "Loop + pool".equals(c.getText())).queryAs(ListCell.class));

        await(() -> traces(robot).get(0).scenario().server().policy() == Policy.EVENT_LOOP_POOL);
        assertThat(maxResponse(traces(robot).get(0))).isEqualTo(156.0);
        assertThat(vm.scenarioProperty().get().variants().get(0).policy()).contains(Policy.EVENT_LOOP_POOL);
        assertThat(visible(robot, "#variant0Pool")).isTrue();

        robot.interact(() -> robot.lookup("#variant0Pool").queryAs(TextField.class).setText("2"));
        await(() -> traces(robot).get(0).scenario().server().poolThreads() == 2);
        assertThat(traces(robot).get(1).scenario().server().poolThreads()).as("the other variant keeps the file's pool").isEqualTo(40);
        ComboBox<?> policies = robot.lookup("#variant0Policy").queryAs(ComboBox.class);
        assertThat(List.<Object>copyOf(policies.getItems())).containsExactly((Object[]) Policy.values());
    }

    private static double maxResponse(Trace t) {
        return t.requests().stream().mapToDouble(RequestRecord::responseMs).max().orElseThrow();
    }

    private static List<Trace> traces(FxRobot robot) {
        return timeline(robot).tracesProperty().get();
    }

    private static TimelineView timeline(FxRobot robot) {
        return robot.lookup("#timeline").queryAs(TimelineView.class);
    }

    private static boolean visible(FxRobot robot, String query) throws Exception {
        return onFx(() -> {
            Node n = robot.lookup(query).query();
            return n.isVisible() && (n.getParent() == null || n.getParent().isVisible());
        });
    }

    private static boolean onFx(Callable<Boolean> condition) throws Exception {
        return WaitForAsyncUtils.asyncFx(condition).get(5, TimeUnit.SECONDS);
    }

    private static void await(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(condition));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
