package io.interleave.app.code;

import io.interleave.scenario.HandlerCode;
import io.interleave.scenario.RequestType;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.code.CodeLine;
import io.interleave.trace.RequestRecord;
import io.interleave.trace.Span;
import io.interleave.trace.SpanState;
import io.interleave.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The handlers of one trace's request types and which requests stand on
 * which line at a time: pure, no toolkit. A request is on the line of the
 * step its span at that time belongs to (queued or ready for a step counts as
 * on it, waiting its turn); a request that has not started, or has finished,
 * is on no line.
 */
public final class CodeBadges {
    /**
     * One request on a line, in the state the timeline draws it.
     *
     * @param held for a wait: whether it holds its thread (a sync wait, drawn as the timeline's held wait)
     */
    public record Badge(int requestId, SpanState state, boolean held) {
        public Badge {
            Objects.requireNonNull(state, "state");
        }

        /** "R2". */
        public String text() {
            return "R" + requestId;
        }
    }

    /** One handler: its type and its lines. */
    public record Handler(RequestType type, List<CodeLine> lines) {
        public Handler {
            lines = List.copyOf(lines);
        }

        /** The index of the line that runs {@code step}, else the def line. */
        public int lineOf(int step) {
            int def = 0;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).step() == step) {
                    return i;
                }
                String text = lines.get(i).text();
                if (text.startsWith("def ") || text.startsWith("async def ")) {
                    def = i;
                }
            }
            return def;
        }
    }

    private final Trace trace;
    private final List<Handler> handlers;
    /** Per request id, its type's index. */
    private final int[] typeOf;

    public CodeBadges(Trace trace) {
        this.trace = Objects.requireNonNull(trace, "trace");
        int maxId = trace.requests().stream().mapToInt(RequestRecord::id).max().orElse(0);
        this.typeOf = new int[maxId + 1];
        java.util.Arrays.fill(typeOf, -1);
        for (RequestRecord r : trace.requests()) {
            typeOf[r.id()] = r.type();
        }
        Scenario s = trace.scenario();
        List<Handler> hs = new ArrayList<>();
        for (RequestType t : s.requestTypes()) {
            hs.add(new Handler(t, HandlerCode.lines(t, s.server(), s.resources())));
        }
        this.handlers = List.copyOf(hs);
    }

    /** The trace's variant label, or its policy's name. */
    public String title() {
        return trace.label() == null || trace.label().isEmpty() ? trace.scenario().server().policy().displayName() : trace.label();
    }

    public List<Handler> handlers() {
        return handlers;
    }

    /**
     * Per handler, per line: the requests on it at {@code timeMs}, by request id
     * (a request in a gather may stand on several branch lines at once).
     */
    public List<List<List<Badge>>> at(double timeMs) {
        List<List<List<Badge>>> out = new ArrayList<>();
        for (Handler h : handlers) {
            List<List<Badge>> perLine = new ArrayList<>();
            for (int i = 0; i < h.lines().size(); i++) {
                perLine.add(new ArrayList<>());
            }
            out.add(perLine);
        }
        for (Span s : trace.spans()) {
            int type = s.requestId() < typeOf.length ? typeOf[s.requestId()] : -1;
            if (type >= 0 && s.startMs() <= timeMs && timeMs < s.endMs()) {
                Handler h = handlers.get(type);
                List<Badge> line = out.get(type).get(h.lineOf(s.segment()));
                Badge b = new Badge(s.requestId(), s.state(), io.interleave.render.Palette.isHeldWait(s));
                if (!line.contains(b)) {
                    line.add(b);
                }
            }
        }
        for (List<List<Badge>> perLine : out) {
            for (List<Badge> line : perLine) {
                line.sort(java.util.Comparator.comparingInt(Badge::requestId));
            }
        }
        return out;
    }

    /** The time spans of {@code line} of handler {@code handler}: the bars a click on the line highlights. */
    public List<Span> spansOf(int handler, int line) {
        List<Span> out = new ArrayList<>();
        Handler h = handlers.get(handler);
        for (Span s : trace.spans()) {
            int type = s.requestId() < typeOf.length ? typeOf[s.requestId()] : -1;
            if (type == handler && h.lineOf(s.segment()) == line) {
                out.add(s);
            }
        }
        return out;
    }
}
