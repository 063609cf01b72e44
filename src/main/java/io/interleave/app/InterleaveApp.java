package io.interleave.app;

import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
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
        Scene scene = new Scene(root, WIDTH, HEIGHT);
        scene.getStylesheets().add(InterleaveApp.class.getResource("interleave.css").toExternalForm());
        stage.setTitle(TITLE);
        stage.setMinWidth(1000);
        stage.setMinHeight(680);
        stage.setScene(scene);
        stage.show();
    }
}
