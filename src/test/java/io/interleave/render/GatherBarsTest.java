package io.interleave.render;

import static io.interleave.render.TimelineExportTest.parse;
import static io.interleave.render.TimelineExportTest.pixel;
import static io.interleave.render.TimelineExportTest.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.engine.Simulation;
import io.interleave.render.TimelineLayout.Row;
import io.interleave.scenario.Presets;
import io.interleave.scenario.Scenario;
import io.interleave.trace.SpanState;
import io.interleave.trace.Trace;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A gather's branches are thin sub-bars inside the request's row (lesson 7):
 * on the loop R1's three 100 ms calls all run 2-102, one sub-bar each, one
 * above the other; on a thread they run 2-102, 102-202 and 202-302, each in
 * its own third of the row.
 */
@DisplayName("Timeline: a gather's branches as sub-bars in the request's row")
class GatherBarsTest {
    static final Scenario LESSON = Presets.load("open-all-sockets").orElseThrow();

    static Trace variant(int i) {
        return Simulation.trace(LESSON, LESSON.compareVariants().get(i));
    }

    @Test
    @DisplayName("SVG: the branch spans carry the class \"branch\", three sub-bars stacked in R1's row on the loop")
    void svgSubBars() throws Exception {
        Document loop = parse(new TimelineExport(List.of(variant(1)), ViewMode.REQUESTS, 1200, 1, Palette.LIGHT).svg(1));
        List<Element> bars = elements(loop, "rect", "span wait branch");
        assertThat(bars).hasSize(9);
        List<Element> r1 = bars.subList(0, 3);
        assertThat(r1).extracting(e -> e.getAttribute("x")).containsOnly(r1.get(0).getAttribute("x"));
        assertThat(r1).extracting(e -> Double.parseDouble(e.getAttribute("y"))).isSorted().doesNotHaveDuplicates();
        double h = Double.parseDouble(r1.get(0).getAttribute("height"));
        assertThat(elements(loop, "rect", "span compute")).allSatisfy(c ->
                assertThat(Double.parseDouble(c.getAttribute("height"))).as("own spans keep the full bar").isGreaterThan(2 * h));

        Document threads = parse(new TimelineExport(List.of(variant(0)), ViewMode.REQUESTS, 1200, 1, Palette.LIGHT).svg(1));
        List<Element> calls = elements(threads, "rect", "span wait held branch");
        assertThat(calls).hasSize(9);
        assertThat(calls.subList(0, 3)).extracting(e -> Double.parseDouble(e.getAttribute("x"))).isSorted().doesNotHaveDuplicates();
        assertThat(calls.subList(0, 3)).extracting(e -> Double.parseDouble(e.getAttribute("y"))).isSorted().doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("PNG: at 50 ms R1's row shows a wait in its top and bottom thirds on the loop; on a thread only the top third is the wait")
    void pngThirds() throws Exception {
        for (int v = 0; v < 2; v++) {
            TimelineExport export = new TimelineExport(List.of(variant(v)), ViewMode.REQUESTS, 1200, 1, Palette.LIGHT);
            byte[] png = export.png(1);
            Files.createDirectories(Path.of("target"));
            Files.write(Path.of("target", "gather-lesson-" + v + ".png"), png);
            BufferedImage image = read(png);
            TimelineLayout layout = export.layout();
            Row r1 = layout.requestRow(0, 1).orElseThrow();
            double bh = layout.barHeight();
            double top = export.timelineTop() + r1.top() + Math.round((layout.rowHeight() - bh) / 2);
            double x = layout.plotLeft() + export.timeScale().toX(50);
            Fill waitFree = Palette.LIGHT.fill(variant(v).spansOf(1).stream()
                    .filter(s -> s.state() == SpanState.WAIT).findFirst().orElseThrow());
            assertThat(pixel(image, x, top + bh / 6, 1)).as("top third").isIn(waitFree.color(), waitFree.ink());
            if (v == 1) {
                assertThat(pixel(image, x, top + bh * 5 / 6, 1)).as("bottom third, loop").isIn(waitFree.color(), waitFree.ink());
            } else {
                assertThat(pixel(image, x, top + bh * 5 / 6, 1)).as("bottom third, thread").isNotIn(waitFree.color(), waitFree.ink());
            }
        }
    }

    @Test
    @DisplayName("hovering a sub-bar finds its own branch's span: the bottom third of R1's row at 50 ms on the loop is branch 2")
    void hoverFindsTheSubBar() {
        TimelineExport export = new TimelineExport(List.of(variant(1)), ViewMode.REQUESTS, 1200, 1, Palette.LIGHT);
        TimelineLayout layout = export.layout();
        Row r1 = layout.requestRow(0, 1).orElseThrow();
        double bh = layout.barHeight();
        double top = Math.round(r1.top() + (layout.rowHeight() - bh) / 2);
        double x = layout.plotLeft() + export.timeScale().toX(50);
        for (int b = 0; b < 3; b++) {
            var hit = layout.hitAt(x, top + bh * (2 * b + 1) / 6, export.timeScale(), new double[0], 1000).orElseThrow();
            assertThat(hit.span()).isPresent();
            assertThat(hit.span().get().branchIndex()).as("sub-bar %d", b).isEqualTo(b);
            assertThat(hit.request().orElseThrow().id()).isEqualTo(1);
        }
        var own = layout.hitAt(layout.plotLeft() + export.timeScale().toX(1), top + bh / 2, export.timeScale(), new double[0], 1000);
        assertThat(own.orElseThrow().span().orElseThrow().state()).isEqualTo(SpanState.COMPUTE);
    }

    private static List<Element> elements(Document doc, String tag, String cssClass) {
        NodeList nodes = doc.getElementsByTagNameNS("*", tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (e.getAttribute("class").equals(cssClass) && !e.getAttribute("fill").equals("none")) {
                out.add(e);
            }
        }
        return out;
    }
}
