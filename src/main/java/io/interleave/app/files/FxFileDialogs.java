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

    @Override
    public Optional<ExportOptions> askExportOptions(String format, ExportOptions last) {
        Dialog<ExportOptions> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Export " + format);
        dialog.setHeaderText("Export the timeline as " + format);
        dialog.getDialogPane().getStyleClass().add("export-dialog");
        ToggleGroup scales = new ToggleGroup();
        HBox scaleRow = new HBox(12);
        for (int s = 1; s <= 3; s++) {
            RadioButton b = new RadioButton(s + "x");
            b.setId("scale" + s);
            b.setUserData(s);
            b.setToggleGroup(scales);
            b.setSelected(s == last.scale());
            scaleRow.getChildren().add(b);
        }
        ToggleGroup ranges = new ToggleGroup();
        RadioButton whole = new RadioButton("Whole run");
        whole.setId("wholeRun");
        RadioButton current = new RadioButton("Current view (the visible time range and zoom)");
        current.setId("currentView");
        whole.setToggleGroup(ranges);
        current.setToggleGroup(ranges);
        (last.currentView() ? current : whole).setSelected(true);
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        grid.setPadding(new Insets(12, 16, 4, 16));
        grid.addRow(0, new Label("Scale"), scaleRow);
        grid.addRow(1, new Label("Range"), whole);
        grid.add(current, 1, 2);
        dialog.getDialogPane().setContent(grid);
        ButtonType export = new ButtonType("Export…", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(export, ButtonType.CANCEL);
        dialog.setResultConverter(b -> b == export
                ? new ExportOptions((Integer) scales.getSelectedToggle().getUserData(), current.isSelected())
                : null);
        return dialog.showAndWait();
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
