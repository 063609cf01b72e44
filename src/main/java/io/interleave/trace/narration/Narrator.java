package io.interleave.trace.narration;

import io.interleave.scenario.Policy;
import io.interleave.scenario.RequestType;
import io.interleave.scenario.Resource;
import io.interleave.scenario.Segment;
import io.interleave.scenario.SegmentKind;
import io.interleave.scenario.Server;
import io.interleave.trace.RequestRecord;
import io.interleave.trace.Span;
import io.interleave.trace.SpanState;
import io.interleave.trace.Trace;
import io.interleave.trace.narration.NarrationLine.Clause;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
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
 * <p>The narrator sweeps the instants in order and keeps who holds each
 * thread or loop, who queues, and which cores and resource slots are busy,
 * so each clause can say why ("all 4 busy", "running R2"). Long runs are
 * narrated up to {@link #MAX_LINES} instants; a last line says where the
 * narration stops.
 */
public final class Narrator {
    /** Instants narrated at most; the rest of a long run is summed up in one line. */
    public static final int MAX_LINES = 2_000;

    private final Trace trace;
    private final Server server;
    private final boolean sync;
    private final Map<String, Resource> resources = new HashMap<>();

    // The sweep's state just after the current instant.
    private final int[] holder;
    private final Span[] holderSpan;
    private final int[] readyOn;
    private final List<LinkedHashSet<Integer>> queues = new ArrayList<>();
    private final int[] coreHolder;
    private final boolean[] releasedNow;

    private Narrator(Trace trace) {
        this.trace = trace;
        this.server = trace.scenario().server();
        this.sync = server.policy() == Policy.SYNC;
        for (Resource r : trace.scenario().resources()) {
            resources.put(r.name(), r);
        }
        holder = new int[server.workers()];
        holderSpan = new Span[server.workers()];
        readyOn = new int[server.workers()];
        releasedNow = new boolean[server.workers()];
        coreHolder = new int[server.cores()];
        for (int w = 0; w < (sync ? 1 : server.workers()); w++) {
            queues.add(new LinkedHashSet<>());
        }
    }

    /** The narration of a whole trace, up to {@link #MAX_LINES} instants. */
    public static Narration narrate(Trace trace) {
        return narrate(trace, MAX_LINES);
    }

    /** The narration of a trace, up to {@code maxLines} instants (and a closing line if it stops early). */
    public static Narration narrate(Trace trace, int maxLines) {
        if (maxLines < 1) {
            throw new IllegalArgumentException("maxLines: must be >= 1, was " + maxLines);
        }
        return new Narrator(trace).run(maxLines);
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
            if (r.completed() && r.finishMs() <= cutoff) {
                finishes.add(r);
            }
            List<Span> spans = trace.spansOf(r.id());
            for (int i = 0; i < spans.size() && spans.get(i).startMs() <= cutoff; i++) {
                starts.add(new Step(spans.get(i), i));
            }
        }
        List<Step> ends = new ArrayList<>();
        for (Step s : starts) {
            if (s.span().endMs() <= cutoff) {
                ends.add(s);
            }
        }
        Comparator<Step> byRequest = Comparator.comparingInt(s -> s.span().requestId());
        starts.sort(Comparator.comparingDouble((Step s) -> s.span().startMs()).thenComparing(byRequest));
        ends.sort(Comparator.comparingDouble((Step s) -> s.span().endMs()).thenComparing(byRequest));
        arrivals.sort(Comparator.comparingDouble(RequestRecord::arrivalMs).thenComparingInt(RequestRecord::id));
        finishes.sort(Comparator.comparingDouble(RequestRecord::finishMs).thenComparingInt(RequestRecord::id));

        List<NarrationLine> lines = new ArrayList<>();
        int s = 0;
        int e = 0;
        int a = 0;
        int f = 0;
        for (int i = 0; i < count; i++) {
            double t = times[i];
            java.util.Arrays.fill(releasedNow, false);
            for (; e < ends.size() && ends.get(e).span().endMs() <= t; e++) {
                leave(ends.get(e).span());
            }
            List<Step> startedNow = new ArrayList<>();
            for (; s < starts.size() && starts.get(s).span().startMs() <= t; s++) {
                enter(starts.get(s).span());
                startedNow.add(starts.get(s));
            }
            List<Ordered> clauses = new ArrayList<>();
            for (; f < finishes.size() && finishes.get(f).finishMs() <= t; f++) {
                clauses.add(done(finishes.get(f)));
            }
            List<Integer> arrivedNow = new ArrayList<>();
            List<RequestRecord> rejectedNow = new ArrayList<>();
            for (; a < arrivals.size() && arrivals.get(a).arrivalMs() <= t; a++) {
                RequestRecord r = arrivals.get(a);
                arrivedNow.add(r.id());
                if (!r.completed()) {
                    rejectedNow.add(r);
                } else if (trace.spansOf(r.id()).isEmpty()) {
                    clauses.add(new Ordered(2, new Clause(r.id(), NarrationKind.ARRIVED, r.label() + " arrives and is done at once")));
                }
            }
            if (!rejectedNow.isEmpty()) {
                clauses.add(rejected(rejectedNow));
            }
            for (Step step : startedNow) {
                boolean arriving = step.index() == 0 && arrivedNow.contains(step.span().requestId());
                clauses.add(arriving ? arrival(step.span()) : transition(step));
            }
            clauses.addAll(idle());
            if (!clauses.isEmpty()) {
                lines.add(line(t, clauses));
            }
        }
        boolean truncated = times.length > count;
        if (truncated) {
            String text = "The narration stops here, after " + String.format(java.util.Locale.ROOT, "%,d", count)
                    + " moments; the run goes on to " + Words.ms(trace.endMs()) + ".";
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

    // ------------------------------------------------------------------ state

    private void enter(Span sp) {
        int w = sp.worker().orElse(-1);
        if (sp.holdsWorker() && w >= 0) {
            holder[w] = sp.requestId();
            holderSpan[w] = sp;
        }
        switch (sp.state()) {
            case QUEUED -> queue(sp).add(sp.requestId());
            case READY -> {
                if (w >= 0) {
                    readyOn[w]++;
                }
            }
            case COMPUTE -> sp.core().ifPresent(c -> coreHolder[c] = sp.requestId());
            default -> {
            }
        }
    }

    private void leave(Span sp) {
        int w = sp.worker().orElse(-1);
        if (sp.holdsWorker() && w >= 0 && holder[w] == sp.requestId()) {
            holder[w] = 0;
            holderSpan[w] = null;
            releasedNow[w] = true;
        }
        switch (sp.state()) {
            case QUEUED -> queue(sp).remove(sp.requestId());
            case READY -> {
                if (w >= 0) {
                    readyOn[w]--;
                }
            }
            case COMPUTE -> sp.core().ifPresent(c -> {
                if (coreHolder[c] == sp.requestId()) {
                    coreHolder[c] = 0;
                }
            });
            default -> {
            }
        }
    }

    private LinkedHashSet<Integer> queue(Span sp) {
        return sync ? queues.get(0) : queues.get(Math.max(0, sp.worker().orElse(0)));
    }

    // ---------------------------------------------------------------- clauses

    private Ordered done(RequestRecord r) {
        String text = r.label() + " done in " + Words.ms(r.responseMs()) + " (alone: " + Words.ms(r.aloneMs());
        double slowdown = r.slowdown();
        if (!Double.isNaN(slowdown) && !Words.times(slowdown).equals("1.0x")) {
            text += ", " + Words.times(slowdown) + " as long";
        }
        return new Ordered(0, new Clause(r.id(), NarrationKind.COMPLETED, text + ")"));
    }

    /** "R6 arrives and is turned away (queue full: …)"; several at one instant in one clause. */
    private Ordered rejected(List<RequestRecord> rs) {
        String waiting = sync ? "waiting for a thread" : "waiting to start";
        String why = server.queueLimit().isPresent()
                ? " (queue full: " + server.queueLimit().getAsInt() + " already " + waiting + ")"
                : "";
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
            case COMPUTE -> worker(sp) + " runs it (" + segmentName(sp) + ")";
            case QUEUED -> queuedWhy(sp);
            case READY -> cpuWhy(sp);
            case WAIT -> awaits(sp);
            case WAITING_RESOURCE -> slotWhy(sp);
            case BLOCKED -> blocks(sp);
        };
        return new Ordered(2, new Clause(sp.requestId(), NarrationKind.ARRIVED, r + " arrives; " + then));
    }

    /** A request moves from one span to the next. */
    private Ordered transition(Step step) {
        Span sp = step.span();
        List<Span> spans = trace.spansOf(sp.requestId());
        Span prev = spans.get(step.index() - 1);
        String r = label(sp);
        boolean fromWait = prev.state() == SpanState.WAIT || prev.state() == SpanState.BLOCKED
                || prev.state() == SpanState.WAITING_RESOURCE;
        String back = r + " back from " + returnedFrom(prev);
        return switch (sp.state()) {
            case COMPUTE -> {
                if (fromWait) {
                    yield new Ordered(3, new Clause(sp.requestId(), NarrationKind.RUNNING, back + "; " + worker(sp) + " runs it (" + segmentName(sp) + ")"));
                }
                String verb = "runs";
                if (prev.state() == SpanState.QUEUED) {
                    verb = sync ? "picks up" : "starts";
                } else if (prev.state() == SpanState.READY && step.index() >= 2
                        && spans.get(step.index() - 2).state() == SpanState.COMPUTE
                        && spans.get(step.index() - 2).segment() == sp.segment()) {
                    verb = "resumes";
                } else if (prev.state() == SpanState.COMPUTE) {
                    yield new Ordered(3, new Clause(sp.requestId(), NarrationKind.RUNNING, r + " goes on to " + segmentName(sp)));
                }
                yield new Ordered(3, new Clause(sp.requestId(), NarrationKind.RUNNING, worker(sp) + " " + verb + " " + r + " (" + segmentName(sp) + ")"));
            }
            case WAIT -> prev.state() == SpanState.WAITING_RESOURCE
                    ? new Ordered(1, new Clause(sp.requestId(), NarrationKind.AWAITING, r + " gets a " + resourceOf(sp).orElse("resource")
                            + " slot and " + (sync ? "waits on it" : "awaits it") + labelSuffix(sp)))
                    : new Ordered(1, new Clause(sp.requestId(), NarrationKind.AWAITING, r + " " + awaits(sp)));
            case WAITING_RESOURCE -> new Ordered(1, new Clause(sp.requestId(), NarrationKind.WAITING_FOR_RESOURCE, r + " " + slotWhy(sp)));
            case BLOCKED -> new Ordered(1, new Clause(sp.requestId(), NarrationKind.BLOCKED, r + " " + blocks(sp)));
            case READY -> {
                if (prev.state() == SpanState.COMPUTE && prev.segment() == sp.segment()) {
                    yield new Ordered(1, new Clause(sp.requestId(), NarrationKind.WAITING_FOR_CPU, r + "'s time slice is up; it " + cpuWhy(sp)));
                }
                String head = fromWait ? back : prev.state() == SpanState.QUEUED ? worker(sp) + " picks up " + r : r;
                String tail = fromWait || prev.state() == SpanState.QUEUED ? "; it " + cpuWhy(sp) : " " + cpuWhy(sp);
                yield new Ordered(4, new Clause(sp.requestId(), NarrationKind.WAITING_FOR_CPU, head + tail));
            }
            case QUEUED -> new Ordered(4, new Clause(sp.requestId(), NarrationKind.QUEUED, r + " " + queuedWhy(sp)));
        };
    }

    /** "the thread is idle" for each thread or loop let go at this instant with nothing left to do. */
    private List<Ordered> idle() {
        List<Ordered> out = new ArrayList<>();
        for (int w = 0; w < holder.length; w++) {
            boolean waiting = readyOn[w] > 0 || (!sync && !queues.get(w).isEmpty()) || (sync && !queues.get(0).isEmpty());
            if (releasedNow[w] && holder[w] == 0 && !waiting) {
                out.add(new Ordered(5, new Clause(0, NarrationKind.IDLE, workerName(w) + " is idle")));
            }
        }
        return out;
    }

    /** "awaits database (db query)" (event loop) or "waits on database (db query), holding the thread" (sync). */
    private String awaits(Span sp) {
        String target = resourceOf(sp).map(res -> res + labelSuffix(sp)).orElse(segmentLabel(sp).orElse("I/O"));
        return sync ? "waits on " + target + ", holding " + ownWorker(sp) : "awaits " + target;
    }

    /** "blocks the loop (time.sleep)" or "blocks in time.sleep, holding the thread". */
    private String blocks(Span sp) {
        String what = segmentLabel(sp).orElse("a blocking call") + resourceOf(sp).map(res -> " on " + res).orElse("");
        return sync ? "blocks in " + what + ", holding " + ownWorker(sp) : "blocks " + worker(sp) + " (" + what + ")";
    }

    /** "waits for a database slot (all 2 in use)". */
    private String slotWhy(Span sp) {
        String res = resourceOf(sp).orElse("resource");
        Resource resource = resources.get(res);
        String inUse = resource != null && resource.capacity().isPresent()
                ? " (" + all(resource.capacity().getAsInt()) + " in use)"
                : "";
        return "waits for a " + res + " slot" + inUse + (sync ? ", holding " + ownWorker(sp) : "");
    }

    /** Why a request that arrives or is handed back cannot run yet: waiting for its thread, its loop or a core. */
    private String queuedWhy(Span sp) {
        LinkedHashSet<Integer> queue = queue(sp);
        List<Integer> ahead = new ArrayList<>();
        for (int id : queue) {
            if (id == sp.requestId()) {
                break;
            }
            ahead.add(id);
        }
        if (!ahead.isEmpty()) {
            String behind = "queued behind R" + ahead.get(ahead.size() - 1);
            return ahead.size() == 1 ? behind : behind + " (" + ahead.size() + " waiting ahead)";
        }
        if (sync) {
            if (server.workers() == 1) {
                return "waits for the thread (" + holderWhy(0, sp.requestId()).orElse("busy") + ")";
            }
            return "waits for a thread (" + all(server.workers()) + " busy)";
        }
        int w = sp.worker().orElse(0);
        Optional<String> why = holderWhy(w, sp.requestId());
        if (why.isPresent()) {
            return "waits for " + workerName(w) + " (" + why.get() + ")";
        }
        return server.maxConcurrency().isPresent()
                ? "waits for " + workerName(w) + " (at its limit of " + server.maxConcurrency().getAsInt() + " in flight)"
                : "waits for " + workerName(w);
    }

    /** "waits for the loop (running R2)", "waits for the core (running R3)", "waits for a core (all 4 busy)". */
    private String cpuWhy(Span sp) {
        int w = sp.worker().orElse(-1);
        if (sp.segment() >= segmentsOf(sp).size()) {
            return "waits for " + (w >= 0 ? workerName(w) : "its worker") + " to send its response"
                    + (w >= 0 ? holderWhy(w, sp.requestId()).map(s -> " (" + s + ")").orElse("") : "");
        }
        if (!sync && w >= 0) {
            Optional<String> why = holderWhy(w, sp.requestId());
            if (why.isPresent()) {
                return "waits for " + workerName(w) + " (" + why.get() + ")";
            }
        }
        if (server.cores() == 1) {
            return "waits for the core" + (coreHolder[0] != 0 && coreHolder[0] != sp.requestId() ? " (running R" + coreHolder[0] + ")" : "");
        }
        return "waits for a core (" + all(server.cores()) + " busy)";
    }

    /** What the holder of worker {@code w} is doing, from the point of view of another request. */
    private Optional<String> holderWhy(int w, int self) {
        int q = holder[w];
        if (q == 0 || q == self || holderSpan[w] == null) {
            return Optional.empty();
        }
        Span h = holderSpan[w];
        String rq = "R" + q;
        return Optional.of(switch (h.state()) {
            case COMPUTE -> "running " + rq;
            case BLOCKED -> rq + (sync ? " holds it, blocked in " : " blocks it in ") + segmentLabel(h).orElse("a blocking call");
            case WAIT -> rq + " holds it while waiting on " + resourceOf(h).orElse(segmentLabel(h).orElse("I/O"));
            case WAITING_RESOURCE -> rq + " holds it while waiting for a " + resourceOf(h).orElse("resource") + " slot";
            case READY -> rq + " holds it, waiting for a core";
            case QUEUED -> "busy with " + rq;
        });
    }

    // ------------------------------------------------------------------ words

    /** "both" or "all 4". */
    private static String all(int n) {
        return n == 2 ? "both" : "all " + n;
    }

    private static String label(Span sp) {
        return "R" + sp.requestId();
    }

    /** "the loop" / "the thread" with one worker, "loop 2" / "thread 2" with more. */
    private String workerName(int w) {
        String noun = sync ? "thread" : "loop";
        return server.workers() == 1 ? "the " + noun : noun + " " + (w + 1);
    }

    private String worker(Span sp) {
        return sp.worker().isPresent() ? workerName(sp.worker().getAsInt()) : (sync ? "a thread" : "its loop");
    }

    /** How a sync request refers to the thread it holds: "the thread", or "thread 2" when there are several. */
    private String ownWorker(Span sp) {
        return server.workers() == 1 ? "the thread" : worker(sp);
    }

    private List<Segment> segmentsOf(Span sp) {
        RequestType type = trace.scenario().requestTypes().get(trace.request(sp.requestId()).type());
        return type.segments();
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

    private Optional<String> resourceOf(Span sp) {
        return segment(sp).flatMap(Segment::on);
    }

    /** "database", "time.sleep", or "its wait". */
    private String returnedFrom(Span sp) {
        return resourceOf(sp).orElse(segmentLabel(sp).orElse(sp.state() == SpanState.BLOCKED ? "its blocking call" : "its wait"));
    }
}
