package io.interleave.app.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.engine.Simulation;
import io.interleave.render.Palette;
import io.interleave.render.TimeScale;
import io.interleave.render.TimelineExport;
import io.interleave.render.ViewMode;
import io.interleave.scenario.Policy;
import io.interleave.scenario.Presets;
import io.interleave.scenario.Scenario;
import io.interleave.trace.Trace;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The window's export picture, with no display. */
class ExportPictureTest {
    private static final Scenario THREE = Presets.load("three-requests").orElseThrow();
    private static final List<Trace> BOTH = List.of(Simulation.trace(THREE), Simulation.trace(THREE.withPolicy(Policy.EVENT_LOOP)));
    private static final Optional<TimeScale> FIRST_50_MS = Optional.of(TimeScale.of(0, 50, 900));

    @Test
    @DisplayName("the whole run is exactly the render command's picture, at the chosen scale")
    void wholeRunIsTheRenderPicture() throws Exception {
        ExportPicture picture = new ExportPicture(BOTH, ViewMode.REQUESTS, 1600, 1, Palette.LIGHT, false, FIRST_50_MS);
        byte[] png = picture.png(2);
        assertThat(png).isEqualTo(new TimelineExport(BOTH, ViewMode.REQUESTS, 1600, 1, Palette.LIGHT).png(2));
        var image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(3200);
        assertThat(image.getHeight()).isEqualTo((int) Math.round(Math.ceil(picture.height()) * 2));
    }

    @Test
    @DisplayName("the current view draws the visible time range once, under the same title and metrics table")
    void currentView() throws Exception {
        ExportPicture whole = new ExportPicture(BOTH, ViewMode.REQUESTS, 1600, 1, Palette.LIGHT, false, FIRST_50_MS);
        ExportPicture view = new ExportPicture(BOTH, ViewMode.REQUESTS, 1600, 1, Palette.LIGHT, true, FIRST_50_MS);
        assertThat(view.height()).isEqualTo(whole.height());
        assertThat(texts(whole.svg(1), "axis")).contains("200 ms");
        List<String> axis = texts(view.svg(1), "axis");
        assertThat(axis).contains("10 ms", "40 ms").doesNotContain("200 ms", "100 ms");
        // One title per policy: the export's own timeline band was left out, not drawn under the view.
        assertThat(texts(view.svg(1), "section-title")).hasSize(2);
        assertThat(texts(view.svg(1), "metrics")).contains("Variant", "Sync (threads)", "Event loop", "166 ms");
        assertThat(texts(view.svg(1), "title")).contains("Three requests");
        assertThat(view.png(1)).isNotEqualTo(whole.png(1));
    }

    @Test
    @DisplayName("with the code option the picture is render --code's: the handlers of both variants under the timeline")
    void withCode() throws Exception {
        ExportPicture plain = new ExportPicture(BOTH, ViewMode.REQUESTS, 1600, 1, Palette.LIGHT, false, FIRST_50_MS);
        ExportPicture code = new ExportPicture(BOTH, ViewMode.REQUESTS, 1600, 1, Palette.LIGHT, false, FIRST_50_MS, true);
        assertThat(code.height()).isGreaterThan(plain.height() + 100);
        assertThat(code.svg(1)).contains("def handle_report(request):").contains("async def handle_report(request):");
        assertThat(code.png(1)).isEqualTo(io.interleave.render.CodePanel.forPicture(BOTH, 1600, 1, Palette.LIGHT)
                .png(new TimelineExport(BOTH, ViewMode.REQUESTS, 1600, 1, Palette.LIGHT), 1));
        var image = ImageIO.read(new ByteArrayInputStream(code.png(2)));
        assertThat(image.getHeight()).isEqualTo((int) Math.round(Math.ceil(code.height()) * 2));
    }

    /** The text of every SVG element whose class is {@code cssClass}. */
    static List<String> texts(String svg, String cssClass) throws Exception {
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        NodeList all = doc.getElementsByTagName("*");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.getTagName().equals("text") && inClass(e, cssClass)) {
                out.add(e.getTextContent());
            }
        }
        return out;
    }

    private static boolean inClass(Element e, String cssClass) {
        for (org.w3c.dom.Node n = e; n instanceof Element el; n = n.getParentNode()) {
            if (List.of(el.getAttribute("class").split(" ")).contains(cssClass)) {
                return true;
            }
        }
        return false;
    }
}
