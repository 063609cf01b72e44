package io.interleave.app.controls;

import io.interleave.app.editor.TypeEditorDialog;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;

/** One request type of the mix: weight, compute and wait, and buttons to edit or remove it. */
public final class TypeCardController {
    /** What a card shows and acts on. */
    public record Card(TypeModel type, ControlsSource app) {
    }

    private final Card card;

    @FXML private Region swatch;
    @FXML private Label name;
    @FXML private Button editButton;
    @FXML private Button removeButton;
    @FXML private Slider weightSlider;
    @FXML private TextField weightField;
    @FXML private Label weightError;
    @FXML private Slider computeSlider;
    @FXML private TextField computeField;
    @FXML private Label computeError;
    @FXML private Slider waitSlider;
    @FXML private TextField waitField;
    @FXML private Label waitLabel;
    @FXML private Label waitError;

    public TypeCardController(Card card) {
        this.card = card;
    }

    @FXML
    private void initialize() {
        TypeModel t = card.type();
        name.setText(t.name());
        waitLabel.setText(t.waitLabel());
        waitLabel.setId(id0(t) + "WaitLabel");
        // The type's own colour is scenario data (the same one the timeline uses), not window styling.
        swatch.setStyle("-fx-background-color: " + t.color() + ";");
        String id = "type" + t.index();
        editButton.setId(id + "Edit");
        removeButton.setId(id + "Remove");
        weightField.setId(id + "WeightField");
        computeField.setId(id + "ComputeField");
        computeSlider.setId(id + "ComputeSlider");
        waitField.setId(id + "WaitField");
        waitSlider.setId(id + "WaitSlider");
        weightSlider.setId(id + "WeightSlider");
        FieldBinding.bind(t.weight(), weightSlider, weightField, weightError, 0.1);
        FieldBinding.bind(t.compute(), computeSlider, computeField, computeError, 1);
        FieldBinding.bind(t.waitMs(), waitSlider, waitField, waitError, 1);
    }

    private static String id0(TypeModel t) {
        return "type" + t.index();
    }

    @FXML
    private void edit() {
        TypeEditorDialog.edit(card.app(), card.type().index(), editButton);
    }

    @FXML
    private void remove() {
        card.app().removeType(card.type().index());
    }
}
