package io.interleave.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.interleave.scenario.Policy;
import io.interleave.scenario.Server;
import io.interleave.scenario.Variant;
import io.interleave.stats.Capacity;
import io.interleave.stats.ConfidenceInterval;
import io.interleave.stats.Sweep;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SweepChart: one series per variant, told apart without colour, saturation at the capacity, text that fits")
class SweepChartTest {

    /** A made-up series: mean = base / (1 - rate / capacity) below the capacity, 100x base past it; interval +-20%. */
    static Sweep.Series series(Variant v, Server server, double capacity, String bottleneck, List<Double> rates, double base) {
        List<Sweep.Point> points = new ArrayList<>();
        for (double rate : rates) {
            double mean = rate < capacity ? base / (1 - rate / capacity) : 100 * base;
            boolean past = rate >= capacity;
            points.add(new Sweep.Point(v, server, rate, new ConfidenceInterval(mean, mean * 0.8, mean * 1.2, 3), mean * 2,
                    past ? 0.8 * capacity : rate, 0.5, past ? 0.99 : rate / capacity, 0));
        }
        return new Sweep.Series(v, server, new Capacity(capacity, bottleneck), Optional.empty(), points);
    }

    static Sweep.Result threeVariants() {
        List<Double> rates = List.of(10.0, 20.0, 30.0, 40.0, 50.0, 60.0);
        return new Sweep.Result(List.of(
                series(Variant.of("1 thread", Policy.SYNC, 1), Server.of(Policy.SYNC, 1, 1), 21.3, "1 thread", rates, 47),
                series(Variant.of("4 threads", Policy.SYNC, 4), Server.of(Policy.SYNC, 4, 2), 55, "4 threads", rates, 47),
                series(Variant.of("one loop", Policy.EVENT_LOOP, 1), Server.of(Policy.EVENT_LOOP, 1, 2), 143, "1 event loop", rates, 47)), 3);
    }

    @Test
    @DisplayName("three variants: a band, a mean line and markers each, in the palette's variant colours; two saturation marks at the capacities")
    void seriesPerVariant() {
        String svg = new SweepChart(threeVariants(), "Mostly waiting", 1200, 720, Palette.LIGHT).svg();
        for (String cls : List.of("variant-0 sync", "variant-1 sync", "variant-2 event-loop")) {
            assertThat(svg).contains("class=\"band " + cls + "\"", "class=\"mean " + cls + "\"", "class=\"point " + cls + "\"");
        }
        for (int i = 0; i < 3; i++) {
            assertThat(svg).containsIgnoringCase(Palette.LIGHT.variant(i).hex());
        }
        assertThat(svg).contains("class=\"saturation variant-0 sync\"", "class=\"saturation variant-1 sync\"")
                .doesNotContain("class=\"saturation variant-2");
        assertThat(svg).contains(" saturates at ≈21.3/s (capacity of 1 thread); measured past it at 30/s",
                " keeps up at every rate (capacity ≈143/s)");
    }

    @Test
    @DisplayName("the saturation line stands at the computed capacity (21.3/s), between the grid rates 20 and 30, not on either")
    void saturationAtCapacity() {
        SweepChart chart = new SweepChart(threeVariants(), "Mostly waiting", 1200, 720, Palette.LIGHT);
        Matcher m = Pattern.compile("<line x1=\"([0-9.]+)\"[^>]*class=\"saturation variant-0 sync\"").matcher(chart.svg());
        assertThat(m.find()).isTrue();
        assertThat(Double.parseDouble(m.group(1))).isCloseTo(chart.x(21.3), within(0.01));
        assertThat(chart.x(21.3)).isStrictlyBetween(chart.x(20), chart.x(30));
    }

    @Test
    @DisplayName("each variant has its own marker shape: squares, circles (polygons of 16), triangles, diamonds")
    void markersTellVariantsApart() {
        assertThat(List.of(SweepChart.marker(0), SweepChart.marker(1), SweepChart.marker(2), SweepChart.marker(3)))
                .containsExactly(SweepChart.Marker.SQUARE, SweepChart.Marker.CIRCLE, SweepChart.Marker.TRIANGLE, SweepChart.Marker.DIAMOND);
        RecordingSurface g = new RecordingSurface();
        new SweepChart(threeVariants(), "Mostly waiting", 1200, 720, Palette.LIGHT).paint(g);
        Rgb loop = Palette.LIGHT.variant(2);
        Rgb fourThreads = Palette.LIGHT.variant(1);
        assertThat(g.polygons.stream().filter(p -> p.color().equals(loop) && p.xs().length == 3)).hasSizeGreaterThanOrEqualTo(6);
        assertThat(g.polygons.stream().filter(p -> p.color().equals(fourThreads) && p.xs().length == 16)).hasSizeGreaterThanOrEqualTo(6);
        assertThat(g.fills.stream().filter(f -> f.fill().equals(Fill.solid(Palette.LIGHT.variant(0))))).hasSizeGreaterThanOrEqualTo(6);
        assertThat(g.balanced()).isTrue();
    }

    @Test
    @DisplayName("at the smallest size with a long name every text stays inside the chart (the title shrinks, then is cut with …)")
    void textFits() {
        String name = "A lesson whose name is really rather long, long enough to overflow a small chart";
        RecordingSurface g = new RecordingSurface();
        SweepChart chart = new SweepChart(threeVariants(), name, 480, 320, Palette.LIGHT);
        chart.paint(g);
        for (RecordingSurface.TextCall t : g.texts) {
            double w = g.textWidth(t.text(), t.style());
            double left = switch (t.align()) {
                case LEFT -> t.x();
                case CENTER -> t.x() - w / 2;
                case RIGHT -> t.x() - w;
            };
            assertThat(left).as(t.text()).isGreaterThanOrEqualTo(0);
            assertThat(left + w).as(t.text()).isLessThanOrEqualTo(480 + 1e-6);
        }
        assertThat(g.texts.get(0).text()).startsWith("A lesson whose").endsWith("…");
        assertThat(g.texts.get(0).style().size()).isLessThan(20).isGreaterThanOrEqualTo(14);
    }

    @Test
    @DisplayName("variants with identical results stay visible side by side: their markers are dodged a few pixels apart")
    void identicalVariantsBothShow() {
        List<Double> rates = List.of(10.0, 50.0, 90.0);
        Sweep.Result same = new Sweep.Result(List.of(
                series(Variant.of("Sync (threads)", Policy.SYNC), Server.of(Policy.SYNC, 1, 1), 100, "1 thread", rates, 10),
                series(Variant.of("Event loop", Policy.EVENT_LOOP), Server.of(Policy.EVENT_LOOP, 1, 1), 100, "1 event loop", rates, 10)), 2);
        SweepChart chart = new SweepChart(same, "M/M/1", 1200, 720, Palette.LIGHT);
        assertThat(chart.dodge(1) - chart.dodge(0)).isGreaterThanOrEqualTo(5);
        RecordingSurface g = new RecordingSurface();
        chart.paint(g);
        double squareX = g.fills.stream().filter(f -> f.fill().equals(Fill.solid(Palette.LIGHT.variant(0)))).filter(f -> f.width() < 12)
                .mapToDouble(f -> f.x() + f.width() / 2).max().orElseThrow();
        assertThat(squareX).isCloseTo(chart.x(90) + chart.dodge(0), within(0.01));
    }

    @Test
    @DisplayName("the palette has four distinct variant colours, the first two as the policies'")
    void variantColours() {
        for (Palette p : List.of(Palette.LIGHT, Palette.DARK)) {
            assertThat(p.variant(0)).isEqualTo(p.policy(Policy.SYNC));
            assertThat(p.variant(1)).isEqualTo(p.policy(Policy.EVENT_LOOP));
            assertThat(List.of(p.variant(0), p.variant(1), p.variant(2), p.variant(3))).doesNotHaveDuplicates();
        }
    }
}
