package io.interleave.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.interleave.engine.Simulation;
import io.interleave.scenario.Arrivals;
import io.interleave.scenario.Policy;
import io.interleave.scenario.Presets;
import io.interleave.scenario.Scenario;
import io.interleave.trace.Span;
import io.interleave.trace.SpanState;
import io.interleave.trace.Trace;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

@DisplayName("Timeline export: the same picture as PNG and SVG, with no display")
class TimelineExportTest {
    static final Scenario THREE = Presets.load("three-requests").orElseThrow();

    static Trace sync() {
        return Simulation.trace(THREE.withPolicy(Policy.SYNC));
    }

    static Trace loop() {
        return Simulation.trace(THREE.withPolicy(Policy.EVENT_LOOP));
    }

    static BufferedImage read(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).as("a decodable PNG").isNotNull();
        return image;
    }

    /** The centre of request {@code id}'s bar at time {@code ms}, in logical pixels of the whole picture. */
    static double[] barPoint(TimelineExport export, int traceIndex, int id, double ms) {
        TimelineLayout layout = export.layout();
        TimelineLayout.Row row = layout.requestRow(traceIndex, id).orElseThrow();
        double y = export.timelineTop() + row.top() + layout.rowHeight() / 2;
        double x = layout.plotLeft() + export.timeScale().toX(ms);
        return new double[] {x, y};
    }

    static Rgb pixel(BufferedImage image, double x, double y, double scale) {
        int argb = image.getRGB((int) Math.round(x * scale), (int) Math.round(y * scale));
        return new Rgb(argb >> 16 & 0xFF, argb >> 8 & 0xFF, argb & 0xFF);
    }

    @ParameterizedTest(name = "scale {0}")
    @ValueSource(ints = {1, 2, 3})
    @DisplayName("PNG: the image is width x height times the scale, with the state colours where the bars are")
    void pngSizeAndColours(int scale) throws IOException {
        TimelineExport export = new TimelineExport(List.of(sync()), ViewMode.REQUESTS, 1200, 1, Palette.LIGHT);
        BufferedImage image = read(export.png(scale));

        assertThat(image.getWidth()).isEqualTo(1200 * scale);
        assertThat(image.getHeight()).isEqualTo((int) Math.round(Math.ceil(export.height()) * scale));
        // Sync, one thread: R1 computes 0-10 ms and waits 10-90 ms; R3 is queued 70-200 ms.
        double[] r1Compute = barPoint(export, 0, 1, 5);
        double[] r1Wait = barPoint(export, 0, 1, 50);
        double[] r3Compute = barPoint(export, 0, 3, 202);
        double[] idle = barPoint(export, 0, 1, 150);
        assertThat(pixel(image, r1Compute[0], r1Compute[1], scale)).isEqualTo(Palette.LIGHT.fill(SpanState.COMPUTE).color());
        // A sync thread's wait holds the thread: the held wait's stripes.
        assertThat(pixel(image, r1Wait[0], r1Wait[1], scale)).isIn(Palette.LIGHT.heldWait().color(), Palette.LIGHT.heldWait().ink());
        assertThat(pixel(image, r3Compute[0], r3Compute[1], scale)).isEqualTo(Palette.LIGHT.fill(SpanState.COMPUTE).color());
        assertThat(pixel(image, idle[0], idle[1], scale))
                .isNotEqualTo(Palette.LIGHT.fill(SpanState.COMPUTE).color())
                .isNotEqualTo(Palette.LIGHT.fill(SpanState.WAIT).color());
    }

    @Test
    @DisplayName("PNG in compare mode: the event loop's R3 computes at 102 ms where sync's R3 is still queued")
    void pngCompare() throws IOException {
        TimelineExport export = new TimelineExport(List.of(sync(), loop()), ViewMode.REQUESTS, 1400, 1, Palette.LIGHT);
        BufferedImage image = read(export.png(1));

        double[] syncR3 = barPoint(export, 0, 3, 104);
        double[] loopR3 = barPoint(export, 1, 3, 104);
        Rgb queued = Palette.LIGHT.fill(SpanState.QUEUED).color();
        Rgb queuedInk = Palette.LIGHT.fill(SpanState.QUEUED).ink();
        assertThat(pixel(image, syncR3[0], syncR3[1], 1)).isIn(queued, queuedInk);
        assertThat(pixel(image, loopR3[0], loopR3[1], 1)).isEqualTo(Palette.LIGHT.fill(SpanState.COMPUTE).color());
        assertThat(export.title()).isEqualTo("Three requests — Sync (threads) vs Event loop");
    }

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    /** Filled rects of a class (a bar's outline is a separate, unfilled element). */
    static int countRects(Document doc, String cssClass) {
        NodeList rects = doc.getElementsByTagNameNS("*", "rect");
        int n = 0;
        for (int i = 0; i < rects.getLength(); i++) {
            Element rect = (Element) rects.item(i);
            if (rect.getAttribute("class").equals(cssClass) && !rect.getAttribute("fill").equals("none")) {
                n++;
            }
        }
        return n;
    }

    @Test
    @DisplayName("SVG: well-formed XML with one rect per drawn span of each state, and the title")
    void svgOneElementPerSpan() throws Exception {
        Trace sync = sync();
        Trace loop = loop();
        TimelineExport export = new TimelineExport(List.of(sync, loop), ViewMode.REQUESTS, 1400, 1, Palette.LIGHT);
        Document doc = parse(export.svg(1));

        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(doc.getElementsByTagNameNS("*", "title").item(0).getTextContent())
                .isEqualTo("Three requests — Sync (threads) vs Event loop");
        for (SpanState state : SpanState.values()) {
            long spans = sync.spans().stream().filter(s -> s.state() == state).count()
                    + loop.spans().stream().filter(s -> s.state() == state).count();
            int drawn = countRects(doc, "span " + state.csvName())
                    + (state == SpanState.WAIT ? countRects(doc, "span wait held") : 0);
            assertThat(drawn).as(state.toString()).isEqualTo((int) spans);
        }
        // Sync's waits hold their thread, the loop's free it.
        assertThat(countRects(doc, "span wait held")).isEqualTo((int) sync.spans().stream().filter(s -> s.state() == SpanState.WAIT).count());
        assertThat(countRects(doc, "span wait")).isEqualTo((int) loop.spans().stream().filter(s -> s.state() == SpanState.WAIT).count());
        // sync: 3 computes + 1 wait for each of R1 and R2 ... in total 6 compute and 3 wait spans per policy, 2 queued under sync
        assertThat(countRects(doc, "span compute")).isEqualTo(12);
        assertThat(countRects(doc, "span queued")).isEqualTo(2);
        String text = doc.getDocumentElement().getTextContent();
        assertThat(text).contains("Three requests", "166 ms", "36 ms", "Mean", "p95", "Slowdown", "2.4x", "1.0x");
    }

    @Test
    @DisplayName("SVG in the workers view: one rect per span a worker or core ran")
    void svgWorkersView() throws Exception {
        Trace loop = loop();
        TimelineExport export = new TimelineExport(List.of(loop), ViewMode.WORKERS, 1200, 1, Palette.LIGHT);
        Document doc = parse(export.svg(2));

        long onLoop = loop.workerLane(0).size();
        long onCore = loop.coreLane(0).size();
        assertThat(countRects(doc, "span compute")).isEqualTo((int) (onLoop + onCore));
        assertThat(doc.getDocumentElement().getAttribute("width")).isEqualTo("2400");
        assertThat(doc.getDocumentElement().getAttribute("viewBox")).startsWith("0 0 1200 ");
    }

    @Test
    @DisplayName("a long run is cut to the first rows with a visible note, never silently")
    void longRunsAreCutWithANote() throws Exception {
        Scenario many = THREE.withArrivals(new Arrivals.Burst(TimelineExport.MAX_REQUEST_ROWS + 500, 0))
                .withRequestTypes(List.of(THREE.requestTypes().get(1).withWeight(1)));
        Trace trace = Simulation.trace(many.withPolicy(Policy.EVENT_LOOP));
        TimelineExport export = new TimelineExport(List.of(trace), ViewMode.REQUESTS, 1000, 1, Palette.LIGHT);

        assertThat(export.note()).contains("R1–R1500 of 2,000 requests");
        assertThat(export.layout().sections().get(0).rowCount()).isEqualTo(TimelineExport.MAX_REQUEST_ROWS);
        assertThat(parse(export.svg(1)).getDocumentElement().getTextContent()).contains("Showing R1–R1500 of 2,000 requests");
        TimelineExport workers = new TimelineExport(List.of(trace), ViewMode.WORKERS, 1000, 1, Palette.LIGHT);
        assertThat(workers.note()).isEmpty();
    }

    @Test
    @DisplayName("an export of a time range puts that range across the plot and keeps the whole run's metrics")
    void overARange() throws IOException {
        TimelineExport whole = new TimelineExport(List.of(sync()), ViewMode.REQUESTS, 1200, 1, Palette.LIGHT);
        TimelineExport part = whole.over(0, 50);
        BufferedImage image = read(part.png(1));

        assertThat(part.timeScale().startMs()).isEqualTo(0.0);
        assertThat(part.timeScale().endMs()).isEqualTo(50.0);
        double[] r1Wait = barPoint(part, 0, 1, 45);
        assertThat(pixel(image, r1Wait[0], r1Wait[1], 1)).isIn(Palette.LIGHT.heldWait().color(), Palette.LIGHT.heldWait().ink());
        assertThat(part.height()).isEqualTo(whole.height());
        assertThatThrownBy(() -> whole.over(50, 50)).hasMessageContaining("must end after it starts");
    }

    @Test
    @DisplayName("bad sizes are refused with the value named")
    void badSizes() {
        assertThatThrownBy(() -> new TimelineExport(List.of(sync()), ViewMode.REQUESTS, 100, 1, Palette.LIGHT))
                .hasMessageContaining("width must be between 480 and 20000 pixels, was 100");
        TimelineExport export = new TimelineExport(List.of(sync()), ViewMode.REQUESTS, 800, 1, Palette.LIGHT);
        assertThatThrownBy(() -> export.png(9)).hasMessageContaining("scale must be between 1 and 4, was 9");
    }

    @Test
    @DisplayName("every span of the trace is drawn exactly once on the SVG, none twice")
    void spansMatchTrace() throws Exception {
        Trace sync = sync();
        Document doc = parse(new TimelineExport(List.of(sync), ViewMode.REQUESTS, 1000, 1, Palette.LIGHT).svg(1));
        int drawn = 0;
        for (SpanState s : SpanState.values()) {
            drawn += countRects(doc, "span " + s.csvName());
        }
        drawn += countRects(doc, "span wait held");
        assertThat(drawn).isEqualTo(sync.spans().size());
        assertThat(sync.spans()).extracting(Span::state).contains(SpanState.QUEUED, SpanState.COMPUTE, SpanState.WAIT);
    }

    /** Every distinct colour along request {@code id}'s bar from {@code fromMs} to {@code toMs}, in the middle of the bar and 3 px above. */
    private static java.util.Set<Rgb> coloursAlong(BufferedImage image, TimelineExport export, int traceIndex, int id,
                                                   double fromMs, double toMs) {
        java.util.Set<Rgb> out = new java.util.HashSet<>();
        double[] a = barPoint(export, traceIndex, id, fromMs);
        double[] b = barPoint(export, traceIndex, id, toMs);
        for (double x = a[0] + 2; x <= b[0] - 2; x++) {
            out.add(pixel(image, x, a[1], 1));
            out.add(pixel(image, x, a[1] - 3, 1));
        }
        return out;
    }

    @Test
    @DisplayName("PNG: a sync thread's database wait (held) and the loop's await (free) look different; blocked differs from both")
    void heldAndFreeWaitsInPixels() throws IOException {
        Scenario lesson = Presets.load("blocking-call").orElseThrow();
        List<Trace> compare = Simulation.compare(lesson);
        assertThat(compare).extracting(t -> t.scenario().server().policy()).containsExactly(Policy.SYNC, Policy.EVENT_LOOP);
        TimelineExport export = new TimelineExport(compare, ViewMode.REQUESTS, 1280, 1, Palette.LIGHT);
        BufferedImage image = read(export.png(1));

        Span held = compare.get(0).spansOf(1).stream().filter(sp -> sp.state() == SpanState.WAIT).findFirst().orElseThrow();
        Span free = compare.get(1).spansOf(1).stream().filter(sp -> sp.state() == SpanState.WAIT).findFirst().orElseThrow();
        Span blocked = compare.get(1).spans().stream().filter(sp -> sp.state() == SpanState.BLOCKED).findFirst().orElseThrow();
        assertThat(held.holdsWorker()).isTrue();
        assertThat(free.holdsWorker()).isFalse();

        java.util.Set<Rgb> heldColours = coloursAlong(image, export, 0, 1, held.startMs(), held.endMs());
        java.util.Set<Rgb> freeColours = coloursAlong(image, export, 1, 1, free.startMs(), free.endMs());
        java.util.Set<Rgb> blockedColours = coloursAlong(image, export, 1, blocked.requestId(), blocked.startMs(), blocked.endMs());
        // The free wait is the talk's solid green; the held one is that green striped with Okabe–Ito yellow.
        assertThat(freeColours).containsExactly(Rgb.hex("#009E73"));
        assertThat(heldColours).containsExactlyInAnyOrder(Rgb.hex("#009E73"), Rgb.hex("#F0E442"));
        assertThat(blockedColours).doesNotContainAnyElementsOf(heldColours).doesNotContainAnyElementsOf(freeColours);
        // The legend shows both looks, each with its words.
        assertThat(export.layout().legend()).extracting(TimelineLayout.LegendItem::label)
                .contains("Wait, frees loop", "Wait, holds thread", "Blocked");
    }

    @Test
    @DisplayName("SVG: held waits are 'span wait held' rects with a pattern, free waits 'span wait' in plain green; the CSV state stays wait")
    void heldAndFreeWaitsInSvg() throws Exception {
        List<Trace> compare = Simulation.compare(Presets.load("blocking-call").orElseThrow());
        Document doc = parse(new TimelineExport(compare, ViewMode.REQUESTS, 1280, 1, Palette.LIGHT).svg(1));
        long heldSpans = compare.get(0).spans().stream().filter(sp -> sp.state() == SpanState.WAIT).count();
        long freeSpans = compare.get(1).spans().stream().filter(sp -> sp.state() == SpanState.WAIT).count();
        assertThat(heldSpans).isPositive();
        assertThat(freeSpans).isPositive();
        assertThat(countRects(doc, "span wait held")).isEqualTo((int) heldSpans);
        assertThat(countRects(doc, "span wait")).isEqualTo((int) freeSpans);
        NodeList rects = doc.getElementsByTagNameNS("*", "rect");
        for (int i = 0; i < rects.getLength(); i++) {
            Element rect = (Element) rects.item(i);
            if (rect.getAttribute("fill").equals("none")) {
                continue; // an outline
            }
            switch (rect.getAttribute("class")) {
                case "span wait held", "legend wait held" -> assertThat(rect.getAttribute("fill")).startsWith("url(#pattern");
                case "span wait", "legend wait" -> assertThat(rect.getAttribute("fill")).isEqualToIgnoringCase("#009E73");
                default -> { }
            }
        }
        assertThat(countRects(doc, "legend wait held")).isEqualTo(1);
        assertThat(countRects(doc, "legend wait")).isEqualTo(1);
        assertThat(SpanState.WAIT.csvName()).isEqualTo("wait");
    }
}
