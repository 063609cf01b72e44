package io.interleave.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.trace.Span;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

@DisplayName("The animated SVG: one SMIL animation per growing bar, timed like the GIF")
class AnimatedSvgTest {
    private static final List<io.interleave.trace.Trace> LESSON = TimelineAnimationTest.LESSON;

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    /** Each bar's {start, length} in seconds, from its width animation. */
    static List<double[]> barAnimations(Document doc) {
        List<double[]> out = new ArrayList<>();
        NodeList rects = doc.getElementsByTagName("rect");
        for (int i = 0; i < rects.getLength(); i++) {
            Element r = (Element) rects.item(i);
            if (!r.getAttribute("class").startsWith("span ")) {
                continue;
            }
            NodeList anims = r.getElementsByTagName("animate");
            assertThat(anims.getLength()).as("bar %s at x=%s", r.getAttribute("class"), r.getAttribute("x")).isEqualTo(1);
            Element a = (Element) anims.item(0);
            assertThat(a.getAttribute("attributeName")).isEqualTo("width");
            assertThat(r.getAttribute("width")).isEqualTo("0");
            assertThat(a.getAttribute("fill")).isEqualTo("freeze");
            out.add(new double[] {seconds(a.getAttribute("begin")), seconds(a.getAttribute("dur"))});
        }
        return out;
    }

    /** "1.250s" or "cycle.begin+1.250s" as 1.25. */
    static double seconds(String text) {
        String t = text.substring(text.lastIndexOf('+') + 1);
        assertThat(t).endsWith("s");
        return Double.parseDouble(t.substring(0, t.length() - 1));
    }

    @Test
    @DisplayName("every bar grows from its span's start for its span's length on the playback's clock")
    void oneAnimationPerBar() throws Exception {
        TimelineExport export = new TimelineExport(LESSON, ViewMode.REQUESTS, 1600, 1, Palette.LIGHT);
        Animation a = new Animation(export.playFromMs(), export.playToMs(), 8, 10, 2, false);
        Document doc = parse(new TimelineAnimation(export, a).svg(1));

        List<double[]> expected = new ArrayList<>();
        for (var trace : LESSON) {
            for (Span s : trace.spans()) {
                if (export.timeScale().toX(s.endMs()) - export.timeScale().toX(s.startMs()) >= 1) {
                    expected.add(new double[] {a.secondsAt(s.startMs()), a.secondsAt(s.endMs()) - a.secondsAt(s.startMs())});
                }
            }
        }
        List<double[]> actual = barAnimations(doc);
        assertThat(actual).hasSameSizeAs(expected);
        java.util.Comparator<double[]> order = java.util.Comparator.<double[]>comparingDouble(x -> x[0]).thenComparingDouble(x -> x[1]);
        expected.sort(order);
        actual.sort(order);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i)[0]).as("begin of bar %d", i).isCloseTo(expected.get(i)[0], org.assertj.core.data.Offset.offset(0.0015));
            assertThat(actual.get(i)[1]).as("duration of bar %d", i).isCloseTo(Math.max(0.001, expected.get(i)[1]), org.assertj.core.data.Offset.offset(0.0015));
        }
        // played once: plain begin times, no cycle
        assertThat(doc.getElementById("cycle")).isNull();
        assertThat(new TimelineAnimation(export, a).svg(1)).doesNotContain("cycle.begin");
    }

    @Test
    @DisplayName("looping: every animation starts from a cycle of the playing time plus the hold; markers appear, the now line sweeps")
    void loops() throws Exception {
        TimelineExport export = new TimelineExport(LESSON, ViewMode.REQUESTS, 1600, 1, Palette.LIGHT);
        Animation a = new Animation(export.playFromMs(), export.playToMs(), 8, 10, 2, true);
        String svg = new TimelineAnimation(export, a).svg(1);
        Document doc = parse(svg);
        assertThat(svg).contains("<animate id=\"cycle\" attributeName=\"x\" from=\"0\" to=\"0\" begin=\"0s;cycle.end\" dur=\"10.000s\"/>");
        for (double[] bar : barAnimations(doc)) {
            assertThat(bar[0]).isBetween(0.0, 8.0);
        }
        NodeList sets = doc.getElementsByTagName("set");
        int appearing = 0;
        for (int i = 0; i < sets.getLength(); i++) {
            Element s = (Element) sets.item(i);
            if ("visible".equals(s.getAttribute("to"))) {
                appearing++;
                assertThat(s.getAttribute("begin")).startsWith("cycle.begin+");
            }
        }
        // three requests in two sections: arrival marker, time-alone outline and response for each
        assertThat(appearing).isGreaterThanOrEqualTo(LESSON.size() * 3 * 3 - 2);
        NodeList moves = doc.getElementsByTagName("animateTransform");
        assertThat(moves.getLength()).isEqualTo(1);
        assertThat(((Element) moves.item(0).getParentNode()).getAttribute("class")).isEqualTo("now");
        assertThat(((Element) moves.item(0)).getAttribute("dur")).isEqualTo("8.000s");
    }

    @Test
    @DisplayName("without --animate the SVG is the still picture: no animation at all")
    void stillHasNoAnimation() {
        TimelineExport export = new TimelineExport(LESSON, ViewMode.REQUESTS, 1600, 1, Palette.LIGHT);
        String still = export.svg(1);
        assertThat(still).doesNotContain("<animate", "<set ", "visibility=\"hidden\"", "cycle");
        assertThat(still).contains("class=\"span compute\"");
    }
}
