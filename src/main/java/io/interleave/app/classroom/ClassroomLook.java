package io.interleave.app.classroom;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * Applies the classroom settings to a scene: classroom.css (focus rings,
 * projector sizes) always, the theme's stylesheet, and the style classes
 * {@code projector} and {@code theme-light} / {@code theme-dark} on the root.
 */
public final class ClassroomLook {
    /** The root's style class while projector mode is on. */
    public static final String PROJECTOR = "projector";

    private final Scene scene;
    private final ClassroomViewModel vm;
    private final InvalidationListener update = obs -> apply();
    private static final String BASE = ClassroomLook.class.getResource("classroom.css").toExternalForm();

    private boolean attached;
    private boolean ordering;

    private ClassroomLook(Scene scene, ClassroomViewModel vm) {
        this.scene = scene;
        this.vm = vm;
    }

    /** Keeps {@code scene} in step with {@code vm} until {@link #detach()}. */
    public static ClassroomLook attach(Scene scene, ClassroomViewModel vm) {
        ClassroomLook look = new ClassroomLook(scene, vm);
        // Ours come last, after interleave.css and any sheet added later, so they override it.
        // (a list cannot change while it reports a change, hence later)
        scene.getStylesheets().addListener((ListChangeListener<String>) change -> Platform.runLater(look::orderStylesheets));
        look.attachAgainIfNeeded();
        return look;
    }

    /** Follows the view model again after {@link #detach()} (a dialog shown a second time). */
    public void attachAgainIfNeeded() {
        if (!attached) {
            attached = true;
            vm.projectorProperty().addListener(update);
            vm.themeProperty().addListener(update);
            scene.rootProperty().addListener(update);
        }
        apply();
    }

    /** Stops following the view model (a closed dialog). */
    public void detach() {
        if (attached) {
            attached = false;
            vm.projectorProperty().removeListener(update);
            vm.themeProperty().removeListener(update);
            scene.rootProperty().removeListener(update);
        }
    }

    private Theme theme() {
        return vm.themeProperty().get() == null ? Theme.LIGHT : vm.themeProperty().get();
    }

    /** classroom.css, then the theme's stylesheet, at the end of the scene's list; other themes' removed. */
    private void orderStylesheets() {
        if (ordering) {
            return;
        }
        List<String> ours = new ArrayList<>();
        ours.add(BASE);
        theme().stylesheetUrl().ifPresent(ours::add);
        javafx.collections.ObservableList<String> sheets = scene.getStylesheets();
        int n = sheets.size();
        if (n >= ours.size() && sheets.subList(n - ours.size(), n).equals(ours)
                && Arrays.stream(Theme.values()).allMatch(t -> t == theme() || t.stylesheetUrl().map(u -> !sheets.contains(u)).orElse(true))) {
            return;
        }
        ordering = true;
        try {
            List<String> next = new ArrayList<>(sheets);
            next.remove(BASE);
            for (Theme t : Theme.values()) {
                t.stylesheetUrl().ifPresent(next::remove);
            }
            next.addAll(ours);
            sheets.setAll(next);
        } finally {
            ordering = false;
        }
    }

    private void apply() {
        Theme theme = theme();
        orderStylesheets();
        Parent root = scene.getRoot();
        if (root == null) {
            return;
        }
        for (Theme t : Theme.values()) {
            root.getStyleClass().remove(t.styleClass());
        }
        root.getStyleClass().add(theme.styleClass());
        root.getStyleClass().remove(PROJECTOR);
        if (vm.projectorProperty().get()) {
            root.getStyleClass().add(PROJECTOR);
        }
    }
}
