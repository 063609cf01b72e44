package io.interleave.app.sweep;

import java.io.File;
import java.io.IOException;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.stage.FileChooser;

/** Binds the sweep window to {@link SweepViewModel}. */
public final class SweepController {
    private final SweepViewModel vm;

    @FXML private TextField fromField;
    @FXML private TextField toField;
    @FXML private TextField stepField;
    @FXML private TextField replicationsField;
    @FXML private TextField requestsField;
    @FXML private Button runButton;
    @FXML private Button cancelButton;
    @FXML private Button saveButton;
    @FXML private ProgressBar progress;
    @FXML private Label status;
    @FXML private Label error;
    @FXML private Label note;
    @FXML private SweepChartView chart;
    @FXML private Label placeholder;

    public SweepController(SweepViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        fromField.textProperty().bindBidirectional(vm.fromProperty());
        toField.textProperty().bindBidirectional(vm.toProperty());
        stepField.textProperty().bindBidirectional(vm.stepProperty());
        replicationsField.textProperty().bindBidirectional(vm.replicationsProperty());
        requestsField.textProperty().bindBidirectional(vm.requestsProperty());
        runButton.disableProperty().bind(vm.runningProperty());
        cancelButton.disableProperty().bind(vm.runningProperty().not());
        saveButton.disableProperty().bind(vm.outcomeProperty().isNull());
        progress.visibleProperty().bind(vm.runningProperty());
        progress.managedProperty().bind(vm.runningProperty());
        progress.progressProperty().bind(vm.progressProperty());
        status.textProperty().bind(vm.statusProperty());
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        note.textProperty().bind(vm.noteProperty());
        chart.outcomeProperty().bind(vm.outcomeProperty());
        placeholder.visibleProperty().bind(vm.outcomeProperty().isNull());
    }

    @FXML
    private void run() {
        vm.run();
    }

    @FXML
    private void cancel() {
        vm.cancel();
    }

    @FXML
    private void resetRange() {
        vm.resetRange();
    }

    @FXML
    private void save() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save sweep chart");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("PNG image", "*.png"),
                new FileChooser.ExtensionFilter("SVG drawing", "*.svg"));
        chooser.setInitialFileName("sweep.png");
        File file = chooser.showSaveDialog(chart.getScene().getWindow());
        if (file != null) {
            try {
                vm.save(file.toPath());
            } catch (IOException e) {
                status.textProperty().unbind();
                status.setText("Could not save " + file.getName() + ": " + e.getMessage());
                status.textProperty().bind(vm.statusProperty());
            }
        }
    }
}
