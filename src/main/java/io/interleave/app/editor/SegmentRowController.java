package io.interleave.app.editor;

import io.interleave.scenario.SegmentKind;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;

/** One segment in the editor: kind, duration, label, resource; move or remove it. */
public final class SegmentRowController {
    /** The segment and the editor it belongs to. */
    public record Row(SegmentModel segment, TypeEditorViewModel editor) {
    }

    private final Row row;

    @FXML private ComboBox<SegmentKind> kind;
    @FXML private TextField duration;
    @FXML private TextField label;
    @FXML private ComboBox<String> resource;
    @FXML private Button upButton;
    @FXML private Button downButton;
    @FXML private Button removeButton;

    public SegmentRowController(Row row) {
        this.row = row;
    }

    @FXML
    private void initialize() {
        SegmentModel s = row.segment();
        kind.getItems().setAll(SegmentKind.values());
        kind.valueProperty().bindBidirectional(s.kindProperty());
        duration.textProperty().bindBidirectional(s.durationProperty());
        duration.promptTextProperty().bind(javafx.beans.binding.Bindings.when(s.kindProperty().isEqualTo(SegmentKind.GATHER))
                .then("3 x 100").otherwise(javafx.beans.binding.Bindings.when(s.kindProperty().isEqualTo(SegmentKind.SPAWN))
                        .then("15 + 50").otherwise("ms"))); // a gather row: how many calls at once; a spawn row: its task
        javafx.css.PseudoClass invalid = javafx.css.PseudoClass.getPseudoClass("invalid");
        duration.pseudoClassStateChanged(invalid, !s.durationValidProperty().get());
        s.durationValidProperty().addListener((obs, was, ok) -> duration.pseudoClassStateChanged(invalid, !ok));
        label.textProperty().bindBidirectional(s.labelProperty());
        label.setPromptText("optional");
        resource.getItems().setAll(row.editor().resourceChoices());
        resource.valueProperty().bindBidirectional(s.resourceProperty());
        resource.disableProperty().bind(s.kindProperty().isEqualTo(SegmentKind.COMPUTE));
    }

    @FXML
    private void up() {
        row.editor().moveUp(row.segment());
    }

    @FXML
    private void down() {
        row.editor().moveDown(row.segment());
    }

    @FXML
    private void remove() {
        row.editor().removeSegment(row.segment());
    }
}
