package io.interleave.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.render.TimelineLayout.Hit;
import io.interleave.render.TimelineLayout.Row;
import io.interleave.render.TimelineLayout.RowKind;
import io.interleave.scenario.Policy;
import io.interleave.trace.SpanState;
import io.interleave.trace.Trace;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TimelineLayoutTest {
    private static final TextMeasure MEASURE = (text, style) -> text.length() * style.size() * 0.6;

    @Test
    @DisplayName("three requests get tall rows and large labels; nothing scrolls")
    void comfortable() {
        TimelineLayout l = TimelineLayout.of(List.of(Fixtures.threeRequests(Policy.SYNC)), ViewMode.REQUESTS, 1200, 700, 1, MEASURE);
        assertThat(l.rowHeight()).isEqualTo(TimelineLayout.MAX_ROW_HEIGHT);
        assertThat(l.barHeight()).isGreaterThanOrEqualTo(30);
        assertThat(l.labelStyle().size()).isGreaterThanOrEqualTo(16);
        assertThat(l.labelEvery()).isEqualTo(1);
        assertThat(l.scrolls()).isFalse();
        assertThat(l.roomyRows()).isTrue();
    }

    @Test
    @DisplayName("thousands of requests get thin rows, thinned labels and a scroll range")
    void compact() {
        Trace many = Fixtures.many(Policy.SYNC, 2000, 120, 4, OptionalInt.empty());
        TimelineLayout l = TimelineLayout.of(List.of(many), ViewMode.REQUESTS, 1200, 700, 1, MEASURE);
        assertThat(l.rowHeight()).isEqualTo(TimelineLayout.MIN_ROW_HEIGHT);
        assertThat(l.labelEvery()).isGreaterThan(1);
        TimelineLayout.Section only = l.sections().get(0);
        assertThat(l.maxScroll(0)).isEqualTo(2000 * l.rowHeight() - only.rowsHeight());
        assertThat(only.rowsBottom()).isLessThanOrEqualTo(700);
        assertThat(l.clampScroll(0, -5)).isZero();
        assertThat(l.clampScroll(0, 1e9)).isEqualTo(l.maxScroll(0));
    }

    @Test
    @DisplayName("a bigger text scale makes rows and labels bigger")
    void projector() {
        List<Trace> t = List.of(Fixtures.threeRequests(Policy.SYNC));
        TimelineLayout normal = TimelineLayout.of(t, ViewMode.REQUESTS, 1400, 900, 1, MEASURE);
        TimelineLayout big = TimelineLayout.of(t, ViewMode.REQUESTS, 1400, 900, 1.5, MEASURE);
        assertThat(big.rowHeight()).isGreaterThan(normal.rowHeight());
        assertThat(big.labelStyle().size()).isGreaterThan(normal.labelStyle().size());
        assertThat(big.axisStyle().size()).isGreaterThan(normal.axisStyle().size());
    }

    @Test
    @DisplayName("projector type on rows too short for it: labels thin out so none overlap")
    void projectorLabelsDoNotOverlap() {
        Trace many = Fixtures.many(Policy.SYNC, 40, 120, 4, OptionalInt.empty());
        TimelineLayout l = TimelineLayout.of(List.of(many, many), ViewMode.REQUESTS, 1280, 800, 1.6, MEASURE);

        double labelSpacing = l.labelEvery() * l.rowHeight();
        assertThat(labelSpacing).isGreaterThanOrEqualTo(l.labelStyle().size());
    }

    @Test
    @DisplayName("the gutter fits the longest label")
    void gutter() {
        TimelineLayout l = TimelineLayout.of(List.of(Fixtures.threeRequests(Policy.SYNC)), ViewMode.REQUESTS, 1200, 700, 1, MEASURE);
        double widest = MEASURE.textWidth("R3", l.labelStyle()) + MEASURE.textWidth(" ", l.labelDetailStyle())
                + MEASURE.textWidth("report", l.labelDetailStyle());
        assertThat(l.plotLeft()).isGreaterThanOrEqualTo(widest);
        assertThat(l.plotRight()).isLessThan(1200);
    }

    @Test
    @DisplayName("workers view: thread or loop lanes, then core lanes, named for people")
    void lanes() {
        Trace sync = Fixtures.many(Policy.SYNC, 50, 100, 4, OptionalInt.empty());
        Trace loop = Fixtures.threeRequests(Policy.EVENT_LOOP);
        TimelineLayout l = TimelineLayout.of(List.of(sync, loop), ViewMode.WORKERS, 1200, 900, 1, MEASURE);
        assertThat(l.sections()).extracting(TimelineLayout.Section::rowCount).containsExactly(6, 2);
        assertThat(l.rowLabel(l.row(0, 3))).isEqualTo("Thread 4");
        assertThat(l.row(0, 4).kind()).isEqualTo(RowKind.CORE);
        assertThat(l.rowLabel(l.row(0, 5))).isEqualTo("Core 2");
        assertThat(l.rowLabel(l.row(1, 0))).isEqualTo("Loop 1");
        assertThat(l.coreRow(1, 0)).contains(l.row(1, 1));
        assertThat(l.requestRow(0, 1)).isEmpty();
        assertThat(TimelineLayout.title(sync)).isEqualTo("Sync (threads) · 4 threads · 2 cores");
    }

    @Test
    @DisplayName("the point over R1's wait finds that span, the gap between rows finds nothing")
    void hitTest() {
        Trace sync = Fixtures.threeRequests(Policy.SYNC);
        TimelineLayout l = TimelineLayout.of(List.of(sync), ViewMode.REQUESTS, 1200, 700, 1, MEASURE);
        TimeScale scale = TimeScale.fit(0, 236, l.plotWidth(), 10, 60);
        Row r1 = l.requestRow(0, 1).orElseThrow();
        double y = r1.top() + l.rowHeight() / 2;
        Optional<Hit> hit = l.hitAt(l.plotLeft() + scale.toX(50), y, scale, new double[0], Double.POSITIVE_INFINITY);
        assertThat(hit).isPresent();
        assertThat(hit.get().span().orElseThrow().state()).isEqualTo(SpanState.WAIT);
        assertThat(hit.get().request().orElseThrow().id()).isEqualTo(1);
        // Past the playhead nothing is drawn, so nothing is found.
        assertThat(l.hitAt(l.plotLeft() + scale.toX(50), y, scale, new double[0], 30)).isEmpty();
        // Right of R1's end (100 ms) its row is empty.
        assertThat(l.hitAt(l.plotLeft() + scale.toX(150), y, scale, new double[0], Double.POSITIVE_INFINITY)).isEmpty();
        // In the header or the gutter: nothing.
        assertThat(l.hitAt(l.plotLeft() + scale.toX(50), 5, scale, new double[0], Double.POSITIVE_INFINITY)).isEmpty();
        assertThat(l.hitAt(l.plotLeft() / 2, y, scale, new double[0], Double.POSITIVE_INFINITY)).isEmpty();
    }

    @Test
    @DisplayName("scrolling moves which rows are visible and which row is under a point")
    void scrolling() {
        Trace many = Fixtures.many(Policy.SYNC, 500, 120, 4, OptionalInt.empty());
        TimelineLayout l = TimelineLayout.of(List.of(many), ViewMode.REQUESTS, 1000, 500, 1, MEASURE);
        int[] top = l.visibleRows(0, 0).orElseThrow();
        assertThat(top[0]).isZero();
        double scroll = 100 * l.rowHeight();
        int[] lower = l.visibleRows(0, scroll).orElseThrow();
        assertThat(lower[0]).isEqualTo(100);
        assertThat(l.rowAt(l.sections().get(0).rowsTop() + 1, scroll)).map(Row::index).contains(101);
        // The title stays where it was: it is pinned, only the rows move.
        assertThat(l.rowAt(l.sections().get(0).top() + 1, scroll)).isEmpty();
    }

    @Test
    @DisplayName("an export is as tall as its rows need")
    void export() {
        TimelineLayout l = TimelineLayout.forExport(List.of(Fixtures.threeRequests(Policy.SYNC)), ViewMode.REQUESTS, 1200, 1, MEASURE);
        assertThat(l.scrolls()).isFalse();
        TimelineLayout.Section only = l.sections().get(0);
        assertThat(only.rowsHeight()).isEqualTo(3 * l.rowHeight());
        assertThat(l.height()).isGreaterThanOrEqualTo(only.rowsBottom());
        assertThat(l.rowHeight()).isEqualTo(TimelineLayout.MAX_ROW_HEIGHT);
    }

    // ------------------------------------------------------------ projector

    /**
     * The timeline's size assumed at 1280x800 in projector mode (F5, text
     * scale 1.6) once the controls, lesson text, metrics and narration are
     * folded away: the menu bar (about 40 px), toolbar (about 60) and
     * playback bar (about 60) keep 160 px of the 800.
     */
    static final double PROJECTOR_WIDTH = 1280;
    static final double PROJECTOR_HEIGHT = 640;
    static final double PROJECTOR_SCALE = 1.6;

    private static List<Trace> twelveRequests(int variants) {
        List<Trace> out = new java.util.ArrayList<>();
        for (int i = 0; i < variants; i++) {
            out.add(Fixtures.many(i % 2 == 0 ? Policy.SYNC : Policy.EVENT_LOOP, 12, 40, 1 + i, OptionalInt.empty()));
        }
        return out;
    }

    @Test
    @DisplayName("projector, 1280x640 timeline: 2 variants of 12 requests all show, bars at least 20 px, every row labelled, one legend line")
    void projectorCompareFits() {
        TimelineLayout l = TimelineLayout.of(twelveRequests(2), ViewMode.REQUESTS, PROJECTOR_WIDTH, PROJECTOR_HEIGHT,
                PROJECTOR_SCALE, new AwtFonts());
        assertThat(l.scrolls()).isFalse();
        assertThat(l.sections()).allSatisfy(sec -> assertThat(sec.rowsHeight()).isEqualTo(12 * l.rowHeight()));
        assertThat(l.sections().get(1).rowsBottom()).isLessThanOrEqualTo(PROJECTOR_HEIGHT);
        assertThat(l.barHeight()).isGreaterThanOrEqualTo(20);
        assertThat(l.labelEvery()).isEqualTo(1);
        assertThat(l.labelStyle().size()).isGreaterThanOrEqualTo(14);
        // Queued, Ready, Compute, both waits, Waiting for resource, Blocked and the markers: one line.
        assertThat(l.legend()).hasSizeGreaterThanOrEqualTo(9);
        assertThat(l.legend()).extracting(TimelineLayout.LegendItem::y).containsOnly(l.legend().get(0).y());
        assertThat(l.legend().get(l.legend().size() - 1).x()).isLessThan(PROJECTOR_WIDTH);
        TimeScale scale = TimeScale.fit(0, l.traces().get(0).endMs(), l.plotWidth(), 14, 60);
        assertThat(l.ticks(scale)).hasSizeGreaterThanOrEqualTo(TimelineLayout.MIN_TICKS);
    }

    @Test
    @DisplayName("projector, 1280x640 timeline: 3 variants of 10 requests show at once with bars at least 14 px")
    void projectorThreeVariants() {
        List<Trace> three = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            three.add(Fixtures.many(i == 2 ? Policy.EVENT_LOOP : Policy.SYNC, 10, 40, 1 + 3 * i, OptionalInt.empty()));
        }
        TimelineLayout l = TimelineLayout.of(three, ViewMode.REQUESTS, PROJECTOR_WIDTH, PROJECTOR_HEIGHT, PROJECTOR_SCALE, new AwtFonts());
        assertThat(l.sections()).hasSize(3);
        assertThat(l.scrolls()).isFalse();
        assertThat(l.barHeight()).isGreaterThanOrEqualTo(14);
        assertThat(l.sections().get(2).rowsBottom()).isLessThanOrEqualTo(PROJECTOR_HEIGHT);
    }

    @Test
    @DisplayName("bars fill tight rows but for a thin gap, and never shrink as rows grow")
    void barHeights() {
        Trace t = Fixtures.threeRequests(Policy.SYNC);
        double previous = 0;
        for (double h = 150; h <= 900; h += 10) {
            TimelineLayout l = TimelineLayout.of(List.of(t, t, t, t), ViewMode.REQUESTS, 1200, h, 1.6, MEASURE);
            assertThat(l.barHeight()).as("bar at %s px", h).isGreaterThanOrEqualTo(previous).isLessThan(l.rowHeight());
            if (l.rowHeight() >= 8 && l.rowHeight() <= 36) {
                assertThat(l.rowHeight() - l.barHeight()).as("gap at row %s", l.rowHeight()).isLessThanOrEqualTo(4);
            }
            previous = l.barHeight();
        }
    }

    // ----------------------------------------------------- many rows, N traces

    @Test
    @DisplayName("1,000 requests under 4 variants: each section has its own pane and scroll, titles stay put")
    void sectionsScrollOnTheirOwn() {
        Trace sync = Fixtures.many(Policy.SYNC, 1000, 120, 4, OptionalInt.empty());
        Trace loop = Fixtures.many(Policy.EVENT_LOOP, 1000, 120, 2, OptionalInt.empty());
        List<Trace> four = List.of(sync, loop, sync, loop);
        TimelineLayout l = TimelineLayout.of(four, ViewMode.REQUESTS, 1200, 800, 1, MEASURE);
        assertThat(l.sections()).hasSize(4);
        double previousBottom = l.headerHeight();
        for (int i = 0; i < 4; i++) {
            TimelineLayout.Section sec = l.sections().get(i);
            assertThat(sec.top()).isGreaterThanOrEqualTo(previousBottom);
            assertThat(sec.rowsHeight()).isGreaterThan(100);
            assertThat(l.maxScroll(i)).isPositive();
            previousBottom = sec.rowsBottom();
            // The last row of this section is reachable by scrolling this section alone.
            double[] scrolls = new double[4];
            scrolls[i] = l.maxScroll(i);
            Row last = l.rowAt(sec.rowsBottom() - 1, scrolls).orElseThrow();
            assertThat(last.section()).isEqualTo(i);
            assertThat(last.index()).isEqualTo(1000);
            // ... and its title does not move.
            assertThat(l.rowAt(sec.top() + 1, scrolls)).isEmpty();
        }
        assertThat(previousBottom).isLessThanOrEqualTo(800);
    }

    @Test
    @DisplayName("fitted rows: 2 x 1,000 requests all show in the window, a pixel row standing for several requests")
    void fitRows() {
        Trace sync = Fixtures.many(Policy.SYNC, 1000, 120, 4, OptionalInt.empty());
        Trace loop = Fixtures.many(Policy.EVENT_LOOP, 1000, 120, 2, OptionalInt.empty());
        TimelineLayout l = TimelineLayout.of(List.of(sync, loop), ViewMode.REQUESTS, 1200, 600, 1, MEASURE, true);
        assertThat(l.rowsFitted()).isTrue();
        assertThat(l.scrolls()).isFalse();
        assertThat(l.rowHeight()).isLessThan(1).isPositive();
        assertThat(l.sections().get(1).rowsBottom()).isLessThanOrEqualTo(600);
        // The first and last requests of each section are under the pointer somewhere.
        for (int i = 0; i < 2; i++) {
            TimelineLayout.Section sec = l.sections().get(i);
            assertThat(l.rowAt(sec.rowsTop()).map(Row::index)).as("top of %d", i).contains(1);
            int lastDrawn = -1;
            for (double y = sec.rowsTop(); y < sec.rowsBottom(); y++) {
                OptionalInt p = l.rowOnPixel(i, y, 0);
                if (p.isPresent()) {
                    assertThat(p.getAsInt()).isGreaterThan(lastDrawn);
                    assertThat(l.rowAt(y + 0.5).map(Row::position)).contains(p.getAsInt());
                    lastDrawn = p.getAsInt();
                }
            }
            assertThat(lastDrawn).isGreaterThan(990);
        }
        // Without fitting, the same rows scroll at a readable height.
        TimelineLayout readable = TimelineLayout.of(List.of(sync, loop), ViewMode.REQUESTS, 1200, 600, 1, MEASURE, false);
        assertThat(readable.rowHeight()).isEqualTo(TimelineLayout.MIN_ROW_HEIGHT);
        assertThat(readable.scrolls()).isTrue();
    }

    @Test
    @DisplayName("a few rows need no fitting: Fit leaves them as tall as they were")
    void fitRowsLeavesFewRowsAlone() {
        List<Trace> t = List.of(Fixtures.threeRequests(Policy.SYNC));
        assertThat(TimelineLayout.of(t, ViewMode.REQUESTS, 1200, 700, 1, MEASURE, true).rowHeight())
                .isEqualTo(TimelineLayout.of(t, ViewMode.REQUESTS, 1200, 700, 1, MEASURE, false).rowHeight());
    }

    // ----------------------------------------------------------------- waits

    @Test
    @DisplayName("the legend tells the wait that frees the loop from the wait that holds the thread")
    void legendSplitsWaits() {
        List<Trace> compare = List.of(Fixtures.threeRequests(Policy.SYNC), Fixtures.threeRequests(Policy.EVENT_LOOP));
        TimelineLayout l = TimelineLayout.of(compare, ViewMode.REQUESTS, 1400, 700, 1, MEASURE);
        assertThat(l.legend()).extracting(TimelineLayout.LegendItem::label)
                .containsSubsequence("Compute", "Wait, frees loop", "Wait, holds thread");
        assertThat(l.legend()).filteredOn(i -> i.kind() == TimelineLayout.LegendKind.HELD_WAIT).hasSize(1);
        // The event loop alone: only the free wait.
        TimelineLayout loopOnly = TimelineLayout.of(List.of(compare.get(1)), ViewMode.REQUESTS, 1400, 700, 1, MEASURE);
        assertThat(loopOnly.legend()).extracting(TimelineLayout.LegendItem::label).contains("Wait, frees loop")
                .doesNotContain("Wait, holds thread");
    }
}
