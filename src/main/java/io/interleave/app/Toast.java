package io.interleave.app;

import javafx.animation.PauseTransition;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.util.Duration;

/** Shows {@link Notices} over the timeline for a few seconds; never takes the focus. */
final class Toast {
    private Toast() {
    }

    static void bind(Notices notices, HBox box, Label text, Button action) {
        PauseTransition hide = new PauseTransition(Duration.millis(Notices.SHOW_MS));
        hide.setOnFinished(e -> notices.dismiss());
        box.setVisible(false);
        box.setFocusTraversable(false);
        action.setFocusTraversable(false);
        action.setAccessibleText("The notice's action");
        notices.currentProperty().addListener((obs, old, notice) -> {
            box.setVisible(notice != null);
            if (notice == null) {
                hide.stop();
                return;
            }
            text.setText(notice.text());
            action.setText(notice.actionLabel().orElse(""));
            action.setAccessibleText(notice.actionLabel().orElse("") + ": " + notice.text());
            action.setVisible(notice.actionLabel().isPresent());
            action.setManaged(action.isVisible());
            hide.playFromStart();
        });
    }

    /** The action of the notice on screen, which then goes. */
    static void act(Notices notices) {
        Notices.Notice n = notices.currentProperty().get();
        if (n != null) {
            notices.dismiss();
            n.action().run();
        }
    }
}
