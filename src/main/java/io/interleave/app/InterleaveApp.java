package io.interleave.app;

import io.interleave.app.classroom.AppIcons;
import io.interleave.app.fxml.Fxml;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The JavaFX application: one window with the first lesson loaded.
 * Layouts are FXML beside their controllers; looks are in interleave.css.
 */
public final class InterleaveApp extends Application {
    public static final String TITLE = "Interleave";
    public static final double WIDTH = 1400;
    public static final double HEIGHT = 900;

    @Override
    public void start(Stage stage) {
        AppViewModel vm = new AppViewModel();
        Parent root = Fxml.load(InterleaveApp.class, "MainWindow.fxml", vm);
        root.getProperties().put(AppViewModel.class, vm);
        // 1400 x 900, or less on a smaller screen (many projectors are 1280 x 800 or 1024 x 768).
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(WIDTH, screen.getWidth()), Math.min(HEIGHT, screen.getHeight()));
        scene.getStylesheets().add(InterleaveApp.class.getResource("interleave.css").toExternalForm());
        stage.setTitle(TITLE);
        AppIcons.apply(stage);
        stage.setMinWidth(Math.min(1000, screen.getWidth()));
        stage.setMinHeight(Math.min(680, screen.getHeight()));
        stage.setScene(scene);
        stage.show();
        io.interleave.app.files.FilesWindow.attach(stage, vm, getParameters() != null);
    }
}
