package io.interleave.app.controls;

import io.interleave.app.editor.Numbers;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;

/**
 * Wires a slider, a text field and an error label to one {@link FieldModel}:
 * dragging the slider types its value into the field, typing moves the
 * slider (clamped to its range, while the text may go beyond it), and the
 * error label shows only when there is a message.
 */
public final class FieldBinding {
    private boolean syncing;

    private FieldBinding() {
    }

    /**
     * @param step the slider's resolution: 1 for whole numbers, 0.1 for weights
     */
    public static void bind(FieldModel model, Slider slider, TextField field, Label error, double step) {
        FieldBinding b = new FieldBinding();
        field.textProperty().bindBidirectional(model.textProperty());
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        field.disableProperty().bind(model.enabledProperty().not());
        field.pseudoClassStateChanged(INVALID, false);
        model.errorProperty().addListener((obs, old, now) -> field.pseudoClassStateChanged(INVALID, !now.isEmpty()));
        field.setPrefColumnCount(5);
        if (slider == null) {
            return;
        }
        slider.disableProperty().bind(model.enabledProperty().not());
        slider.setBlockIncrement(step);
        slider.setMajorTickUnit(Math.max(step, (slider.getMax() - slider.getMin()) / 4));
        slider.setMinorTickCount(0);
        b.fromText(model.textProperty().get(), slider);
        model.textProperty().addListener((obs, old, now) -> b.fromText(now, slider));
        slider.valueProperty().addListener((obs, old, now) -> {
            if (b.syncing) {
                return;
            }
            double v = Math.round(now.doubleValue() / step) * step;
            String text = Numbers.format(v);
            if (!text.equals(model.textProperty().get())) {
                b.syncing = true;
                try {
                    model.textProperty().set(text);
                } finally {
                    b.syncing = false;
                }
            }
        });
    }

    private void fromText(String text, Slider slider) {
        if (syncing) {
            return;
        }
        try {
            double v = Double.parseDouble(text.trim());
            if (Double.isFinite(v)) {
                syncing = true;
                try {
                    slider.setValue(Math.max(slider.getMin(), Math.min(slider.getMax(), v)));
                } finally {
                    syncing = false;
                }
            }
        } catch (NumberFormatException | NullPointerException e) {
            // Unreadable text: the slider stays where the last number put it; the error label says why.
        }
    }

    private static final javafx.css.PseudoClass INVALID = javafx.css.PseudoClass.getPseudoClass("invalid");
}
