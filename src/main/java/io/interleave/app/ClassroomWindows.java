package io.interleave.app;

import io.interleave.app.classroom.AboutDialog;
import io.interleave.app.classroom.ClassroomViewModel;
import io.interleave.app.classroom.Shortcuts;
import io.interleave.app.classroom.ShortcutsSheet;

import io.interleave.app.sweep.SweepViewModel;
import io.interleave.app.sweep.SweepWindow;
import io.interleave.scenario.Scenario;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.MenuBar;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The main window's secondary windows: the sweep, the shortcuts sheet and
 * About. Each is made once and shown again (the sweep keeps its result).
 */
public final class ClassroomWindows {
    private final Node anchor;
    private final MenuBar menuBar;
    private final ObservableValue<Scenario> scenario;
    private final ClassroomViewModel classroom;
    private SweepViewModel sweepVm;
    private Stage sweep;
    private Stage shortcuts;
    private Stage about;

    /**
     * @param anchor any node of the main window (its window owns the others)
     * @param menuBar the menus whose accelerators the shortcuts sheet lists
     */
    public ClassroomWindows(Node anchor, MenuBar menuBar, ObservableValue<Scenario> scenario, ClassroomViewModel classroom) {
        this.anchor = anchor;
        this.menuBar = menuBar;
        this.scenario = scenario;
        this.classroom = classroom;
    }

    /** Opens (or brings forward) the sweep window; its range starts from the current scenario. */
    public void showSweep() {
        if (sweep == null) {
            ExecutorService background = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "interleave-sweep");
                t.setDaemon(true);
                return t;
            });
            sweepVm = new SweepViewModel(scenario, background, Platform::runLater, Runtime.getRuntime().availableProcessors());
            sweep = SweepWindow.create(owner(), sweepVm, classroom);
            sweep.setOnHidden(e -> sweepVm.cancel());
        } else if (!sweep.isShowing() && !sweepVm.runningProperty().get()) {
            sweepVm.resetRange();
        }
        bringForward(sweep);
    }

    /** The sweep's view model, once the window was opened. */
    public SweepViewModel sweepViewModel() {
        return sweepVm;
    }

    /** F1: every shortcut, read from the menus. */
    public void showShortcuts() {
        if (shortcuts == null) {
            shortcuts = ShortcutsSheet.create(owner(), Shortcuts.all(menuBar), classroom);
            shortcuts.setWidth(620);
            shortcuts.setHeight(Math.min(720, javafx.stage.Screen.getPrimary().getVisualBounds().getHeight() - 40));
        }
        bringForward(shortcuts);
    }

    public void showAbout() {
        if (about == null) {
            about = AboutDialog.create(owner(), classroom);
        }
        bringForward(about);
    }

    private Window owner() {
        return anchor.getScene() == null ? null : anchor.getScene().getWindow();
    }

    private static void bringForward(Stage stage) {
        stage.show();
        stage.toFront();
        stage.requestFocus();
    }
}
