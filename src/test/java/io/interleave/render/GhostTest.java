package io.interleave.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.interleave.render.RecordingSurface.StrokeCall;
import io.interleave.render.TimelineLayout.Row;
import io.interleave.scenario.Policy;
import io.interleave.trace.RequestRecord;
import io.interleave.trace.Trace;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The single-user baseline: each request's time alone, outlined behind its row. */
@DisplayName("Ghost: the response time each request would have had alone")
class GhostTest {
    private static final Palette P = Palette.LIGHT;
    private static final double INF = Double.POSITIVE_INFINITY;

    private final RecordingSurface g = new RecordingSurface();
    private final TimelinePainter painter = new TimelinePainter(P);

    private static List<StrokeCall> ghosts(RecordingSurface g) {
        return g.strokes.stream().filter(s -> "ghost".equals(s.tag())).toList();
    }

    @Test
    @DisplayName("time alone is the request's own segments: 100, 100 and 36 ms; the event loop matches it exactly, sync's R3 is 166/36 slower")
    void baselineValues() {
        Trace sync = Fixtures.threeRequests(Policy.SYNC);
        Trace loop = Fixtures.threeRequests(Policy.EVENT_LOOP);
        assertThat(sync.requests()).extracting(RequestRecord::aloneMs).containsExactly(100.0, 100.0, 36.0);
        assertThat(loop.requests()).extracting(RequestRecord::aloneMs).containsExactly(100.0, 100.0, 36.0);
        assertThat(loop.requests()).extracting(RequestRecord::responseMs).containsExactly(100.0, 100.0, 36.0);
        assertThat(loop.requests()).extracting(RequestRecord::slowdown).containsExactly(1.0, 1.0, 1.0);
        assertThat(sync.request(2).slowdown()).isEqualTo(160.0 / 100.0);
        assertThat(sync.request(3).slowdown()).isEqualTo(166.0 / 36.0);
    }

    @Test
    @DisplayName("one faint outline per completed request, from its arrival to arrival + time alone, around its bar")
    void oneOutlinePerRequest() {
        Trace trace = Fixtures.threeRequests(Policy.SYNC);
        TimelineLayout layout = TimelineLayout.of(List.of(trace), ViewMode.REQUESTS, 1200, 600, 1, g);
        TimeScale scale = TimeScale.fit(0, trace.endMs(), layout.plotWidth(), 10, 60);
        painter.paint(g, layout, scale, INF);

        List<StrokeCall> ghosts = ghosts(g);
        assertThat(ghosts).hasSize(3).allSatisfy(s -> assertThat(s.color()).isEqualTo(P.ghost()));
        for (RequestRecord r : trace.requests()) {
            Row row = layout.requestRow(0, r.id()).orElseThrow();
            double rowTop = row.top();
            StrokeCall ghost = ghosts.stream().filter(s -> s.y() + s.height() / 2 > rowTop && s.y() + s.height() / 2 < rowTop + layout.rowHeight())
                    .collect(java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(), l -> {
                        assertThat(l).as("ghost of %s", r.label()).hasSize(1);
                        return l.get(0);
                    }));
            assertThat(ghost.x()).as("%s starts at its arrival", r.label()).isCloseTo(layout.plotLeft() + scale.toX(r.arrivalMs()), within(1e-9));
            assertThat(ghost.x() + ghost.width()).as("%s ends where it would finish alone", r.label())
                    .isCloseTo(layout.plotLeft() + scale.toX(r.arrivalMs() + r.aloneMs()), within(1e-9));
            assertThat(ghost.height()).isGreaterThan(layout.barHeight());
        }
        // R3: 70 to 106 ms, though it really finished at 236.
        Row r3 = layout.requestRow(0, 3).orElseThrow();
        double r3Top = r3.top();
        StrokeCall ghost = ghosts.stream().filter(s -> s.y() > r3Top).findFirst().orElseThrow();
        assertThat(scale.toMs(ghost.x() + ghost.width() - layout.plotLeft())).isCloseTo(106, within(1e-6));
        // Drawn before (behind) the bars.
        int firstGhost = g.strokes.indexOf(ghosts.get(0));
        assertThat(g.strokes.subList(0, firstGhost)).noneMatch(s -> "span-outline".equals(s.tag()));
        assertThat(g.balanced()).isTrue();
    }

    @Test
    @DisplayName("a request's ghost appears when it arrives, not before")
    void onlyArrived() {
        Trace trace = Fixtures.threeRequests(Policy.SYNC);
        TimelineLayout layout = TimelineLayout.of(List.of(trace), ViewMode.REQUESTS, 1200, 600, 1, g);
        TimeScale scale = TimeScale.fit(0, trace.endMs(), layout.plotWidth(), 10, 60);
        painter.paint(g, layout, scale, 50);
        assertThat(ghosts(g)).hasSize(2);
    }

    @Test
    @DisplayName("rejected requests have no ghost, lanes have none, and the legend explains it")
    void rejectedAndLanes() {
        Trace trace = Fixtures.many(Policy.SYNC, 60, 400, 1, OptionalInt.of(2));
        long completed = trace.requests().stream().filter(RequestRecord::completed).count();
        assertThat(completed).isLessThan(60);
        TimelineLayout layout = TimelineLayout.forExport(List.of(trace), ViewMode.REQUESTS, 1200, 1, g);
        painter.paint(g, layout, TimeScale.fit(0, trace.endMs(), layout.plotWidth(), 10, 60), INF);
        assertThat(ghosts(g)).hasSize((int) completed);
        assertThat(layout.legend()).anySatisfy(i -> assertThat(i.kind()).isEqualTo(TimelineLayout.LegendKind.GHOST));

        RecordingSurface lanes = new RecordingSurface();
        TimelineLayout workers = TimelineLayout.of(List.of(trace), ViewMode.WORKERS, 1200, 600, 1, lanes);
        painter.paint(lanes, workers, TimeScale.fit(0, trace.endMs(), workers.plotWidth(), 10, 60), INF);
        assertThat(ghosts(lanes)).isEmpty();
        assertThat(workers.legend()).noneSatisfy(i -> assertThat(i.kind()).isEqualTo(TimelineLayout.LegendKind.GHOST));
    }

    @Test
    @DisplayName("SVG export: one element of class 'ghost' per request of each policy")
    void svgTagged() throws Exception {
        TimelineExport export = new TimelineExport(List.of(Fixtures.threeRequests(Policy.SYNC), Fixtures.threeRequests(Policy.EVENT_LOOP)),
                ViewMode.REQUESTS, 1400, 1, P);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(export.svg(1).getBytes(StandardCharsets.UTF_8)));
        NodeList all = doc.getElementsByTagNameNS("*", "*");
        int ghosts = 0;
        for (int i = 0; i < all.getLength(); i++) {
            if (((Element) all.item(i)).getAttribute("class").equals("ghost")) {
                ghosts++;
            }
        }
        assertThat(ghosts).isEqualTo(6);
    }
}
