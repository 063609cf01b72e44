package io.interleave.trace.narration;

import io.interleave.time.TimeText;
import io.interleave.scenario.HandlerCode;
import io.interleave.scenario.Policy;
import io.interleave.scenario.RequestType;
import io.interleave.scenario.Resource;
import io.interleave.scenario.Segment;
import io.interleave.scenario.SegmentKind;
import io.interleave.scenario.Server;
import io.interleave.scenario.TaskStep;
import io.interleave.scenario.code.CodeLine;
import io.interleave.trace.Causes;
import io.interleave.trace.ItemRecord;
import io.interleave.trace.TaskIds;
import io.interleave.trace.TaskRecord;
import io.interleave.trace.RequestRecord;
import io.interleave.trace.Span;
import io.interleave.trace.SpanState;
import io.interleave.trace.Trace;
import io.interleave.trace.WaitCause;
import io.interleave.trace.narration.NarrationLine.Clause;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tells a trace in plain words, one line per instant at which anything
 * happened: "R1 awaits database (db query); the loop runs R2 (parse request)",
 * "R3 arrives; queued behind R2", "R1 done in 100 ms (alone: 100 ms)". It
 * uses the scenario's segment labels and resource names and the policy's
 * words (a thread is held, a loop is released).
 *
 * <p>Why a request waits ("queued behind R2", "all 4 busy", "running R2",
 * "R4 blocks it in time.sleep") is the engine's own cause, recorded in the
 * trace ({@link Trace#causes()}): the narrator puts it into words, looking
 * up only what the named holder was doing then (its own span). It keeps no
 * scheduler state of its own. Long runs are narrated up to
 * {@link #MAX_LINES} instants; a last line says where the narration stops.
 *
 * <p>Naming the code (off by default; the window turns it on while its code
 * view is open): a clause about a step a request or background task takes
 * names the line of its handler that runs it, as the code view writes it
 * under the run's policy: "R1 awaits database (db query) at {@code `await db_query()`}",
 * "the loop runs R2 (parse request) at {@code `parse_request()`}", "R2 starts a
 * background task (send email) at {@code `asyncio.create_task(send_email())`} and goes on".
 * The code view shows no line numbers, so the line is named by its code.
 */
public final class Narrator {
    /** Instants narrated at most; the rest of a long run is summed up in one line. */
    public static final int MAX_LINES = 2_000;

    private final Trace trace;
    private final Server server;
    private final boolean sync;
    private final Map<String, Resource> resources = new HashMap<>();

    private final Causes causes;
    /** A program's tasks, in id order (none without tasks), and their kinds' steps as they run. */
    private final List<TaskIds.Named> tasks;
    private final Map<Integer, List<TaskStep>> unrolled = new HashMap<>();
    /** Whether clauses name the code line of the step they tell. */
    private final boolean namesCode;
    /** Per request type, per step: the code of its line (filled on first use). */
    private final Map<Integer, Map<Integer, String>> codeOfStep = new HashMap<>();

    private Narrator(Trace trace, boolean namesCode) {
        this.namesCode = namesCode;
        this.trace = trace;
        this.server = trace.scenario().server();
        this.sync = server.policy().waitsHoldWorker(); // a held worker: "holding the thread"; a released one: "awaits"
        for (Resource r : trace.scenario().resources()) {
            resources.put(r.name(), r);
        }
        this.causes = trace.causes();
        this.tasks = trace.scenario().hasTasks() || !trace.program().tasks().isEmpty() ? TaskIds.of(trace) : List.of();
    }

    /** The narration of a whole trace, up to {@link #MAX_LINES} instants. */
    public static Narration narrate(Trace trace) {
        return narrate(trace, MAX_LINES);
    }

    /** The narration of a trace, up to {@code maxLines} instants (and a closing line if it stops early). */
    public static Narration narrate(Trace trace, int maxLines) {
        return narrate(trace, maxLines, false);
    }

    /**
     * The narration of a whole trace, up to {@link #MAX_LINES} instants; with {@code namesCode}, each step
     * names the line of code it runs ("R2 awaits database at `await db_query()`").
     */
    public static Narration narrate(Trace trace, boolean namesCode) {
        return narrate(trace, MAX_LINES, namesCode);
    }

    /** The narration of a trace, up to {@code maxLines} instants, naming the code lines or not. */
    public static Narration narrate(Trace trace, int maxLines, boolean namesCode) {
        if (maxLines < 1) {
            throw new IllegalArgumentException("maxLines: must be >= 1, was " + maxLines);
        }
        return new Narrator(trace, namesCode).run(maxLines);
    }

    /** A span and its position among its request's spans. */
    private record Step(Span span, int index) {
    }

    private Narration run(int maxLines) {
        double[] times = trace.eventTimes();
        if (times.length == 0) {
            return Narration.EMPTY;
        }
        int count = Math.min(times.length, maxLines);
        double cutoff = times[count - 1];

        List<Step> starts = new ArrayList<>();
        List<RequestRecord> arrivals = new ArrayList<>();
        List<RequestRecord> finishes = new ArrayList<>();
        for (RequestRecord r : trace.requests()) {
            if (r.arrivalMs() > cutoff) {
                continue;
            }
            arrivals.add(r);
            if (!r.rejected() && (r.completed() || r.timedOut()) && r.finishMs() <= cutoff) {
                finishes.add(r);
            }
            List<Span> spans = trace.spansOf(r.id());
            for (int i = 0; i < spans.size() && spans.get(i).startMs() <= cutoff; i++) {
                starts.add(new Step(spans.get(i), i));
            }
        }
        // a program's tasks: their spans, ends, and the items their consumers take
        List<Step> taskStarts = new ArrayList<>();
        for (TaskIds.Named n : tasks) {
            List<Span> spans = taskSpans(n.id());
            for (int i = 0; i < spans.size() && spans.get(i).startMs() <= cutoff; i++) {
                taskStarts.add(new Step(spans.get(i), i));
            }
        }
        taskStarts.sort(Comparator.comparingDouble((Step st) -> st.span().startMs()).thenComparingInt(st -> st.span().requestId()));
        List<TaskRecord> spawns = new ArrayList<>(trace.program().tasks().stream().filter(TaskRecord::background).toList());
        spawns.sort(Comparator.comparingDouble(TaskRecord::startMs).thenComparingInt(TaskRecord::id));
        int sp = 0;
        List<TaskRecord> taskEnds = new ArrayList<>(trace.program().tasks());
        taskEnds.sort(Comparator.comparingDouble(TaskRecord::finishMs).thenComparingInt(TaskRecord::id));
        List<ItemRecord> takes = new ArrayList<>(trace.program().consumed());
        takes.sort(Comparator.comparingDouble(ItemRecord::gotMs).thenComparingInt(ItemRecord::id));
        int ts = 0;
        int te = 0;
        int tk = 0;
        Comparator<Step> byRequest = Comparator.comparingInt(s -> s.span().requestId());
        starts.sort(Comparator.comparingDouble((Step s) -> s.span().startMs()).thenComparing(byRequest));
        arrivals.sort(Comparator.comparingDouble(RequestRecord::arrivalMs).thenComparingInt(RequestRecord::id));
        finishes.sort(Comparator.comparingDouble(RequestRecord::finishMs).thenComparingInt(RequestRecord::id));

        List<NarrationLine> lines = new ArrayList<>();
        int s = 0;
        int a = 0;
        int f = 0;
        int g = 0;
        List<Causes.GaveUp> gaveUp = causes.gaveUp();
        for (int i = 0; i < count; i++) {
            double t = times[i];
            List<Step> startedNow = new ArrayList<>();
            for (; s < starts.size() && starts.get(s).span().startMs() <= t; s++) {
                startedNow.add(starts.get(s));
            }
            List<Ordered> clauses = new ArrayList<>();
            for (; f < finishes.size() && finishes.get(f).finishMs() <= t; f++) {
                RequestRecord r = finishes.get(f);
                clauses.add(r.completed() ? done(r) : endedLate(r));
            }
            for (; g < gaveUp.size() && gaveUp.get(g).timeMs() <= t; g++) {
                clauses.add(gaveUp(gaveUp.get(g)));
            }
            List<Integer> arrivedNow = new ArrayList<>();
            List<RequestRecord> rejectedNow = new ArrayList<>();
            for (; a < arrivals.size() && arrivals.get(a).arrivalMs() <= t; a++) {
                RequestRecord r = arrivals.get(a);
                arrivedNow.add(r.id());
                if (r.rejected()) {
                    rejectedNow.add(r);
                } else if (trace.spansOf(r.id()).isEmpty()) {
                    clauses.add(new Ordered(2, new Clause(r.id(), NarrationKind.ARRIVED, r.label() + " arrives and is done at once")));
                }
            }
            if (!rejectedNow.isEmpty()) {
                clauses.add(rejected(rejectedNow));
            }
            List<Step> gathered = gatheredAwaits(startedNow);
            if (!gathered.isEmpty()) {
                clauses.addAll(awaitsAtOnce(gathered));
            }
            for (Step step : startedNow) {
                if (gathered.contains(step) || splitAtGiveUp(step)) {
                    continue;
                }
                boolean arriving = step.index() == 0 && arrivedNow.contains(step.span().requestId());
                clauses.add(arriving ? arrival(step.span()) : transition(step));
            }
            for (; te < taskEnds.size() && taskEnds.get(te).finishMs() <= t; te++) {
                TaskRecord done = taskEnds.get(te);
                clauses.add(new Ordered(0, new Clause(done.id(), NarrationKind.COMPLETED, done.name() + " is done")));
            }
            for (; tk < takes.size() && takes.get(tk).gotMs() <= t; tk++) {
                ItemRecord item = takes.get(tk);
                clauses.add(new Ordered(1, new Clause(item.consumer(), NarrationKind.RUNNING, taskName(item.consumer()) + " takes item "
                        + item.id() + " (waited " + TimeText.duration(item.queuedMs()) + " in the queue)")));
            }
            for (; sp < spawns.size() && spawns.get(sp).startMs() <= t; sp++) {
                clauses.add(spawned(spawns.get(sp)));
            }
            for (; ts < taskStarts.size() && taskStarts.get(ts).span().startMs() <= t; ts++) {
                clauses.add(taskStep(taskStarts.get(ts)));
            }
            clauses.addAll(idle(t));
            if (!clauses.isEmpty()) {
                lines.add(line(t, clauses));
            }
        }
        boolean truncated = times.length > count;
        if (truncated) {
            String text = "The narration stops here, after " + String.format(java.util.Locale.ROOT, "%,d", count)
                    + " moments; the run goes on to " + TimeText.exact(trace.endMs()) + ".";
            lines.add(new NarrationLine(times[count], text, 0, NarrationKind.NOTE,
                    List.of(new Clause(0, NarrationKind.NOTE, text))));
        }
        return new Narration(lines, truncated);
    }

    /** A clause and where it goes in its line: what ends first, then what yields, arrives, runs and waits. */
    private record Ordered(int rank, Clause clause) {
    }

    private static NarrationLine line(double t, List<Ordered> clauses) {
        clauses.sort(Comparator.comparingInt(Ordered::rank).thenComparingInt(o -> o.clause().requestId()));
        List<Clause> parts = clauses.stream().map(Ordered::clause).toList();
        String joined = String.join("; ", parts.stream().map(Clause::text).toList());
        String text = Character.toUpperCase(joined.charAt(0)) + joined.substring(1);
        Clause first = parts.get(0);
        return new NarrationLine(t, text, first.requestId(), first.kind(), parts);
    }

    // ------------------------------------------------------------------ causes

    /** The engine's cause for the wait that {@code sp} begins, if the trace has one. */
    private Optional<Causes.Cause> cause(Span sp) {
        return causes.at(sp.requestId(), sp.startMs());
    }

    /** The span of request {@code id} in force just after {@code t}, if it is still in the system then. */
    private Optional<Span> spanAt(int id, double t) {
        Span found = null;
        for (Span sp : trace.spansOf(id)) {
            if (sp.startMs() > t) {
                break;
            }
            if (sp.endMs() > t) {
                found = sp;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Whether thread or loop {@code w} was held up to {@code t} and nobody holds it just after: it was let go then. */
    private boolean letGoAt(int w, double t) {
        List<Span> lane = trace.workerLane(w);
        int i = lastStartingAtOrBefore(lane, t);
        if (i >= 0 && lane.get(i).startMs() == t) {
            return false; // taken up again at once
        }
        return i >= 0 && lane.get(i).endMs() == t;
    }

    /** The request on core {@code core} just after {@code t}, if any. */
    private Optional<Integer> onCoreAt(int core, double t) {
        List<Span> lane = trace.coreLane(core);
        int i = lastStartingAtOrBefore(lane, t);
        return i >= 0 && lane.get(i).endMs() > t ? Optional.of(lane.get(i).requestId()) : Optional.empty();
    }

    private static int lastStartingAtOrBefore(List<Span> lane, double t) {
        int lo = 0;
        int hi = lane.size() - 1;
        int last = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (lane.get(mid).startMs() <= t) {
                last = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return last;
    }

    // ---------------------------------------------------------------- clauses

    private Ordered done(RequestRecord r) {
        String text = r.label() + " done in " + TimeText.exact(r.responseMs()) + " (alone: " + TimeText.exact(r.aloneMs());
        double slowdown = r.slowdown();
        if (!Double.isNaN(slowdown) && !Words.times(slowdown).equals("1.0x")) {
            text += ", " + Words.times(slowdown) + " as long";
        }
        return new Ordered(0, new Clause(r.id(), NarrationKind.COMPLETED, text + ")"));
    }

    /**
     * "R4's client gave up after 500 ms; the loop cancels it at its next await": what the server does
     * when a client leaves, as the engine decided it.
     */
    private Ordered gaveUp(Causes.GaveUp g) {
        RequestRecord r = trace.request(g.requestId());
        String text = r.label() + "'s client gave up after " + TimeText.exact(g.timeMs() - r.arrivalMs()) + "; ";
        if (g.cancels()) {
            text += g.now() ? "the loop cancels it at once" : "the loop cancels it at its next await";
        } else {
            text += sync ? "its thread works on for nobody" : "the loop works on it for nobody";
        }
        return new Ordered(1, new Clause(r.id(), NarrationKind.TIMED_OUT, text));
    }

    /** "R4 cancelled" or "R4's handler ends for nobody (its client left 300 ms before)". */
    private Ordered endedLate(RequestRecord r) {
        double gone = r.arrivalMs() + trace.scenario().requestTypes().get(r.type()).timeoutMs().orElse(r.responseMs());
        double late = r.finishMs() - gone;
        String text = r.status() == io.interleave.trace.Status.CANCELLED
                ? r.label() + " cancelled" + (late > 0 ? ", " + TimeText.exact(late) + " after its client left" : "")
                : r.label() + "'s handler ends for nobody (its client left " + TimeText.exact(late) + " before)";
        return new Ordered(0, new Clause(r.id(), NarrationKind.TIMED_OUT, text));
    }

    /** Whether {@code step} only continues the span before it, cut where the client gave up (nothing else changed). */
    private boolean splitAtGiveUp(Step step) {
        Span sp = step.span();
        if (!sp.wasted() || step.index() == 0) {
            return false;
        }
        Span before = trace.spansOf(sp.requestId()).get(step.index() - 1);
        return !before.wasted() && before.endMs() == sp.startMs() && before.state() == sp.state()
                && before.branchIndex() == sp.branchIndex() && before.segment() == sp.segment();
    }

    /** "R6 arrives and is turned away (queue full: …)"; several at one instant in one clause. */
    private Ordered rejected(List<RequestRecord> rs) {
        String waiting = sync ? "waiting for a thread" : "waiting to start";
        Optional<Causes.Cause> full = causes.at(rs.get(0).id(), rs.get(0).arrivalMs())
                .filter(c -> c.kind() == WaitCause.QUEUE_FULL);
        String why = full.map(c -> " (queue full: " + c.count() + " already " + waiting + ")").orElse("");
        List<String> names = rs.stream().limit(rs.size() > 4 ? 3 : 4).map(RequestRecord::label).toList();
        String who;
        if (rs.size() == 1) {
            who = names.get(0) + " arrives and is";
        } else if (rs.size() <= 4) {
            who = String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1) + " arrive and are";
        } else {
            who = String.join(", ", names) + " and " + (rs.size() - 3) + " more arrive and are";
        }
        return new Ordered(2, new Clause(rs.get(0).id(), NarrationKind.REJECTED, who + " turned away" + why));
    }

    /** A request's first span begins as it arrives. */
    private Ordered arrival(Span sp) {
        String r = label(sp);
        String then = switch (sp.state()) {
            case COMPUTE -> worker(sp) + " runs it (" + segmentName(sp) + ")" + at(sp);
            case QUEUED -> queuedWhy(sp);
            case READY -> cpuWhy(sp);
            case WAIT -> awaits(sp);
            case WAITING_RESOURCE -> slotWhy(sp);
            case BLOCKED -> blocks(sp);
            case WAITING_PUT -> "it waits to put an item: the queue is full";
            case WAITING_GET -> "it waits for an item: the queue is empty";
            case WAITING_GIL -> "it " + gilWhy(sp);
        };
        return new Ordered(2, new Clause(sp.requestId(), NarrationKind.ARRIVED, r + " arrives; " + then));
    }

    /**
     * The awaits of a gather's branches that begin at one instant, two or more
     * for one request (the event loop: the calls are in flight at once).
     */
    private static List<Step> gatheredAwaits(List<Step> startedNow) {
        java.util.Map<Integer, List<Step>> byRequest = new java.util.TreeMap<>();
        for (Step step : startedNow) {
            Span sp = step.span();
            if (sp.state() == SpanState.WAIT && sp.branchIndex() >= 0 && !sp.holdsWorker()) {
                byRequest.computeIfAbsent(sp.requestId(), id -> new ArrayList<>()).add(step);
            }
        }
        List<Step> out = new ArrayList<>();
        for (List<Step> steps : byRequest.values()) {
            if (steps.size() >= 2) {
                out.addAll(steps);
            }
        }
        return out;
    }

    /** "R2 awaits 3 calls at once (call A, call B and call C)", one clause per request. */
    private List<Ordered> awaitsAtOnce(List<Step> gathered) {
        java.util.Map<Integer, List<Span>> byRequest = new java.util.TreeMap<>();
        for (Step step : gathered) {
            byRequest.computeIfAbsent(step.span().requestId(), id -> new ArrayList<>()).add(step.span());
        }
        List<Ordered> out = new ArrayList<>();
        byRequest.forEach((id, spans) -> {
            List<String> names = spans.stream().map(sp -> resourceOf(sp).map(res -> res + labelSuffix(sp))
                    .orElse(segmentLabel(sp).orElse("I/O"))).toList();
            String list = names.size() == 1 ? names.get(0)
                    : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
            out.add(new Ordered(1, new Clause(id, NarrationKind.AWAITING,
                    label(spans.get(0)) + " awaits " + spans.size() + " calls at once (" + list + ")")));
        });
        return out;
    }

    /**
     * The span {@code step} follows: of its request's spans before it, the one
     * ending where it starts, in the same branch of a gather if there is one
     * (a branch's first span follows the request's own span before the gather,
     * the request's span after a gather follows the branch that ended last).
     */
    private static Span previous(List<Span> spans, Step step) {
        Span sp = step.span();
        Span touching = null;
        for (int i = step.index() - 1; i >= 0; i--) {
            Span p = spans.get(i);
            if (p.endMs() == sp.startMs()) {
                if (p.branchIndex() == sp.branchIndex()) {
                    return p;
                }
                if (touching == null) {
                    touching = p;
                }
            }
        }
        return touching != null ? touching : spans.get(step.index() - 1);
    }

    /** A request moves from one span to the next. */
    private Ordered transition(Step step) {
        Span sp = step.span();
        List<Span> spans = trace.spansOf(sp.requestId());
        Span prev = previous(spans, step);
        String r = label(sp);
        boolean fromWait = prev.state() == SpanState.WAIT || prev.state() == SpanState.BLOCKED
                || prev.state() == SpanState.WAITING_RESOURCE;
        String back = r + " back from " + returnedFrom(prev);
        return switch (sp.state()) {
            case COMPUTE -> {
                if (fromWait) {
                    yield new Ordered(3, new Clause(sp.requestId(), NarrationKind.RUNNING, back + "; " + worker(sp) + " runs it (" + segmentName(sp) + ")" + at(sp)));
                }
                if (prev.state() == SpanState.WAITING_GIL) {
                    yield new Ordered(3, new Clause(sp.requestId(), NarrationKind.RUNNING, r + " takes the GIL" + gilFrom(sp) + "; "
                            + worker(sp) + " runs it (" + segmentName(sp) + ")" + at(sp)));
                }
                String verb = "runs";
                if (prev.state() == SpanState.QUEUED) {
                    verb = sync ? "picks up" : "starts";
                } else if (prev.state() == SpanState.READY && step.index() >= 2
                        && spans.get(step.index() - 2).state() == SpanState.COMPUTE
                        && spans.get(step.index() - 2).segment() == sp.segment()) {
                    verb = "resumes";
                } else if (prev.state() == SpanState.COMPUTE) {
                    yield new Ordered(3, new Clause(sp.requestId(), NarrationKind.RUNNING, r + " goes on to " + segmentName(sp) + at(sp)));
                }
                yield new Ordered(3, new Clause(sp.requestId(), NarrationKind.RUNNING, worker(sp) + " " + verb + " " + r + " (" + segmentName(sp) + ")" + at(sp)));
            }
            case WAIT -> prev.state() == SpanState.WAITING_RESOURCE
                    ? new Ordered(1, new Clause(sp.requestId(), NarrationKind.AWAITING, r + " gets a " + resourceOf(sp).orElse("resource")
                            + " slot and " + (sync ? "waits on it" : "awaits it") + labelSuffix(sp) + at(sp)))
                    : new Ordered(1, new Clause(sp.requestId(), NarrationKind.AWAITING, r + " " + awaits(sp) + sharing(sp)));
            case WAITING_RESOURCE -> new Ordered(1, new Clause(sp.requestId(), NarrationKind.WAITING_FOR_RESOURCE, who(sp) + " " + slotWhy(sp)));
            case BLOCKED -> new Ordered(1, new Clause(sp.requestId(), NarrationKind.BLOCKED, r + " " + blocks(sp)));
            case WAITING_PUT -> new Ordered(1, new Clause(sp.requestId(), NarrationKind.AWAITING,
                    r + " waits to put an item: the queue is full" + (sync ? " (it holds its thread)" : " (the loop moves on)")));
            case WAITING_GET -> new Ordered(1, new Clause(sp.requestId(), NarrationKind.AWAITING,
                    r + " waits for an item: the queue is empty" + (sync ? " (it holds its thread)" : " (the loop moves on)")));
            case WAITING_GIL -> new Ordered(4, new Clause(sp.requestId(), NarrationKind.WAITING_FOR_CPU,
                    (fromWait ? back + "; it "
                            : (prev.state() == SpanState.COMPUTE || prev.state() == SpanState.READY) && prev.segment() == sp.segment()
                            ? r + " gives up the GIL (its switch interval is up); it "
                            : r + " ") + gilWhy(sp)));
            case READY -> {
                if (prev.state() == SpanState.COMPUTE && prev.segment() == sp.segment()) {
                    yield new Ordered(1, new Clause(sp.requestId(), NarrationKind.WAITING_FOR_CPU, r + "'s time slice is up; it " + cpuWhy(sp)));
                }
                String head = fromWait ? back : prev.state() == SpanState.QUEUED ? worker(sp) + " picks up " + r : who(sp);
                String tail = fromWait || prev.state() == SpanState.QUEUED ? "; it " + cpuWhy(sp) : " " + cpuWhy(sp);
                yield new Ordered(4, new Clause(sp.requestId(), NarrationKind.WAITING_FOR_CPU, head + tail));
            }
            case QUEUED -> new Ordered(4, new Clause(sp.requestId(), NarrationKind.QUEUED, r + " " + queuedWhy(sp)));
        };
    }

    /** "the thread is idle" for each thread or loop that the engine saw run out of work at {@code t}, let go then and not taken up again. */
    private List<Ordered> idle(double t) {
        List<Ordered> out = new ArrayList<>();
        for (int w = 0; w < server.workerCount(); w++) {
            if (causes.wentIdle(w, t) && letGoAt(w, t)) {
                out.add(new Ordered(5, new Clause(0, NarrationKind.IDLE, workerName(w) + " is idle")));
            }
        }
        return out;
    }

    /**
     * "awaits database (db query)" (event loop) or "waits on database (db query), holding the thread" (sync);
     * on a shared-latency resource "awaits the shared database (db query)", as its wait stretches while others use it.
     */
    private String awaits(Span sp) {
        String target = resourceOf(sp).map(res -> sharedPrefix(res) + res + labelSuffix(sp)).orElse(segmentLabel(sp).orElse("I/O"));
        return sync ? "waits on " + target + at(sp) + ", holding " + ownWorker(sp) : "awaits " + target + at(sp);
    }

    /** "blocks the loop (time.sleep)" or "blocks in time.sleep, holding the thread". */
    private String blocks(Span sp) {
        String what = segmentLabel(sp).orElse("a blocking call") + resourceOf(sp).map(res -> " on " + sharedPrefix(res) + res).orElse("");
        return sync ? "blocks in " + what + at(sp) + ", holding " + ownWorker(sp) : "blocks " + worker(sp) + " (" + what + ")" + at(sp);
    }

    /** "waits for a database slot (all 2 in use)". */
    private String slotWhy(Span sp) {
        String res = resourceOf(sp).orElse("resource");
        Resource resource = resources.get(res);
        String inUse = cause(sp).filter(c -> c.kind() == WaitCause.SLOT).map(c -> " (" + all(c.count()) + " in use)")
                .orElse(resource != null && resource.capacity().isPresent() ? " (" + all(resource.capacity().getAsInt()) + " in use)" : "");
        if (forkedBranch(sp)) { // a gather's call: who holds the slots, as the engine said ("held by R1 and R3")
            Optional<String> held = causes.at(sp.requestId(), sp.startMs(), WaitCause.SLOT)
                    .filter(c -> c.holders().length > 0).map(c -> holderNames(c.holders(), sp));
            if (held.isPresent()) {
                inUse = " (held by " + held.get() + ")";
            }
        }
        return "waits for a " + res + " slot" + inUse + at(sp) + (sync ? ", holding " + ownWorker(sp) : "");
    }

    /** "running R1's call 1": for a gather's call waiting for its loop, the sibling call the loop runs then. */
    private Optional<String> siblingRunning(Span sp) {
        if (!forkedBranch(sp)) {
            return Optional.empty();
        }
        for (Span other : trace.spansOf(sp.requestId())) {
            if (other.startMs() > sp.startMs()) {
                break;
            }
            if (other.state() == SpanState.COMPUTE && other.branchIndex() >= 0 && other.branchIndex() != sp.branchIndex()
                    && other.endMs() > sp.startMs()) {
                return Optional.of("running " + who(other));
            }
        }
        return Optional.empty();
    }

    /** Whether {@code sp} is in a branch of a gather whose branches run at once (a loop), so the branch has a name of its own. */
    private boolean forkedBranch(Span sp) {
        return !sync && sp.branchIndex() >= 0;
    }

    /** "R2's call 2" for a call of a gather that runs at once with its siblings; "R2" otherwise. */
    private String who(Span sp) {
        return forkedBranch(sp) ? label(sp) + "'s call " + (sp.branchIndex() + 1) : label(sp);
    }

    /**
     * "R1 and R3", "R1's call 1" (a sibling call of the same request): the requests holding what {@code waiting}
     * waits for; a sibling is named by its call, found among its request's spans waiting on the same resource then.
     */
    private String holderNames(int[] holders, Span waiting) {
        List<String> names = new ArrayList<>();
        for (int h : holders) {
            String name = "R" + h;
            if (h == waiting.requestId()) {
                for (Span other : trace.spansOf(h)) {
                    if (other.startMs() > waiting.startMs()) {
                        break;
                    }
                    if (other.branchIndex() >= 0 && other.branchIndex() != waiting.branchIndex() && other.endMs() > waiting.startMs()
                            && (other.state() == SpanState.WAIT || other.state() == SpanState.BLOCKED)
                            && resourceOf(other).equals(resourceOf(waiting))) {
                        name = who(other);
                    }
                }
            }
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        return names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    /** Per shared-latency resource: the starts and the ends of every call on it, each ascending (built on first use). */
    private Map<String, double[][]> sharedCalls;

    /**
     * "; R4's db query shares the database with 3 others": a call that starts on a shared-latency resource while
     * other calls are in progress there (each progresses at 1/k of its speed); "" when it is alone or not shared.
     */
    private String sharing(Span sp) {
        Optional<String> res = resourceOf(sp);
        if (res.isEmpty() || resources.get(res.get()) == null || !resources.get(res.get()).shared()) {
            return "";
        }
        if (sharedCalls == null) {
            sharedCalls = new HashMap<>();
            Map<String, List<double[]>> calls = new HashMap<>();
            for (Span c : trace.spans()) {
                if (c.state() == SpanState.WAIT || c.state() == SpanState.BLOCKED) {
                    resourceOf(c).filter(n -> resources.get(n) != null && resources.get(n).shared())
                            .ifPresent(n -> calls.computeIfAbsent(n, k -> new ArrayList<>()).add(new double[] {c.startMs(), c.endMs()}));
                }
            }
            calls.forEach((n, list) -> {
                double[] starts = list.stream().mapToDouble(a -> a[0]).sorted().toArray();
                double[] ends = list.stream().mapToDouble(a -> a[1]).sorted().toArray();
                sharedCalls.put(n, new double[][] {starts, ends});
            });
        }
        double[][] se = sharedCalls.get(res.get());
        double t = sp.startMs();
        int others = atOrBefore(se[0], t) - atOrBefore(se[1], t) - 1; // in progress at t, itself left out
        if (others <= 0) {
            return "";
        }
        String call = segmentLabel(sp).map(l -> label(sp) + "'s " + l).orElse(label(sp) + "'s call");
        return "; " + call + " shares the " + res.get() + " with " + others + (others == 1 ? " other" : " others");
    }

    /** How many of ascending {@code a} are at or before {@code t}. */
    private static int atOrBefore(double[] a, double t) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Why a request that arrives cannot start yet, as the engine decided: behind others, or for a thread or its loop. */
    private String queuedWhy(Span sp) {
        int w = sp.worker().orElse(0);
        Optional<Causes.Cause> cause = cause(sp);
        if (cause.isEmpty()) {
            return sync ? "waits for a thread" : "waits for " + workerName(w);
        }
        Causes.Cause c = cause.get();
        return switch (c.kind()) {
            case QUEUE -> {
                String behind = "queued behind " + who(c.holders()[0]);
                yield c.count() == 1 ? behind : behind + " (" + c.count() + " waiting ahead)";
            }
            case THREAD -> c.count() == 1
                    ? "waits for the thread (" + holderWhy(c, sp).orElse("busy") + ")"
                    : "waits for a thread (" + all(c.count()) + " busy)";
            case LOOP_LIMIT -> "waits for " + workerName(w) + " ("
                    + holderWhy(c, sp).orElse("at its limit of " + c.count() + " in flight") + ")";
            default -> "waits for " + workerName(w) + holderWhy(c, sp).map(h -> " (" + h + ")").orElse("");
        };
    }

    /** "waits for the loop (running R2)", "waits for the core (running R3)", "waits for a core (all 4 busy)". */
    private String cpuWhy(Span sp) {
        int w = sp.worker().orElse(-1);
        Optional<Causes.Cause> cause = forkedBranch(sp) ? causes.at(sp.requestId(), sp.startMs(), WaitCause.LOOP).or(() -> cause(sp)) : cause(sp);
        if (sp.segment() >= segmentsOf(sp).size()) {
            return "waits for " + (w >= 0 ? workerName(w) : "its worker") + " to send its response"
                    + cause.flatMap(c -> holderWhy(c, sp)).map(s -> " (" + s + ")").orElse("");
        }
        if (cause.isPresent() && cause.get().kind() == WaitCause.LOOP) {
            Optional<String> why = holderWhy(cause.get(), sp).or(() -> siblingRunning(sp));
            return "waits for " + workerName(w) + why.map(s -> " (" + s + ")").orElse("");
        }
        if (cause.isPresent() && cause.get().kind() == WaitCause.CORE) {
            Causes.Cause c = cause.get();
            if (c.count() == 1) {
                // the line tells the instant's outcome: whoever runs on the core once the instant's hand-offs are done
                Optional<Integer> running = onCoreAt(0, sp.startMs()).or(c::holder);
                return "waits for the core" + running.filter(h -> h != sp.requestId()).map(h -> " (running " + who(h) + ")").orElse("");
            }
            return "waits for a core (" + all(c.count()) + " busy)";
        }
        return server.cores() == 1 ? "waits for the core" : "waits for a core";
    }

    /** " from R1": who let go of the GIL that {@code sp}'s request takes as {@code sp} begins, if the engine said. */
    private String gilFrom(Span sp) {
        return causes.resumedAt(sp.requestId(), sp.startMs()).filter(g -> g.got() == WaitCause.GIL && g.by() > 0)
                .map(g -> " from " + who(g.by())).orElse("");
    }

    /** "waits for the GIL held by R1": the holder as the engine named it, when it did. */
    private String gilWhy(Span sp) {
        Optional<Integer> holder = cause(sp).filter(c -> c.kind() == WaitCause.GIL).flatMap(Causes.Cause::holder)
                .filter(h -> h != sp.requestId());
        return "waits for the GIL" + holder.map(h -> " held by " + who(h)).orElse("");
    }

    /** What the holder named by the engine's cause is doing just after the wait begins, seen from the waiting request. */
    private Optional<String> holderWhy(Causes.Cause c, Span waiting) {
        Optional<Integer> holder = c.holder().filter(q -> q != waiting.requestId());
        if (holder.isEmpty()) {
            return Optional.empty();
        }
        int q = holder.get();
        Optional<Span> span = spanAt(q, waiting.startMs());
        if (span.isEmpty()) {
            return Optional.empty();
        }
        Span h = span.get();
        String rq = who(q);
        return Optional.of(switch (h.state()) {
            case COMPUTE -> "running " + rq;
            case BLOCKED -> rq + (sync ? " holds it, blocked in " : " blocks it in ") + segmentLabel(h).orElse("a blocking call");
            case WAIT -> rq + " holds it while waiting on " + resourceOf(h).orElse(segmentLabel(h).orElse("I/O"));
            case WAITING_RESOURCE -> rq + " holds it while waiting for a " + resourceOf(h).orElse("resource") + " slot";
            case READY -> rq + " holds it, waiting for a core";
            case QUEUED -> "busy with " + rq;
            case WAITING_PUT -> rq + " holds it, waiting to put on a full queue";
            case WAITING_GET -> rq + " holds it, waiting for an item";
            case WAITING_GIL -> rq + " holds it, waiting for the GIL";
        });
    }

    // ------------------------------------------------------------------ words

    /** "both" or "all 4". */
    private static String all(int n) {
        return n == 2 ? "both" : "all " + n;
    }

    /** The spans of task {@code id}; none if it has none. */
    private List<Span> taskSpans(int id) {
        try {
            return trace.spansOf(id);
        } catch (IndexOutOfBoundsException e) {
            return List.of(); // every step of it took no time
        }
    }

    /** "R2" for a request; a task by its name ("producer", "R1's task: send email"). */
    private String who(int id) {
        return id > trace.requests().size() ? taskName(id) : "R" + id;
    }

    private String taskName(int id) {
        return tasks.stream().filter(n -> n.id() == id).map(TaskIds.Named::name).findFirst().orElse("task " + id);
    }

    /** "R2 starts a background task (send email) and goes on": a request reached a spawn. */
    private Ordered spawned(TaskRecord task) {
        RequestRecord r = trace.request(task.spawnedBy());
        Segment spawn = trace.scenario().requestTypes().get(r.type()).segments().get(task.kind());
        String what = spawn.label().map(l -> " (" + l + ")").orElse("");
        String text = r.label() + " starts a background task" + what + codeOf(r.type(), ownStepOf(r.type(), task.kind())) + " and goes on"
                + (task.durationMs() == 0 ? "; the task is done at once" : "");
        return new Ordered(2, new Clause(r.id(), NarrationKind.RUNNING, text)); // before its task's own start (a later id)
    }

    /** What a task's span says as it begins: what the task does now, and that it starts if it is its first. */
    private Ordered taskStep(Step step) {
        Span sp = step.span();
        TaskIds.Named task = tasks.stream().filter(n -> n.id() == sp.requestId()).findFirst().orElseThrow();
        String what;
        String queue = "the queue";
        if (task.background()) { // a request's background task: its spans count its spawn's segments among the request's steps
            List<Segment.Step> steps = Segment.steps(trace.scenario().requestTypes().get(trace.request(task.spawnedBy()).type()).segments());
            Segment current = sp.segment() >= 0 && sp.segment() < steps.size() ? steps.get(sp.segment()).segment() : null;
            what = current == null ? "its last step" : current.label().filter(l -> !l.isBlank()).orElse(current.kind().jsonName());
        } else {
            List<TaskStep> steps = unrolled.computeIfAbsent(task.kind(), k -> trace.scenario().tasks().get(k).unrolled());
            TaskStep current = sp.segment() >= 0 && sp.segment() < steps.size() ? steps.get(sp.segment()) : null;
            what = current == null ? "its last step" : current.label().filter(l -> !l.isBlank()).orElse(current.kind().jsonName());
            queue = current != null && current.queue().isPresent() ? "'" + current.queue().get() + "'" : "the queue";
        }
        String who = task.name();
        String code = task.background() ? codeOf(trace.request(task.spawnedBy()).type(), sp.segment()) : "";
        String holds = sync ? " (it holds its thread)" : " (the loop moves on)";
        Ordered o = switch (sp.state()) {
            case COMPUTE -> new Ordered(3, new Clause(sp.requestId(), NarrationKind.RUNNING, worker(sp) + " runs " + who + " (" + what + ")" + code));
            case WAIT -> new Ordered(1, new Clause(sp.requestId(), NarrationKind.AWAITING, who + (sync ? " waits (" : " awaits (") + what + ")" + code));
            case BLOCKED -> new Ordered(1, new Clause(sp.requestId(), NarrationKind.BLOCKED, who + " blocks (" + what + ")" + code));
            case WAITING_PUT -> new Ordered(1, new Clause(sp.requestId(), NarrationKind.AWAITING, who + " waits to put: " + queue + " is full" + holds));
            case WAITING_GET -> new Ordered(1, new Clause(sp.requestId(), NarrationKind.AWAITING, who + " waits for an item: " + queue + " is empty" + holds));
            case WAITING_RESOURCE -> new Ordered(1, new Clause(sp.requestId(), NarrationKind.WAITING_FOR_RESOURCE, who + " waits for a slot" + code));
            case READY -> new Ordered(4, new Clause(sp.requestId(), NarrationKind.WAITING_FOR_CPU, who + " is ready, waiting for "
                    + (sync ? "a core" : worker(sp) + " or a core")));
            case QUEUED -> new Ordered(4, new Clause(sp.requestId(), NarrationKind.QUEUED, who + (sync ? " waits for a free thread" : " waits to start")));
            case WAITING_GIL -> new Ordered(4, new Clause(sp.requestId(), NarrationKind.WAITING_FOR_CPU, who + " " + gilWhy(sp)));
        };
        if (step.index() == 0) {
            String then = o.clause().text();
            then = task.background() && then.startsWith(who) ? "it" + then.substring(who.length()) // "R1's task" is a name: not lowered
                    : lowerFirst(then);
            return new Ordered(2, new Clause(sp.requestId(), NarrationKind.ARRIVED, who + " starts; " + then));
        }
        return o;
    }

    // ------------------------------------------------------------------ code

    /** " at `await db_query()`": the code line of the step {@code sp} (a request's) is on, when naming the code; else nothing. */
    private String at(Span sp) {
        return namesCode ? codeOf(trace.request(sp.requestId()).type(), sp.segment()) : "";
    }

    /** " at `code`" for step {@code step} of request type {@code type}'s handler, when naming the code and the step has a line. */
    private String codeOf(int type, int step) {
        if (!namesCode) {
            return "";
        }
        Map<Integer, String> lines = codeOfStep.computeIfAbsent(type, t -> {
            Map<Integer, String> byStep = new HashMap<>();
            for (CodeLine l : HandlerCode.lines(trace.scenario().requestTypes().get(t), server, trace.scenario().resources())) {
                if (l.runsStep()) {
                    byStep.putIfAbsent(l.step(), l.code());
                }
            }
            return byStep;
        });
        String code = lines.get(step);
        return code == null ? "" : " at `" + code + "`";
    }

    /** The step index of the request's own segment {@code segment} (a gather counts its branches' steps). */
    private int ownStepOf(int type, int segment) {
        List<Segment> segments = trace.scenario().requestTypes().get(type).segments();
        int step = 0;
        for (int i = 0; i < segment && i < segments.size(); i++) {
            Segment s = segments.get(i);
            step += s.isGather() ? s.branches().stream().mapToInt(List::size).sum() : 1;
        }
        return step;
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private static String label(Span sp) {
        return "R" + sp.requestId();
    }

    /**
     * "the loop" / "the thread" with one worker, "loop 2" / "thread 2" with more; with several sync processes
     * "thread 2 of process 1", or "the thread of process 2" with one thread each (a loop is its own process).
     */
    private String workerName(int w) {
        String noun = server.policy().workerNoun();
        if (server.workerCount() == 1) {
            return "the " + noun;
        }
        if (sync && server.processes() > 1) {
            int process = server.processOf(w) + 1;
            return server.workers() == 1 ? "the " + noun + " of process " + process
                    : noun + " " + (w % server.workers() + 1) + " of process " + process;
        }
        return noun + " " + (w + 1);
    }

    private String worker(Span sp) {
        return sp.worker().isPresent() ? workerName(sp.worker().getAsInt()) : (sync ? "a thread" : "its loop");
    }

    /** How a sync request refers to the thread it holds: "the thread", or "thread 2" when there are several. */
    private String ownWorker(Span sp) {
        return server.workerCount() == 1 ? "the thread" : worker(sp);
    }

    private List<Segment> segmentsOf(Span sp) {
        RequestType type = trace.scenario().requestTypes().get(trace.request(sp.requestId()).type());
        return Segment.steps(type.segments()).stream().map(Segment.Step::segment).toList(); // spans count a gather's branches inline
    }

    private Optional<Segment> segment(Span sp) {
        List<Segment> segments = segmentsOf(sp);
        return sp.segment() >= 0 && sp.segment() < segments.size() ? Optional.of(segments.get(sp.segment())) : Optional.empty();
    }

    private Optional<String> segmentLabel(Span sp) {
        return segment(sp).flatMap(Segment::label).filter(l -> !l.isBlank());
    }

    /** The segment's label, or its kind ("compute") when it has none; "its response" for the final turn. */
    private String segmentName(Span sp) {
        Optional<Segment> seg = segment(sp);
        if (seg.isEmpty()) {
            return "its response";
        }
        return seg.get().label().filter(l -> !l.isBlank()).orElse(seg.get().kind() == SegmentKind.COMPUTE ? "compute" : seg.get().kind().jsonName());
    }

    /** " (db query)" when the segment has a label. */
    private String labelSuffix(Span sp) {
        return segmentLabel(sp).map(l -> " (" + l + ")").orElse("");
    }

    /** "the shared " before a shared-latency resource's name, else nothing. */
    private String sharedPrefix(String res) {
        Resource resource = resources.get(res);
        return resource != null && resource.shared() ? "the shared " : "";
    }

    private Optional<String> resourceOf(Span sp) {
        return segment(sp).flatMap(Segment::on);
    }

    /** "database", "time.sleep", or "its wait". */
    private String returnedFrom(Span sp) {
        return resourceOf(sp).orElse(segmentLabel(sp).orElse(sp.state() == SpanState.BLOCKED ? "its blocking call" : "its wait"));
    }
}
