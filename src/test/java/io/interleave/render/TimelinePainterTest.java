package io.interleave.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.interleave.render.RecordingSurface.FillCall;
import io.interleave.render.TimelineLayout.Row;
import io.interleave.scenario.Policy;
import io.interleave.trace.RequestRecord;
import io.interleave.trace.Span;
import io.interleave.trace.SpanState;
import io.interleave.trace.Trace;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TimelinePainterTest {
    private static final Palette P = Palette.LIGHT;
    private static final double INF = Double.POSITIVE_INFINITY;

    private final RecordingSurface g = new RecordingSurface();
    private final TimelinePainter painter = new TimelinePainter(P);

    private TimelineLayout layout(List<Trace> traces, ViewMode mode, double w, double h) {
        return TimelineLayout.of(traces, mode, w, h, 1, g);
    }

    private static TimeScale fitted(TimelineLayout layout, double endMs) {
        return TimeScale.fit(0, endMs, layout.plotWidth(), 10, 60);
    }

    private static double barTop(TimelineLayout layout, Row row) {
        return row.top();
    }

    @Test
    @DisplayName("three requests under sync: one bar per span, in its state's colour, from its start to its end")
    void oneBarPerSpan() {
        Trace trace = Fixtures.threeRequests(Policy.SYNC);
        TimelineLayout layout = layout(List.of(trace), ViewMode.REQUESTS, 1200, 600);
        TimeScale scale = fitted(layout, trace.endMs());
        painter.paint(g, layout, scale, INF);

        assertThat(g.balanced()).isTrue();
        int bars = 0;
        for (RequestRecord r : trace.requests()) {
            Row row = layout.requestRow(0, r.id()).orElseThrow();
            double top = barTop(layout, row);
            for (Span span : trace.spansOf(r.id())) {
                List<FillCall> found = g.fillsIn(P.fill(span), top, top + layout.rowHeight())
                        .filter(f -> Math.abs(f.x() - (layout.plotLeft() + scale.toX(span.startMs()))) <= 0.5)
                        .toList();
                assertThat(found).as("bar of %s", span).hasSize(1);
                FillCall bar = found.get(0);
                assertThat(bar.right()).isCloseTo(layout.plotLeft() + scale.toX(span.endMs()), within(0.5));
                assertThat(bar.height()).isEqualTo(layout.barHeight());
                bars++;
            }
        }
        assertThat(bars).isEqualTo(11);
        // State fills appear only in those bars and the legend.
        long stateFills = g.fills.stream().filter(f -> f.y() >= layout.headerHeight())
                .filter(f -> P.heldWait().equals(f.fill())
                        || Set.of(SpanState.values()).stream().anyMatch(s -> P.fill(s).equals(f.fill()))).count();
        assertThat(stateFills).isEqualTo(11);
        // Each bar is tagged with its state for SVG (a sync thread's wait holds it: "span wait held"),
        // and nothing else carries a span tag.
        assertThat(g.fills.stream().filter(f -> f.tag() != null && f.tag().startsWith("span ")))
                .hasSize(11)
                .allSatisfy(f -> assertThat(f.tag()).isEqualTo(P.heldWait().equals(f.fill()) ? "span wait held"
                        : "span " + Set.of(SpanState.values()).stream()
                        .filter(s -> P.fill(s).equals(f.fill())).findFirst().orElseThrow().csvName()));
        assertThat(g.strokes).noneSatisfy(st -> assertThat(st.tag()).startsWith("span "));
    }

    @Test
    @DisplayName("R1's compute 0–10 ms, then wait 10–90 ms, sit at the right pixels")
    void knownBars() {
        Trace trace = Fixtures.threeRequests(Policy.SYNC);
        TimelineLayout layout = layout(List.of(trace), ViewMode.REQUESTS, 1000, 500);
        TimeScale scale = fitted(layout, trace.endMs());
        painter.paint(g, layout, scale, INF);
        double top = barTop(layout, layout.requestRow(0, 1).orElseThrow());
        FillCall compute = g.fillsIn(P.fill(SpanState.COMPUTE), top, top + layout.rowHeight())
                .min((a, b) -> Double.compare(a.x(), b.x())).orElseThrow();
        assertThat(compute.x()).isCloseTo(layout.plotLeft() + scale.toX(0), within(0.5));
        assertThat(compute.right()).isCloseTo(layout.plotLeft() + scale.toX(10), within(0.5));
        // Sync: R1's thread is held through its wait.
        FillCall wait = g.fillsIn(P.heldWait(), top, top + layout.rowHeight()).findFirst().orElseThrow();
        assertThat(wait.x()).isCloseTo(layout.plotLeft() + scale.toX(10), within(0.5));
        assertThat(wait.right()).isCloseTo(layout.plotLeft() + scale.toX(90), within(0.5));
    }

    @Test
    @DisplayName("nothing is drawn past the playhead, and only finished requests show their response time")
    void playheadCutsBars() {
        Trace trace = Fixtures.threeRequests(Policy.SYNC);
        TimelineLayout layout = layout(List.of(trace), ViewMode.REQUESTS, 1200, 600);
        TimeScale scale = fitted(layout, trace.endMs());
        double playhead = 120;
        painter.paint(g, layout, scale, playhead);

        double nowX = layout.plotLeft() + scale.toX(playhead);
        List<FillCall> bars = g.fills.stream().filter(f -> f.y() >= layout.headerHeight())
                .filter(f -> Set.of(SpanState.values()).stream().anyMatch(s -> P.fill(s).equals(f.fill()))).toList();
        assertThat(bars).isNotEmpty().allSatisfy(f -> assertThat(f.right()).isLessThanOrEqualTo(nowX + 0.5));
        // R3 queued 70–200: drawn only up to 120; its compute at 200 not at all.
        double r3 = barTop(layout, layout.requestRow(0, 3).orElseThrow());
        FillCall queued = g.fillsIn(P.fill(SpanState.QUEUED), r3, r3 + layout.rowHeight()).findFirst().orElseThrow();
        assertThat(queued.right()).isCloseTo(nowX, within(0.5));
        assertThat(g.fillsIn(P.fill(SpanState.COMPUTE), r3, r3 + layout.rowHeight())).isEmpty();
        assertThat(g.textsBelow("100 ms", layout.headerHeight())).hasSize(1);
        assertThat(g.textsBelow("160 ms", layout.headerHeight())).isEmpty();
        assertThat(g.textsBelow("166 ms", layout.headerHeight())).isEmpty();
        // The now line and its time.
        assertThat(g.lines).anySatisfy(l -> {
            assertThat(l.x1()).isCloseTo(nowX, within(1e-9));
            assertThat(l.color()).isEqualTo(P.nowLine());
        });
        assertThat(g.textsEqual("120.0 ms")).singleElement().satisfies(t -> assertThat(t.color()).isEqualTo(P.nowLabelText()));
    }

    @Test
    @DisplayName("the playhead's time hides the axis label it would cover, and only that one")
    void nowLabelHidesTick() {
        Trace trace = Fixtures.threeRequests(Policy.SYNC);
        TimelineLayout layout = layout(List.of(trace), ViewMode.REQUESTS, 1200, 600);
        TimeScale scale = fitted(layout, trace.endMs());
        List<String> ticks = scale.ticks(layout.tickSpacing()).stream().map(TimeScale.Tick::label).toList();
        assertThat(ticks).contains("50 ms", "100 ms", "150 ms");
        painter.paint(g, layout, scale, 103);
        java.util.function.Predicate<RecordingSurface.TextCall> axisLabel =
                t -> t.y() < layout.headerHeight() && t.color().equals(P.axis());
        assertThat(g.texts.stream().filter(axisLabel).map(RecordingSurface.TextCall::text))
                .doesNotContain("100 ms").contains("50 ms", "150 ms");
        assertThat(g.textsEqual("103.0 ms")).singleElement().satisfies(t -> assertThat(t.color()).isEqualTo(P.nowLabelText()));
    }

    @Test
    @DisplayName("before a request arrives its label is muted and it has no marker")
    void notYetArrived() {
        Trace trace = Fixtures.threeRequests(Policy.SYNC);
        TimelineLayout layout = layout(List.of(trace), ViewMode.REQUESTS, 1200, 600);
        painter.paint(g, layout, fitted(layout, trace.endMs()), 50);
        assertThat(g.textsEqual("R1")).singleElement().extracting(RecordingSurface.TextCall::color).isEqualTo(P.text());
        assertThat(g.textsEqual("R2")).singleElement().extracting(RecordingSurface.TextCall::color).isEqualTo(P.text());
        assertThat(g.textsEqual("R3")).singleElement().extracting(RecordingSurface.TextCall::color).isEqualTo(P.mutedText());
        // Arrival triangles for R1 (0 ms) and R2 (40 ms) in the body, not for R3 (70 ms); one more in the legend.
        long bodyTriangles = g.polygons.stream().filter(p -> p.ys()[2] > layout.headerHeight()).count();
        assertThat(bodyTriangles).isEqualTo(2);
    }

    @Test
    @DisplayName("each request's response time is printed after its completion marker")
    void responseTimes() {
        Trace sync = Fixtures.threeRequests(Policy.SYNC);
        TimelineLayout layout = layout(List.of(sync), ViewMode.REQUESTS, 1200, 600);
        TimeScale scale = fitted(layout, sync.endMs());
        painter.paint(g, layout, scale, INF);
        for (String expected : List.of("100 ms", "160 ms", "166 ms")) {
            assertThat(g.textsBelow(expected, layout.headerHeight())).as(expected).hasSize(1);
        }
        RecordingSurface.TextCall r3 = g.textsBelow("166 ms", layout.headerHeight()).findFirst().orElseThrow();
        assertThat(r3.x()).isGreaterThan(layout.plotLeft() + scale.toX(236));
        assertThat(r3.y()).isCloseTo(layout.requestRow(0, 3).orElseThrow().top() + layout.rowHeight() / 2, within(1.0));
    }

    @Test
    @DisplayName("compare: two sections, each titled with its policy, on one time axis")
    void compare() {
        Trace sync = Fixtures.threeRequests(Policy.SYNC);
        Trace loop = Fixtures.threeRequests(Policy.EVENT_LOOP);
        TimelineLayout layout = layout(List.of(sync, loop), ViewMode.REQUESTS, 1200, 800);
        TimeScale scale = fitted(layout, 236);
        painter.paint(g, layout, scale, INF);
        assertThat(g.textsEqual("Sync (threads) · 1 thread · 1 core")).hasSize(1);
        assertThat(g.textsEqual("Event loop · 1 loop · 1 core")).hasSize(1);
        // Under the event loop R3 starts computing at 70 ms, at the same x as 70 ms in the sync section.
        double top = barTop(layout, layout.requestRow(1, 3).orElseThrow());
        FillCall r3 = g.fillsIn(P.fill(SpanState.COMPUTE), top, top + layout.rowHeight())
                .min((a, b) -> Double.compare(a.x(), b.x())).orElseThrow();
        assertThat(r3.x()).isCloseTo(layout.plotLeft() + scale.toX(70), within(0.5));
        assertThat(g.textsBelow("36 ms", layout.headerHeight())).hasSize(1);
        assertThat(g.textsBelow("166 ms", layout.headerHeight())).hasSize(1);
    }

    @Test
    @DisplayName("workers view: lanes named by policy, the loop idle while requests wait, request labels inside bars")
    void workersView() {
        Trace loop = Fixtures.threeRequests(Policy.EVENT_LOOP);
        TimelineLayout layout = layout(List.of(loop), ViewMode.WORKERS, 1200, 600);
        TimeScale scale = fitted(layout, loop.endMs());
        painter.paint(g, layout, scale, INF);
        assertThat(g.textsEqual("Loop 1")).hasSize(1);
        assertThat(g.textsEqual("Core 1")).hasSize(1);
        assertThat(g.textsEqual("Thread 1")).isEmpty();

        double top = barTop(layout, layout.workerRow(0, 0).orElseThrow());
        List<FillCall> lane = g.fills.stream().filter(FillCall::visible)
                .filter(f -> f.y() >= top && f.y() < top + layout.rowHeight() && f.x() > layout.plotLeft())
                .filter(f -> !f.fill().color().equals(P.laneBackground())).toList();
        // Only the six compute spans occupy the loop; it is idle during every wait.
        assertThat(lane).hasSize(6).allSatisfy(f -> assertThat(f.fill()).isEqualTo(P.fill(SpanState.COMPUTE)));
        assertThat(lane.stream().mapToDouble(FillCall::width).sum())
                .isCloseTo(scale.pxPerMs() * 48, within(6.0));
        assertThat(g.texts.stream().filter(t -> t.text().equals("R2") && t.visible() && t.x() > layout.plotLeft())).hasSize(4);

        RecordingSurface sync = new RecordingSurface();
        Trace syncTrace = Fixtures.threeRequests(Policy.SYNC);
        TimelineLayout syncLayout = TimelineLayout.of(List.of(syncTrace), ViewMode.WORKERS, 1200, 600, 1, sync);
        painter.paint(sync, syncLayout, fitted(syncLayout, syncTrace.endMs()), INF);
        assertThat(sync.textsEqual("Thread 1")).hasSize(1);
        double threadTop = syncLayout.workerRow(0, 0).orElseThrow().top();
        // The thread is held through R1's wait: the held wait's stripes on the thread lane.
        assertThat(sync.fillsIn(P.heldWait(), threadTop, threadTop + syncLayout.rowHeight())).hasSize(3);
    }

    @Test
    @DisplayName("rows scrolled out of view are not drawn at all")
    void offscreenRowsSkipped() {
        Trace many = Fixtures.many(Policy.SYNC, 2000, 120, 4, OptionalInt.empty());
        TimelineLayout layout = layout(List.of(many), ViewMode.REQUESTS, 1000, 400);
        assertThat(layout.rowHeight()).isEqualTo(TimelineLayout.MIN_ROW_HEIGHT);
        assertThat(layout.maxScroll(0)).isGreaterThan(5000);
        double scroll = 3000;
        painter.paint(g, layout, TimeScale.fit(0, many.endMs(), layout.plotWidth(), 10, 60), INF, new double[] {scroll}, Optional.empty());

        int[] rows = layout.visibleRows(0, scroll).orElseThrow();
        int visible = rows[1] - rows[0] + 1;
        assertThat(visible).isLessThan(100);
        Set<String> labels = g.texts.stream().map(RecordingSurface.TextCall::text).filter(t -> t.matches("R\\d+"))
                .collect(Collectors.toSet());
        assertThat(labels).isNotEmpty().allSatisfy(label -> {
            int id = Integer.parseInt(label.substring(1));
            assertThat(id - 1).isBetween(rows[0], rows[1]);
        });
        // Everything drawn lies on the canvas, and there is at most a few shapes per visible row.
        assertThat(g.fills).allSatisfy(f -> assertThat(f.y()).isBetween(-1.0, layout.height()));
        assertThat(g.fills.size()).isLessThan(visible * 8 + 60);
    }

    @Test
    @DisplayName("spans narrower than a pixel are merged into one-pixel columns of the state that fills most of each")
    void subPixelSpansMerged() {
        Trace many = Fixtures.many(Policy.SYNC, 4000, 400, 4, OptionalInt.empty());
        TimelineLayout layout = layout(List.of(many), ViewMode.WORKERS, 600, 600);
        TimeScale scale = TimeScale.fit(0, many.endMs(), layout.plotWidth(), 0, 0);
        List<Span> thread = many.workerLane(0);
        assertThat(thread.size()).isGreaterThan(2 * (int) layout.plotWidth());
        painter.paint(g, layout, scale, INF);

        double top = layout.workerRow(0, 0).orElseThrow().top();
        List<FillCall> lane = g.fills.stream()
                .filter(f -> f.y() >= top && f.y() < top + layout.rowHeight() && f.x() >= layout.plotLeft())
                .filter(f -> !f.fill().color().equals(P.laneBackground())).toList();
        // Far fewer shapes than spans, and at most one merged column per pixel.
        assertThat(lane.size()).isLessThan(thread.size() / 3);
        List<Double> columns = lane.stream().filter(f -> f.fill().pattern() == FillPattern.SOLID && f.width() == 1.0
                && f.fill().ink().equals(f.fill().color())).map(FillCall::x).toList();
        assertThat(columns).isNotEmpty().doesNotHaveDuplicates();
        // A thread spends about 30 ms of each request waiting on the database and 6 ms computing,
        // so most columns are the wait colour, and some are the compute colour.
        long wait = lane.stream().filter(f -> f.fill().color().equals(P.fill(SpanState.WAIT).color())).count();
        long compute = lane.stream().filter(f -> f.fill().color().equals(P.fill(SpanState.COMPUTE).color())).count();
        assertThat(wait).isGreaterThan(lane.size() / 2);
        assertThat(compute).isLessThan(wait);
        assertThat(wait + compute).isGreaterThan(lane.size() * 3L / 4);
    }

    @Test
    @DisplayName("rejected requests get a marker in the rejection colour")
    void rejections() {
        Trace trace = Fixtures.many(Policy.SYNC, 60, 400, 1, OptionalInt.of(2));
        long rejected = trace.requests().stream().filter(r -> !r.completed()).count();
        assertThat(rejected).isPositive();
        TimelineLayout layout = layout(List.of(trace), ViewMode.REQUESTS, 1200, 60 * 40 + 200);
        assertThat(layout.roomyRows()).isTrue();
        painter.paint(g, layout, TimeScale.fit(0, trace.endMs(), layout.plotWidth(), 10, 80), INF);
        assertThat(g.textsEqual("rejected")).hasSize((int) rejected);
        assertThat(g.lines.stream().filter(l -> l.color().equals(P.rejected()) && l.y1() > layout.headerHeight()))
                .hasSize(2 * (int) rejected);
        assertThat(layout.legend()).anySatisfy(i -> assertThat(i.kind()).isEqualTo(TimelineLayout.LegendKind.REJECTED));
    }

    @Test
    @DisplayName("the legend lists the states that occur, with their fills")
    void legend() {
        Trace trace = Fixtures.threeRequests(Policy.SYNC);
        TimelineLayout layout = layout(List.of(trace), ViewMode.REQUESTS, 1200, 600);
        painter.paint(g, layout, fitted(layout, trace.endMs()), INF);
        assertThat(layout.legend()).extracting(TimelineLayout.LegendItem::label)
                .containsExactly("Queued", "Compute", "Wait, holds thread", "Arrives", "Response", "Time alone");
        for (Fill fill : List.of(P.fill(SpanState.QUEUED), P.fill(SpanState.COMPUTE), P.heldWait())) {
            assertThat(g.fills.stream().filter(f -> f.fill().equals(fill) && f.y() < layout.headerHeight())).hasSize(1);
        }
        assertThat(g.textsEqual("Queued")).hasSize(1);
    }

    @Test
    @DisplayName("the hovered span is outlined")
    void highlight() {
        Trace trace = Fixtures.threeRequests(Policy.SYNC);
        TimelineLayout layout = layout(List.of(trace), ViewMode.REQUESTS, 1200, 600);
        TimeScale scale = fitted(layout, trace.endMs());
        Span wait = trace.spansOf(1).get(1);
        painter.paint(g, layout, scale, INF, new double[0], Optional.of(wait));
        assertThat(g.strokes).anySatisfy(s -> {
            assertThat(s.color()).isEqualTo(P.text());
            assertThat(s.lineWidth()).isGreaterThanOrEqualTo(2);
            assertThat(s.x() + s.lineWidth() / 2).isCloseTo(layout.plotLeft() + scale.toX(10), within(0.5));
        });
    }

    @Test
    @DisplayName("the bars of a chosen line of code are outlined in their own section only")
    void chosenBars() {
        List<Trace> both = List.of(Fixtures.threeRequests(Policy.SYNC), Fixtures.threeRequests(Policy.EVENT_LOOP));
        TimelineLayout layout = layout(both, ViewMode.REQUESTS, 1200, 600);
        TimeScale scale = fitted(layout, Math.max(both.get(0).endMs(), both.get(1).endMs()));
        List<Span> waits = List.of(both.get(1).spansOf(1).get(1), both.get(1).spansOf(2).get(1));
        painter.paint(g, layout, scale, INF, new double[0], Optional.empty(), 1, waits);
        long outlines = g.strokes.stream().filter(s -> "chosen".equals(s.tag()) && s.color().equals(P.text())).count();
        assertThat(outlines).as("one outline per chosen bar").isEqualTo(2);

        g.strokes.clear();
        painter.paint(g, layout, scale, INF, new double[0], Optional.empty(), 0, waits);
        assertThat(g.strokes.stream().filter(s -> "chosen".equals(s.tag())).count())
                .as("the event loop's bars are not the sync section's").isZero();
    }

    // ------------------------------------------------------------ issue 10

    private static List<Trace> blockingCallCompare() {
        return io.interleave.engine.Simulation.compare(io.interleave.scenario.Presets.load("blocking-call").orElseThrow());
    }

    @Test
    @DisplayName("projector type in a short window: labels thin out, but each sits centred on the row it names, with a tick")
    void labelsOnTheirOwnRows() {
        List<Trace> compare = blockingCallCompare();
        TimelineLayout layout = TimelineLayout.of(compare, ViewMode.REQUESTS, 1400, 360, 1.6, g);
        assertThat(layout.labelEvery()).as("rows too short for every label").isGreaterThan(1);
        painter.paint(g, layout, fitted(layout, compare.get(0).endMs()), INF);

        List<RecordingSurface.TextCall> labels = g.texts.stream()
                .filter(t -> t.text().matches("R\\d+") && t.visible() && t.y() > layout.headerHeight()).toList();
        assertThat(labels).hasSizeGreaterThanOrEqualTo(2 * (10 / layout.labelEvery()));
        for (RecordingSurface.TextCall label : labels) {
            Row row = layout.requestRow(label.y() < layout.sections().get(1).top() ? 0 : 1,
                    Integer.parseInt(label.text().substring(1))).orElseThrow();
            double centre = row.top() + layout.rowHeight() / 2;
            TimelineLayout.Section section = layout.sections().get(row.section());
            double half = layout.labelStyle().size() * 0.4;
            if (centre - half >= section.rowsTop() && centre + half <= section.rowsBottom()) {
                assertThat(label.y()).as("%s centred on its row", label.text()).isEqualTo(centre);
                assertThat(layout.rowAt(label.y()).map(layout::rowLabel)).as("the row under %s", label.text()).contains(label.text());
            } else {
                // At the window's edge the label is nudged inside; it still overlaps its row.
                assertThat(Math.abs(label.y() - centre)).as("%s nudged", label.text()).isLessThanOrEqualTo(half);
            }
            // A tick at the gutter's edge points at exactly the row.
            assertThat(g.lines).anySatisfy(l -> {
                assertThat(l.y1()).isEqualTo(centre);
                assertThat(l.x2()).isLessThanOrEqualTo(layout.plotLeft());
            });
        }
    }

    @Test
    @DisplayName("tall enough rows: every row of both sections carries its own label and type")
    void everyRowLabelled() {
        List<Trace> compare = blockingCallCompare();
        TimelineLayout layout = TimelineLayout.of(compare, ViewMode.REQUESTS, 1280, 640, 1.6, g);
        assertThat(layout.labelEvery()).isEqualTo(1);
        painter.paint(g, layout, fitted(layout, compare.get(0).endMs()), INF);
        for (int section = 0; section < 2; section++) {
            for (int id = 1; id <= 10; id++) {
                Row row = layout.requestRow(section, id).orElseThrow();
                double centre = row.top() + layout.rowHeight() / 2;
                assertThat(g.textsEqual("R" + id).filter(t -> t.y() == centre)).as("R%d of section %d", id, section).hasSize(1);
            }
        }
        assertThat(g.textsEqual("legacy").filter(t -> t.y() > layout.headerHeight())).hasSize(2);
    }

    @Test
    @DisplayName("a lane busy a third of the time over many pixels is drawn a third full, not solid")
    void laneShowsHowBusy() {
        Trace many = Fixtures.many(Policy.EVENT_LOOP, 4000, 40, 1, OptionalInt.empty());
        TimelineLayout layout = layout(List.of(many), ViewMode.WORKERS, 800, 400);
        TimeScale scale = TimeScale.fit(0, many.endMs(), layout.plotWidth(), 0, 0);
        List<Span> lane = many.workerLane(0);
        assertThat(lane.size()).as("many spans per pixel").isGreaterThan(5 * (int) layout.plotWidth());
        double busy = lane.stream().mapToDouble(Span::durationMs).sum() / scale.spanMs();
        assertThat(busy).isBetween(0.2, 0.5);
        painter.paint(g, layout, scale, INF);

        Row row = layout.workerRow(0, 0).orElseThrow();
        double bh = layout.barHeight();
        List<FillCall> bars = g.fills.stream()
                .filter(f -> f.tag() != null && f.tag().startsWith("span "))
                .filter(f -> f.y() >= row.top() && f.y() < row.top() + layout.rowHeight()).toList();
        double drawn = bars.stream().mapToDouble(f -> f.width() * f.height() / bh).sum() / layout.plotWidth();
        assertThat(drawn).as("share of the lane painted").isCloseTo(busy, within(0.03));
        long solid = bars.stream().filter(f -> f.height() >= bh).count();
        assertThat(solid).as("full-height columns").isLessThan(bars.size() / 5);
        // Columns stand on the lane's floor, like a bar chart.
        assertThat(bars).allSatisfy(f -> assertThat(f.y() + f.height()).isCloseTo(bars.get(0).y() + bars.get(0).height(), within(1e-9)));
    }

    @Test
    @DisplayName("compare with 1,000 requests: a later section's title and rows show without scrolling through the first")
    void laterSectionReachable() {
        Trace sync = Fixtures.many(Policy.SYNC, 1000, 120, 4, OptionalInt.empty());
        Trace loop = Fixtures.many(Policy.EVENT_LOOP, 1000, 120, 2, OptionalInt.empty());
        TimelineLayout layout = layout(List.of(sync, loop), ViewMode.REQUESTS, 1200, 700);
        painter.paint(g, layout, fitted(layout, sync.endMs()), INF, new double[] {0, 2000}, Optional.empty());
        TimelineLayout.Section second = layout.sections().get(1);
        assertThat(g.texts).anySatisfy(t -> {
            assertThat(t.text()).isEqualTo(second.title());
            assertThat(t.visible()).isTrue();
        });
        // The second section shows rows from 2000 px down its own list; the first still shows R1.
        int[] shown = layout.visibleRows(1, 2000).orElseThrow();
        assertThat(shown[0]).isGreaterThan(400);
        List<Integer> labelled = g.texts.stream().filter(t -> t.visible() && t.y() > second.rowsTop() && t.text().matches("R\\d+"))
                .map(t -> Integer.parseInt(t.text().substring(1))).toList();
        assertThat(labelled).isNotEmpty().allSatisfy(id -> assertThat(id - 1).isBetween(shown[0], shown[1]));
        assertThat(g.textsEqual("R1").filter(t -> t.y() < second.top())).hasSize(1);
    }
}
