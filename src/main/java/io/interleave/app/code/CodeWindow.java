package io.interleave.app.code;

import io.interleave.render.Fill;
import io.interleave.render.Palette;
import io.interleave.scenario.code.CodeLine;
import io.interleave.trace.SpanState;
import java.util.List;
import javafx.beans.value.ObservableDoubleValue;
import javafx.beans.value.ObservableObjectValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * View ▸ Code: the handlers as Python beside the timeline, in a window of its
 * own so the timeline keeps its size (on a projector, put it on the other
 * half of the screen). Each line carries badges for the requests on it at the
 * playhead, in the timeline's state colours; a click on a line chooses it and
 * the view model holds its bars. The type grows with projector mode.
 * The window opens with the code (not the editor) focused, and a click on a
 * line focuses it again, so the playback keys the window installs on its
 * scene reach playback; Esc or Ctrl+W closes it.
 */
public final class CodeWindow {
    static final double BASE_FONT = 15;
    private static final javafx.css.PseudoClass HOVERED = javafx.css.PseudoClass.getPseudoClass("hovered-bar");
    private static final javafx.css.PseudoClass CHOSEN = javafx.css.PseudoClass.getPseudoClass("chosen");

    private static final javafx.scene.input.KeyCombination CLOSE = new javafx.scene.input.KeyCodeCombination(
            javafx.scene.input.KeyCode.W, javafx.scene.input.KeyCombination.SHORTCUT_DOWN);

    private final CodeViewModel vm;
    /** Runs after a click on a line (the window gives the keys back to the code, away from the editor). */
    private Runnable onLineClicked = () -> { };
    private final ObservableDoubleValue textScale;
    private final ObservableObjectValue<Palette> palette;
    private final HBox columns = new HBox();
    /** Per column, handler and line: the badge box of that line. */
    private List<List<List<HBox>>> badgeBoxes = List.of();
    private List<List<List<HBox>>> rows = List.of();

    CodeWindow(CodeViewModel vm, ObservableDoubleValue textScale, ObservableObjectValue<Palette> palette) {
        this.vm = vm;
        this.textScale = textScale;
        this.palette = palette;
    }

    /** The window (made once by the caller, shown again later). */
    public static Stage create(Window owner, CodeViewModel vm, ObservableDoubleValue textScale, ObservableObjectValue<Palette> palette) {
        CodeWindow view = new CodeWindow(vm, textScale, palette);
        ScrollPane scroll = new ScrollPane(view.root());
        scroll.setFitToWidth(false); // a long line scrolls sideways rather than being cut short
        scroll.setId("codeScroll");
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle("Code: the handlers as Python");
        javafx.geometry.Rectangle2D screen = screenOf(owner);
        javafx.scene.layout.BorderPane pane = new javafx.scene.layout.BorderPane(scroll);
        pane.setBottom(view.editor());
        Scene scene = new Scene(pane, Math.min(900, screen.getWidth()), Math.min(620, screen.getHeight()));
        stage.setScene(scene);
        // the code, not the editor, has the keys when the window opens: Space plays rather than typing a space
        scroll.setFocusTraversable(true);
        view.onLineClicked = scroll::requestFocus;
        scene.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE || CLOSE.match(e)) {
                stage.hide();
                e.consume();
            }
        });
        stage.setOnShown(e -> {
            keepOnScreen(stage, screenOf(owner));
            scroll.requestFocus();
        });
        stage.showingProperty().addListener((obs, was, now) -> vm.setActive(now));
        return stage;
    }

    /** The visual bounds of the screen the owner is on (the primary screen without one). */
    private static javafx.geometry.Rectangle2D screenOf(Window owner) {
        if (owner != null) {
            var screens = javafx.stage.Screen.getScreensForRectangle(owner.getX(), owner.getY(),
                    Math.max(1, owner.getWidth()), Math.max(1, owner.getHeight()));
            if (!screens.isEmpty()) {
                return screens.get(0).getVisualBounds();
            }
        }
        return javafx.stage.Screen.getPrimary().getVisualBounds();
    }

    /** A window never hangs off the screen (on a projector its title bar and edges stay reachable). */
    static void keepOnScreen(Stage stage, javafx.geometry.Rectangle2D screen) {
        double w = Math.min(stage.getWidth(), screen.getWidth());
        double h = Math.min(stage.getHeight(), screen.getHeight());
        stage.setWidth(w);
        stage.setHeight(h);
        stage.setX(Math.max(screen.getMinX(), Math.min(stage.getX(), screen.getMaxX() - w)));
        stage.setY(Math.max(screen.getMinY(), Math.min(stage.getY(), screen.getMaxY() - h)));
    }

    /**
     * Typing a handler: choose a request type, edit its code, Apply. Code that does not read gives one line
     * (line, column, what was expected) and the type stays as it was.
     */
    public VBox editor() {
        javafx.scene.control.ComboBox<String> type = new javafx.scene.control.ComboBox<>();
        type.setId("codeType");
        javafx.scene.control.TextArea text = new javafx.scene.control.TextArea();
        text.setId("codeEditor");
        text.setPrefRowCount(8);
        text.setStyle("-fx-font-family: monospace; -fx-font-size: " + font() + "px;");
        javafx.scene.control.Button apply = new javafx.scene.control.Button("Apply");
        apply.setId("applyCode");
        Label error = new Label();
        error.setId("codeError");
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.textProperty().bind(vm.codeErrorProperty());
        Label tasksNote = new Label("A program's tasks are shown here, not typed: give their steps in the scenario file.");
        tasksNote.setId("codeTasksNote");
        tasksNote.getStyleClass().add("hint");
        tasksNote.setWrapText(true);
        Runnable names = () -> {
            List<String> now = vm.typeNames();
            boolean tasks = vm.hasTasks();
            tasksNote.setVisible(tasks);
            tasksNote.setManaged(tasks);
            type.setDisable(now.isEmpty());
            text.setDisable(now.isEmpty());
            apply.setDisable(now.isEmpty());
            if (now.isEmpty()) {
                text.clear();
            }
            int chosen = Math.max(0, type.getSelectionModel().getSelectedIndex());
            if (!type.getItems().equals(now)) {
                type.getItems().setAll(now);
            }
            if (!now.isEmpty()) {
                type.getSelectionModel().select(Math.min(chosen, now.size() - 1));
            }
        };
        names.run();
        vm.columnsProperty().addListener((obs, old, now) -> names.run());
        type.getSelectionModel().selectedIndexProperty().addListener((obs, old, now) -> {
            if (now.intValue() >= 0) {
                text.setText(vm.codeOf(now.intValue()));
            }
        });
        if (type.getSelectionModel().getSelectedIndex() >= 0) {
            text.setText(vm.codeOf(type.getSelectionModel().getSelectedIndex()));
        }
        apply.setOnAction(e -> {
            int index = type.getSelectionModel().getSelectedIndex();
            if (index >= 0) {
                vm.applyCode(index, text.getText());
            }
        });
        HBox bar = new HBox(8, new Label("Edit the handler of"), type, apply);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, bar, tasksNote, text, error);
        box.setPadding(new Insets(8, 12, 12, 12));
        box.setId("codeEditBox");
        return box;
    }

    /** The view's content (also usable on its own, as the tests do). */
    public VBox root() {
        columns.setSpacing(24);
        columns.setPadding(new Insets(12));
        vm.columnsProperty().addListener((obs, old, now) -> rebuild());
        vm.badgesProperty().addListener((obs, old, now) -> refreshBadges());
        vm.selectedProperty().addListener((obs, old, now) -> refreshSelection());
        vm.hoveredProperty().addListener((obs, old, now) -> refreshSelection());
        textScale.addListener((obs, old, now) -> rebuild());
        palette.addListener((obs, old, now) -> rebuild());
        rebuild();
        VBox root = new VBox(columns);
        root.setId("codeView");
        return root;
    }

    private double font() {
        return BASE_FONT * textScale.get();
    }

    private void rebuild() {
        columns.getChildren().clear();
        List<CodeBadges> cs = vm.columnsProperty().get();
        List<List<List<HBox>>> boxes = new java.util.ArrayList<>();
        List<List<List<HBox>>> allRows = new java.util.ArrayList<>();
        for (int c = 0; c < cs.size(); c++) {
            VBox column = new VBox(2);
            HBox.setHgrow(column, Priority.ALWAYS);
            Label title = new Label("Handlers · " + cs.get(c).title());
            title.setStyle("-fx-font-weight: bold; -fx-font-size: " + font() + "px;");
            column.getChildren().add(title);
            List<List<HBox>> columnBoxes = new java.util.ArrayList<>();
            List<List<HBox>> columnRows = new java.util.ArrayList<>();
            List<CodeBadges.Handler> handlers = cs.get(c).handlers();
            for (int h = 0; h < handlers.size(); h++) {
                List<HBox> handlerBoxes = new java.util.ArrayList<>();
                List<HBox> handlerRows = new java.util.ArrayList<>();
                List<CodeLine> lines = handlers.get(h).lines();
                double gutter = handlers.get(h).isProgram() ? programGutter(cs.get(c)) : font() * 7;
                for (int l = 0; l < lines.size(); l++) {
                    Label code = new Label(lines.get(l).text());
                    boolean comment = lines.get(l).text().startsWith("#");
                    code.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // never "…": every character of the code shows
                    code.setStyle("-fx-font-family: monospace; -fx-font-size: " + font() + "px;"
                            + (comment ? " -fx-opacity: 0.7;" : ""));
                    HBox badges = new HBox(4);
                    badges.setAlignment(Pos.CENTER_LEFT);
                    badges.getStyleClass().add("code-badges");
                    // the badges stand in a gutter before the code, so they show however long the line is
                    badges.setMinWidth(gutter);
                    badges.setPrefWidth(gutter);
                    badges.setAlignment(Pos.CENTER_RIGHT);
                    HBox row = new HBox(12, badges, code);
                    row.setAlignment(Pos.CENTER_LEFT);
                    row.getStyleClass().add("code-line");
                    row.setPadding(new Insets(0, 4, 0, 4));
                    int col = c;
                    int handler = h;
                    int line = l;
                    row.setOnMouseClicked(e -> {
                        vm.toggleLine(col, handler, line);
                        onLineClicked.run();
                    });
                    column.getChildren().add(row);
                    handlerBoxes.add(badges);
                    handlerRows.add(row);
                }
                column.getChildren().add(new Label(" "));
                columnBoxes.add(handlerBoxes);
                columnRows.add(handlerRows);
            }
            columns.getChildren().add(column);
            boxes.add(columnBoxes);
            allRows.add(columnRows);
        }
        badgeBoxes = boxes;
        rows = allRows;
        refreshBadges();
        refreshSelection();
    }

    /** The gutter of the program's lines: room for the longest task name, as many times as tasks of one kind (up to 3). */
    private double programGutter(CodeBadges column) {
        int longest = column.taskNames().stream().mapToInt(String::length).max().orElse(2);
        long most = column.taskNames().stream().collect(java.util.stream.Collectors.groupingBy(
                n -> n.replaceAll(" \\d+$", ""), java.util.stream.Collectors.counting())).values().stream()
                .mapToLong(Long::longValue).max().orElse(1);
        return Math.max(font() * 7, font() * (0.56 * longest + 1.1) * Math.min(3, most));
    }

    private void refreshBadges() {
        List<List<List<List<CodeBadges.Badge>>>> all = vm.badgesProperty().get();
        for (int c = 0; c < badgeBoxes.size() && c < all.size(); c++) {
            for (int h = 0; h < badgeBoxes.get(c).size(); h++) {
                for (int l = 0; l < badgeBoxes.get(c).get(h).size(); l++) {
                    HBox box = badgeBoxes.get(c).get(h).get(l);
                    box.getChildren().clear();
                    for (CodeBadges.Badge b : all.get(c).get(h).get(l)) {
                        box.getChildren().add(badge(b));
                    }
                }
            }
        }
    }

    private Label badge(CodeBadges.Badge b) {
        Fill fill = b.held() ? palette.get().heldWait() : palette.get().fill(b.state());
        io.interleave.render.Rgb ink = palette.get().textOn(fill.color());
        Label label = new Label(b.text());
        label.getStyleClass().addAll("code-badge", "state-" + b.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        label.setUserData(b);
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        label.setStyle("-fx-background-color: " + fill.color().hex() + "; -fx-text-fill: " + ink.hex()
                + "; -fx-background-radius: 4; -fx-padding: 0 6 0 6; -fx-font-weight: bold; -fx-font-size: " + font() * 0.9 + "px;");
        label.setAccessibleText(b.text() + " " + stateWords(b.state()));
        return label;
    }

    private static String stateWords(SpanState s) {
        return s.toString();
    }

    private void refreshSelection() {
        CodeViewModel.LineRef sel = vm.selectedProperty().get();
        CodeViewModel.LineRef hover = vm.hoveredProperty().get();
        for (int c = 0; c < rows.size(); c++) {
            for (int h = 0; h < rows.get(c).size(); h++) {
                for (int l = 0; l < rows.get(c).get(h).size(); l++) {
                    CodeViewModel.LineRef here = new CodeViewModel.LineRef(c, h, l);
                    boolean on = here.equals(sel) || here.equals(hover);
                    HBox row = rows.get(c).get(h).get(l);
                    row.pseudoClassStateChanged(HOVERED, here.equals(hover));
                    row.pseudoClassStateChanged(CHOSEN, here.equals(sel));
                    row.setBackground(on
                            ? new javafx.scene.layout.Background(new javafx.scene.layout.BackgroundFill(
                                    Color.web(palette.get().sectionBand().hex()), null, null))
                            : null);
                }
            }
        }
    }
}
