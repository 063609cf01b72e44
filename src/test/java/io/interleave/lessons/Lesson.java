package io.interleave.lessons;

import io.interleave.engine.Simulation;
import io.interleave.scenario.Presets;
import io.interleave.scenario.RequestType;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.Segment;
import io.interleave.scenario.SegmentKind;
import io.interleave.stats.Summary;
import io.interleave.stats.SummaryCollector;
import io.interleave.trace.RequestRecord;
import io.interleave.trace.Span;
import io.interleave.trace.SpanState;
import io.interleave.trace.Trace;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One built-in lesson run as the class sees it: its compare variants over
 * the same sampled requests, each trace found by the label above its rows.
 */
record Lesson(Scenario scenario, List<Trace> traces) {
    static Lesson of(String presetId) {
        return of(Presets.load(presetId).orElseThrow());
    }

    static Lesson of(Scenario scenario) {
        return new Lesson(scenario, Simulation.compare(scenario));
    }

    /** The same lesson after a teacher's edit, run again. */
    Lesson edited(UnaryOperator<Scenario> edit) {
        return of(edit.apply(scenario));
    }

    /** The run under the variant with this label, e.g. "1 event loop". */
    Trace variant(String label) {
        return traces.stream().filter(t -> t.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no variant '" + label + "' in " + traces.stream().map(Trace::label).toList()));
    }

    /** What the window shows before Compare: the file's own server. */
    Trace alone() {
        return Simulation.trace(scenario);
    }

    static Summary summary(Trace t) {
        return SummaryCollector.of(t, 0);
    }

    static List<RequestRecord> ofType(Trace t, String type) {
        int index = t.scenario().typeIndex(type).orElseThrow();
        return t.requests().stream().filter(r -> r.type() == index).toList();
    }

    static List<Double> responses(List<RequestRecord> requests) {
        return requests.stream().map(RequestRecord::responseMs).toList();
    }

    static double maxResponse(List<RequestRecord> requests) {
        return requests.stream().mapToDouble(RequestRecord::responseMs).max().orElseThrow();
    }

    static double minResponse(List<RequestRecord> requests) {
        return requests.stream().mapToDouble(RequestRecord::responseMs).min().orElseThrow();
    }

    static List<Integer> completionOrder(Trace t) {
        return t.requests().stream().sorted(Comparator.comparingDouble(RequestRecord::finishMs)).map(RequestRecord::id).toList();
    }

    /** The spans of request {@code id} in one state, in time order. */
    static List<Span> spans(Trace t, int id, SpanState state) {
        return t.spansOf(id).stream().filter(s -> s.state() == state).toList();
    }

    static double timeIn(Trace t, int id, SpanState state) {
        return spans(t, id, state).stream().mapToDouble(Span::durationMs).sum();
    }

    /** Spans of any request in this state that overlap the open interval (from, to). */
    static List<Span> overlapping(Trace t, SpanState state, double from, double to) {
        return t.spans().stream().filter(s -> s.state() == state && s.startMs() < to && s.endMs() > from).toList();
    }

    /** How many requests are in {@code state} at time {@code at}. */
    static long countAt(Trace t, SpanState state, double at) {
        return t.spans().stream().filter(s -> s.state() == state && s.startMs() <= at && at < s.endMs()).count();
    }

    /** Every segment of kind {@code from} in every type becomes kind {@code to}: the edit in the type editor. */
    static Scenario switchKind(Scenario s, String typeName, SegmentKind from, SegmentKind to) {
        List<RequestType> types = s.requestTypes().stream()
                .map(t -> !t.name().equals(typeName) ? t : t.withSegments(t.segments().stream()
                        .map(seg -> seg.kind() == from ? new Segment(to, seg.ms(), seg.label(), seg.on()) : seg)
                        .toList()))
                .toList();
        return s.withRequestTypes(types);
    }
}
