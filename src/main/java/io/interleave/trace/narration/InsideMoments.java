package io.interleave.trace.narration;

import io.interleave.scenario.Segment;
import io.interleave.trace.RequestRecord;
import io.interleave.trace.Span;
import io.interleave.trace.TaskRecord;
import io.interleave.trace.Trace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The instants inside a run's requests that {@link Breakpoints.Moment} names
 * (background tasks and gathers starting and ending), each list in time
 * order, found once per trace: playback asks for the first of them in every
 * frame, so a frame costs a binary search rather than a pass over the spans.
 */
final class InsideMoments {
    /** Found once per trace; a trace no longer shown is forgotten with it. */
    private static final Map<Trace, InsideMoments> FOUND = Collections.synchronizedMap(new WeakHashMap<>());

    private record At(double timeMs, String reason) {
    }

    private final Map<Breakpoints.Moment, List<At>> byMoment = new EnumMap<>(Breakpoints.Moment.class);

    private InsideMoments(Trace trace) {
        for (Breakpoints.Moment m : Breakpoints.Moment.values()) {
            byMoment.put(m, new ArrayList<>());
        }
        for (TaskRecord task : trace.program().tasks()) {
            if (!task.background()) {
                continue;
            }
            RequestRecord r = trace.request(task.spawnedBy());
            Segment spawn = trace.scenario().requestTypes().get(r.type()).segments().get(task.kind());
            String what = spawn.label().map(l -> " (" + l + ")").orElse("");
            byMoment.get(Breakpoints.Moment.BACKGROUND_STARTS).add(new At(task.startMs(), r.label() + " starts a background task" + what));
            byMoment.get(Breakpoints.Moment.BACKGROUND_ENDS).add(new At(task.finishMs(), task.name() + " ends"));
        }
        boolean gathers = trace.scenario().requestTypes().stream().anyMatch(t -> t.segments().stream().anyMatch(Segment::isGather));
        if (gathers) {
            findGathers(trace);
        }
        for (List<At> list : byMoment.values()) {
            list.sort(Comparator.comparingDouble(At::timeMs)); // stable: at one instant, in request order
        }
    }

    /** Each gather a request reached: from its branches' first span to their last. */
    private void findGathers(Trace trace) {
        for (RequestRecord r : trace.requests()) {
            List<Segment> segments = trace.scenario().requestTypes().get(r.type()).segments();
            if (segments.stream().noneMatch(Segment::isGather)) {
                continue;
            }
            List<Segment.Step> steps = Segment.steps(segments);
            Map<Integer, double[]> spans = new java.util.TreeMap<>(); // gather index -> {first start, last end}
            for (Span sp : trace.spansOf(r.id())) {
                if (sp.branchIndex() < 0 || sp.segment() >= steps.size()) {
                    continue;
                }
                int g = steps.get(sp.segment()).gather();
                double[] range = spans.computeIfAbsent(g, k -> new double[] {sp.startMs(), sp.endMs()});
                range[0] = Math.min(range[0], sp.startMs());
                range[1] = Math.max(range[1], sp.endMs());
            }
            spans.forEach((g, range) -> {
                Segment gather = segments.get(g);
                String what = gather.label().map(l -> " (" + l + ")").orElse("");
                int n = gather.branches().size();
                byMoment.get(Breakpoints.Moment.GATHER_STARTS).add(new At(range[0], r.label() + " starts a gather" + what + " of " + n + " branches"));
                byMoment.get(Breakpoints.Moment.GATHER_ENDS).add(new At(range[1], r.label() + "'s gather" + what + " ends: its last branch is done"));
            });
        }
    }

    static InsideMoments of(Trace trace) {
        return FOUND.computeIfAbsent(trace, InsideMoments::new);
    }

    /** The earliest of {@code moments} in {@code (fromMs, toMs]}, or null; {@code where} names the run when comparing. */
    Breakpoints.Hit first(Set<Breakpoints.Moment> moments, double fromMs, double toMs, String where) {
        At best = null;
        for (Breakpoints.Moment m : moments) {
            List<At> list = byMoment.get(m);
            int lo = 0;
            int hi = list.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (list.get(mid).timeMs() <= fromMs) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            if (lo < list.size() && list.get(lo).timeMs() <= toMs && (best == null || list.get(lo).timeMs() < best.timeMs())) {
                best = list.get(lo);
            }
        }
        return best == null ? null : new Breakpoints.Hit(best.timeMs(), best.reason() + where);
    }
}
