package io.interleave.app.metrics;

import io.interleave.app.AppViewModel;
import io.interleave.scenario.Policy;
import java.util.List;
import java.util.stream.IntStream;
import javafx.collections.FXCollections;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;

/**
 * The bottom panel: draws {@link MetricsViewModel.Panel} into the table and
 * the charts. Cells get ids {@code value-KEY-COLUMN} (e.g. {@code value-p95-1})
 * and {@code diff-KEY}, for tests and for anyone reading the scene graph.
 */
public final class MetricsController {
    private static final PseudoClass HINT = PseudoClass.getPseudoClass("hint");
    private final MetricsViewModel vm;

    @FXML private Label headline;
    @FXML private GridPane metricsTable;
    @FXML private BarChart<String, Number> responseChart;
    @FXML private CategoryAxis requestAxis;
    @FXML private NumberAxis responseAxis;
    @FXML private LineChart<Number, Number> inFlightChart;
    @FXML private NumberAxis timeAxis;
    @FXML private NumberAxis inFlightAxis;

    public MetricsController(AppViewModel app) {
        this.vm = app.metrics();
    }

    @FXML
    private void initialize() {
        vm.panelProperty().addListener((obs, old, now) -> show(now));
        show(vm.panelProperty().get());
    }

    private void show(MetricsViewModel.Panel panel) {
        if (panel == null) {
            return;
        }
        headline.setText(panel.headline().isEmpty()
                ? "Compare policies (Ctrl+K) shows sync and event loop side by side."
                : "Event loop vs sync: " + panel.headline());
        headline.pseudoClassStateChanged(HINT, panel.headline().isEmpty());
        showTable(panel);
        String policyClass = panel.policies().size() == 2 ? "compare"
                : panel.policies().get(0) == Policy.SYNC ? "policy-sync" : "policy-event-loop";
        for (var chart : List.of(responseChart, inFlightChart)) {
            if (!chart.getStyleClass().contains(policyClass)) { // a style class change restyles every bar and axis
                chart.getStyleClass().removeAll("compare", "policy-sync", "policy-event-loop");
                chart.getStyleClass().add(policyClass);
            }
            chart.setLegendVisible(panel.policies().size() == 2);
        }
        requestAxis.setLabel(panel.responseAxisLabel());
        requestAxis.setTickLabelsVisible(panel.responseBars().get(0).data().size() <= 40);
        showBars(panel.responseBars());
        // Each series gets its points in one list: added one by one, a series checks all its points for duplicates each time.
        inFlightChart.getData().setAll(panel.inFlight().stream().map(s -> new XYChart.Series<>(s.name(),
                FXCollections.observableArrayList(s.data().stream()
                        .map(p -> new XYChart.Data<Number, Number>(p.timeMs(), p.inFlight())).toList()))).toList());
    }

    /**
     * The response bars. When the series and their categories are those
     * shown (a slider moved, the same number of requests), only the heights
     * change: new series would mean new bar nodes to style and lay out.
     */
    private void showBars(List<MetricsViewModel.Series<ChartData.Bar>> bars) {
        List<XYChart.Series<String, Number>> shown = responseChart.getData();
        boolean sameShape = shown.size() == bars.size() && IntStream.range(0, bars.size()).allMatch(i ->
                shown.get(i).getName().equals(bars.get(i).name())
                        && shown.get(i).getData().stream().map(XYChart.Data::getXValue).toList()
                        .equals(bars.get(i).data().stream().map(ChartData.Bar::category).toList()));
        if (sameShape) {
            for (int i = 0; i < bars.size(); i++) {
                List<XYChart.Data<String, Number>> data = shown.get(i).getData();
                for (int j = 0; j < data.size(); j++) {
                    data.get(j).setYValue(bars.get(i).data().get(j).responseMs());
                }
            }
            return;
        }
        // Each series gets its bars in one list: added one by one, a series checks all its points for duplicates each time.
        responseChart.getData().setAll(bars.stream().map(s -> new XYChart.Series<>(s.name(),
                FXCollections.observableArrayList(s.data().stream()
                        .map(b -> new XYChart.Data<String, Number>(b.category(), b.responseMs())).toList()))).toList());
    }

    private void showTable(MetricsViewModel.Panel panel) {
        metricsTable.getChildren().clear();
        boolean compare = panel.policies().size() == 2;
        metricsTable.add(cell("", "metric-header"), 0, 0);
        for (int c = 0; c < panel.policies().size(); c++) {
            Label h = cell(panel.policies().get(c).displayName(), "metric-header");
            h.getStyleClass().add(panel.policies().get(c) == Policy.SYNC ? "policy-sync" : "policy-event-loop");
            h.setId("column-" + c);
            metricsTable.add(h, c + 1, 0);
        }
        if (compare) {
            metricsTable.add(cell("Difference", "metric-header"), 3, 0);
        }
        int r = 1;
        for (MetricRows.Row row : panel.rows()) {
            metricsTable.add(cell(row.label(), "metric-label"), 0, r);
            for (int c = 0; c < row.values().size(); c++) {
                Label v = cell(row.values().get(c), "metric-value");
                v.setId("value-" + row.key() + "-" + c);
                metricsTable.add(v, c + 1, r);
            }
            if (compare) {
                Label d = cell(row.difference(), "metric-diff");
                d.setId("diff-" + row.key());
                metricsTable.add(d, 3, r);
            }
            r++;
        }
    }

    private static Label cell(String text, String styleClass) {
        Label l = new Label(text);
        l.getStyleClass().add(styleClass);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }
}
