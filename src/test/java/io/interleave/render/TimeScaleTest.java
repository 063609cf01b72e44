package io.interleave.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeScaleTest {

    @Test
    @DisplayName("maps times to pixels and back")
    void mapsBothWays() {
        TimeScale s = TimeScale.of(100, 300, 1000);
        assertThat(s.toX(100)).isEqualTo(0);
        assertThat(s.toX(300)).isEqualTo(1000);
        assertThat(s.toX(150)).isEqualTo(250);
        assertThat(s.toMs(250)).isEqualTo(150);
        assertThat(s.msPerPx()).isEqualTo(0.2);
        assertThat(s.toX(50)).isNegative();
    }

    @Test
    @DisplayName("zooming in keeps the time under the pointer where it is")
    void zoomKeepsPivot() {
        TimeScale s = TimeScale.of(0, 200, 1000);
        double pointer = 700;
        double before = s.toMs(pointer);
        TimeScale z = s.zoom(2, pointer);
        assertThat(z.spanMs()).isCloseTo(100, within(1e-9));
        assertThat(z.toMs(pointer)).isCloseTo(before, within(1e-9));
        TimeScale back = z.zoom(0.5, pointer);
        assertThat(back.startMs()).isCloseTo(0, within(1e-9));
        assertThat(back.endMs()).isCloseTo(200, within(1e-9));
    }

    @Test
    @DisplayName("zooming stops at the narrowest and widest spans")
    void zoomIsClamped() {
        TimeScale s = TimeScale.of(0, 1, 500);
        assertThat(s.zoom(1e9, 250).spanMs()).isCloseTo(TimeScale.MIN_SPAN_MS, within(1e-12));
        assertThat(s.zoom(1e-12, 250).spanMs()).isCloseTo(TimeScale.MAX_SPAN_MS, within(1e-3));
        assertThat(TimeScale.of(5, 5, 100).spanMs()).isCloseTo(TimeScale.MIN_SPAN_MS, within(1e-12));
        assertThat(TimeScale.of(5, 5, 100).toMs(50)).isCloseTo(5, within(1e-9));
    }

    @Test
    @DisplayName("dragging right by n pixels shows times n pixels earlier")
    void pan() {
        TimeScale s = TimeScale.of(100, 200, 1000).pan(250);
        assertThat(s.startMs()).isCloseTo(75, within(1e-9));
        assertThat(s.endMs()).isCloseTo(175, within(1e-9));
        assertThat(s.pan(-250).startMs()).isCloseTo(100, within(1e-9));
    }

    @Test
    @DisplayName("a range is moved inside bounds, or becomes the bounds when wider")
    void withinBounds() {
        TimeScale s = TimeScale.of(-30, 70, 1000);
        TimeScale in = s.within(0, 500);
        assertThat(in.startMs()).isEqualTo(0);
        assertThat(in.endMs()).isEqualTo(100);
        TimeScale late = TimeScale.of(450, 550, 1000).within(0, 500);
        assertThat(late.startMs()).isEqualTo(400);
        assertThat(late.endMs()).isEqualTo(500);
        TimeScale wide = TimeScale.of(-100, 900, 1000).within(0, 500);
        assertThat(wide.startMs()).isEqualTo(0);
        assertThat(wide.endMs()).isEqualTo(500);
        TimeScale inside = TimeScale.of(10, 20, 1000);
        assertThat(inside.within(0, 500)).isSameAs(inside);
    }

    @Test
    @DisplayName("fit shows the range between the paddings")
    void fitWithPadding() {
        TimeScale s = TimeScale.fit(0, 236, 1000, 20, 80);
        assertThat(s.toX(0)).isCloseTo(20, within(1e-9));
        assertThat(s.toX(236)).isCloseTo(920, within(1e-9));
        assertThat(s.widthPx()).isEqualTo(1000);
    }

    @Test
    @DisplayName("fit still shows the range when the paddings are wider than the view")
    void fitWithHugePadding() {
        TimeScale s = TimeScale.fit(0, 100, 100, 80, 80);
        assertThat(s.toX(100) - s.toX(0)).isCloseTo(25, within(1e-9));
        assertThat(s.toX(0)).isGreaterThan(0);
        assertThat(s.toX(100)).isLessThan(100);
    }

    @Test
    @DisplayName("widths below a pixel count as one pixel; non-finite values are refused")
    void clampsAndRefuses() {
        assertThat(TimeScale.of(0, 10, -5).widthPx()).isEqualTo(1);
        assertThat(TimeScale.of(0, 10, 0).toX(10)).isEqualTo(1);
        assertThatThrownBy(() -> TimeScale.of(10, 0, 100)).hasMessageContaining("endMs");
        assertThatThrownBy(() -> TimeScale.of(Double.NaN, 0, 100)).hasMessageContaining("startMs");
        assertThatThrownBy(() -> TimeScale.of(0, 10, Double.NaN)).hasMessageContaining("widthPx");
        assertThatThrownBy(() -> TimeScale.of(0, 10, 100).zoom(0, 5)).hasMessageContaining("factor");
        assertThatThrownBy(() -> TimeScale.of(0, 10, 100).within(5, 1)).hasMessageContaining("maxMs");
    }

    @ParameterizedTest(name = "raw {0} -> {1}")
    @CsvSource({"1,1", "1.2,2", "2,2", "2.1,5", "4.9,5", "5.1,10", "7,10", "0.013,0.02", "180,200", "4000,5000", "0.5,0.5"})
    @DisplayName("steps are 1, 2 or 5 times a power of ten")
    void niceSteps(double raw, double nice) {
        assertThat(TimeScale.niceStep(raw)).isCloseTo(nice, within(nice * 1e-12));
    }

    @Test
    @DisplayName("the three-request run gets ticks every 20 ms, labelled in ms")
    void ticksForTheLesson() {
        TimeScale s = TimeScale.of(0, 236, 1000);
        List<TimeScale.Tick> ticks = s.ticks(80);
        assertThat(ticks).extracting(TimeScale.Tick::label)
                .containsExactly("0 ms", "20 ms", "40 ms", "60 ms", "80 ms", "100 ms", "120 ms", "140 ms",
                        "160 ms", "180 ms", "200 ms", "220 ms");
        assertThat(ticks.get(1).x()).isCloseTo(s.toX(20), within(1e-9));
        for (int i = 1; i < ticks.size(); i++) {
            assertThat(ticks.get(i).x() - ticks.get(i - 1).x()).isGreaterThanOrEqualTo(80);
        }
    }

    @Test
    @DisplayName("long runs are labelled in seconds with the decimals the step needs")
    void ticksInSeconds() {
        List<TimeScale.Tick> ticks = TimeScale.of(0, 3200, 700).ticks(100);
        assertThat(ticks).extracting(TimeScale.Tick::label).containsExactly("0 s", "0.5 s", "1 s", "1.5 s", "2 s", "2.5 s", "3 s");
    }

    @Test
    @DisplayName("deep zoom gets sub-millisecond ticks, only inside the visible range")
    void ticksWhenZoomedIn() {
        List<TimeScale.Tick> ticks = TimeScale.of(10.03, 10.47, 400).ticks(90);
        assertThat(ticks).extracting(TimeScale.Tick::label).containsExactly("10.1 ms", "10.2 ms", "10.3 ms", "10.4 ms");
        assertThat(ticks).allSatisfy(t -> assertThat(t.x()).isBetween(0.0, 400.0));
    }

    @ParameterizedTest(name = "{0} px at text scale {1}")
    @CsvSource({"600, 1", "800, 1", "1000, 1", "1400, 1", "2000, 1", "800, 1.6", "1000, 1.6", "1100, 1.6", "1600, 1.6", "1100, 2"})
    @DisplayName("at any sensible width the axis gets at least five ticks, their labels never touching")
    void atLeastFiveTicks(double widthPx, double textScale) {
        TextMeasure measure = (text, style) -> text.length() * style.size() * 0.6;
        for (double span : new double[] {7, 13, 48, 100, 236, 480, 640, 999, 1234, 3200, 47_000, 600_000}) {
            TimeScale scale = TimeScale.of(0, span, widthPx);
            double min = measure.textWidth("88.8 ms", TextStyle.regular(12 * textScale)) + 14 * textScale;
            List<TimeScale.Tick> ticks = scale.ticks(96 * textScale, min, 5);
            assertThat(ticks).as("%s ms", span).hasSizeGreaterThanOrEqualTo(5);
            for (int i = 1; i < ticks.size(); i++) {
                double gap = ticks.get(i).x() - ticks.get(i - 1).x();
                double widest = Math.max(measure.textWidth(ticks.get(i).label(), TextStyle.regular(12 * textScale)),
                        measure.textWidth(ticks.get(i - 1).label(), TextStyle.regular(12 * textScale)));
                assertThat(gap).as("%s ms: %s to %s", span, ticks.get(i - 1).label(), ticks.get(i).label()).isGreaterThan(widest);
            }
        }
    }

    @Test
    @DisplayName("a step of 2.5 keeps its decimal: 7.5 ms, not 8 ms")
    void quarterSteps() {
        List<TimeScale.Tick> ticks = TimeScale.of(0, 10, 300).ticks(100, 50, 5);
        assertThat(ticks).extracting(TimeScale.Tick::label).containsExactly("0 ms", "2.5 ms", "5 ms", "7.5 ms", "10 ms");
    }
}
