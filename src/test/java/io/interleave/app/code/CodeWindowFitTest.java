package io.interleave.app.code;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.engine.Simulation;
import io.interleave.render.Palette;
import io.interleave.scenario.Policy;
import io.interleave.scenario.Presets;
import io.interleave.scenario.Scenario;
import io.interleave.trace.Trace;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The code view on a 1280-pixel projector in compare: both handlers side by side without a sideways scroll,
 * the comments under their code and the type as large as fits, never below the floor.
 */
@ExtendWith(ApplicationExtension.class)
@DisplayName("Code view fits its window: both columns of compare show on a 1280 px projector")
class CodeWindowFitTest {
    private final CodeWindowTest.Source source = new CodeWindowTest.Source();
    private final SimpleDoubleProperty scale = new SimpleDoubleProperty(1);
    private CodeWindow view;
    private VBox root;

    @Start
    void start(Stage stage) {
        Scenario lesson = Presets.load("three-requests").orElseThrow();
        List<Trace> traces = List.of(Simulation.trace(lesson.withPolicy(Policy.SYNC)), Simulation.trace(lesson.withPolicy(Policy.EVENT_LOOP)));
        source.playback.open(traces);
        source.traces.set(traces);
        source.scenario.set(lesson);
        view = new CodeWindow(new CodeViewModel(source), scale, new SimpleObjectProperty<>(Palette.LIGHT));
        root = view.root();
        stage.setScene(new Scene(new javafx.scene.control.ScrollPane(root), 1280, 800));
        stage.show();
    }

    @Test
    @DisplayName("projector type (1.6x) in 1256 px: comments under the code, type between 12 px and 24 px, every column inside the width")
    void projectorCompareFits(FxRobot robot) throws Exception {
        robot.interact(() -> {
            scale.set(1.6);
            view.availableWidth.set(1256);
        });
        WaitForAsyncUtils.waitForFxEvents();
        CodeWindow.Fit fit = WaitForAsyncUtils.asyncFx(() -> view.fit(source.traces.get().stream().map(CodeBadges::new).toList()))
                .get(5, TimeUnit.SECONDS);
        assertThat(fit.stacked()).isTrue();
        assertThat(fit.font()).isGreaterThanOrEqualTo(CodeWindow.MIN_FONT).isLessThan(24).isGreaterThan(17);
        double width = WaitForAsyncUtils.asyncFx(() -> root.prefWidth(-1)).get(5, TimeUnit.SECONDS);
        assertThat(width).as("no sideways scroll").isLessThanOrEqualTo(1256);
        // the awaited query stands on its own line, its comment under it
        assertThat(WaitForAsyncUtils.asyncFx(() -> robot.lookup("#codeView").lookup(".label").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().equals("    await db_query()\n    # wait 80 ms on database \"db query\""))).get(5, TimeUnit.SECONDS))
                .isTrue();

        robot.interact(() -> {
            scale.set(1);
            view.availableWidth.set(2400);
        });
        WaitForAsyncUtils.waitForFxEvents();
        CodeWindow.Fit wide = WaitForAsyncUtils.asyncFx(() -> view.fit(source.traces.get().stream().map(CodeBadges::new).toList()))
                .get(5, TimeUnit.SECONDS);
        assertThat(wide).as("room enough: the nominal type, comments after their code").isEqualTo(new CodeWindow.Fit(CodeWindow.BASE_FONT, false));
    }
}
