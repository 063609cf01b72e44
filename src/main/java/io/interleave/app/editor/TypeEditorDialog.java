package io.interleave.app.editor;

import io.interleave.app.fxml.Fxml;
import io.interleave.scenario.RequestType;
import io.interleave.scenario.Resource;
import io.interleave.scenario.Scenario;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;

/** Opens the request type editor as a dialog and applies what it returns. */
public final class TypeEditorDialog {
    private TypeEditorDialog() {
    }

    /** Edits type {@code index} of the app's scenario. */
    public static void edit(TypeEdits app, int index, Node owner) {
        Scenario s = app.scenarioProperty().get();
        show(app, s.requestTypes().get(index), index, "Edit request type", owner).ifPresent(t -> app.replaceType(index, t));
    }

    /** Adds a new type, starting from a small compute-then-wait request. */
    public static void add(TypeEdits app, Node owner) {
        Scenario s = app.scenarioProperty().get();
        int index = s.requestTypes().size();
        show(app, TypeEditorViewModel.newType(s), index, "Add request type", owner).ifPresent(app::addType);
    }

    private static Optional<RequestType> show(TypeEdits app, RequestType start, int index, String title, Node owner) {
        Scenario s = app.scenarioProperty().get();
        TypeEditorViewModel vm = new TypeEditorViewModel(start, s.resources().stream().map(Resource::name).toList(),
                t -> app.withType(index, t));
        Dialog<RequestType> dialog = new Dialog<>();
        dialog.setTitle(title);
        dialog.setHeaderText(null);
        if (owner != null && owner.getScene() != null) {
            dialog.initOwner(owner.getScene().getWindow());
            dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        dialog.getDialogPane().setContent(Fxml.load(TypeEditorDialog.class, "TypeEditor.fxml", vm));
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.disableProperty().bind(vm.resultProperty().isNull());
        dialog.setResultConverter(b -> b == ButtonType.OK ? vm.resultProperty().get() : null);
        dialog.setResizable(true);
        return dialog.showAndWait();
    }
}
