package io.interleave.app.controls;

import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;

/** One resource: unlimited, or N slots; fixed latency, or shared (slows under load). */
public final class ResourceRowController {
    private final ResourceModel model;

    @FXML private Label name;
    @FXML private CheckBox unlimited;
    @FXML private CheckBox shared;
    @FXML private Slider capacitySlider;
    @FXML private TextField capacityField;
    @FXML private Label capacityError;

    public ResourceRowController(ResourceModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        name.setText(model.name());
        unlimited.setId(model.id() + "Unlimited");
        capacityField.setId(model.id() + "Field");
        capacitySlider.setId(model.id() + "Slider");
        unlimited.selectedProperty().bindBidirectional(model.unlimitedProperty());
        shared.setId(model.id() + "Shared");
        shared.selectedProperty().bindBidirectional(model.sharedProperty());
        FieldBinding.bind(model.capacity(), capacitySlider, capacityField, capacityError, 1);
    }
}
