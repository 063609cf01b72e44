package io.interleave.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.engine.Simulation;
import io.interleave.scenario.Policy;
import io.interleave.scenario.Presets;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.Variant;
import io.interleave.trace.Trace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Export metrics table: every text of a row keeps clear of its neighbours at any width")
class MetricsTableTest {
    static final Scenario THREE = Presets.load("three-requests").orElseThrow();

    static List<Trace> fourVariants() {
        return THREE.withVariants(List.of(
                Variant.of("1 thread", Policy.SYNC, 1),
                Variant.of("4 threads (the default pool)", Policy.SYNC, 4),
                Variant.of("1 event loop", Policy.EVENT_LOOP, 1),
                Variant.of("2 event loops", Policy.EVENT_LOOP, 2))).compareVariants().stream()
                .map(v -> Simulation.trace(THREE, v)).toList();
    }

    @ParameterizedTest(name = "width {0}")
    @ValueSource(ints = {480, 800, 1000, 1050, 1100, 1200, 1600, 3000})
    @DisplayName("headers and cells never overlap (measured in the font the picture is drawn with)")
    void noOverlap(int width) {
        for (List<Trace> traces : List.of(fourVariants(), List.of(Simulation.trace(THREE)))) {
            TimelineExport export = new TimelineExport(traces, ViewMode.REQUESTS, width, 1, Palette.LIGHT);
            RecordingSurface g = new RecordingSurface();
            export.paint(g);
            double tableTop = export.timelineTop() + export.layout().height();
            TextMeasure font = new AwtFonts();
            Map<Double, List<double[]>> rows = new TreeMap<>();
            for (RecordingSurface.TextCall t : g.texts) {
                if (t.y() < tableTop || t.text().isEmpty()) {
                    continue;
                }
                double w = font.textWidth(t.text(), t.style());
                double left = t.align() == TextAlign.RIGHT ? t.x() - w : t.align() == TextAlign.CENTER ? t.x() - w / 2 : t.x();
                rows.computeIfAbsent(t.y(), y -> new ArrayList<>()).add(new double[] {left, left + w});
            }
            assertThat(rows).as("table rows").hasSizeGreaterThanOrEqualTo(1 + traces.size());
            for (Map.Entry<Double, List<double[]>> row : rows.entrySet()) {
                List<double[]> cells = row.getValue();
                cells.sort(Comparator.comparingDouble(c -> c[0]));
                for (int i = 1; i < cells.size(); i++) {
                    assertThat(cells.get(i)[0]).as("width %d, row at y=%.0f, cell %d starts after cell %d ends", width, row.getKey(), i, i - 1)
                            .isGreaterThanOrEqualTo(cells.get(i - 1)[1] + 2);
                }
                assertThat(cells.get(0)[0]).isGreaterThanOrEqualTo(0);
                assertThat(cells.get(cells.size() - 1)[1]).isLessThanOrEqualTo(width);
            }
        }
    }
}
