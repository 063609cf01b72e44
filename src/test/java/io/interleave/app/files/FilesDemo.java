package io.interleave.app.files;

import io.interleave.app.AppViewModel;
import io.interleave.app.InterleaveApp;
import io.interleave.app.timeline.TimelineView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Screenshot driver: starts the window, then runs File actions two seconds
 * apart (args: {@code open PATH}, {@code compare}, {@code zoom},
 * {@code png PATH view|whole}).
 */
public final class FilesDemo {
    private FilesDemo() {
    }

    /** The window with the actions run after it opens. */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
            new InterleaveApp().start(stage);
            AppViewModel vm = ((AppViewModel) FilesWindow.viewModel(stage));
            List<String> args = getParameters().getRaw();
            new Thread(() -> {
                for (int i = 0; i < args.size(); i++) {
                    try {
                        Thread.sleep(2000);
                    } catch (InterruptedException e) {
                        return;
                    }
                    String action = args.get(i);
                    String arg1 = i + 1 < args.size() ? args.get(i + 1) : "";
                    String arg2 = i + 2 < args.size() ? args.get(i + 2) : "";
                    i += action.equals("open") ? 1 : action.equals("png") ? 2 : 0;
                    Platform.runLater(() -> run(stage, vm, action, arg1, arg2));
                }
            }).start();
        }
    }

    private static void run(Stage stage, AppViewModel vm, String action, String arg1, String arg2) {
        switch (action) {
            case "open" -> vm.document().open(Path.of(arg1));
            case "compare" -> vm.compareProperty().set(true);
            case "zoom" -> {
                TimelineView t = (TimelineView) stage.getScene().lookup("#timeline");
                t.zoom(3, t.xOf(60));
            }
            case "png" -> {
                try {
                    Files.write(Path.of(arg1), vm.export().picture(new ExportOptions(1, arg2.equals("view"))).png(1));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            default -> throw new IllegalArgumentException("unknown action " + action);
        }
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }
}
