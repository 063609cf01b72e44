package io.interleave.render;

import static io.interleave.render.TimelineExportTest.parse;
import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.engine.Simulation;
import io.interleave.scenario.Presets;
import io.interleave.scenario.Scenario;
import io.interleave.trace.Span;
import io.interleave.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Work done after the client gave up (lesson 9) is drawn in its own fill, with its own SVG class and legend entry. */
@DisplayName("Timeline: wasted work after a client gave up")
class WastedBarsTest {
    static final Scenario LESSON = Presets.load("timeouts-under-overload").orElseThrow();

    static Trace threads() {
        return Simulation.trace(LESSON, LESSON.compareVariants().get(0));
    }

    private static List<Element> withClass(Document doc, String prefix) {
        NodeList nodes = doc.getElementsByTagNameNS("*", "rect");
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (e.getAttribute("class").startsWith(prefix) && !e.getAttribute("fill").equals("none")) {
                out.add(e);
            }
        }
        return out;
    }

    @Test
    @DisplayName("SVG: each wasted span is a bar of class 'span <state> wasted', and the legend says 'Wasted: client gone'")
    void svg() throws Exception {
        Trace t = threads();
        long wasted = t.spans().stream().filter(Span::wasted).count();
        assertThat(wasted).isPositive();
        String svg = new TimelineExport(List.of(t), ViewMode.REQUESTS, 1200, 1, Palette.LIGHT).svg(1);
        Document doc = parse(svg);
        List<Element> bars = withClass(doc, "span ");
        assertThat(bars.stream().filter(e -> e.getAttribute("class").endsWith(" wasted")).count()).isEqualTo(wasted);
        assertThat(bars).anyMatch(e -> e.getAttribute("class").equals("span compute wasted"));
        assertThat(withClass(doc, "legend wasted")).isNotEmpty();
        assertThat(svg).contains("Wasted: client gone").contains("timed out").doesNotContain(">rejected<");
    }

    @Test
    @DisplayName("the wasted fill is its own: an Okabe–Ito colour with a pattern, unlike every state's fill")
    void ownFill() {
        for (Palette p : List.of(Palette.LIGHT, Palette.DARK)) {
            for (io.interleave.trace.SpanState s : io.interleave.trace.SpanState.values()) {
                assertThat(p.wasted()).isNotEqualTo(p.fill(s));
            }
            assertThat(p.wasted()).isNotEqualTo(p.heldWait());
            assertThat(p.wasted().pattern()).isNotEqualTo(FillPattern.SOLID);
        }
        Span wasted = threads().spans().stream().filter(Span::wasted).findFirst().orElseThrow();
        assertThat(Palette.LIGHT.fill(wasted)).isEqualTo(Palette.LIGHT.wasted());
        assertThat(TimelinePainter.spanTag(wasted)).endsWith(" wasted");
    }

    @Test
    @DisplayName("hover over a wasted span says the client had gone")
    void hover() {
        Trace t = threads();
        Span wasted = t.spans().stream().filter(Span::wasted).findFirst().orElseThrow();
        TextMeasure measure = (text, style) -> text.length() * style.size() * 0.6;
        TimelineLayout l = TimelineLayout.of(List.of(t), ViewMode.REQUESTS, 1000, 600, 1, measure);
        TimelineLayout.Hit hit = new TimelineLayout.Hit(0, l.requestRow(0, wasted.requestId()).orElseThrow(),
                t.request(wasted.requestId()), java.util.Optional.of(wasted));
        assertThat(HoverText.describe(t, hit)).contains("wasted: its client had already gone").contains("client gave up");
    }
}
