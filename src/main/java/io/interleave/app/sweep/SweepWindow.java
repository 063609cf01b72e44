package io.interleave.app.sweep;

import io.interleave.app.classroom.ClassroomViewModel;
import io.interleave.app.classroom.Windows;
import io.interleave.app.fxml.Fxml;
import javafx.scene.Parent;
import javafx.stage.Stage;
import javafx.stage.Window;

/** View ▸ Sweep: response time against arrival rate for each compare variant on the current mix. */
public final class SweepWindow {
    public static final String TITLE = "Sweep: response time against load";

    private SweepWindow() {
    }

    /** The window over {@code owner}; its chart follows the classroom theme and projector mode. */
    public static Stage create(Window owner, SweepViewModel vm, ClassroomViewModel classroom) {
        Parent root = Fxml.load(SweepWindow.class, "Sweep.fxml", vm);
        SweepChartView chart = (SweepChartView) root.lookup("#chart");
        chart.paletteProperty().bind(classroom.paletteProperty());
        chart.textScaleProperty().bind(classroom.textScaleProperty());
        Stage stage = Windows.create(owner, TITLE, root, classroom, false);
        stage.setWidth(1100);
        stage.setHeight(760);
        stage.setMinWidth(640);
        stage.setMinHeight(480);
        return stage;
    }
}
