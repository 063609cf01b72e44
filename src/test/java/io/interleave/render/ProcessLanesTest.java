package io.interleave.render;

import static io.interleave.render.TimelineExportTest.parse;
import static io.interleave.render.TimelineExportTest.pixel;
import static io.interleave.render.TimelineExportTest.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.render.TimelineLayout.Hit;
import io.interleave.render.TimelineLayout.Row;
import io.interleave.render.TimelineLayout.RowKind;
import io.interleave.scenario.Arrivals;
import io.interleave.scenario.Policy;
import io.interleave.scenario.Presets;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.Server;
import io.interleave.trace.RequestRecord;
import io.interleave.trace.RunTotals;
import io.interleave.trace.Span;
import io.interleave.trace.SpanState;
import io.interleave.trace.Status;
import io.interleave.trace.Trace;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The workers view groups lanes by process: a "Process 1" header, its
 * threads (or its loop and that loop's pool threads), a divider, the next
 * process, and the cores last. The traces are built by hand so the picture
 * does not depend on the engine:
 *
 * <p>Two event loops, each its own process with a GIL, on 2 cores, three
 * requests at 0: R3 computes 0-20 on loop 1 (core 1); R1 computes 0-10 on
 * loop 2 (core 2), holding process 2's GIL, while R2's offloaded CPU work on
 * pool thread 1 (loop 2's) waits for that GIL 0-10 and then computes 10-20
 * on core 2.
 */
@DisplayName("Workers view: lanes grouped by process, a header and a divider for each, hover naming the process")
class ProcessLanesTest {
    private static final TextMeasure MEASURE = (text, style) -> text.length() * style.size() * 0.6;
    private static final Scenario BASE = Presets.load("cpu-heavy").orElseThrow().withVariants(List.of())
            .withArrivals(new Arrivals.Explicit(List.of(new Arrivals.At(0, "resize"), new Arrivals.At(0, "resize"),
                    new Arrivals.At(0, "resize"))));

    private static Span span(int id, SpanState state, double from, double to, int worker, OptionalInt pool, OptionalInt core,
                             boolean holds) {
        return new Span(id, state, from, to, OptionalInt.of(worker), pool, core, 0, holds);
    }

    private static RequestRecord done(int id, double finish, double compute, int worker) {
        return new RequestRecord(id, 1, 0, 0, finish, Status.COMPLETED, compute, 0, OptionalInt.of(worker));
    }

    /** Two loops, each a process; {@code gil} says whether they have a GIL. */
    static Trace twoLoops(boolean gil) {
        Server server = Server.of(Policy.EVENT_LOOP_POOL, 2, 2).withGil(gil);
        List<Span> spans = List.of(
                span(1, SpanState.COMPUTE, 0, 10, 1, OptionalInt.empty(), OptionalInt.of(1), true),
                span(2, SpanState.WAITING_GIL, 0, 10, 1, OptionalInt.of(0), OptionalInt.empty(), false),
                span(2, SpanState.COMPUTE, 10, 20, 1, OptionalInt.of(0), OptionalInt.of(1), false),
                span(3, SpanState.COMPUTE, 0, 20, 0, OptionalInt.empty(), OptionalInt.of(0), true));
        List<RequestRecord> requests = List.of(done(1, 10, 10, 1), done(2, 20, 10, 1), done(3, 20, 20, 0));
        return new Trace(BASE.withServer(server), requests, spans, new RunTotals(0, 20, 40, 30, 3, 12));
    }

    /** Sync: {@code processes} processes of 2 threads, with a GIL, on 2 cores; R1 and R2 compute on threads 1 and 2. */
    static Trace syncProcesses(int processes) {
        Server server = Server.of(Policy.SYNC, 2, 2).withProcesses(processes).withGil(true);
        List<Span> spans = List.of(
                span(1, SpanState.COMPUTE, 0, 10, 0, OptionalInt.empty(), OptionalInt.of(0), true),
                span(2, SpanState.WAITING_GIL, 0, 10, 1, OptionalInt.empty(), OptionalInt.empty(), true),
                span(2, SpanState.COMPUTE, 10, 20, 1, OptionalInt.empty(), OptionalInt.of(0), true),
                span(3, SpanState.QUEUED, 0, 10, 0, OptionalInt.empty(), OptionalInt.empty(), false),
                span(3, SpanState.COMPUTE, 10, 20, 0, OptionalInt.empty(), OptionalInt.of(1), true));
        List<RequestRecord> requests = List.of(done(1, 10, 10, 0), done(2, 20, 10, 1),
                new RequestRecord(3, 1, 0, 10, 20, Status.COMPLETED, 10, 0, OptionalInt.of(0)));
        return new Trace(BASE.withServer(server), requests, spans, new RunTotals(0, 20, 30, 30, 3, 12));
    }

    private static List<Row> rows(TimelineLayout layout) {
        return IntStream.range(0, layout.sections().get(0).rowCount()).mapToObj(p -> layout.row(0, p)).toList();
    }

    private static TimelineLayout workers(Trace t) {
        return TimelineLayout.of(List.of(t), ViewMode.WORKERS, 1200, 700, 1, MEASURE);
    }

    private static Span only(Trace t, int id, SpanState state) {
        return t.spansOf(id).stream().filter(s -> s.state() == state).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("two loops with a GIL: Process 1 and its loop, Process 2 with its loop and its pool thread, then the cores; "
            + "a divider before process 2 and before the cores")
    void loopsGroupedByProcess() {
        Trace t = twoLoops(true);
        TimelineLayout layout = workers(t);

        assertThat(rows(layout)).extracting(layout::rowLabel)
                .containsExactly("Process 1", "Loop 1", "Process 2", "Loop 2", "Pool 1", "Core 1", "Core 2");
        assertThat(rows(layout)).extracting(Row::kind).containsExactly(RowKind.PROCESS, RowKind.WORKER, RowKind.PROCESS,
                RowKind.WORKER, RowKind.POOL_THREAD, RowKind.CORE, RowKind.CORE);
        assertThat(layout.laneGroupStarts(0)).containsExactly(2, 5);
        Row pool = layout.poolThreadRow(0, 0).orElseThrow();
        assertThat(layout.processOf(pool)).hasValue(1);
        assertThat(layout.processOf(layout.workerRow(0, 0).orElseThrow())).hasValue(0);
        assertThat(layout.processOf(layout.coreRow(0, 0).orElseThrow())).isEmpty();
        assertThat(layout.processRow(0, 1).orElseThrow().position()).isEqualTo(2);
        assertThat(layout.spansOf(layout.processRow(0, 0).orElseThrow())).as("a header shows no bars").isEmpty();
        assertThat(layout.spansOf(pool)).extracting(Span::state).containsExactly(SpanState.WAITING_GIL, SpanState.COMPUTE);
        assertThat(layout.coreRow(0, 1).orElseThrow().position()).isEqualTo(6);
        assertThat(layout.rowAt(layout.rowY(layout.processRow(0, 1).orElseThrow(), 0) + 1)).get()
                .extracting(Row::kind).isEqualTo(RowKind.PROCESS);
        assertThat(TimelineLayout.title(t)).isEqualTo("Event loop + thread pool · 2 loops · GIL · 2 cores");
    }

    @Test
    @DisplayName("without a GIL, loops are drawn as before (no headers); one sync process has no headers either")
    void noGroupsWhereNothingIsShared() {
        TimelineLayout free = workers(twoLoops(false));
        assertThat(rows(free)).extracting(free::rowLabel).containsExactly("Loop 1", "Loop 2", "Pool 1", "Core 1", "Core 2");
        assertThat(free.laneGroupStarts(0)).containsExactly(2, 3);
        assertThat(free.processOf(free.row(0, 0))).isEmpty();

        TimelineLayout one = workers(syncProcesses(1));
        assertThat(rows(one)).extracting(one::rowLabel).containsExactly("Thread 1", "Thread 2", "Core 1", "Core 2");
        assertThat(TimelineLayout.title(syncProcesses(1))).isEqualTo("Sync (threads) · 2 threads · GIL · 2 cores");
    }

    @Test
    @DisplayName("sync, 2 processes of 2 threads: Process 1 with Threads 1-2, Process 2 with Threads 3-4; the title says 2 processes × 2 threads")
    void syncProcessesGrouped() {
        Trace t = syncProcesses(2);
        TimelineLayout layout = workers(t);

        assertThat(rows(layout)).extracting(layout::rowLabel).containsExactly(
                "Process 1", "Thread 1", "Thread 2", "Process 2", "Thread 3", "Thread 4", "Core 1", "Core 2");
        assertThat(layout.laneGroupStarts(0)).containsExactly(3, 6);
        assertThat(layout.processOf(layout.workerRow(0, 3).orElseThrow())).hasValue(1);
        assertThat(TimelineLayout.title(t)).isEqualTo("Sync (threads) · 2 processes × 2 threads · GIL · 2 cores");
        assertThat(t.scenario().server().workerCount()).isEqualTo(4);
        assertThat(twoLoops(true).scenario().server().workerCount()).isEqualTo(2);
    }

    @Test
    @DisplayName("hover names the state and the process: 'R2 resize · Waiting for the GIL', 'Process 2: Loop 2, Pool 1'")
    void hoverNamesTheProcess() {
        Trace t = twoLoops(true);
        TimelineLayout layout = workers(t);
        Span waiting = only(t, 2, SpanState.WAITING_GIL);
        String text = HoverText.describe(t, new Hit(0, layout.poolThreadRow(0, 0).orElseThrow(), 2, Optional.of(t.request(2)),
                Optional.of(waiting)));
        assertThat(text.lines().toList()).startsWith("R2 resize · Waiting for the GIL").contains("Process 2: Loop 2, Pool 1");

        Span r3 = only(t, 3, SpanState.COMPUTE);
        assertThat(HoverText.describe(t, new Hit(0, layout.workerRow(0, 0).orElseThrow(), 3, Optional.of(t.request(3)),
                Optional.of(r3)))).contains("Process 1: Loop 1, Core 1");

        Trace free = twoLoops(false);
        assertThat(HoverText.describe(free, new Hit(0, layout.workerRow(0, 0).orElseThrow(), 3, Optional.of(free.request(3)),
                Optional.of(only(free, 3, SpanState.COMPUTE))))).contains("Loop 1, Core 1").doesNotContain("Process");
    }

    @Test
    @DisplayName("the legend names 'Waiting for the GIL' with its sky-blue crosshatch, in both views, where the run has it")
    void legend() {
        for (ViewMode mode : ViewMode.values()) {
            TimelineLayout layout = TimelineLayout.of(List.of(twoLoops(true)), mode, 1200, 700, 1, MEASURE);
            assertThat(layout.legend()).as(mode.name()).anySatisfy(item -> {
                assertThat(item.label()).isEqualTo("Waiting for the GIL");
                assertThat(item.state()).contains(SpanState.WAITING_GIL);
            });
        }
        Fill fill = Palette.LIGHT.fill(SpanState.WAITING_GIL);
        assertThat(fill.pattern()).isEqualTo(FillPattern.CROSSHATCHED);
        assertThat(fill.color()).isEqualTo(Palette.LIGHT.fill(SpanState.READY).color());
    }

    @Test
    @DisplayName("SVG: 'span waiting-gil' bars, a 'legend waiting-gil' swatch, one 'row process' band and label per process")
    void svg() throws Exception {
        Document doc = parse(new TimelineExport(List.of(twoLoops(true)), ViewMode.WORKERS, 1200, 1, Palette.LIGHT).svg(1));

        assertThat(elements(doc, "rect", "span waiting-gil")).hasSize(1);
        assertThat(elements(doc, "rect", "legend waiting-gil")).hasSize(1);
        assertThat(elements(doc, "rect", "row process")).hasSize(2);
        assertThat(elements(doc, "text", "row process")).extracting(Element::getTextContent)
                .containsExactly("its own GIL", "its own GIL");
        assertThat(elements(doc, "text", "row-label")).extracting(Element::getTextContent)
                .containsExactly("Process 1", "Loop 1", "Process 2", "Loop 2", "Pool 1", "Core 1", "Core 2");
        Document requests = parse(new TimelineExport(List.of(twoLoops(true)), ViewMode.REQUESTS, 1200, 1, Palette.LIGHT).svg(1));
        assertThat(elements(requests, "rect", "span waiting-gil")).hasSize(1);
        assertThat(elements(requests, "rect", "row process")).isEmpty();
    }

    @Test
    @DisplayName("PNG read back: a divider in the axis colour between process 1's last thread and process 2's header, none inside a process")
    void pngDivider() throws Exception {
        TimelineExport export = new TimelineExport(List.of(syncProcesses(2)), ViewMode.WORKERS, 1200, 1, Palette.LIGHT);
        BufferedImage image = read(export.png(1));
        TimelineLayout layout = export.layout();
        double x = layout.plotLeft() + layout.plotWidth() - 3; // far right: no bar, no text
        Row second = layout.processRow(0, 1).orElseThrow();
        Row thread2 = layout.workerRow(0, 1).orElseThrow();

        int divider = darkest(image, x, export.timelineTop() + second.top());
        int inside = darkest(image, x, export.timelineTop() + thread2.top());
        int background = brightness(Palette.LIGHT.background());
        int axis = brightness(Palette.LIGHT.axis());
        // the 1 px line, anti-aliased over two pixel rows, is at least half way from the background to the axis colour
        assertThat(divider).as("the divider before process 2").isLessThanOrEqualTo((background + axis) / 2);
        assertThat(inside).as("between threads of one process").isGreaterThan((background + axis) / 2);
    }

    /** The darkest pixel at x within a pixel of y (a 1 px line may land on the rows above and below the exact y). */
    private static int darkest(BufferedImage image, double x, double y) {
        int min = Integer.MAX_VALUE;
        for (double dy : new double[] {-1, 0, 1}) {
            min = Math.min(min, brightness(pixel(image, x, y + dy, 1)));
        }
        return min;
    }

    private static int brightness(Rgb c) {
        return c.red() + c.green() + c.blue();
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

    @Test
    @DisplayName("a pool per process is numbered within its process: the FastAPI lesson's second process shows its "
            + "report on its own 'Pool 1' (not 'Pool 41'), and hover says 'Process 2: Loop 2, Pool 1'")
    void poolThreadsNumberedWithinTheirProcess() {
        Scenario lesson = Presets.load("fastapi-def-endpoint").orElseThrow();
        Trace two = io.interleave.engine.Simulation.trace(lesson, lesson.compareVariants().get(1));
        TimelineLayout layout = workers(two);

        assertThat(rows(layout)).extracting(layout::rowLabel)
                .containsSubsequence("Process 2", "Loop 2", "Pool 1")
                .doesNotContain("Pool 41");
        Span report = two.spansOf(2).stream().filter(sp -> sp.poolThread().isPresent()).findFirst().orElseThrow();
        assertThat(report.poolThread()).hasValue(Server.DEFAULT_POOL_THREADS); // the first thread of process 2's pool
        Row pool = layout.poolThreadRow(0, report.poolThread().getAsInt()).orElseThrow();
        assertThat(HoverText.describe(two, new Hit(0, pool, 2, Optional.of(two.request(2)), Optional.of(report))))
                .contains("Process 2: Loop 2, Pool 1").doesNotContain("Pool 41");
    }
}
