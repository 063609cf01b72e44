package io.interleave.app.code;

import io.interleave.scenario.HandlerCode;
import io.interleave.scenario.RequestType;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.TaskCode;
import io.interleave.scenario.code.CodeLine;
import io.interleave.trace.RequestRecord;
import io.interleave.trace.Span;
import io.interleave.trace.SpanState;
import io.interleave.trace.TaskIds;
import io.interleave.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The handlers of one trace's request types (and its program of tasks, as
 * one more block of code) and which requests and tasks stand on which line
 * at a time: pure, no toolkit. A request is on the line of the step its span
 * at that time belongs to (queued or ready for a step counts as on it,
 * waiting its turn); a request that has not started, or has finished, is on
 * no line. A task is on the line of its step in its coroutine or thread
 * function (a repeated step's every run on the same line). A background
 * task a request started with a spawn is on the line of its step in the
 * helper function of its spawn, in its request type's handler, with the badge
 * "R3's task".
 */
public final class CodeBadges {
    /**
     * One request or task on a line, in the state the timeline draws it.
     *
     * @param requestId the request's or task's id (the spans' owner)
     * @param name what the badge says: "R2", or a task's name ("producer", "consumer 2")
     * @param held for a wait: whether it holds its thread (a sync wait, drawn as the timeline's held wait)
     */
    public record Badge(int requestId, String name, SpanState state, boolean held) {
        public Badge {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(state, "state");
        }

        /** A request's badge: "R2". */
        public Badge(int requestId, SpanState state, boolean held) {
            this(requestId, "R" + requestId, state, held);
        }

        /** What the badge says. */
        public String text() {
            return name;
        }
    }

    /**
     * One block of code: a request type's handler, or the program of tasks.
     *
     * @param name the request type's name, or "tasks" for the program
     * @param lines its lines
     * @param program for the program of tasks, where each task's steps stand; empty for a handler
     */
    public record Handler(String name, List<CodeLine> lines, Optional<TaskCode.Listing> program) {
        public Handler {
            Objects.requireNonNull(name, "name");
            lines = List.copyOf(lines);
            Objects.requireNonNull(program, "program");
        }

        public Handler(RequestType type, List<CodeLine> lines) {
            this(type.name(), lines, Optional.empty());
        }

        /** Whether this block is the program of tasks. */
        public boolean isProgram() {
            return program.isPresent();
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

    /** Where a span stands: a block of code and a line of it. */
    public record Place(int handler, int line) {
    }

    private final Trace trace;
    private final List<Handler> handlers;
    /** Per request id, its type's index. */
    private final int[] typeOf;
    /** The program's block, or -1. */
    private final int programHandler;
    /** The tasks' ids start here; per task (id - firstTask), its kind and its name. */
    private final int firstTask;
    private final int[] kindOfTask;
    private final List<String> taskNames;
    /** Per background task id: the index of its request's type (the handler whose helper it runs). */
    private final java.util.Map<Integer, Integer> backgroundType = new java.util.HashMap<>();
    /** Per background task id: its badge, "R3's task". */
    private final java.util.Map<Integer, String> backgroundBadge = new java.util.HashMap<>();

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
        List<TaskIds.Named> tasks = s.hasTasks() ? TaskIds.of(s) : List.of();
        if (s.hasTasks()) {
            TaskCode.Listing listing = TaskCode.of(s);
            programHandler = hs.size();
            hs.add(new Handler("tasks", listing.lines(), Optional.of(listing)));
        } else {
            programHandler = -1;
        }
        this.handlers = List.copyOf(hs);
        this.firstTask = tasks.isEmpty() ? Integer.MAX_VALUE : tasks.get(0).id();
        this.kindOfTask = tasks.stream().mapToInt(TaskIds.Named::kind).toArray();
        this.taskNames = tasks.stream().map(TaskIds.Named::name).toList();
        for (io.interleave.trace.TaskRecord t : trace.program().tasks()) {
            if (t.background() && t.spawnedBy() < typeOf.length && typeOf[t.spawnedBy()] >= 0) {
                backgroundType.put(t.id(), typeOf[t.spawnedBy()]);
                backgroundBadge.put(t.id(), TaskIds.backgroundName(t.spawnedBy(), Optional.empty()));
            }
        }
    }

    /** The trace's variant label, or its policy's name. */
    public String title() {
        return trace.label() == null || trace.label().isEmpty() ? trace.scenario().server().policy().displayName() : trace.label();
    }

    public List<Handler> handlers() {
        return handlers;
    }

    /** Whether block {@code handler} is a request type that starts background tasks (its helpers carry "R1's task" badges). */
    public boolean spawns(int handler) {
        List<RequestType> types = trace.scenario().requestTypes();
        return handler >= 0 && handler < types.size() && types.get(handler).segments().stream().anyMatch(io.interleave.scenario.Segment::isSpawn);
    }

    /** The names the badges of the program's tasks carry, in id order (none without tasks). */
    public List<String> taskNames() {
        return taskNames;
    }

    /** The block and line {@code span} stands on, if its owner is a request or task of this trace. */
    public Optional<Place> place(Span span) {
        int id = span.requestId();
        if (id < typeOf.length && typeOf[id] >= 0) {
            int type = typeOf[id];
            return Optional.of(new Place(type, handlers.get(type).lineOf(span.segment())));
        }
        Integer spawner = backgroundType.get(id);
        if (spawner != null) { // its span's segment is its step among the type's steps, as the helper's lines count them
            return Optional.of(new Place(spawner, handlers.get(spawner).lineOf(span.segment())));
        }
        int task = id - firstTask;
        if (programHandler >= 0 && task >= 0 && task < kindOfTask.length) {
            return Optional.of(new Place(programHandler,
                    handlers.get(programHandler).program().orElseThrow().lineOf(kindOfTask[task], span.segment())));
        }
        return Optional.empty();
    }

    private String nameOf(int id) {
        String background = backgroundBadge.get(id);
        if (background != null) {
            return background;
        }
        int task = id - firstTask;
        return task >= 0 && task < taskNames.size() ? taskNames.get(task) : "R" + id;
    }

    /**
     * Per handler, per line: the requests (and tasks) on it at {@code timeMs}, by id
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
            if (s.startMs() <= timeMs && timeMs < s.endMs()) {
                Optional<Place> place = place(s);
                if (place.isPresent()) {
                    List<Badge> line = out.get(place.get().handler()).get(place.get().line());
                    Badge b = new Badge(s.requestId(), nameOf(s.requestId()), s.state(), io.interleave.render.Palette.isHeldWait(s));
                    if (!line.contains(b)) {
                        line.add(b);
                    }
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
        Place wanted = new Place(handler, line);
        for (Span s : trace.spans()) {
            if (place(s).filter(wanted::equals).isPresent()) {
                out.add(s);
            }
        }
        return out;
    }
}
