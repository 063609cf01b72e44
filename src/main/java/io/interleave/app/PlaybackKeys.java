package io.interleave.app;

import io.interleave.app.playback.PlaybackViewModel;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The playback keys: Space plays or pauses, Left and Right step to the
 * previous or next event, Home restarts. Space works everywhere except
 * while typing and on a button, toggle or check box reached with the
 * keyboard (its focus ring showing), which Space then presses as usual; a
 * control merely clicked with the mouse does not take Space from playback.
 * The arrows and Home are left to controls that use them
 * (text fields, sliders of the left panel, drop-downs); with Ctrl (Cmd)
 * held they step and restart from anywhere but a text field. The filter
 * runs before the focused control, so a control that would swallow
 * Ctrl+Home never hides it from the menu's accelerator.
 */
final class PlaybackKeys {
    private PlaybackKeys() {
    }

    static void install(Scene scene, PlaybackViewModel playback, Slider scrubber) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isAltDown() || e.isShiftDown()) {
                return;
            }
            Node focus = scene.getFocusOwner();
            boolean typing = focus instanceof TextInputControl;
            boolean keyboardOnButton = focus instanceof ButtonBase && focus.isFocusVisible();
            if (e.isShortcutDown() && (typing || e.getCode() == KeyCode.SPACE)) {
                return;
            }
            boolean usesArrows = !e.isShortcutDown() && (typing || focus instanceof ComboBoxBase || focus instanceof Spinner
                    || (focus instanceof Slider && focus != scrubber));
            switch (e.getCode()) {
                case SPACE -> {
                    if (!typing && !keyboardOnButton) {
                        playback.togglePlay();
                        e.consume();
                    }
                }
                case RIGHT -> {
                    if (!usesArrows) {
                        playback.stepForward();
                        e.consume();
                    }
                }
                case LEFT -> {
                    if (!usesArrows) {
                        playback.stepBack();
                        e.consume();
                    }
                }
                case HOME -> {
                    if (!usesArrows) {
                        playback.restart();
                        e.consume();
                    }
                }
                default -> {
                }
            }
        });
    }
}
