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
        assertThat(hit.get().request().id()).isEqualTo(1);
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
}
