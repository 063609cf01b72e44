package io.interleave.app;

import io.interleave.app.classroom.Panels;
import io.interleave.app.classroom.Panels.Panel;
import java.util.Map;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/**
 * Folds the panels around the timeline as {@link Panels} says: a folded
 * panel leaves the layout (the timeline takes its room) and a button on the
 * rail at the window's left edge, named after it, brings it back. The
 * metrics leave the split pane and come back at the divider they had.
 */
final class PanelLayout {
    private final Panels panels;
    private final SplitPane split;
    private final Node metrics;
    private double metricsDivider;

    PanelLayout(Panels panels, VBox rail, Node controls, Node notice, Node narration, SplitPane split, Node metrics) {
        this.panels = panels;
        this.split = split;
        this.metrics = metrics;
        this.metricsDivider = split.getDividerPositions().length > 0 ? split.getDividerPositions()[0] : 0.72;
        Map.of(Panel.CONTROLS, controls, Panel.NOTES, notice, Panel.NARRATION, narration).forEach((panel, node) -> {
            node.visibleProperty().bind(panels.shownProperty(panel));
            node.managedProperty().bind(node.visibleProperty());
        });
        panels.shownProperty(Panel.METRICS).addListener((obs, was, shown) -> showMetrics(shown));
        showMetrics(panels.isShown(Panel.METRICS));

        rail.visibleProperty().bind(panels.anyFoldedProperty());
        rail.managedProperty().bind(rail.visibleProperty());
        Button all = railButton("All", Panels.FOCUS_KEY, "Bring back every panel");
        all.setId("railAll");
        all.setOnAction(e -> panels.toggleFocus());
        all.visibleProperty().bind(panels.focusProperty());
        all.managedProperty().bind(all.visibleProperty());
        rail.getChildren().add(all);
        for (Panel panel : Panel.values()) {
            Button b = railButton(panel.title(), panel.key(), "Show the " + panel.title().toLowerCase(java.util.Locale.ROOT) + " panel");
            b.setId("rail" + Character.toUpperCase(panel.id().charAt(0)) + panel.id().substring(1));
            b.setOnAction(e -> panels.toggle(panel));
            b.visibleProperty().bind(panels.shownProperty(panel).not());
            b.managedProperty().bind(b.visibleProperty());
            rail.getChildren().add(b);
        }
    }

    /**
     * With every panel folded (F11), the toolbar folds too, so that the
     * timeline gets its height (each of the toolbar's commands has a key and
     * a menu item); {@code peek} shows it for a while, e.g. while the lesson
     * list is open.
     */
    void foldWithAll(Node toolbar, ObservableBooleanValue peek) {
        toolbar.visibleProperty().bind(panels.focusProperty().not().or(peek));
        toolbar.managedProperty().bind(toolbar.visibleProperty());
    }

    /** The View menu's check items follow the panels (and fold them). */
    void bindMenu(CheckMenuItem controls, CheckMenuItem notes, CheckMenuItem narration, CheckMenuItem metrics,
                  CheckMenuItem focus) {
        controls.selectedProperty().bindBidirectional(panels.shownProperty(Panel.CONTROLS));
        notes.selectedProperty().bindBidirectional(panels.shownProperty(Panel.NOTES));
        narration.selectedProperty().bindBidirectional(panels.shownProperty(Panel.NARRATION));
        metrics.selectedProperty().bindBidirectional(panels.shownProperty(Panel.METRICS));
        // The item toggles itself when chosen; its action then folds or unfolds, and this puts it right.
        focus.setSelected(panels.focusProperty().get());
        panels.focusProperty().addListener((obs, was, now) -> focus.setSelected(now));
        focus.setOnMenuValidation(e -> focus.setSelected(panels.focusProperty().get()));
    }

    /** A rail button: the panel's name and key, written upwards. */
    private static Button railButton(String title, String key, String help) {
        Label text = new Label(title + "  " + key);
        text.setRotate(-90);
        Button b = new Button();
        b.setGraphic(new Group(text));
        b.getStyleClass().add("rail-button");
        b.setAccessibleText(help + " (" + key + ")");
        b.setTooltip(new Tooltip(help + " (" + key + ")"));
        b.setFocusTraversable(true);
        return b;
    }

    private void showMetrics(boolean shown) {
        if (shown && !split.getItems().contains(metrics)) {
            split.getItems().add(metrics);
            if (split.getScene() != null) { // lay out first: the toolbar may just have come back and taken height
                split.getScene().getRoot().applyCss();
                split.getScene().getRoot().layout();
            }
            split.setDividerPositions(metricsDivider);
        } else if (!shown && split.getItems().contains(metrics)) {
            metricsDivider = split.getDividerPositions()[0];
            split.getItems().remove(metrics);
        }
    }
}
