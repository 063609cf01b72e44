package io.interleave.app.narration;

import io.interleave.time.TimeText;
import io.interleave.trace.narration.NarrationLine;
import java.util.function.IntConsumer;
import javafx.beans.value.ObservableIntegerValue;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.HBox;

/** One line of the narration: its time and its words; the playhead's line is marked {@code :current}. */
final class NarrationCell extends ListCell<NarrationLine> {
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final PseudoClass NOTE = PseudoClass.getPseudoClass("note");

    private final ObservableIntegerValue current;
    private final Label time = new Label();
    private final Label text = new Label();
    private final HBox box = new HBox(time, text);

    NarrationCell(ObservableIntegerValue current, IntConsumer seek) {
        this.current = current;
        getStyleClass().add("narration-line");
        time.getStyleClass().add("narration-time");
        text.getStyleClass().add("narration-text");
        text.setWrapText(true);
        box.getStyleClass().add("narration-box");
        current.addListener((obs, old, now) -> mark());
        listViewProperty().addListener((obs, old, list) -> {
            if (list != null) {
                // Wrap within the list's width, less the time column (wider in projector mode), the gap,
                // the cell's padding and the scroll bar: never a horizontal scroll bar, nothing cut.
                text.prefWidthProperty().bind(list.widthProperty().subtract(time.prefWidthProperty()).subtract(48));
                text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
                text.maxWidthProperty().bind(text.prefWidthProperty());
            }
        });
        indexProperty().addListener((obs, old, now) -> mark());
        setOnMouseClicked(e -> {
            if (!isEmpty()) {
                seek.accept(getIndex());
            }
        });
    }

    @Override
    protected void updateItem(NarrationLine line, boolean empty) {
        super.updateItem(line, empty);
        if (empty || line == null) {
            setGraphic(null);
            setText(null);
        } else {
            time.setText(TimeText.exact(line.timeMs()));
            text.setText(line.text());
            pseudoClassStateChanged(NOTE, line.kind() == io.interleave.trace.narration.NarrationKind.NOTE);
            setGraphic(box);
            setText(null);
        }
        mark();
    }

    private void mark() {
        pseudoClassStateChanged(CURRENT, !isEmpty() && getIndex() == current.get());
    }

    /** Scrolls {@code list} so that line {@code index} is in view, if it is not already. */
    static void reveal(ListView<NarrationLine> list, int index) {
        if (index < 0) {
            return;
        }
        VirtualFlow<?> flow = list.lookup(".virtual-flow") instanceof VirtualFlow<?> f ? f : null;
        int lead = 2;
        if (flow != null && flow.getFirstVisibleCell() != null && flow.getLastVisibleCell() != null) {
            int first = flow.getFirstVisibleCell().getIndex();
            int last = flow.getLastVisibleCell().getIndex();
            // The first and last cells may be cut off: only those between count as in view.
            if (index > first && index < last) {
                return;
            }
            // Keep a line or two of what led up to it above, if the list shows enough lines for that.
            lead = Math.min(2, Math.max(0, (last - first) / 2 - 1));
        }
        list.scrollTo(Math.max(0, index - lead));
    }
}
