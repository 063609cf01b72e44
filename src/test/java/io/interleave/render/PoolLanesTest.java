package io.interleave.render;

import static io.interleave.render.TimelineExportTest.parse;
import static io.interleave.render.TimelineExportTest.pixel;
import static io.interleave.render.TimelineExportTest.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.engine.Simulation;
import io.interleave.render.TimelineLayout.Row;
import io.interleave.render.TimelineLayout.RowKind;
import io.interleave.scenario.Arrivals;
import io.interleave.scenario.Policy;
import io.interleave.scenario.Presets;
import io.interleave.scenario.Scenario;
import io.interleave.trace.Span;
import io.interleave.trace.SpanState;
import io.interleave.trace.Trace;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The workers view gives every pool thread that ran an offloaded call a lane
 * of its own ("Pool 1", "Pool 2"), below the loops and above the cores.
 *
 * <p>The fixture is lesson 6 ("Offload the blocking call") with every
 * request a "legacy" one arriving at once: each computes 3 ms on the one
 * loop, then offloads a 150 ms sleep. With a pool of 2 threads, by hand:
 * R1 computes 0-3 and sleeps on pool thread 1 3-153; R2 computes 3-6 and
 * sleeps on pool thread 2 6-156; R3 computes 6-9, finds both busy and waits
 * for the pool (ready, on no pool thread) 9-153, then sleeps on pool thread
 * 1 153-303 (the lowest idle one when R1 hands its thread back).
 */
@DisplayName("Workers view: a lane per pool thread used")
class PoolLanesTest {
    private static final TextMeasure MEASURE = (text, style) -> text.length() * style.size() * 0.6;
    static final Scenario OFFLOAD = Presets.load("offload-blocking-call").orElseThrow();

    /** Three legacy requests at 0 under event-loop+pool with {@code pool} threads. */
    static Trace threeSleepers(int pool) {
        Scenario s = OFFLOAD.withVariants(List.of())
                .withServer(OFFLOAD.server().withPolicy(Policy.EVENT_LOOP_POOL).withPoolThreads(pool))
                .withArrivals(new Arrivals.Explicit(List.of(new Arrivals.At(0, "legacy"), new Arrivals.At(0, "legacy"),
                        new Arrivals.At(0, "legacy"))));
        return Simulation.trace(s);
    }

    static Trace lessonWithPool() {
        return Simulation.trace(OFFLOAD, OFFLOAD.compareVariants().get(1));
    }

    @Test
    @DisplayName("an offloaded span names the pool thread it held, while the request stays bound to its loop")
    void spansCarryThePoolThread() {
        Trace t = threeSleepers(2);

        assertThat(blocked(t, 1)).satisfies(b -> {
            assertThat(b.poolThread()).hasValue(0);
            assertThat(b.worker()).hasValue(0);
            assertThat(b.holdsWorker()).as("the loop is free meanwhile").isFalse();
            assertThat(b.startMs()).isEqualTo(3.0);
            assertThat(b.endMs()).isEqualTo(153.0);
        });
        assertThat(blocked(t, 2).poolThread()).hasValue(1);
        assertThat(blocked(t, 2).startMs()).isEqualTo(6.0);
        assertThat(blocked(t, 3).poolThread()).hasValue(0);
        assertThat(blocked(t, 3).startMs()).isEqualTo(153.0);
        assertThat(blocked(t, 3).endMs()).isEqualTo(303.0);
        Span waitingForPool = t.spansOf(3).stream().filter(s -> s.startMs() == 9.0).findFirst().orElseThrow();
        assertThat(waitingForPool.state()).isEqualTo(SpanState.READY);
        assertThat(waitingForPool.endMs()).isEqualTo(153.0);
        assertThat(waitingForPool.poolThread()).as("waiting for the pool holds no pool thread").isEmpty();
        assertThat(t.spans()).filteredOn(s -> s.state() == SpanState.COMPUTE).allSatisfy(s -> assertThat(s.poolThread()).isEmpty());
    }

    @Test
    @DisplayName("lanes: loop, then Pool 1 and Pool 2, then the core; each pool lane holds its thread's calls in time order")
    void layoutRows() {
        Trace t = threeSleepers(2);
        TimelineLayout layout = TimelineLayout.of(List.of(t), ViewMode.WORKERS, 1200, 600, 1, MEASURE);

        assertThat(t.usedPoolThreads()).containsExactly(0, 1);
        assertThat(rows(layout)).extracting(layout::rowLabel).containsExactly("Loop 1", "Pool 1", "Pool 2", "Core 1");
        assertThat(rows(layout)).extracting(Row::kind)
                .containsExactly(RowKind.WORKER, RowKind.POOL_THREAD, RowKind.POOL_THREAD, RowKind.CORE);
        Row pool1 = layout.poolThreadRow(0, 0).orElseThrow();
        assertThat(layout.spansOf(pool1)).extracting(Span::requestId, Span::startMs).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, 3.0), org.assertj.core.groups.Tuple.tuple(3, 153.0));
        assertThat(layout.shows(pool1, blocked(t, 3))).isTrue();
        assertThat(layout.shows(layout.poolThreadRow(0, 1).orElseThrow(), blocked(t, 3))).isFalse();
        assertThat(layout.coreRow(0, 0).orElseThrow().position()).isEqualTo(3);
        assertThat(layout.laneGroupStarts(0)).containsExactly(1, 3);
        assertThat(HoverText.describe(t, new TimelineLayout.Hit(0, pool1, t.request(3), java.util.Optional.of(blocked(t, 3)))))
                .contains("Loop 1, Pool 1");
    }

    @Test
    @DisplayName("only the pool threads used get a lane: a pool of 40 with one sleeper shows Pool 1 alone; no pool, no pool lanes")
    void onlyUsedThreads() {
        Trace pool = lessonWithPool();
        Trace loop = Simulation.trace(OFFLOAD, OFFLOAD.compareVariants().get(0));
        TimelineLayout layout = TimelineLayout.of(List.of(loop, pool), ViewMode.WORKERS, 1200, 600, 1, MEASURE);

        assertThat(pool.scenario().server().poolThreads()).isEqualTo(40);
        assertThat(pool.usedPoolThreads()).containsExactly(0);
        assertThat(loop.usedPoolThreads()).isEmpty();
        assertThat(layout.sections()).extracting(TimelineLayout.Section::rowCount).containsExactly(2, 3);
        assertThat(layout.poolThreadRow(0, 0)).isEmpty();
        assertThat(layout.poolThreadRow(1, 1)).as("never used").isEmpty();
        assertThat(layout.spansOf(layout.poolThreadRow(1, 0).orElseThrow())).singleElement()
                .satisfies(s -> assertThat(s).extracting(Span::requestId, Span::state, Span::startMs, Span::endMs)
                        .containsExactly(3, SpanState.BLOCKED, 38.0, 188.0));
    }

    @Test
    @DisplayName("SVG (render --view workers): one lane element and one \"Pool n\" label per used pool thread")
    void svgLanes() throws Exception {
        TimelineExport export = new TimelineExport(List.of(threeSleepers(2)), ViewMode.WORKERS, 1200, 1, Palette.LIGHT);
        Document doc = parse(export.svg(1));

        assertThat(elements(doc, "rect", "row lane pool-thread")).hasSize(2);
        assertThat(elements(doc, "rect", "row lane worker")).hasSize(1);
        assertThat(elements(doc, "rect", "row lane core")).hasSize(1);
        assertThat(elements(doc, "text", "row-label")).extracting(Element::getTextContent)
                .containsExactly("Loop 1", "Pool 1", "Pool 2", "Core 1");

        Document lesson = parse(new TimelineExport(List.of(lessonWithPool()), ViewMode.WORKERS, 1200, 1, Palette.LIGHT).svg(1));
        assertThat(elements(lesson, "rect", "row lane pool-thread")).hasSize(1);
        Document noPool = parse(new TimelineExport(List.of(Simulation.trace(OFFLOAD)), ViewMode.WORKERS, 1200, 1, Palette.LIGHT).svg(1));
        assertThat(elements(noPool, "rect", "row lane pool-thread")).isEmpty();
        assertThat(elements(noPool, "text", "row-label")).extracting(Element::getTextContent).doesNotContain("Pool 1");
    }

    @Test
    @DisplayName("PNG: pool thread 2's lane is blocked where R2 sleeps (6-156 ms) and idle after")
    void pngLane() throws Exception {
        TimelineExport export = new TimelineExport(List.of(threeSleepers(2)), ViewMode.WORKERS, 1200, 1, Palette.LIGHT);
        BufferedImage image = read(export.png(1));
        TimelineLayout layout = export.layout();
        Row pool2 = layout.poolThreadRow(0, 1).orElseThrow();
        double y = export.timelineTop() + pool2.top() + layout.rowHeight() / 2;
        Fill blocked = Palette.LIGHT.fill(SpanState.BLOCKED);

        assertThat(pixel(image, layout.plotLeft() + export.timeScale().toX(20), y, 1)).isIn(blocked.color(), blocked.ink());
        assertThat(pixel(image, layout.plotLeft() + export.timeScale().toX(250), y, 1))
                .isNotIn(blocked.color(), blocked.ink());
    }

    @Test
    @DisplayName("a busy pool of 3 under Poisson arrivals on 2 loops: at most 3 lanes, each one call at a time, every offloaded span on one")
    void lanesUnderLoad() {
        Scenario s = OFFLOAD.withVariants(List.of())
                .withServer(OFFLOAD.server().withPolicy(Policy.EVENT_LOOP_POOL).withWorkers(2).withPoolThreads(3))
                .withArrivals(new Arrivals.Poisson(60, 300));
        Trace t = Simulation.trace(s);

        assertThat(t.usedPoolThreads()).containsExactly(0, 1, 2);
        for (int p : t.usedPoolThreads()) {
            List<Span> lane = t.poolLane(p);
            for (int i = 1; i < lane.size(); i++) {
                assertThat(lane.get(i).startMs()).as("pool %d, span %d", p, i).isGreaterThanOrEqualTo(lane.get(i - 1).endMs());
            }
            // the loop is free meanwhile: what holds a pool thread never holds the loop
            assertThat(lane).allSatisfy(sp -> assertThat(sp.holdsWorker()).isFalse());
        }
        assertThat(t.spans()).filteredOn(sp -> sp.state() == SpanState.BLOCKED)
                .allSatisfy(sp -> assertThat(sp.poolThread()).isPresent());
        int onPools = t.usedPoolThreads().stream().mapToInt(p -> t.poolLane(p).size()).sum();
        assertThat(onPools).isEqualTo((int) t.spans().stream().filter(sp -> sp.poolThread().isPresent()).count());
    }

    private static Span blocked(Trace t, int id) {
        return t.spansOf(id).stream().filter(s -> s.state() == SpanState.BLOCKED).findFirst().orElseThrow();
    }

    private static List<Row> rows(TimelineLayout layout) {
        return IntStream.range(0, layout.sections().get(0).rowCount()).mapToObj(p -> layout.row(0, p)).toList();
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
