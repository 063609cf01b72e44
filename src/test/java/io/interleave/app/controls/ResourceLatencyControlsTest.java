package io.interleave.app.controls;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.app.AppViewModel;
import io.interleave.app.InterleaveApp;
import io.interleave.scenario.Latency;
import io.interleave.trace.RequestRecord;
import io.interleave.trace.Trace;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.CheckBox;
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
 * The resource row's "Shared" box chooses the latency model: on lesson 7
 * ("A database that slows under load", one event loop) it opens ticked, and
 * unticking it makes every query 60 ms again (each page 68 ms), ticking it
 * brings the sharing back (worst response 525.9 ms).
 */
@ExtendWith(ApplicationExtension.class)
@DisplayName("Controls: a resource's latency is fixed or shared, one click")
class ResourceLatencyControlsTest {

    private AppViewModel vm;

    @Start
    void start(Stage stage) {
        new InterleaveApp().start(stage);
        vm = (AppViewModel) stage.getScene().getRoot().getProperties().get(AppViewModel.class);
    }

    @BeforeEach
    void slowDatabaseLesson(FxRobot robot) throws Exception {
        this.robot = robot;
        await(() -> traces().size() == 1);
        robot.interact(() -> vm.presetProperty().set(vm.presets().stream()
                .filter(p -> p.id().equals("slow-database")).findFirst().orElseThrow()));
        await(() -> traces().size() == 1 && traces().get(0).scenario().name().equals("A database that slows under load"));
    }

    @Test
    @DisplayName("the box shows the file's shared latency; unticked every page takes 68 ms, ticked again the worst is 525.9 ms")
    void toggleShared(FxRobot robot) throws Exception {
        CheckBox box = robot.lookup("#resource0Shared").queryAs(CheckBox.class);
        assertThat(onFx(box::isSelected)).isTrue();

        robot.clickOn("#resource0Shared");
        await(() -> traces().get(0).scenario().resources().get(0).latency() == Latency.FIXED);
        await(() -> traces().get(0).requests().stream().allMatch(r -> r.responseMs() == 68.0));

        robot.clickOn("#resource0Shared");
        await(() -> traces().get(0).scenario().resources().get(0).shared());
        await(() -> Math.abs(worst(traces().get(0)) - 525.867) < 0.01);
        assertThat(onFx(box::isSelected)).isTrue();
    }

    private static double worst(Trace t) {
        return t.requests().stream().mapToDouble(RequestRecord::responseMs).max().orElse(0);
    }

    private FxRobot robot;

    private List<Trace> traces() {
        return robot.lookup("#timeline").queryAs(io.interleave.app.timeline.TimelineView.class).tracesProperty().get();
    }

    private static boolean onFx(Callable<Boolean> condition) throws Exception {
        return WaitForAsyncUtils.asyncFx(condition).get(5, TimeUnit.SECONDS);
    }

    private static void await(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(condition));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
