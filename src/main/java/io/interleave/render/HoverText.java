package io.interleave.render;

import io.interleave.time.TimeText;
import io.interleave.render.TimelineLayout.Hit;
import io.interleave.scenario.Policy;
import io.interleave.scenario.RequestType;
import io.interleave.scenario.Segment;
import io.interleave.scenario.Server;
import io.interleave.scenario.Task;
import io.interleave.scenario.TaskStep;
import io.interleave.scenario.TaskStepKind;
import io.interleave.trace.RequestRecord;
import io.interleave.trace.Span;
import io.interleave.trace.SpanState;
import io.interleave.trace.TaskIds;
import io.interleave.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The text shown when the pointer rests on a bar or a rejection marker. */
public final class HoverText {
    private HoverText() {
    }

    /**
     * For example:
     * <pre>
     * R1 report · Wait, holds thread
     * db query (database)
     * 10 ms → 90 ms, 80 ms
     * Thread 1
     * response 100 ms (alone: 100 ms)
     * </pre>
     */
    public static String describe(Trace trace, Hit hit) {
        if (hit.request().isEmpty()) {
            return describeTask(trace, hit);
        }
        RequestRecord r = hit.request().get();
        RequestType type = trace.scenario().requestTypes().get(r.type());
        String who = r.label() + " " + type.name();
        if (hit.span().isEmpty()) {
            return who + " · Rejected\narrived at " + TimeText.exact(r.arrivalMs()) + "; the queue was full";
        }
        Span span = hit.span().get();
        List<String> lines = new ArrayList<>();
        lines.add(who + " · " + stateName(trace, span));
        segmentLine(trace, type, span).ifPresent(lines::add);
        lines.add(TimeText.exact(span.startMs()) + " → " + TimeText.exact(span.endMs())
                + ", " + TimeText.duration(span.durationMs()));
        whereLine(trace, span).ifPresent(lines::add);
        if (r.completed()) {
            lines.add("response " + TimeText.duration(r.responseMs()) + " (alone: " + TimeText.duration(r.aloneMs()) + ")");
        } else if (r.timedOut()) {
            lines.add(r.status() == io.interleave.trace.Status.CANCELLED ? "client gave up; task cancelled at " + TimeText.exact(r.finishMs())
                    : "client gave up; the server went on to " + TimeText.exact(r.finishMs()));
        }
        if (span.wasted()) {
            lines.add("wasted: its client had already gone");
        }
        return String.join("\n", lines);
    }

    /**
     * A task of a program of tasks, or a background task a request started (its segment is one of
     * its spawn's, as the request's steps count them), for example:
     * <pre>
     * producer · Waiting to put
     * put on 'items' (full)
     * 1.5 s → 1.7 s, 200 ms
     * Loop 1
     * </pre>
     */
    private static String describeTask(Trace trace, Hit hit) {
        Span span = hit.span().orElseThrow();
        Optional<TaskIds.Named> task = TaskIds.find(trace, hit.ownerId());
        List<String> lines = new ArrayList<>();
        lines.add(task.map(TaskIds.Named::name).orElse("task " + hit.ownerId()) + " · " + stateName(trace, span));
        task.flatMap(t -> t.background()
                ? segmentLine(trace, trace.scenario().requestTypes().get(trace.request(t.spawnedBy()).type()), span) // its spawn's segments
                : stepLine(trace.scenario().tasks().get(t.kind()), span)).ifPresent(lines::add);
        lines.add(TimeText.exact(span.startMs()) + " → " + TimeText.exact(span.endMs())
                + ", " + TimeText.duration(span.durationMs()));
        whereLine(trace, span).ifPresent(lines::add);
        return String.join("\n", lines);
    }

    /** What a task's step is: its label, else its kind; "put on 'items' (full)", "get from 'items' (empty)". */
    private static Optional<String> stepLine(Task kind, Span span) {
        List<TaskStep> steps = kind.unrolled();
        if (span.segment() < 0 || span.segment() >= steps.size()) {
            return Optional.empty();
        }
        TaskStep step = steps.get(span.segment());
        if (step.kind() == TaskStepKind.PUT || step.kind() == TaskStepKind.GET) {
            String q = "'" + step.queue().orElse("?") + "'";
            return Optional.of(step.kind() == TaskStepKind.PUT
                    ? "put on " + q + (span.state() == SpanState.WAITING_PUT ? " (full)" : "")
                    : "get from " + q + (span.state() == SpanState.WAITING_GET ? " (empty)" : ""));
        }
        String label = step.label().filter(l -> !l.isBlank()).orElse(step.kind().jsonName());
        return Optional.of(span.state() == SpanState.QUEUED || span.state() == SpanState.READY ? "next: " + label : label);
    }

    /**
     * "Thread 1, Core 1": where a span ran; when lanes are grouped by process, the process too: "Process 2:
     * Thread 5, Core 1".
     */
    private static Optional<String> whereLine(Trace trace, Span span) {
        Server server = trace.scenario().server();
        Policy policy = server.policy();
        List<String> where = new ArrayList<>();
        span.worker().ifPresent(w -> where.add(TimelineLayout.workerName(policy, w)));
        span.poolThread().ifPresent(p -> where.add(TimelineLayout.poolThreadName(server, p)));
        span.core().ifPresent(c -> where.add("Core " + (c + 1)));
        if (where.isEmpty()) {
            return Optional.empty();
        }
        String process = span.worker().isPresent() && TimelineLayout.groupsByProcess(server)
                ? TimelineLayout.processName(server.processOf(span.worker().getAsInt())) + ": " : "";
        return Optional.of(process + String.join(", ", where));
    }

    /** "Compute", "Blocked"; a wait says whether it holds its worker: "Wait, holds thread" or "Wait, frees loop", as the legend does. */
    static String stateName(Trace trace, Span span) {
        if (span.state() != SpanState.WAIT) {
            return span.state().displayName();
        }
        String noun = TimelineLayout.workerNoun(trace.scenario().server().policy());
        return Palette.isHeldWait(span) ? "Wait, holds " + noun : "Wait, frees " + noun;
    }

    private static Optional<String> segmentLine(Trace trace, RequestType type, Span span) {
        List<Segment.Step> steps = Segment.steps(type.segments()); // a span's segment counts a gather's branches inline
        if (span.segment() < 0 || span.segment() >= steps.size()) {
            return Optional.empty();
        }
        Segment segment = steps.get(span.segment()).segment();
        String label = segment.label().orElse(segment.kind().jsonName());
        if (span.state() == SpanState.QUEUED || span.state() == SpanState.READY) {
            return Optional.of("next: " + label);
        }
        boolean inside = span.state() == SpanState.WAIT || span.state() == SpanState.BLOCKED;
        return Optional.of(segment.on().map(on -> label + " (" + on + (inside && shared(trace, on)
                ? ", shared: slower while other calls are in it)" : ")")).orElse(label));
    }

    private static boolean shared(Trace trace, String resource) {
        return trace.scenario().resourceIndex(resource).stream()
                .anyMatch(i -> trace.scenario().resources().get(i).shared());
    }
}
