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
    /** The width the code may take (the window's, less a scroll bar); 0 when unknown (the type is then its nominal size). */
    final javafx.beans.property.DoubleProperty availableWidth = new javafx.beans.property.SimpleDoubleProperty(0);
    /** The type size and layout of the last rebuild. */
    private Fit fit = new Fit(0, false);

    /** The type size the code is drawn at, and whether comments stand under their code. */
    record Fit(double font, boolean stacked) {
    }
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
        // folded until asked for: the code gets the window (on a projector every line counts)
        javafx.scene.control.TitledPane edit = new javafx.scene.control.TitledPane("Edit a handler as code", view.editor());
        edit.setId("codeEditPane");
        edit.setExpanded(false);
        edit.setAnimated(false);
        pane.setBottom(edit);
        // the code fits the window's width: smaller type, or comments under their code, before a sideways scroll
        view.availableWidth.bind(scroll.widthProperty().subtract(24));
        Scene scene = new Scene(pane, Math.min(900, screen.getWidth()), Math.min(620, screen.getHeight()));
        stage.setScene(scene);
        // the code, not the editor, has the keys when the window opens: Space plays rather than typing a space
        scroll.setFocusTraversable(true);
        view.onLineClicked = scroll::requestFocus;
        scene.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE || e.getCode() == javafx.scene.input.KeyCode.F12 || CLOSE.match(e)) {
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
        availableWidth.addListener((obs, old, now) -> {
            Fit next = fit(vm.columnsProperty().get());
            if (Math.abs(next.font() - fit.font()) >= 0.5 || next.stacked() != fit.stacked()) {
                rebuild();
            }
        });
        palette.addListener((obs, old, now) -> rebuild());
        rebuild();
        VBox root = new VBox(columns);
        root.setId("codeView");
        return root;
    }

    private double font() {
        return fit.font() > 0 ? fit.font() : BASE_FONT * textScale.get();
    }

    /** The smallest type the code is fitted down to; narrower windows scroll sideways. */
    static final double MIN_FONT = 12;
    /** A monospace character's width, in ems. */
    private static final double CHAR_EM = 0.61; // DejaVu Sans Mono is 0.602, with a little to spare

    /**
     * The type size and layout for the width available: the nominal size (15 px times the text scale) with
     * each comment after its code if every column fits; else the comments under their code (the header
     * comments wrapped), at the nominal size or as large as fits, down to {@value #MIN_FONT} px.
     */
    Fit fit(List<CodeBadges> cs) {
        double nominal = BASE_FONT * textScale.get();
        double width = availableWidth.get();
        if (width <= 0 || cs.isEmpty()) {
            return new Fit(nominal, false);
        }
        double inline = fitting(cs, width, false);
        if (inline >= nominal) {
            return new Fit(nominal, false);
        }
        double stacked = fitting(cs, width, true);
        return new Fit(Math.max(MIN_FONT, Math.min(nominal, stacked)), true);
    }

    /** The largest type at which every column fits {@code width}. */
    private double fitting(List<CodeBadges> cs, double width, boolean stacked) {
        double fixed = 24 + 24.0 * (cs.size() - 1); // padding, spacing between columns
        double ems = 0;
        for (CodeBadges c : cs) {
            fixed += 20; // row padding and the gap after the gutter
            int chars = 0;
            double gutter = 7;
            for (int i = 0; i < c.handlers().size(); i++) {
                CodeBadges.Handler h = c.handlers().get(i);
                if (h.isProgram()) {
                    gutter = Math.max(gutter, programGutterEms(c));
                } else if (c.spawns(i)) {
                    gutter = Math.max(gutter, SPAWN_GUTTER_EMS);
                }
                for (CodeLine l : h.lines()) {
                    chars = Math.max(chars, stacked ? stackedChars(l.text()) : l.text().length());
                }
            }
            ems += gutter + CHAR_EM * chars;
        }
        return (width - fixed) / ems;
    }

    /** A line's width in characters with its comment under its code (a comment-only line wraps: it counts for none). */
    private static int stackedChars(String text) {
        String[] parts = split(text);
        if (parts[0].isBlank()) {
            return 0;
        }
        int indent = parts[0].length() - parts[0].stripLeading().length();
        return Math.max(parts[0].length(), parts[1] == null ? 0 : indent + parts[1].length());
    }

    /** {code without trailing blanks, comment or null}; a comment-only line is {"", comment}. */
    private static String[] split(String text) {
        if (text.stripLeading().startsWith("#")) {
            return new String[] {"", text.strip()};
        }
        int hash = text.indexOf("  # ");
        return hash < 0 ? new String[] {text, null} : new String[] {text.substring(0, hash).stripTrailing(), text.substring(hash + 2)};
    }

    private void rebuild() {
        columns.getChildren().clear();
        List<CodeBadges> cs = vm.columnsProperty().get();
        fit = fit(cs);
        double columnText = cs.isEmpty() ? 0 : (availableWidth.get() - 24 - 24.0 * (cs.size() - 1)) / cs.size() - 24 - font() * 7; // a few pixels to spare for the labels' rounding
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
                double gutter = font() * (handlers.get(h).isProgram() ? programGutterEms(cs.get(c))
                        : cs.get(c).spawns(h) ? SPAWN_GUTTER_EMS : 7);
                for (int l = 0; l < lines.size(); l++) {
                    String text = lines.get(l).text();
                    boolean comment = text.startsWith("#");
                    String[] parts = split(text);
                    boolean wrap = fit.stacked() && comment && columnText > 0;
                    if (fit.stacked() && !comment && parts[1] != null) {
                        int indent = parts[0].length() - parts[0].stripLeading().length();
                        text = parts[0] + "\n" + " ".repeat(indent) + parts[1];
                    }
                    Label code = new Label(text);
                    if (wrap) {
                        // a header comment wraps inside its column rather than widening it
                        code.setWrapText(true);
                        code.setPrefWidth(columnText);
                        code.setMaxWidth(columnText);
                        code.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
                    } else {
                        code.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // never "…": every character of the code shows
                    }
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
                    if (fit.stacked()) {
                        // the badges stand beside the code, its comment under it
                        row.setAlignment(Pos.TOP_LEFT);
                        badges.setAlignment(Pos.TOP_RIGHT);
                    }
                    row.getStyleClass().add("code-line");
                    row.setPadding(new Insets(0, 4, 0, 4));
                    int col = c;
                    int handler = h;
                    int line = l;
                    row.setOnMouseClicked(e -> {
                        vm.toggleLine(col, handler, line);
                        onLineClicked.run();
                    });
                    if (h > 0 && comment && l < handlers.get(0).lines().size() && handlers.get(0).lines().get(l).text().equals(lines.get(l).text())
                            && !handlers.get(h).isProgram()) {
                        // the server's description once per column: a later handler's identical header is left out
                        row.setVisible(false);
                        row.setManaged(false);
                    }
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

    /** The gutter of a handler that starts background tasks, in ems: room for two "R12's task" badges on a helper's line. */
    private static final double SPAWN_GUTTER_EMS = 12;

    /** The gutter of the program's lines, in ems: room for the longest task name, as many times as tasks of one kind (up to 3). */
    private static double programGutterEms(CodeBadges column) {
        int longest = column.taskNames().stream().mapToInt(String::length).max().orElse(2);
        long most = column.taskNames().stream().collect(java.util.stream.Collectors.groupingBy(
                n -> n.replaceAll(" \\d+$", ""), java.util.stream.Collectors.counting())).values().stream()
                .mapToLong(Long::longValue).max().orElse(1);
        return Math.max(7, (0.56 * longest + 1.1) * Math.min(3, most));
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
