package io.interleave.app.controls;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/**
 * Closes the gaps that hidden fields leave in a form. A grid keeps its gap
 * between rows even when a row has nothing to show, so a field hidden in the
 * middle of the form (Pool threads under sync, Processes under an event loop)
 * would leave a hole; here each hidden field's row and the error row under it
 * are taken out of the numbering, and the rows below move up.
 */
final class FormRows {
    private static final String ROW = FormRows.class.getName() + ".row";

    private FormRows() {
    }

    /**
     * @param grid the form
     * @param fields the fields that can hide
     * @param texts each field's text box, whose row (and the error row under it) goes when the field does
     */
    static void closeUp(GridPane grid, List<FieldModel> fields, List<TextField> texts) {
        for (Node n : grid.getChildren()) {
            Integer row = GridPane.getRowIndex(n);
            n.getProperties().put(ROW, row == null ? 0 : row);
        }
        Runnable renumber = () -> renumber(grid, fields, texts);
        fields.forEach(f -> f.enabledProperty().addListener((obs, old, now) -> renumber.run()));
        renumber.run();
    }

    private static void renumber(GridPane grid, List<FieldModel> fields, List<TextField> texts) {
        List<Integer> hidden = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            if (!fields.get(i).enabledProperty().get()) {
                int row = (Integer) texts.get(i).getProperties().get(ROW);
                hidden.add(row);
                hidden.add(row + 1);
            }
        }
        for (Node n : grid.getChildren()) {
            int row = (Integer) n.getProperties().get(ROW);
            if (hidden.contains(row)) {
                continue; // not shown: where it sits does not matter
            }
            int above = (int) hidden.stream().filter(h -> h < row).count();
            GridPane.setRowIndex(n, row - above);
        }
    }
}
