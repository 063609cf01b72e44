package io.interleave.app.editor;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.app.InterleaveApp;
import io.interleave.app.fxml.Fxml;
import io.interleave.scenario.Presets;
import io.interleave.scenario.Scenario;
import java.util.List;
import java.util.OptionalDouble;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The type editor's timeout field and cancel box, headless: typed into, they make the edited type. */
@ExtendWith(ApplicationExtension.class)
@DisplayName("Type editor window: timeout field and cancel box")
class TimeoutEditorWindowTest {
    private static final Scenario LESSON = Presets.load("timeouts-under-overload").orElseThrow();
    private TypeEditorViewModel vm;

    @Start
    void start(Stage stage) {
        vm = new TypeEditorViewModel(LESSON.requestTypes().get(0), List.of(), t -> LESSON.withRequestTypes(List.of(t)));
        Parent editor = Fxml.load(TypeEditorDialog.class, "TypeEditor.fxml", vm);
        Scene scene = new Scene(editor, 720, 480);
        scene.getStylesheets().add(InterleaveApp.class.getResource("interleave.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    @DisplayName("the field shows the type's 150 ms and the box is ticked; typing 400 and unticking make the type so")
    void editsTimeout(FxRobot robot) {
        TextField field = robot.lookup("#timeoutField").queryAs(TextField.class);
        CheckBox cancel = robot.lookup("#cancelBox").queryAs(CheckBox.class);
        assertThat(field.getText()).isEqualTo("150");
        assertThat(cancel.isSelected()).isTrue();
        robot.interact(() -> {
            field.setText("400");
            cancel.setSelected(false);
        });
        assertThat(vm.resultProperty().get().timeoutMs()).isEqualTo(OptionalDouble.of(400));
        assertThat(vm.resultProperty().get().cancelOnTimeout()).isFalse();
        robot.interact(() -> field.setText("-1"));
        assertThat(vm.errorProperty().get()).isEqualTo("timeoutMs: must be > 0 and <= 1000000000, was -1");
    }
}
