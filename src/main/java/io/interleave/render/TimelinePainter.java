package io.interleave.render;

import io.interleave.render.TimelineLayout.LegendItem;
import io.interleave.render.TimelineLayout.Row;
import io.interleave.render.TimelineLayout.RowKind;
import io.interleave.render.TimelineLayout.Section;
import io.interleave.trace.RequestRecord;
import io.interleave.trace.Span;
import io.interleave.trace.SpanState;
import io.interleave.trace.Trace;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Draws the timeline described by a {@link TimelineLayout} onto any
 * {@link DrawingSurface}: the window's canvas and the exports go through
 * here, so they show the same picture.
 *
 * <p>Only what is visible is drawn: rows outside the viewport are skipped,
 * each row's first visible span is found by binary search, and spans
 * narrower than a pixel are merged into one-pixel columns coloured by the
 * state that filled most of the column (judged from its first few spans
 * when it holds many), so that a trace of a hundred thousand requests still
 * paints in a few milliseconds.
 */
public final class TimelinePainter {
    private static final SpanState[] STATES = SpanState.values();
    /** Spans sampled into one pixel column before the rest of that column is skipped. */
    private static final int SAMPLES_PER_COLUMN = 12;
    /** What {@link DrawingSurface#tag} names each state's bars, e.g. "span waiting-resource". */
    private static final String[] SPAN_TAGS = Arrays.stream(STATES).map(st -> "span " + st.csvName()).toArray(String[]::new);

    private final Palette palette;

    public TimelinePainter(Palette palette) {
        this.palette = Objects.requireNonNull(palette, "palette");
    }

    public Palette palette() {
        return palette;
    }

    /** Paints a whole export: no scrolling, no highlighted span. */
    public void paint(DrawingSurface g, TimelineLayout layout, TimeScale scale, double playheadMs) {
        paint(g, layout, scale, playheadMs, 0, Optional.empty());
    }

    /**
     * Paints the timeline.
     *
     * @param scale the visible time range over {@code layout.plotWidth()} pixels
     * @param playheadMs bars are drawn up to this time; infinity draws the whole run and no "now" line
     * @param scrollY how far the body is scrolled down, clamped to the layout's range
     * @param highlight a span to outline (the one under the pointer)
     */
    public void paint(DrawingSurface g, TimelineLayout layout, TimeScale scale, double playheadMs,
                      double scrollY, Optional<Span> highlight) {
        double scroll = layout.clampScroll(scrollY);
        double playhead = Double.isNaN(playheadMs) ? Double.POSITIVE_INFINITY : playheadMs;
        g.tag("background");
        g.fillRect(0, 0, layout.width(), layout.height(), palette.background());
        List<TimeScale.Tick> ticks = scale.ticks(layout.tickSpacing());

        g.save();
        g.clip(0, layout.headerHeight(), layout.width(), layout.viewportHeight());
        for (int i = 0; i < layout.sections().size(); i++) {
            paintSection(g, layout, i, scale, ticks, playhead, scroll, highlight);
        }
        g.restore();

        Optional<NowLabel> now = nowLabel(g, layout, scale, playhead);
        paintHeader(g, layout, ticks, now);
        now.ifPresent(label -> paintNowLine(g, layout, label));
        g.tag(null);
    }

    // --------------------------------------------------------------- sections

    private void paintSection(DrawingSurface g, TimelineLayout layout, int sectionIndex, TimeScale scale,
                              List<TimeScale.Tick> ticks, double playhead, double scroll, Optional<Span> highlight) {
        Section section = layout.sections().get(sectionIndex);
        double bandTop = layout.toCanvasY(section.top(), scroll);
        double bandHeight = section.rowsTop() - section.top();
        if (bandTop + bandHeight > layout.headerHeight() && bandTop < layout.height()) {
            g.tag("section-title");
            g.fillRect(0, bandTop, layout.width(), bandHeight, palette.sectionBand());
            g.text(section.title(), layout.pad(), bandTop + bandHeight / 2, layout.titleStyle(), palette.text(), TextAlign.LEFT);
        }
        Optional<int[]> visible = layout.visibleRows(sectionIndex, scroll);
        if (visible.isEmpty()) {
            return;
        }
        int first = visible.get()[0];
        int last = visible.get()[1];
        double rowsTop = layout.toCanvasY(section.rowsTop(), scroll);
        double rh = layout.rowHeight();
        double top = rowsTop + first * rh;
        double bottom = rowsTop + (last + 1) * rh;

        g.tag("row");
        for (int p = first; p <= last; p++) {
            paintRowBackground(g, layout, layout.row(sectionIndex, p), rowsTop + p * rh);
        }
        g.save();
        g.clip(layout.plotLeft(), top, layout.plotWidth(), bottom - top);
        g.tag("grid");
        for (TimeScale.Tick tick : ticks) {
            double x = Math.round(layout.plotLeft() + tick.x()) + 0.5;
            g.line(x, top, x, bottom, palette.grid(), 1);
        }
        if (layout.mode() == ViewMode.REQUESTS) {
            g.tag("ghost");
            for (int p = first; p <= last; p++) {
                paintGhost(g, layout, section.trace().request(p + 1), rowsTop + p * rh, scale, playhead);
            }
        }
        for (int p = first; p <= last; p++) {
            Row row = layout.row(sectionIndex, p);
            double y = rowsTop + p * rh;
            paintBars(g, layout, section.trace(), row, y, scale, playhead, highlight);
            if (row.kind() == RowKind.REQUEST) {
                paintRequestMarkers(g, layout, section.trace().request(row.index()), y, scale, playhead);
            }
        }
        g.restore();

        double gutterX = Math.round(layout.plotLeft()) - 0.5;
        g.tag("grid");
        g.line(gutterX, top, gutterX, bottom, palette.grid(), 1);
        g.tag("row-label");
        g.save();
        g.clip(0, top, layout.plotLeft(), bottom - top);
        int every = layout.labelEvery();
        for (int p = first; p <= last; p++) {
            if (p % every == 0) {
                double band = Math.min(every, section.rowCount() - p) * rh;
                paintRowLabel(g, layout, section.trace(), layout.row(sectionIndex, p), rowsTop + p * rh, band, playhead);
            }
        }
        g.restore();

        if (layout.mode() == ViewMode.WORKERS) {
            int workers = section.trace().scenario().server().workers();
            if (workers >= first && workers <= last + 1 && workers > 0) {
                double y = rowsTop + workers * rh;
                g.tag("lane-divider");
                g.line(0, y, layout.width(), y, palette.axis(), Math.max(1, layout.textScale()));
            }
        }
    }

    private void paintRowBackground(DrawingSurface g, TimelineLayout layout, Row row, double y) {
        if (row.kind() == RowKind.REQUEST) {
            if (row.position() % 2 == 1 && layout.rowHeight() >= 6) {
                g.fillRect(0, y, layout.width(), layout.rowHeight(), palette.stripe());
            }
        } else {
            double bh = layout.barHeight();
            g.fillRect(layout.plotLeft(), y + (layout.rowHeight() - bh) / 2, layout.plotWidth(), bh, palette.laneBackground());
        }
    }

    /** The label of {@code row}, centred on the band of rows it stands for (one row unless labels are thinned). */
    private void paintRowLabel(DrawingSurface g, TimelineLayout layout, Trace trace, Row row, double y, double band,
                               double playhead) {
        double cy = y + band / 2;
        String label = layout.rowLabel(row);
        Rgb colour = palette.text();
        if (row.kind() == RowKind.REQUEST && trace.request(row.index()).arrivalMs() > playhead) {
            colour = palette.mutedText();
        }
        g.text(label, layout.pad(), cy, layout.labelStyle(), colour, TextAlign.LEFT);
        String detail = layout.rowDetail(row);
        if (!detail.isEmpty() && layout.labelEvery() == 1) {
            double x = layout.pad() + g.textWidth(label + " ", layout.labelStyle());
            g.text(detail, x, cy, layout.labelDetailStyle(), palette.mutedText(), TextAlign.LEFT);
        }
    }

    // ------------------------------------------------------------------- bars

    private void paintBars(DrawingSurface g, TimelineLayout layout, Trace trace, Row row, double rowY,
                           TimeScale scale, double playhead, Optional<Span> highlight) {
        List<Span> spans = layout.spansOf(row);
        double lo = scale.startMs();
        double hi = Math.min(scale.endMs(), playhead);
        if (spans.isEmpty() || hi <= lo) {
            return;
        }
        double bh = layout.barHeight();
        double barTop = Math.round(rowY + (layout.rowHeight() - bh) / 2);
        double left = layout.plotLeft();
        boolean outlined = bh >= 10;
        boolean lane = row.kind() != RowKind.REQUEST;
        PixelColumn column = new PixelColumn();

        for (int i = SpanSearch.firstEndingAfter(spans, lo); i < spans.size(); i++) {
            Span span = spans.get(i);
            if (span.startMs() >= hi) {
                break;
            }
            double a = Math.max(span.startMs(), lo);
            double b = Math.min(span.endMs(), hi);
            double rawX0 = left + scale.toX(a);
            double rawX1 = left + scale.toX(b);
            if (rawX1 - rawX0 < 1) {
                int col = (int) Math.floor(rawX0);
                if (col != column.x) {
                    column.flush(g, barTop, bh);
                    column.x = col;
                }
                column.ms[span.state().ordinal()] += b - a;
                if (++column.count >= SAMPLES_PER_COLUMN) {
                    // The column's colour is settled: skip the rest of its spans.
                    double columnEndMs = scale.toMs(col + 1 - left);
                    i = Math.max(i, SpanSearch.firstEndingAfter(spans, columnEndMs, i + 1) - 1);
                }
                continue;
            }
            column.flush(g, barTop, bh);
            double x0 = Math.round(rawX0);
            double x1 = Math.max(x0 + 1, Math.round(rawX1));
            Fill fill = palette.fill(span.state());
            g.tag(SPAN_TAGS[span.state().ordinal()]);
            g.fillRect(x0, barTop, x1 - x0, bh, fill);
            if (outlined && x1 - x0 >= 6) {
                g.tag("span-outline");
                g.strokeRect(x0 + 0.5, barTop + 0.5, x1 - x0 - 1, bh - 1, fill.ink(), 1);
            }
            if (lane) {
                paintBarLabel(g, layout, trace.request(span.requestId()).label(), x0, x1, barTop, bh, fill);
            }
        }
        column.flush(g, barTop, bh);

        if (highlight.isPresent()) {
            Span h = highlight.get();
            if (layout.shows(row, h) && h.startMs() < hi && h.endMs() > lo) {
                double x0 = left + scale.toX(Math.max(h.startMs(), lo));
                double x1 = left + scale.toX(Math.min(h.endMs(), hi));
                double w = Math.max(2, x1 - x0);
                double lw = Math.max(2, 2.5 * layout.textScale());
                g.tag("highlight");
                g.strokeRect(x0 - lw / 2, barTop - lw / 2, w + lw, bh + lw, palette.text(), lw);
            }
        }
    }

    private void paintBarLabel(DrawingSurface g, TimelineLayout layout, String label, double x0, double x1,
                               double top, double height, Fill fill) {
        TextStyle style = layout.barLabelStyle();
        if (height < 12 || x1 - x0 < style.size()) {
            return;
        }
        double w = g.textWidth(label, style);
        if (w + 8 > x1 - x0) {
            style = new TextStyle(Math.max(9, style.size() * 0.75), true);
            w = g.textWidth(label, style);
            if (w + 2 > x1 - x0) {
                return;
            }
        }
        g.tag("bar-label");
        g.text(label, (x0 + x1) / 2, top + height / 2, style, palette.textOn(fill.color()), TextAlign.CENTER);
    }

    /** Sub-pixel spans of one row that fall into the same pixel column. */
    private final class PixelColumn {
        int x = Integer.MIN_VALUE;
        int count;
        final double[] ms = new double[STATES.length];

        void flush(DrawingSurface g, double top, double height) {
            if (x == Integer.MIN_VALUE) {
                return;
            }
            int best = 0;
            for (int k = 1; k < ms.length; k++) {
                if (ms[k] > ms[best]) {
                    best = k;
                }
            }
            g.tag(SPAN_TAGS[best]);
            g.fillRect(x, top, 1, height, palette.fill(STATES[best]).color());
            Arrays.fill(ms, 0);
            count = 0;
            x = Integer.MIN_VALUE;
        }
    }

    // ------------------------------------------------------------------ ghost

    /**
     * The single-user baseline: a faint outline, a little larger than the
     * bar, from the request's arrival to where it would have finished had it
     * been alone on the server. Drawn behind the bars once the request has
     * arrived, so the real bar can be seen racing it.
     */
    private void paintGhost(DrawingSurface g, TimelineLayout layout, RequestRecord r, double rowY,
                            TimeScale scale, double playhead) {
        if (!r.completed() || r.arrivalMs() > playhead || !(r.aloneMs() > 0)) {
            return;
        }
        double from = r.arrivalMs();
        double to = r.arrivalMs() + r.aloneMs();
        if (to <= scale.startMs() || from >= scale.endMs()) {
            return;
        }
        double bh = layout.barHeight();
        double barTop = Math.round(rowY + (layout.rowHeight() - bh) / 2);
        double room = (layout.rowHeight() - bh) / 2;
        double grow = Math.max(0, Math.min(room - 1, 3 * layout.textScale()));
        double lw = layout.roomyRows() ? Math.max(1.5, 2 * layout.textScale()) : 1;
        double x0 = layout.plotLeft() + scale.toX(from);
        double x1 = layout.plotLeft() + scale.toX(to);
        // Exact at both ends (the right edge is the finish alone); a little taller than the bar, so it shows around it.
        g.strokeRect(x0, barTop - grow, Math.max(1, x1 - x0), bh + 2 * grow, palette.ghost(), lw);
    }

    // ---------------------------------------------------------------- markers

    private void paintRequestMarkers(DrawingSurface g, TimelineLayout layout, RequestRecord r, double rowY,
                                     TimeScale scale, double playhead) {
        double left = layout.plotLeft();
        double bh = layout.barHeight();
        double barTop = Math.round(rowY + (layout.rowHeight() - bh) / 2);
        double s = layout.textScale();
        if (r.arrivalMs() > playhead) {
            return;
        }
        double ax = left + scale.toX(r.arrivalMs());
        if (!r.completed()) {
            paintRejected(g, layout, ax, barTop, bh);
            return;
        }
        if (!layout.roomyRows()) {
            return;
        }
        double room = (layout.rowHeight() - bh) / 2;
        double m = Math.min(room - 1, 11 * s);
        if (m >= 4) {
            g.tag("arrival");
            g.fillPolygon(new double[] {ax - m * 0.75, ax + m * 0.75, ax},
                    new double[] {barTop - m, barTop - m, barTop}, palette.text());
        }
        if (r.finishMs() <= playhead) {
            double fx = left + scale.toX(r.finishMs());
            double lw = Math.max(2, 3 * s);
            g.tag("response");
            g.line(fx, barTop - Math.min(room, 6 * s), fx, barTop + bh + Math.min(room, 6 * s), palette.text(), lw);
            g.text(TimeFormat.duration(r.responseMs()), fx + lw + 6 * s, barTop + bh / 2,
                    layout.labelStyle(), palette.text(), TextAlign.LEFT);
        }
    }

    private void paintRejected(DrawingSurface g, TimelineLayout layout, double x, double barTop, double bh) {
        g.tag("rejected");
        if (!layout.roomyRows()) {
            g.fillRect(x - 1, barTop, 3, bh, palette.rejected());
            return;
        }
        double half = bh * 0.4;
        double cy = barTop + bh / 2;
        double lw = Math.max(2.5, 3.5 * layout.textScale());
        g.line(x - half, cy - half, x + half, cy + half, palette.rejected(), lw);
        g.line(x - half, cy + half, x + half, cy - half, palette.rejected(), lw);
        g.text("rejected", x + half + 8 * layout.textScale(), cy, layout.labelDetailStyle(), palette.rejected(), TextAlign.LEFT);
    }

    // ---------------------------------------------------------- header, now

    private void paintHeader(DrawingSurface g, TimelineLayout layout, List<TimeScale.Tick> ticks, Optional<NowLabel> now) {
        g.tag("header");
        g.fillRect(0, 0, layout.width(), layout.headerHeight(), palette.background());
        g.tag("legend");
        for (LegendItem item : layout.legend()) {
            paintLegendItem(g, layout, item);
        }
        double base = layout.headerHeight() - 1;
        double tickLength = 6 * layout.textScale();
        g.tag("axis");
        g.save();
        g.clip(layout.plotLeft() - 40 * layout.textScale(), layout.axisTop(), layout.plotWidth() + 60 * layout.textScale(), layout.headerHeight() - layout.axisTop());
        for (TimeScale.Tick tick : ticks) {
            double x = Math.round(layout.plotLeft() + tick.x()) + 0.5;
            g.line(x, base - tickLength, x, base, palette.axis(), 1);
            double half = g.textWidth(tick.label(), layout.axisStyle()) / 2 + 4 * layout.textScale();
            if (now.isEmpty() || !now.get().overlaps(x - half, x + half)) {
                g.text(tick.label(), x, base - tickLength - layout.axisStyle().size() * 0.75, layout.axisStyle(), palette.axis(), TextAlign.CENTER);
            }
        }
        g.restore();
        g.line(0, Math.round(base) + 0.5, layout.width(), Math.round(base) + 0.5, palette.axis(), 1);
    }

    private void paintLegendItem(DrawingSurface g, TimelineLayout layout, LegendItem item) {
        double s = layout.textScale();
        double w = layout.legendSwatchWidth();
        double h = layout.legendSwatchHeight();
        double x = item.x();
        double top = item.y() - h / 2;
        switch (item.kind()) {
            case STATE -> {
                Fill fill = palette.fill(item.state().orElseThrow());
                g.fillRect(x, top, w, h, fill);
                g.strokeRect(x + 0.5, top + 0.5, w - 1, h - 1, fill.ink(), 1);
            }
            case IDLE -> {
                g.fillRect(x, top, w, h, palette.laneBackground());
                g.strokeRect(x + 0.5, top + 0.5, w - 1, h - 1, palette.grid(), 1);
            }
            case ARRIVAL -> {
                double m = h * 0.7;
                double cx = x + w / 2;
                g.fillPolygon(new double[] {cx - m * 0.75, cx + m * 0.75, cx},
                        new double[] {item.y() - m / 2, item.y() - m / 2, item.y() + m / 2}, palette.text());
            }
            case RESPONSE -> g.line(x + w / 2, top - 1, x + w / 2, top + h + 1, palette.text(), Math.max(2, 3 * s));
            case GHOST -> g.strokeRect(x + 1, top, w - 2, h, palette.ghost(), Math.max(1.5, 2 * s));
            case REJECTED -> {
                double half = h * 0.4;
                double cx = x + w / 2;
                double lw = Math.max(2, 3 * s);
                g.line(cx - half, item.y() - half, cx + half, item.y() + half, palette.rejected(), lw);
                g.line(cx - half, item.y() + half, cx + half, item.y() - half, palette.rejected(), lw);
            }
        }
        g.text(item.label(), x + w + 7 * s, item.y(), layout.legendStyle(), palette.text(), TextAlign.LEFT);
    }

    /** The playhead's box on the axis: its time, where the line is, and where the box is. */
    private record NowLabel(String text, TextStyle style, double lineX, double boxX, double top, double width, double height) {
        boolean overlaps(double from, double to) {
            return to > boxX && from < boxX + width;
        }
    }

    private Optional<NowLabel> nowLabel(DrawingSurface g, TimelineLayout layout, TimeScale scale, double playhead) {
        if (Double.isInfinite(playhead) || playhead < scale.startMs() || playhead > scale.endMs()) {
            return Optional.empty();
        }
        double s = layout.textScale();
        double x = layout.plotLeft() + scale.toX(playhead);
        String text = TimeFormat.duration(playhead);
        TextStyle style = TextStyle.bold(layout.axisStyle().size());
        double w = g.textWidth(text, style) + 12 * s;
        double h = style.size() + 8 * s;
        double boxX = Math.max(layout.plotLeft() - w / 2, Math.min(layout.plotRight() + layout.rightMargin() - w, x - w / 2));
        return Optional.of(new NowLabel(text, style, x, boxX, layout.axisTop() + 1, w, h));
    }

    private void paintNowLine(DrawingSurface g, TimelineLayout layout, NowLabel now) {
        g.tag("now");
        g.line(now.lineX(), layout.axisTop(), now.lineX(), layout.height(), palette.nowLine(), Math.max(2, 2 * layout.textScale()));
        g.fillRect(now.boxX(), now.top(), now.width(), now.height(), palette.nowLine());
        g.text(now.text(), now.boxX() + now.width() / 2, now.top() + now.height() / 2, now.style(), palette.nowLabelText(), TextAlign.CENTER);
    }
}
