package io.interleave.app.classroom;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * Secondary windows (sweep, shortcuts, about): the owner's stylesheets,
 * the classroom look while open, the icon, and Esc or Ctrl+W to close.
 */
public final class Windows {
    private static final KeyCombination CLOSE = new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN);

    private Windows() {
    }

    /** A new window over {@code owner}; shown by the caller. */
    public static Stage create(Window owner, String title, Parent root, ClassroomViewModel vm, boolean modal) {
        Stage stage = new Stage();
        stage.setTitle(title);
        if (owner != null) {
            stage.initOwner(owner);
        }
        if (modal) {
            stage.initModality(Modality.WINDOW_MODAL);
        }
        Scene scene = new Scene(root);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        root.getStyleClass().add("dialog-root");
        ClassroomLook look = ClassroomLook.attach(scene, vm);
        scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE || CLOSE.match(e)) {
                stage.hide();
                e.consume();
            }
        });
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> look.detach());
        stage.addEventHandler(WindowEvent.WINDOW_SHOWING, e -> look.attachAgainIfNeeded());
        stage.setScene(scene);
        AppIcons.apply(stage);
        return stage;
    }
}
