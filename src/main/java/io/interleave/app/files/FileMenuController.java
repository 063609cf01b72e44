package io.interleave.app.files;

import java.nio.file.Path;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/** The File menu: each item one call on the document or export view model. */
public final class FileMenuController {
    private final DocumentViewModel document;
    private final ExportViewModel export;

    @FXML private Menu recentMenu;
    @FXML private MenuItem exportPngItem;
    @FXML private MenuItem exportSvgItem;
    @FXML private MenuItem exportAnimationItem;
    @FXML private MenuItem copyImageItem;
    @FXML private MenuItem exportCsvItem;

    public FileMenuController(FilesSource vm) {
        this.document = vm.document();
        this.export = vm.export();
    }

    @FXML
    private void initialize() {
        document.recentFiles().addListener((ListChangeListener<Path>) c -> fillRecent());
        fillRecent();
        for (MenuItem item : new MenuItem[] {exportPngItem, exportSvgItem, copyImageItem, exportCsvItem}) {
            item.disableProperty().bind(export.canExportProperty().not());
        }
        exportAnimationItem.disableProperty().bind(export.canExportProperty().not().or(export.animations().runningProperty()));
    }

    /** "1  three.json — /home/ann/lessons", newest first, then "Clear recent files". */
    private void fillRecent() {
        recentMenu.getItems().clear();
        int n = 1;
        for (Path p : document.recentFiles()) {
            Path dir = p.getParent();
            MenuItem item = new MenuItem("_" + n++ + "  " + p.getFileName() + (dir == null ? "" : "  —  " + dir));
            item.setOnAction(e -> document.open(p));
            recentMenu.getItems().add(item);
        }
        if (recentMenu.getItems().isEmpty()) {
            MenuItem none = new MenuItem("No recent files");
            none.setDisable(true);
            recentMenu.getItems().add(none);
        } else {
            MenuItem clear = new MenuItem("_Clear recent files");
            clear.setOnAction(e -> document.clearRecent());
            recentMenu.getItems().addAll(new SeparatorMenuItem(), clear);
        }
    }

    @FXML
    private void open() {
        document.open();
    }

    @FXML
    private void save() {
        document.save();
    }

    @FXML
    private void saveAs() {
        document.saveAs();
    }

    @FXML
    private void exportPng() {
        export.exportPng();
    }

    @FXML
    private void exportSvg() {
        export.exportSvg();
    }

    @FXML
    private void exportAnimation() {
        export.exportAnimation();
    }

    @FXML
    private void copyImage() {
        export.copyImage();
    }

    @FXML
    private void exportCsv() {
        export.exportCsv();
    }

    @FXML
    private void quit() {
        if (document.close()) {
            Platform.exit();
        }
    }
}
