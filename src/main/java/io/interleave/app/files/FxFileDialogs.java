package io.interleave.app.files;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The File menu's questions as real dialogs owned by the window. */
public final class FxFileDialogs implements FileDialogs {
    private final Window owner;

    public FxFileDialogs(Window owner) {
        this.owner = owner;
    }

    @Override
    public Optional<Path> chooseOpen(Optional<Path> initialDir) {
        FileChooser chooser = chooser("Open scenario", Kind.SCENARIO, initialDir);
        return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseSave(Kind kind, Optional<Path> initialDir, String suggestedName) {
        FileChooser chooser = chooser(kind == Kind.SCENARIO ? "Save scenario" : "Export " + kind.extension().toUpperCase(java.util.Locale.ROOT),
                kind, initialDir);
        chooser.setInitialFileName(suggestedName);
        return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
    }

    @Override
    public Unsaved askUnsaved(String documentName) {
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType dontSave = new ButtonType("Don't Save", ButtonBar.ButtonData.NO);
        ButtonType cancel = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = alert(Alert.AlertType.CONFIRMATION, "Unsaved changes",
                "Do you want to save the changes to " + documentName + "?", "Your changes will be lost if you don't save them.");
        alert.getButtonTypes().setAll(save, dontSave, cancel);
        ButtonType answer = alert.showAndWait().orElse(cancel);
        return answer == save ? Unsaved.SAVE : answer == dontSave ? Unsaved.DONT_SAVE : Unsaved.CANCEL;
    }

    @Override
    public Restore offerRestore(String name, String when) {
        ButtonType restore = new ButtonType("Restore", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Discard", ButtonBar.ButtonData.NO);
        ButtonType later = new ButtonType("Later", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = alert(Alert.AlertType.CONFIRMATION, "Restore unsaved work",
                "Restore your unsaved work on " + name + " from " + when + "?",
                "Interleave closed without saving these changes. Discard removes them for good; "
                        + "Later keeps them and asks again at the next start.");
        alert.getButtonTypes().setAll(restore, discard, later);
        ButtonType answer = alert.showAndWait().orElse(later);
        return answer == restore ? Restore.RESTORE : answer == discard ? Restore.DISCARD : Restore.LATER;
    }

    /** Radio buttons 1x, 2x, 3x in {@code group} (ids PREFIX1..3, the scale as user data), {@code selected} chosen. */
    private static HBox scaleButtons(ToggleGroup group, String idPrefix, int selected) {
        HBox row = new HBox(12);
        for (int s = 1; s <= 3; s++) {
            RadioButton b = new RadioButton(s + "x");
            b.setId(idPrefix + s);
            b.setUserData(s);
            b.setToggleGroup(group);
            b.setSelected(s == selected);
            row.getChildren().add(b);
        }
        return row;
    }

    /** The whole run or the current view, one of the two chosen. */
    private static void rangeButtons(RadioButton whole, String wholeId, RadioButton current, String currentId, boolean currentChosen) {
        ToggleGroup ranges = new ToggleGroup();
        whole.setId(wholeId);
        current.setId(currentId);
        whole.setToggleGroup(ranges);
        current.setToggleGroup(ranges);
        (currentChosen ? current : whole).setSelected(true);
    }

    @Override
    public Optional<ExportOptions> askExportOptions(String format, ExportOptions last) {
        Dialog<ExportOptions> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Export " + format);
        dialog.setHeaderText("Export the timeline as " + format);
        dialog.getDialogPane().getStyleClass().add("export-dialog");
        ToggleGroup scales = new ToggleGroup();
        HBox scaleRow = scaleButtons(scales, "scale", last.scale());
        RadioButton whole = new RadioButton("Whole run");
        RadioButton current = new RadioButton("Current view (the visible time range and zoom)");
        rangeButtons(whole, "wholeRun", current, "currentView", last.currentView());
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        grid.setPadding(new Insets(12, 16, 4, 16));
        grid.addRow(0, new Label("Scale"), scaleRow);
        grid.addRow(1, new Label("Range"), whole);
        grid.add(current, 1, 2);
        javafx.scene.control.CheckBox code = new javafx.scene.control.CheckBox("The handlers' code under the timeline");
        code.setId("withCode");
        code.setSelected(last.code());
        grid.addRow(3, new Label("Code"), code);
        dialog.getDialogPane().setContent(grid);
        ButtonType export = new ButtonType("Export…", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(export, ButtonType.CANCEL);
        dialog.setResultConverter(b -> b == export
                ? new ExportOptions((Integer) scales.getSelectedToggle().getUserData(), current.isSelected(), code.isSelected())
                : null);
        return dialog.showAndWait();
    }

    @Override
    public Optional<AnimationOptions> askAnimationOptions(AnimationOptions last) {
        Dialog<AnimationOptions> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Export Animation");
        dialog.setHeaderText("Export the playback as an animation");
        dialog.getDialogPane().getStyleClass().add("export-dialog");
        ToggleGroup formats = new ToggleGroup();
        RadioButton gif = new RadioButton("GIF (slides, chat, any page)");
        gif.setId("formatGif");
        RadioButton svg = new RadioButton("Animated SVG (browsers; stays sharp in print)");
        svg.setId("formatSvg");
        gif.setToggleGroup(formats);
        svg.setToggleGroup(formats);
        (last.svg() ? svg : gif).setSelected(true);
        ToggleGroup scales = new ToggleGroup();
        HBox scaleRow = scaleButtons(scales, "animationScale", last.scale());
        RadioButton whole = new RadioButton("Whole run");
        RadioButton current = new RadioButton("Current view (the visible time range)");
        rangeButtons(whole, "animationWholeRun", current, "animationCurrentView", last.currentView());
        javafx.scene.control.Spinner<Double> seconds = new javafx.scene.control.Spinner<>(1, io.interleave.render.Animation.MAX_SECONDS, last.seconds(), 1);
        seconds.setId("animationSeconds");
        seconds.setEditable(true);
        javafx.scene.control.ChoiceBox<Integer> fps = new javafx.scene.control.ChoiceBox<>(
                javafx.collections.FXCollections.observableArrayList(io.interleave.render.Animation.RATES));
        fps.setId("animationFps");
        fps.setValue(last.fps());
        fps.disableProperty().bind(svg.selectedProperty());
        javafx.scene.control.Spinner<Double> hold = new javafx.scene.control.Spinner<>(0, io.interleave.render.Animation.MAX_HOLD, last.holdSeconds(), 0.5);
        hold.setId("animationHold");
        hold.setEditable(true);
        javafx.scene.control.CheckBox loop = new javafx.scene.control.CheckBox("Loop (otherwise play once and stop on the finished picture)");
        loop.setId("animationLoop");
        loop.setSelected(last.loop());
        javafx.scene.control.CheckBox captions = new javafx.scene.control.CheckBox("Narration as captions under the timeline");
        captions.setId("animationCaptions");
        captions.setSelected(last.captions());
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        grid.setPadding(new Insets(12, 16, 4, 16));
        grid.addRow(0, new Label("Format"), gif);
        grid.add(svg, 1, 1);
        grid.addRow(2, new Label("Scale"), scaleRow);
        grid.addRow(3, new Label("Range"), whole);
        grid.add(current, 1, 4);
        grid.addRow(5, new Label("Duration (s)"), seconds);
        grid.addRow(6, new Label("Frames per second"), fps);
        grid.addRow(7, new Label("Hold at the end (s)"), hold);
        grid.add(loop, 1, 8);
        grid.add(captions, 1, 9);
        dialog.getDialogPane().setContent(grid);
        ButtonType export = new ButtonType("Export…", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(export, ButtonType.CANCEL);
        dialog.setResultConverter(b -> b == export
                ? new AnimationOptions(svg.isSelected(), (Integer) scales.getSelectedToggle().getUserData(), current.isSelected(),
                        committed(seconds), fps.getValue(), committed(hold), loop.isSelected(), captions.isSelected())
                : null);
        return dialog.showAndWait();
    }

    /** A spinner's value with what was typed in it taken (a typed value counts without Enter); unreadable text keeps the last value. */
    private static double committed(javafx.scene.control.Spinner<Double> spinner) {
        try {
            spinner.increment(0); // commits the editor's text, clamped to the spinner's range
        } catch (RuntimeException e) {
            spinner.getEditor().setText(String.valueOf(spinner.getValue()));
        }
        return spinner.getValue();
    }

    @Override
    public Runnable showProgress(String title, javafx.beans.value.ObservableDoubleValue progress, Runnable cancel) {
        javafx.stage.Stage stage = new javafx.stage.Stage(javafx.stage.StageStyle.UTILITY);
        stage.initOwner(owner);
        stage.initModality(javafx.stage.Modality.NONE); // the window stays usable while frames are drawn
        stage.setTitle(title);
        javafx.scene.control.ProgressBar bar = new javafx.scene.control.ProgressBar();
        bar.setId("exportProgress");
        bar.setPrefWidth(320);
        bar.progressProperty().bind(progress);
        Label percent = new Label();
        percent.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> Math.round(progress.get() * 100) + "%", progress));
        javafx.scene.control.Button stop = new javafx.scene.control.Button("Cancel");
        stop.setId("cancelExport");
        stop.setCancelButton(true);
        stop.setOnAction(e -> {
            stop.setDisable(true);
            cancel.run();
        });
        stage.setOnCloseRequest(e -> cancel.run());
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(10, new Label(title), new HBox(10, bar, percent), stop);
        box.setPadding(new Insets(14));
        stage.setScene(new javafx.scene.Scene(box));
        stage.show();
        return stage::close;
    }

    @Override
    public void showError(String title, String message) {
        Alert alert = alert(Alert.AlertType.ERROR, title, title, message);
        alert.getDialogPane().setPrefWidth(620);
        alert.getDialogPane().setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        alert.showAndWait();
    }

    private Alert alert(Alert.AlertType type, String title, String header, String content) {
        Alert alert = new Alert(type);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(header);
        alert.setContentText(content);
        return alert;
    }

    private static FileChooser chooser(String title, Kind kind, Optional<Path> initialDir) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().setAll(
                new FileChooser.ExtensionFilter(kind.description() + " (*." + kind.extension() + ")", "*." + kind.extension()),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        initialDir.filter(Files::isDirectory).map(Path::toFile).ifPresent(chooser::setInitialDirectory);
        return chooser;
    }
}
