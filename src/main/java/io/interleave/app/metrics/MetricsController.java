package io.interleave.app.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import javafx.util.StringConverter;

/**
 * The bottom panel: draws {@link MetricsViewModel.Panel} into the table and
 * the charts. The table is two blocks side by side, response times and load,
 * so every row fits a short panel. Cells get ids {@code value-KEY-COLUMN}
 * (e.g. {@code value-p95-1}), {@code diff-KEY-COLUMN} for each column after
 * the first, and {@code column-COLUMN} for the headers, for tests and for
 * anyone reading the scene graph.
 *
 * <p>The panel changes every frame while playing, so nothing is rebuilt that
 * can be updated: cells keep their labels while the columns and rows stay
 * the same, bars change height in place and the in-flight line grows at its end.
 */
public final class MetricsController {
    private static final PseudoClass HINT = PseudoClass.getPseudoClass("hint");
    private static final PseudoClass SO_FAR = PseudoClass.getPseudoClass("so-far");
    private static final List<String> CHART_CLASSES = List.of("compare", "policy-sync", "policy-event-loop");
    static final String HINT_TEXT = "Compare (Ctrl+K) shows the variants side by side.";
    /** Up to this many variants the table is two blocks side by side; beyond, one block (too wide otherwise). */
    static final int MAX_SIDE_BY_SIDE = 2;

    private final MetricsViewModel vm;
    /** The table's cells by id, for the columns and rows it was built for. */
    private final Map<String, Label> cells = new HashMap<>();
    private List<MetricsViewModel.Column> tableColumns = List.of();
    private List<String> tableKeys = List.of();

    @FXML private Label metricsCaption;
    @FXML private Label headline;
    @FXML private javafx.scene.layout.HBox blocks;
    @FXML private GridPane responseTable;
    @FXML private GridPane loadTable;
    @FXML private BarChart<String, Number> responseChart;
    @FXML private CategoryAxis requestAxis;
    @FXML private NumberAxis responseAxis;
    @FXML private LineChart<Number, Number> inFlightChart;
    @FXML private NumberAxis timeAxis;
    @FXML private NumberAxis inFlightAxis;

    public MetricsController(MetricsSource app) {
        this.vm = app.metrics();
    }

    @FXML
    private void initialize() {
        inFlightAxis.setTickLabelFormatter(new WholeNumbers());
        // The verdict wraps within the table's width, beside the caption, instead of widening the panel.
        var width = blocks.widthProperty().subtract(metricsCaption.widthProperty()).subtract(12);
        headline.prefWidthProperty().bind(width);
        headline.maxWidthProperty().bind(width);
        vm.panelProperty().addListener((obs, old, now) -> show(now));
        show(vm.panelProperty().get());
    }

    private void show(MetricsViewModel.Panel panel) {
        if (panel == null) {
            return;
        }
        boolean compare = panel.columns().size() > 1;
        metricsCaption.setText(panel.caption());
        metricsCaption.pseudoClassStateChanged(SO_FAR, panel.soFar());
        headline.setText(compare ? panel.headline() : HINT_TEXT);
        headline.pseudoClassStateChanged(HINT, !compare);
        showTable(panel);
        String chartClass = compare ? "compare"
                : "policy-" + panel.columns().get(0).policy().styleKey();
        for (var chart : List.of(responseChart, inFlightChart)) {
            if (!chart.getStyleClass().contains(chartClass)) { // a style class change restyles every bar and axis
                chart.getStyleClass().removeAll(CHART_CLASSES);
                chart.getStyleClass().add(chartClass);
            }
            chart.setLegendVisible(false); // the table's column headers are the key: each in its variant's colour
        }
        // a program of tasks: its items' latency and its queues' length instead of requests
        responseChart.setTitle(panel.program() ? "Item latency" : "Response times");
        inFlightChart.setTitle(panel.program() ? "Queue length" : "In flight");
        inFlightAxis.setLabel(panel.program() ? "items" : "requests");
        requestAxis.setLabel(panel.responseAxisLabel());
        requestAxis.setTickLabelsVisible(panel.responseBars().get(0).data().size() <= 40);
        showBars(panel.responseBars());
        showInFlight(panel.inFlight(), panel.endMs());
    }

    /**
     * The response bars. When the series and their categories are those
     * shown (playback moved on, a slider moved), only the heights change:
     * new series would mean new bar nodes to style and lay out.
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
                    double height = bars.get(i).data().get(j).responseMs();
                    if (data.get(j).getYValue().doubleValue() != height) {
                        data.get(j).setYValue(height);
                    }
                }
            }
            return;
        }
        // Each series gets its bars in one list: added one by one, a series checks all its points for duplicates each time.
        responseChart.getData().setAll(bars.stream().map(s -> new XYChart.Series<>(s.name(),
                FXCollections.observableArrayList(s.data().stream()
                        .map(b -> new XYChart.Data<String, Number>(b.category(), b.responseMs())).toList()))).toList());
    }

    /**
     * The in-flight lines on a fixed time axis (0 to the end of the longest
     * run) and a whole-number count axis that grows with the highest count
     * drawn. While playing, a line's points up to the last are those shown
     * before: only the changed points are set and the new ones appended.
     */
    private void showInFlight(List<MetricsViewModel.Series<ChartData.Point>> lines, double endMs) {
        double tick = AxisTicks.step(endMs > 0 ? endMs : 1, 5);
        double end = AxisTicks.ceil(endMs > 0 ? endMs : 1, tick); // a round end: no crowded last label
        if (timeAxis.getUpperBound() != end || timeAxis.getTickUnit() != tick) {
            timeAxis.setLowerBound(0);
            timeAxis.setUpperBound(end);
            timeAxis.setTickUnit(tick);
        }
        double peak = lines.stream().mapToDouble(l -> ChartData.InFlight.peak(l.data())).max().orElse(0);
        int step = AxisTicks.countStep(peak, 4);
        double top = Math.max(step, AxisTicks.ceil(peak, step));
        if (inFlightAxis.getUpperBound() != top || inFlightAxis.getTickUnit() != step) {
            inFlightAxis.setLowerBound(0);
            inFlightAxis.setUpperBound(top);
            inFlightAxis.setTickUnit(step);
        }
        List<XYChart.Series<Number, Number>> shown = inFlightChart.getData();
        boolean sameSeries = shown.size() == lines.size()
                && IntStream.range(0, lines.size()).allMatch(i -> shown.get(i).getName().equals(lines.get(i).name()));
        if (!sameSeries) {
            inFlightChart.getData().setAll(lines.stream().map(s -> new XYChart.Series<>(s.name(),
                    FXCollections.observableArrayList(s.data().stream()
                            .map(p -> new XYChart.Data<Number, Number>(p.timeMs(), p.inFlight())).toList()))).toList());
            return;
        }
        for (int i = 0; i < lines.size(); i++) {
            update(shown.get(i).getData(), lines.get(i).data());
        }
    }

    private static void update(List<XYChart.Data<Number, Number>> data, List<ChartData.Point> points) {
        int common = Math.min(data.size(), points.size());
        for (int j = 0; j < common; j++) {
            XYChart.Data<Number, Number> d = data.get(j);
            ChartData.Point p = points.get(j);
            if (d.getXValue().doubleValue() != p.timeMs()) {
                d.setXValue(p.timeMs());
            }
            if (d.getYValue().doubleValue() != p.inFlight()) {
                d.setYValue(p.inFlight());
            }
        }
        if (data.size() > common) {
            data.subList(common, data.size()).clear();
        } else if (points.size() > common) {
            data.addAll(points.subList(common, points.size()).stream()
                    .map(p -> new XYChart.Data<Number, Number>(p.timeMs(), p.inFlight())).toList());
        }
    }

    private void showTable(MetricsViewModel.Panel panel) {
        List<String> keys = panel.rows().stream().map(MetricRows.Row::key).toList();
        if (!panel.columns().equals(tableColumns) || !keys.equals(tableKeys)) {
            build(panel);
        }
        for (MetricRows.Row row : panel.rows()) {
            for (int c = 0; c < row.values().size(); c++) {
                cells.get("value-" + row.key() + "-" + c).setText(row.values().get(c));
            }
            for (int c = 1; c < row.values().size(); c++) {
                cells.get("diff-" + row.key() + "-" + c).setText(row.differences().get(c - 1));
            }
        }
    }

    /** Lays out both blocks for these columns and rows: label, then each column's value and (after the first) difference. */
    private void build(MetricsViewModel.Panel panel) {
        cells.clear();
        tableColumns = panel.columns();
        tableKeys = panel.rows().stream().map(MetricRows.Row::key).toList();
        List<MetricRows.Row> response = new ArrayList<>();
        List<MetricRows.Row> load = new ArrayList<>();
        boolean sideBySide = panel.columns().size() <= MAX_SIDE_BY_SIDE;
        panel.rows().forEach(r -> (r.aboutResponse() || !sideBySide ? response : load).add(r));
        fill(responseTable, "", response, panel.columns());
        fill(loadTable, "load-", load, panel.columns());
        loadTable.setVisible(sideBySide);
        loadTable.setManaged(sideBySide);
    }

    private void fill(GridPane table, String headerPrefix, List<MetricRows.Row> rows, List<MetricsViewModel.Column> columns) {
        table.getChildren().clear();
        for (int c = 0; c < columns.size(); c++) {
            Label h = cell(columns.get(c).label(), "metric-header");
            String colour = columns.size() > 1 ? "variant-" + c
                    : "policy-" + columns.get(c).policy().styleKey();
            h.getStyleClass().add(colour);
            h.setWrapText(true);
            h.setMinWidth(Region.USE_COMPUTED_SIZE);
            h.setMinHeight(Region.USE_PREF_SIZE);
            h.setId(headerPrefix + "column-" + c);
            table.add(h, valueColumn(c), 0, c == 0 ? 1 : 2, 1);
        }
        int r = 1;
        for (MetricRows.Row row : rows) {
            table.add(cell(row.label(), "metric-label"), 0, r);
            for (int c = 0; c < row.values().size(); c++) {
                Label v = cell("", "metric-value");
                v.setId("value-" + row.key() + "-" + c);
                cells.put(v.getId(), v);
                table.add(v, valueColumn(c), r);
                if (c > 0) {
                    Label d = cell("", "metric-diff");
                    d.setId("diff-" + row.key() + "-" + c);
                    cells.put(d.getId(), d);
                    table.add(d, valueColumn(c) + 1, r);
                }
            }
            r++;
        }
    }

    /** Grid column of column {@code c}'s value: the first has no difference beside it. */
    private static int valueColumn(int c) {
        return c == 0 ? 1 : 2 * c;
    }

    private static Label cell(String text, String styleClass) {
        Label l = new Label(text);
        l.getStyleClass().add(styleClass);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** Tick labels "0", "1", "2": a count of requests has no fractions. */
    private static final class WholeNumbers extends StringConverter<Number> {
        @Override
        public String toString(Number n) {
            return n == null ? "" : String.format(java.util.Locale.ROOT, "%,d", Math.round(n.doubleValue()));
        }

        @Override
        public Number fromString(String s) {
            return Integer.valueOf(s.replace(",", "").trim());
        }
    }
}
