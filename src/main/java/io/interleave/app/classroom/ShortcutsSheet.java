package io.interleave.app.classroom;

import java.util.List;
import javafx.geometry.HPos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The F1 sheet: every shortcut of {@link Shortcuts#all}, grouped, keys in a column of their own. */
public final class ShortcutsSheet {
    public static final String TITLE = "Keyboard shortcuts";

    private ShortcutsSheet() {
    }

    /** A window listing {@code entries}; the caller shows it. */
    public static Stage create(Window owner, List<Shortcuts.Entry> entries, ClassroomViewModel vm) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("shortcuts-grid");
        ColumnConstraints keys = new ColumnConstraints();
        keys.setHalignment(HPos.RIGHT);
        keys.setMinWidth(180);
        grid.getColumnConstraints().addAll(keys, new ColumnConstraints());
        int row = 0;
        String group = null;
        for (Shortcuts.Entry e : entries) {
            if (!e.group().equals(group)) {
                group = e.group();
                Label heading = new Label(group);
                heading.getStyleClass().add("shortcuts-group");
                GridPane.setHalignment(heading, HPos.LEFT);
                grid.add(heading, 0, row++, 2, 1);
            }
            Label k = new Label(e.keys());
            k.getStyleClass().add("shortcut-keys");
            Label a = new Label(e.action());
            a.getStyleClass().add("shortcut-action");
            a.setWrapText(true);
            grid.add(k, 0, row);
            grid.add(a, 1, row++);
        }
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("shortcuts-scroll");
        scroll.setAccessibleText("Keyboard shortcuts list");
        Button close = new Button("Close");
        close.setDefaultButton(true);
        close.setCancelButton(true);
        HBox actions = new HBox(close);
        actions.getStyleClass().add("dialog-actions");
        Label intro = new Label("Shortcut keys work from anywhere in the window unless you are typing in a field. "
                + "Menus open with F10 or Alt; every item is reachable with the arrow keys.");
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);
        intro.getStyleClass().add("hint");
        VBox root = new VBox(intro, scroll, actions);
        root.getStyleClass().add("shortcuts-sheet");
        VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        Stage stage = Windows.create(owner, TITLE, root, vm, false);
        close.setOnAction(e -> stage.hide());
        stage.setOnShown(e -> close.requestFocus());
        return stage;
    }
}
