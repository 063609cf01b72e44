package io.interleave.render;

import io.interleave.time.TimeText;
import io.interleave.render.TimelineLayout.LegendItem;
import io.interleave.render.TimelineLayout.LegendKind;
import io.interleave.render.TimelineLayout.Row;
import io.interleave.render.TimelineLayout.RowKind;
import io.interleave.render.TimelineLayout.Section;
import io.interleave.scenario.Server;
import io.interleave.trace.RequestRecord;
import io.interleave.trace.Span;
import io.interleave.trace.SpanState;
import io.interleave.trace.Trace;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Draws the timeline described by a {@link TimelineLayout} onto any
 * {@link DrawingSurface}: the window's canvas and the exports go through
 * here, so they show the same picture.
 *
 * <p>Only what is visible is drawn: rows outside their section's window are
 * skipped, each row's first visible span is found by binary search, and
 * spans narrower than a pixel are merged into one-pixel columns. In a
 * request row such a column takes the colour of the state that filled most
 * of it (judged from its first few spans when it holds many), so that a
 * trace of a hundred thousand requests still paints in a few milliseconds.
 * In a thread, loop or core lane the column is filled only as high as the
 * lane was busy during it, so a lane 24% busy reads as a quarter full, not
 * solid.
 */
public final class TimelinePainter {
    private static final SpanState[] STATES = SpanState.values();
    /** Index of the held wait among the fills a pixel column tallies, after the states. */
    private static final int HELD_WAIT = STATES.length;
    /** Column index of wasted work (after the client gave up), after the held wait. */
    private static final int WASTED = STATES.length + 1;
    /** Spans sampled into one pixel column of a request row before the rest of that column is skipped. */
    private static final int SAMPLES_PER_COLUMN = 12;
    /** What {@link DrawingSurface#tag} names each state's bars, e.g. "span waiting-resource"; then the held wait. */
    private static final String[] SPAN_TAGS = spanTags();

    private final Palette palette;

    public TimelinePainter(Palette palette) {
        this.palette = Objects.requireNonNull(palette, "palette");
    }

    private static String[] spanTags() {
        String[] tags = new String[STATES.length + 2];
        for (SpanState st : STATES) {
            tags[st.ordinal()] = "span " + st.csvName();
        }
        tags[HELD_WAIT] = "span " + SpanState.WAIT.csvName() + " held";
        tags[WASTED] = "span wasted";
        return tags;
    }

    /**
     * The SVG class of {@code span}'s bar: "span compute", "span wait" (frees its worker), "span wait held";
     * after the client gave up, "wasted" follows ("span compute wasted").
     */
    public static String spanTag(Span span) {
        String tag = SPAN_TAGS[Palette.isHeldWait(span) ? HELD_WAIT : span.state().ordinal()];
        return span.wasted() ? tag + " wasted" : tag;
    }

    public Palette palette() {
        return palette;
    }

    /** Paints a whole export: no scrolling, no highlighted span. */
    public void paint(DrawingSurface g, TimelineLayout layout, TimeScale scale, double playheadMs) {
        paint(g, layout, scale, playheadMs, new double[0], Optional.empty());
    }

    /**
     * Paints the timeline.
     *
     * @param scale the visible time range over {@code layout.plotWidth()} pixels
     * @param playheadMs bars are drawn up to this time; infinity draws the whole run and no "now" line
     * @param scrolls how far each section's rows are scrolled down (missing = 0), clamped to the layout's range
     * @param highlight a span to outline (the one under the pointer)
     */
    public void paint(DrawingSurface g, TimelineLayout layout, TimeScale scale, double playheadMs,
                      double[] scrolls, Optional<Span> highlight) {
        paint(g, layout, scale, playheadMs, scrolls, highlight, -1, List.of());
    }

    /**
     * Paints the timeline with the bars {@code chosen} of section {@code chosenSection} outlined too (the
     * requests' time on the line of code a click chose).
     */
    public void paint(DrawingSurface g, TimelineLayout layout, TimeScale scale, double playheadMs,
                      double[] scrolls, Optional<Span> highlight, int chosenSection, java.util.Collection<Span> chosen) {
        double playhead = Double.isNaN(playheadMs) ? Double.POSITIVE_INFINITY : playheadMs;
        g.tag("background");
        g.fillRect(0, 0, layout.width(), layout.height(), palette.background());
        List<TimeScale.Tick> ticks = layout.ticks(scale);

        for (int i = 0; i < layout.sections().size(); i++) {
            double scroll = layout.clampScroll(i, i < scrolls.length ? scrolls[i] : 0);
            paintSection(g, layout, i, scale, ticks, playhead, scroll, highlight, i == chosenSection ? chosen : List.of());
        }

        Optional<NowLabel> now = nowLabel(g, layout, scale, playhead);
        paintHeader(g, layout, ticks, now);
        now.ifPresent(label -> paintNowLine(g, layout, label));
        g.tag(null);
    }

    // --------------------------------------------------------------- sections

    private void paintSection(DrawingSurface g, TimelineLayout layout, int sectionIndex, TimeScale scale,
                              List<TimeScale.Tick> ticks, double playhead, double scroll, Optional<Span> highlight,
                              java.util.Collection<Span> chosen) {
        Section section = layout.sections().get(sectionIndex);
        // The title band is pinned at the top of the section's pane: it never scrolls away.
        double bandTop = section.top();
        double bandHeight = section.rowsTop() - section.top();
        g.tag("section-title");
        g.fillRect(0, bandTop, layout.width(), bandHeight, palette.sectionBand());
        g.text(section.title(), layout.pad(), bandTop + bandHeight / 2, layout.titleStyle(), palette.text(), TextAlign.LEFT);
        if (layout.maxScroll(sectionIndex) > 0.5) {
            paintScrollHint(g, layout, section, sectionIndex, scroll);
        }
        Optional<int[]> visible = layout.visibleRows(sectionIndex, scroll);
        if (visible.isEmpty()) {
            return;
        }
        int first = visible.get()[0];
        int last = visible.get()[1];
        double rh = layout.rowHeight();
        double base = section.rowsTop() - scroll;
        int[] drawn = drawnRows(layout, sectionIndex, first, last, scroll);
        double top = section.rowsTop();
        double bottom = section.rowsBottom();

        g.save();
        g.clip(0, top, layout.width(), bottom - top);
        for (int p : drawn) {
            Row row = layout.row(sectionIndex, p);
            g.tag(rowTag(row.kind()));
            paintRowBackground(g, layout, row, rowY(base, p, rh));
        }
        g.save();
        g.clip(layout.plotLeft(), top, layout.plotWidth(), bottom - top);
        g.tag("grid");
        for (TimeScale.Tick tick : ticks) {
            double x = Math.round(layout.plotLeft() + tick.x()) + 0.5;
            g.line(x, top, x, bottom, palette.grid(), 1);
        }
        if (layout.mode() == ViewMode.REQUESTS && rh >= 3) {
            g.tag("ghost");
            for (int p : drawn) {
                if (p < section.trace().requests().size()) { // a task of a program has no time alone to race
                    paintGhost(g, layout, section.trace().request(p + 1), rowY(base, p, rh), scale, playhead);
                }
            }
        }
        for (int p : drawn) {
            Row row = layout.row(sectionIndex, p);
            double y = rowY(base, p, rh);
            paintBars(g, layout, section.trace(), row, y, scale, playhead, highlight, chosen);
            if (row.kind() == RowKind.REQUEST && rh >= 1) {
                paintRequestMarkers(g, layout, section.trace().request(row.index()), y, scale, playhead);
            }
        }
        g.restore();

        double gutterX = Math.round(layout.plotLeft()) - 0.5;
        g.tag("grid");
        g.line(gutterX, top, gutterX, Math.min(bottom, base + (last + 1) * rh), palette.grid(), 1);
        paintRowLabels(g, layout, section, sectionIndex, first, last, base, playhead);

        for (int start : layout.laneGroupStarts(sectionIndex)) {
            if (start >= first && start <= last + 1 && start > 0) {
                double y = base + start * rh;
                g.tag("lane-divider");
                g.line(0, y, layout.width(), y, palette.axis(), Math.max(1, layout.textScale()));
            }
        }
        g.restore();
    }

    /**
     * What {@link DrawingSurface#tag} names a row's background: "row" for a request, "row task" for a task of a
     * program, "row lane pool-thread" for a pool thread's lane.
     */
    static String rowTag(RowKind kind) {
        return switch (kind) {
            case REQUEST -> "row";
            case WORKER -> "row lane worker";
            case POOL_THREAD -> "row lane pool-thread";
            case CORE -> "row lane core";
            case TASK -> "row task";
            case PROCESS -> "row process";
        };
    }

    private static double rowY(double base, int position, double rh) {
        return rh < 1 ? Math.floor(base + position * rh) : base + position * rh;
    }

    /** The rows to draw: every visible row, or, when rows are thinner than a pixel, the first row on each pixel row. */
    private static int[] drawnRows(TimelineLayout layout, int section, int first, int last, double scroll) {
        if (layout.rowHeight() >= 1) {
            int[] all = new int[last - first + 1];
            for (int p = first; p <= last; p++) {
                all[p - first] = p;
            }
            return all;
        }
        Section sec = layout.sections().get(section);
        int pixels = (int) Math.ceil(sec.rowsHeight()) + 1;
        int[] rows = new int[pixels];
        int n = 0;
        for (int k = 0; k < pixels; k++) {
            OptionalInt p = layout.rowOnPixel(section, sec.rowsTop() + k, scroll);
            if (p.isPresent()) {
                rows[n++] = p.getAsInt();
            }
        }
        return Arrays.copyOf(rows, n);
    }

    /** "rows 201–260 of 1,000" at the right of a scrolling section's title, so one sees there is more. */
    private void paintScrollHint(DrawingSurface g, TimelineLayout layout, Section section, int sectionIndex, double scroll) {
        Optional<int[]> visible = layout.visibleRows(sectionIndex, scroll);
        if (visible.isEmpty()) {
            return;
        }
        String text = String.format(java.util.Locale.ROOT, "rows %,d–%,d of %,d", visible.get()[0] + 1, visible.get()[1] + 1, section.rowCount());
        double cy = section.top() + (section.rowsTop() - section.top()) / 2;
        g.tag("scroll-hint");
        g.text(text, layout.plotRight(), cy, layout.axisStyle(), palette.mutedText(), TextAlign.RIGHT);
    }

    /**
     * Row labels, each centred on its own row. When rows are too short for
     * every label, every n-th row is labelled and a short tick at the
     * gutter's edge points at exactly the row the label names.
     */
    private void paintRowLabels(DrawingSurface g, TimelineLayout layout, Section section, int sectionIndex,
                                int first, int last, double base, double playhead) {
        double rh = layout.rowHeight();
        int every = layout.labelEvery();
        g.tag("row-label");
        g.save();
        g.clip(0, section.rowsTop(), layout.plotLeft(), section.rowsHeight());
        int from = (first + every - 1) / every * every;
        double below = Double.NEGATIVE_INFINITY;
        for (int p = from; p <= last; p += every) {
            Row row = layout.row(sectionIndex, p);
            double cy = base + p * rh + rh / 2;
            below = paintRowLabel(g, layout, section, row, cy, every, below, playhead);
        }
        g.restore();
    }

    /** Paints one row label unless it would run into the one above (ending at {@code above}); returns where this one ends. */
    private double paintRowLabel(DrawingSurface g, TimelineLayout layout, Section section, Row row, double cy, int every,
                                 double above, double playhead) {
        String label = layout.rowLabel(row);
        Rgb colour = palette.text();
        if (row.kind() == RowKind.REQUEST && section.trace().request(row.index()).arrivalMs() > playhead) {
            colour = palette.mutedText();
        } else if (row.kind() == RowKind.TASK) {
            List<Span> spans = layout.spansOf(row);
            if (spans.isEmpty() || spans.get(0).startMs() > playhead) { // not started yet
                colour = palette.mutedText();
            }
        }
        if (every > 1) {
            // Thinned labels are taller than their rows: the tick points at exactly the row named, and
            // a label at the window's edge is nudged inside it rather than cut in half.
            double half = layout.labelStyle().size() * 0.4;
            double y = Math.max(section.rowsTop() + half, Math.min(section.rowsBottom() - half, cy));
            if (y - half < above) {
                return above;
            }
            double right = Math.round(layout.plotLeft()) - 1;
            double length = Math.min(layout.pad() * 0.8, 8 * layout.textScale());
            g.line(right - length, cy, right, cy, colour, Math.max(1, Math.min(2, layout.rowHeight())));
            g.text(label, layout.pad(), y, layout.labelStyle(), colour, TextAlign.LEFT);
            return y + half;
        }
        g.text(label, layout.pad(), cy, layout.labelStyle(), colour, TextAlign.LEFT);
        String detail = layout.rowDetail(row);
        if (!detail.isEmpty()) {
            double x = layout.pad() + g.textWidth(label + " ", layout.labelStyle());
            g.text(detail, x, cy, layout.labelDetailStyle(), palette.mutedText(), TextAlign.LEFT);
        }
        return cy;
    }

    private void paintRowBackground(DrawingSurface g, TimelineLayout layout, Row row, double y) {
        if (row.kind() == RowKind.PROCESS) {
            // A process's header: a band across the section, and what the process has of its own.
            g.fillRect(0, y, layout.width(), layout.rowHeight(), palette.stripe());
            Server server = layout.sections().get(row.section()).trace().scenario().server();
            if (layout.rowHeight() >= layout.labelDetailStyle().size()) {
                g.text(processNote(server), layout.plotLeft() + layout.pad() / 2, y + layout.rowHeight() / 2,
                        layout.labelDetailStyle(), palette.mutedText(), TextAlign.LEFT);
            }
        } else if (row.kind() == RowKind.REQUEST || row.kind() == RowKind.TASK) {
            if (row.position() % 2 == 1 && layout.rowHeight() >= 6) {
                g.fillRect(0, y, layout.width(), layout.rowHeight(), palette.stripe());
            }
        } else {
            double bh = layout.barHeight();
            g.fillRect(layout.plotLeft(), y + (layout.rowHeight() - bh) / 2, layout.plotWidth(), bh, palette.laneBackground());
        }
    }

    /**
     * What a process header says beside its name: "its own GIL" with a GIL, else "no GIL (free-threaded)";
     * under sync also that every process takes from the one accept queue.
     */
    static String processNote(Server server) {
        String own = server.gil() ? "its own GIL" : "no GIL (free-threaded)";
        return server.policy().waitsHoldWorker() ? own + "; all processes take from one accept queue" : own;
    }

    // ------------------------------------------------------------------- bars

    private void paintBars(DrawingSurface g, TimelineLayout layout, Trace trace, Row row, double rowY,
                           TimeScale scale, double playhead, Optional<Span> highlight, java.util.Collection<Span> chosen) {
        List<Span> spans = layout.spansOf(row);
        double lo = scale.startMs();
        double hi = Math.min(scale.endMs(), playhead);
        if (spans.isEmpty() || hi <= lo) {
            return;
        }
        double bh = layout.barHeight();
        double barTop = layout.rowHeight() < 1 ? rowY : Math.round(rowY + (layout.rowHeight() - bh) / 2);
        double left = layout.plotLeft();
        boolean outlined = bh >= 10;
        boolean lane = row.kind() != RowKind.REQUEST && row.kind() != RowKind.TASK;
        PixelColumn column = new PixelColumn(lane, scale, left);
        // A request with a gather: its row splits into one thin sub-bar per branch while the gather runs.
        int branches = lane ? 0 : branchCount(spans);
        double sub = branches == 0 ? bh : bh / branches;

        // the spans of a gather's branches overlap in time, so their ends are not in order: no search then
        for (int i = branches == 0 ? SpanSearch.firstEndingAfter(spans, lo) : 0; i < spans.size(); i++) {
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
                int first = col;
                int lastCol = (int) Math.floor(rawX1);
                if (lane && lastCol > first) {
                    // Straddles two columns: each gets its own part, so busy time is not lost.
                    double split = scale.toMs(lastCol - left);
                    column.add(span, split - a);
                    column.flush(g, barTop, bh);
                    column.x = lastCol;
                    column.add(span, b - split);
                } else {
                    column.add(span, b - a);
                }
                if (!lane && column.count >= SAMPLES_PER_COLUMN) {
                    // The column's colour is settled: skip the rest of its spans.
                    double columnEndMs = scale.toMs(col + 1 - left);
                    i = Math.max(i, SpanSearch.firstEndingAfter(spans, columnEndMs, i + 1) - 1);
                }
                continue;
            }
            column.flush(g, barTop, bh);
            double x0 = Math.round(rawX0);
            double x1 = Math.max(x0 + 1, Math.round(rawX1));
            Fill fill = palette.fill(span);
            double top = barTop;
            double h = bh;
            if (branches > 0 && span.branchIndex() >= 0) {
                top = barTop + span.branchIndex() * sub;
                h = Math.max(1, sub >= 4 ? sub - 1 : sub); // a pixel between the sub-bars when there is room
                g.tag(spanTag(span) + " branch");
            } else {
                g.tag(spanTag(span));
            }
            g.timing(Timing.grows(a, b));
            g.fillRect(x0, top, x1 - x0, h, fill);
            if (outlined && h >= 6 && x1 - x0 >= 6) {
                g.tag("span-outline");
                g.strokeRect(x0 + 0.5, top + 0.5, x1 - x0 - 1, h - 1, fill.outline(), 1);
            }
            if (lane) {
                g.timing(Timing.appears(b));
                paintBarLabel(g, layout, layout.ownerLabel(trace, span.requestId()), x0, x1, barTop, bh, fill);
            }
            g.timing(null);
        }
        column.flush(g, barTop, bh);

        for (Span h : chosen) {
            outline(g, layout, row, h, "chosen", lo, hi, scale, barTop, bh, branches, sub);
        }
        highlight.ifPresent(h -> outline(g, layout, row, h, "highlight", lo, hi, scale, barTop, bh, branches, sub));
    }

    /** Outlines span {@code h} if row {@code row} shows it in the visible range. */
    private void outline(DrawingSurface g, TimelineLayout layout, Row row, Span h, String tag, double lo, double hi,
                         TimeScale scale, double barTop, double bh, int branches, double sub) {
        if (layout.shows(row, h) && h.startMs() < hi && h.endMs() > lo) {
            double left = layout.plotLeft();
            double x0 = left + scale.toX(Math.max(h.startMs(), lo));
            double x1 = left + scale.toX(Math.min(h.endMs(), hi));
            double w = Math.max(2, x1 - x0);
            double lw = Math.max(2, 2.5 * layout.textScale());
            boolean inBranch = branches > 0 && h.branchIndex() >= 0;
            double top = inBranch ? barTop + h.branchIndex() * sub : barTop;
            double height = inBranch ? sub : bh;
            g.tag(tag);
            g.strokeRect(x0 - lw / 2, top - lw / 2, w + lw, height + lw, palette.text(), lw);
        }
    }

    /** How many branches the widest gather among a request's spans has; 0 without a gather. */
    static int branchCount(List<Span> spans) {
        int most = -1;
        for (Span span : spans) {
            most = Math.max(most, span.branchIndex());
        }
        return most + 1;
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

    /**
     * Sub-pixel spans of one row that fall into the same pixel column. The
     * column is coloured by the fill that took most of its time; in a lane it
     * is filled, from the bottom, only as high as the lane was busy during
     * the column's time.
     */
    private final class PixelColumn {
        final boolean lane;
        final TimeScale scale;
        final double left;
        int x = Integer.MIN_VALUE;
        int count;
        final double[] ms = new double[STATES.length + 2];

        PixelColumn(boolean lane, TimeScale scale, double left) {
            this.lane = lane;
            this.scale = scale;
            this.left = left;
        }

        void add(Span span, double durationMs) {
            ms[span.wasted() ? WASTED : Palette.isHeldWait(span) ? HELD_WAIT : span.state().ordinal()] += Math.max(0, durationMs);
            count++;
        }

        void flush(DrawingSurface g, double top, double height) {
            if (x == Integer.MIN_VALUE) {
                return;
            }
            int best = 0;
            double busy = 0;
            for (int k = 0; k < ms.length; k++) {
                busy += ms[k];
                if (ms[k] > ms[best]) {
                    best = k;
                }
            }
            Fill fill = best == WASTED ? palette.wasted() : best == HELD_WAIT ? palette.heldWait() : palette.fill(STATES[best]);
            double h = height;
            if (lane) {
                double columnMs = scale.msPerPx();
                double fraction = Math.min(1, busy / columnMs);
                h = Math.max(1, Math.round(height * fraction));
            }
            g.tag(SPAN_TAGS[best]);
            g.timing(Timing.appears(Math.max(scale.startMs(), scale.toMs(x - left))));
            g.fillRect(x, top + height - h, 1, h, fill.color());
            g.timing(null);
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
        if (r.rejected() || r.arrivalMs() > playhead || !(r.aloneMs() > 0)) {
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
        g.timing(Timing.appears(Math.max(scale.startMs(), from)));
        g.strokeRect(x0, barTop - grow, Math.max(1, x1 - x0), bh + 2 * grow, palette.ghost(), lw);
        g.timing(null);
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
        g.timing(Timing.appears(Math.max(scale.startMs(), r.arrivalMs())));
        try {
            paintMarkers(g, layout, r, ax, barTop, bh, scale, playhead);
        } finally {
            g.timing(null);
        }
    }

    private void paintMarkers(DrawingSurface g, TimelineLayout layout, RequestRecord r, double ax, double barTop, double bh,
                              TimeScale scale, double playhead) {
        double left = layout.plotLeft();
        double s = layout.textScale();
        if (r.rejected()) {
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
            g.timing(Timing.appears(Math.max(scale.startMs(), r.finishMs())));
            double fx = left + scale.toX(r.finishMs());
            double lw = Math.max(2, 3 * s);
            g.tag("response");
            g.line(fx, barTop - Math.min(room, 6 * s), fx, barTop + bh + Math.min(room, 6 * s), palette.text(), lw);
            // a request whose client gave up says so instead of a response time nobody received
            String said = r.completed() ? TimeText.duration(r.responseMs())
                    : r.status() == io.interleave.trace.Status.CANCELLED ? "cancelled" : "timed out";
            g.text(said, fx + lw + 6 * s, barTop + bh / 2, layout.labelStyle(), palette.text(), TextAlign.LEFT);
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
        double tickLength = layout.axisTickLength();
        g.tag("axis");
        g.save();
        g.clip(layout.plotLeft() - 40 * layout.textScale(), layout.axisTop(), layout.plotWidth() + 60 * layout.textScale(), layout.headerHeight() - layout.axisTop());
        for (TimeScale.Tick tick : ticks) {
            double x = Math.round(layout.plotLeft() + tick.x()) + 0.5;
            g.line(x, base - tickLength, x, base, palette.axis(), 1);
            double half = g.textWidth(tick.label(), layout.axisStyle()) / 2 + 4 * layout.textScale();
            if (now.isEmpty() || !now.get().overlaps(x - half, x + half)) {
                g.text(tick.label(), x, base - tickLength - layout.axisStyle().size() * 0.65, layout.axisStyle(), palette.axis(), TextAlign.CENTER);
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
            case STATE, HELD_WAIT, WASTED -> {
                Fill fill = item.kind() == LegendKind.WASTED ? palette.wasted()
                        : item.kind() == LegendKind.HELD_WAIT ? palette.heldWait() : palette.fill(item.state().orElseThrow());
                g.tag(item.kind() == LegendKind.WASTED ? "legend wasted"
                        : item.kind() == LegendKind.HELD_WAIT ? "legend wait held" : "legend " + item.state().orElseThrow().csvName());
                g.fillRect(x, top, w, h, fill);
                g.strokeRect(x + 0.5, top + 0.5, w - 1, h - 1, fill.outline(), 1);
                g.tag("legend");
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
        g.text(item.label(), x + w + layout.legendTextGap(), item.y(), layout.legendStyle(), palette.text(), TextAlign.LEFT);
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
        String text = TimeText.readout(playhead); // the playhead reads as on the playback bar and in the metrics caption
        TextStyle style = TextStyle.bold(layout.axisStyle().size());
        double w = g.textWidth(text, style) + 12 * s;
        double h = Math.min(style.size() + 8 * s, layout.headerHeight() - layout.axisTop() - 2);
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
