package io.interleave.render;

import static io.interleave.render.TimelineExportTest.parse;
import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.engine.Simulation;
import io.interleave.render.TimelineLayout.Row;
import io.interleave.render.TimelineLayout.RowKind;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.ScenarioJson;
import io.interleave.trace.Span;
import io.interleave.trace.SpanState;
import io.interleave.trace.Trace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A program of tasks on the timeline: one row per task, named after the
 * task, with its queue states (waiting to put, waiting to get) in their own
 * fills, in the window's layout and in the exports alike.
 */
@DisplayName("Timeline: a program of tasks has a row per task")
class TaskRowsTest {
    private static final TextMeasure MEASURE = (text, style) -> text.length() * style.size() * 0.6;

    /** One producer of 3 items, 100 ms each, on a queue of 1 that a slower consumer (300 ms an item) drains. */
    static final String TIGHT = """
            {"schema": 1, "name": "tight queue",
             "server": {"policy": "event-loop", "workers": 1, "cores": 1},
             "queues": [{"name": "items", "capacity": 1}],
             "tasks": [
               {"name": "producer", "steps": [{"kind": "repeat", "repeat": 3, "steps": [
                  {"kind": "compute", "ms": 100, "label": "make item"}, {"kind": "put", "queue": "items"}]}]},
               {"name": "consumer", "steps": [{"kind": "repeat", "repeat": 3, "steps": [
                  {"kind": "get", "queue": "items"}, {"kind": "wait", "ms": 300, "label": "process item"}]}]}]}
            """;

    static Scenario example() {
        return ScenarioJson.read(Path.of("examples", "producer-consumer.json"));
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

    private static List<String> rowLabels(Document doc) {
        return elements(doc, "text", "row-label").stream().map(Element::getTextContent).toList();
    }

    @Test
    @DisplayName("the layout's rows are the tasks, in id order, labelled with their names, and hold their spans")
    void layoutRows() {
        Scenario s = example();
        Trace t = Simulation.trace(s, s.compareVariants().get(1));
        TimelineLayout l = TimelineLayout.of(List.of(t), ViewMode.REQUESTS, 1200, 700, 1, MEASURE);
        assertThat(l.sections().get(0).rowCount()).isEqualTo(2);
        Row producer = l.row(0, 0);
        Row consumer = l.row(0, 1);
        assertThat(List.of(producer.kind(), consumer.kind())).containsOnly(RowKind.TASK);
        assertThat(l.rowLabel(producer)).isEqualTo("producer");
        assertThat(l.rowLabel(consumer)).isEqualTo("consumer");
        assertThat(l.rowDetail(consumer)).isEmpty();
        assertThat(producer.index()).isEqualTo(1); // no requests: the tasks' ids start at 1
        assertThat(l.spansOf(consumer)).isNotEmpty().allMatch(sp -> sp.requestId() == consumer.index());
        assertThat(l.requestRow(0, consumer.index())).contains(consumer);
        assertThat(l.shows(consumer, l.spansOf(consumer).get(0))).isTrue();
        assertThat(l.shows(producer, l.spansOf(consumer).get(0))).isFalse();
    }

    @Test
    @DisplayName("SVG of the example: rows 'producer' and 'consumer', the consumer's waits to get as 'span waiting-get' bars, "
            + "and the legend says so with no arrival or response entries")
    void exampleSvg() throws Exception {
        Scenario s = example();
        Trace loop = Simulation.trace(s, s.compareVariants().get(1));
        String svg = new TimelineExport(List.of(loop), ViewMode.REQUESTS, 1200, 1, Palette.LIGHT).svg(1);
        Document doc = parse(svg);
        assertThat(rowLabels(doc)).containsExactly("producer", "consumer");
        long waitingGet = loop.spans().stream().filter(sp -> sp.state() == SpanState.WAITING_GET).count();
        assertThat(waitingGet).isPositive();
        assertThat(elements(doc, "rect", "span waiting-get")).hasSize((int) waitingGet);
        assertThat(elements(doc, "rect", "span waiting-get"))
                .allMatch(e -> e.getAttribute("fill").startsWith("url(#")); // the hatched yellow of the palette
        assertThat(elements(doc, "rect", "legend waiting-get")).hasSize(1);
        assertThat(svg).contains(">Waiting to get<").doesNotContain(">Arrives<").doesNotContain(">Response<");
        assertThat(elements(doc, "rect", "row task")).hasSize(1); // every other row is striped
    }

    @Test
    @DisplayName("both variants side by side (compare): each section has the two task rows")
    void compareSvg() throws Exception {
        Scenario s = example();
        List<Trace> both = Simulation.compare(s);
        String svg = new TimelineExport(both, ViewMode.REQUESTS, 1200, 1, Palette.LIGHT).svg(1);
        assertThat(rowLabels(parse(svg))).containsExactly("producer", "consumer", "producer", "consumer");
        assertThat(svg).contains("Sync (one thread)").contains("asyncio (one loop)")
                .contains("Same program under Sync (one thread)").doesNotContain("Same requests");
    }

    @Test
    @DisplayName("the picture's table gives a program's items instead of requests: made, consumed, item latency, makespan")
    void table() throws Exception {
        Scenario s = example();
        String svg = new TimelineExport(Simulation.compare(s), ViewMode.REQUESTS, 1600, 1, Palette.LIGHT).svg(1);
        List<String> cells = elements(parse(svg), "text", "metrics").stream().map(Element::getTextContent).toList();
        assertThat(cells).containsSubsequence("Variant", "Items made", "Consumed", "Mean item latency", "p50", "p95", "Max",
                "Makespan", "CPU", "Workers busy");
        assertThat(cells).containsSubsequence("Sync (one thread)", "40", "40", "15.3 s", "15.2 s", "19.7 s", "20.2 s", "30 s");
        assertThat(cells).containsSubsequence("asyncio (one loop)", "40", "40", "250 ms", "250 ms", "250 ms", "250 ms", "20 s");
        assertThat(cells).doesNotContain("Rejected", "Throughput");
    }

    @Test
    @DisplayName("a put on a full queue draws 'span waiting-put' bars in the producer's row, legend 'Waiting to put'")
    void waitingPut() throws Exception {
        Trace t = Simulation.trace(ScenarioJson.parse(TIGHT));
        List<Span> puts = t.spans().stream().filter(sp -> sp.state() == SpanState.WAITING_PUT).toList();
        assertThat(puts).isNotEmpty().allMatch(sp -> sp.requestId() == 1);
        Document doc = parse(new TimelineExport(List.of(t), ViewMode.REQUESTS, 1000, 1, Palette.LIGHT).svg(1));
        assertThat(elements(doc, "rect", "span waiting-put")).hasSize(puts.size());
        assertThat(elements(doc, "rect", "legend waiting-put")).hasSize(1);
        assertThat(rowLabels(doc)).containsExactly("producer", "consumer");
    }

    @Test
    @DisplayName("hovering over a task's bar names the task, its state and the queue: 'producer · Waiting to put', \"put on 'items' (full)\"")
    void hover() {
        Trace t = Simulation.trace(ScenarioJson.parse(TIGHT));
        Span put = t.spans().stream().filter(sp -> sp.state() == SpanState.WAITING_PUT).findFirst().orElseThrow();
        TimelineLayout l = TimelineLayout.of(List.of(t), ViewMode.REQUESTS, 1000, 600, 1, MEASURE);
        Row row = l.requestRow(0, put.requestId()).orElseThrow();
        TimeScale scale = TimeScale.of(0, t.endMs(), l.plotWidth());
        double x = l.plotLeft() + scale.toX((put.startMs() + put.endMs()) / 2);
        double y = l.rowY(row, 0) + l.rowHeight() / 2;
        TimelineLayout.Hit hit = l.hitAt(x, y, scale, new double[0], Double.POSITIVE_INFINITY).orElseThrow();
        assertThat(hit.request()).isEmpty();
        assertThat(hit.ownerId()).isEqualTo(put.requestId());
        assertThat(hit.span()).contains(put);
        String text = HoverText.describe(t, hit);
        assertThat(text.lines().toList()).first().isEqualTo("producer · Waiting to put");
        assertThat(text).contains("put on 'items' (full)").contains("Loop 1");
        Span process = t.spans().stream().filter(sp -> sp.state() == SpanState.WAIT).findFirst().orElseThrow();
        assertThat(HoverText.describe(t, new TimelineLayout.Hit(0, l.requestRow(0, process.requestId()).orElseThrow(),
                process.requestId(), Optional.empty(), Optional.of(process))))
                .startsWith("consumer · Wait, frees loop\nprocess item\n");
    }

    @Test
    @DisplayName("the workers view labels a loop's bars with the task that held it, not a request id")
    void workersView() throws Exception {
        Trace t = Simulation.trace(ScenarioJson.parse(TIGHT));
        String svg = new TimelineExport(List.of(t), ViewMode.WORKERS, 1600, 1, Palette.LIGHT).svg(1);
        Document doc = parse(svg);
        List<String> barLabels = elements(doc, "text", "bar-label").stream().map(Element::getTextContent).distinct().toList();
        assertThat(barLabels).containsExactly("producer"); // the consumer's waits free the loop: only the producer's compute holds it
        assertThat(rowLabels(doc)).startsWith("Loop 1");
    }
}
