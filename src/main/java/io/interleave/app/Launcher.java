package io.interleave.app;

import javafx.application.Application;

/** Starts the JavaFX application; kept apart so that {@code Main} names no JavaFX type. */
public final class Launcher {
    private Launcher() {
    }

    public static void launch(String[] args) {
        Application.launch(InterleaveApp.class, args);
    }
}
