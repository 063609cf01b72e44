package io.interleave.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The JavaFX application. */
public final class InterleaveApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setTitle("Interleave");
        stage.setScene(new Scene(new Label("Interleave"), 1400, 900));
        stage.show();
    }
}
