package io.interleave.app.editor;

import io.interleave.app.fxml.Fxml;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/** The request type editor's form; the rules are in {@link TypeEditorViewModel}. */
public final class TypeEditorController {
    private final TypeEditorViewModel vm;

    @FXML private TextField nameField;
    @FXML private ColorPicker colorPicker;
    @FXML private TextField weightField;
    @FXML private TextField timeoutField;
    @FXML private javafx.scene.control.CheckBox cancelBox;
    @FXML private VBox segmentsBox;
    @FXML private Button addSegmentButton;
    @FXML private Label hint;
    @FXML private Label error;

    public TypeEditorController(TypeEditorViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        nameField.textProperty().bindBidirectional(vm.nameProperty());
        weightField.textProperty().bindBidirectional(vm.weightProperty());
        timeoutField.textProperty().bindBidirectional(vm.timeoutProperty());
        cancelBox.selectedProperty().bindBidirectional(vm.cancelOnTimeoutProperty());
        colorPicker.setValue(Color.web(vm.colorProperty().get()));
        colorPicker.valueProperty().addListener((obs, old, now) -> vm.colorProperty().set(hex(now)));
        hint.setText("Duration in " + DurationText.HINT);
        error.textProperty().bind(vm.errorProperty());
        showSegments();
        vm.segments().addListener((ListChangeListener<SegmentModel>) c -> {
            while (c.next()) {
                if (c.wasAdded() || c.wasRemoved() || c.wasPermutated()) {
                    showSegments();
                    return;
                }
            }
        });
    }

    private void showSegments() {
        segmentsBox.getChildren().setAll(vm.segments().stream()
                .map(s -> Fxml.<javafx.scene.Parent>load(TypeEditorController.class, "SegmentRow.fxml", new SegmentRowController.Row(s, vm)))
                .toList());
    }

    @FXML
    private void addSegment() {
        vm.addSegment();
    }

    private static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02X%02X%02X",
                (int) Math.round(c.getRed() * 255), (int) Math.round(c.getGreen() * 255), (int) Math.round(c.getBlue() * 255));
    }
}
