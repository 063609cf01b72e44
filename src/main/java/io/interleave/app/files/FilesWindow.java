package io.interleave.app.files;

import java.nio.file.Path;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.event.EventHandler;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import javafx.util.Duration;

/**
 * Connects the window to its document: the title, the question before
 * closing with unsaved changes, real dialogs, and the configuration
 * directory for the autosave and recent files.
 */
public final class FilesWindow {
    private FilesWindow() {
    }

    /**
     * @param launched true when the program was started normally: then the
     *     user's configuration directory is used. Started inside another
     *     program (a test), only a directory named by {@value ConfigDir#PROPERTY}
     *     is, so tests never touch the user's files.
     */
    public static void attach(Stage stage, FilesSource vm, boolean launched) {
        DocumentViewModel document = vm.document();
        Optional<Path> dir = launched ? Optional.of(ConfigDir.resolve()) : ConfigDir.override();
        dir.ifPresent(d -> document.persistIn(d, Debouncer.fx(Duration.millis(DocumentViewModel.AUTOSAVE_DELAY_MS))));
        dir.ifPresent(d -> WindowSettings.in(d).follow(vm.classroom(), vm.panels())); // projector mode, theme, folded panels
        FxFileDialogs dialogs = new FxFileDialogs(stage);
        document.useDialogs(dialogs);
        vm.export().useDialogs(dialogs);
        document.useNotices(vm::showNotice);
        vm.export().useDirectories(document::lastDirectory, document::usedDirectory);
        detach(stage);
        ChangeListener<String> title = (obs, old, now) -> stage.setTitle(now);
        EventHandler<WindowEvent> closing = e -> {
            if (!document.close()) {
                e.consume();
            }
        };
        stage.setTitle(document.titleProperty().get());
        document.titleProperty().addListener(title);
        stage.addEventHandler(WindowEvent.WINDOW_CLOSE_REQUEST, closing);
        stage.getProperties().put(FilesWindow.class, new Attached(vm, title, closing));
        Platform.runLater(document::offerRestore);
    }

    /** What {@link #attach} connected, so that a stage used again (as tests do) can be detached first. */
    private record Attached(FilesSource vm, ChangeListener<String> title, EventHandler<WindowEvent> closing) {
    }

    private static void detach(Stage stage) {
        if (stage.getProperties().remove(FilesWindow.class) instanceof Attached a) {
            a.vm().document().titleProperty().removeListener(a.title());
            stage.removeEventHandler(WindowEvent.WINDOW_CLOSE_REQUEST, a.closing());
        }
    }

    /** The view model of a window this class attached (for tests). */
    static FilesSource viewModel(Window window) {
        return ((Attached) window.getProperties().get(FilesWindow.class)).vm();
    }
}
