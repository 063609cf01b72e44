package io.interleave.app.classroom;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Help ▸ About Interleave: name, version, what it is, what it runs on. */
public final class AboutDialog {
    public static final String DESCRIPTION = "Interleave animates how a web server schedules requests, "
            + "a pool of threads or an event loop, so you can see why one keeps up and the other queues.";

    private AboutDialog() {
    }

    /** "Version 0.1.0". */
    public static String versionText() {
        return "Version " + AppVersion.current();
    }

    /** "Java 17.0.12 (Eclipse Adoptium) · JavaFX 21.0.12". */
    public static String platformText() {
        return "Java " + AppVersion.java() + " · JavaFX " + AppVersion.javaFx();
    }

    /** The dialog; the caller shows it. */
    public static Stage create(Window owner, ClassroomViewModel vm) {
        ImageView icon = new ImageView();
        var images = AppIcons.all();
        if (!images.isEmpty()) {
            Image big = images.get(images.size() - 1);
            icon.setImage(big);
            icon.setFitWidth(96);
            icon.setFitHeight(96);
            icon.setSmooth(true);
        }
        Label name = new Label("Interleave");
        name.getStyleClass().add("about-name");
        Label version = new Label(versionText());
        version.setId("aboutVersion");
        version.getStyleClass().add("about-version");
        Label description = new Label(DESCRIPTION);
        description.setWrapText(true);
        description.getStyleClass().add("about-description");
        Label platform = new Label(platformText());
        platform.setId("aboutPlatform");
        platform.getStyleClass().add("hint");
        Button close = new Button("Close");
        close.setDefaultButton(true);
        close.setCancelButton(true);
        HBox actions = new HBox(close);
        actions.getStyleClass().add("dialog-actions");
        VBox text = new VBox(name, version, description, platform);
        text.getStyleClass().add("about-text");
        HBox top = new HBox(icon, text);
        top.getStyleClass().add("about-top");
        VBox root = new VBox(top, actions);
        root.getStyleClass().add("about");
        Stage stage = Windows.create(owner, "About Interleave", root, vm, true);
        stage.setResizable(false);
        close.setOnAction(e -> stage.hide());
        stage.setOnShown(e -> close.requestFocus());
        return stage;
    }
}
