package io.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.interleave.scenario.Policy;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.Segment;
import io.interleave.scenario.SegmentKind;
import io.interleave.trace.RequestRecord;
import io.interleave.trace.Span;
import io.interleave.trace.SpanState;
import io.interleave.trace.Trace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The invariants of SPEC section 7, checked on one trace; each throws an AssertionError naming what broke. */
public final class TraceChecks {
    /** Floating-point slack for sums of durations (times themselves are compared exactly). */
    static final double EPS = 1e-6;

    private TraceChecks() {
    }

    /** Every invariant at once. */
    public static void all(Trace trace) {
        everyRequestAccountedFor(trace);
        spansTileArrivalToFinish(trace);
        segmentsRunOnceInOrder(trace);
        spanStatesMatchThePolicy(trace);
        computeFitsTheCores(trace);
        oneRequestAtATimeHoldsAWorker(trace);
        busyCoreTimeIsComputeTime(trace);
        noCoreIdlesWhileComputeIsReady(trace);
        oneComputeAtATimePerGil(trace);
        backgroundTasksRunTheirSegments(trace);
    }

    /**
     * With a GIL, at most one span of a process computes at any instant (its threads, or its loop and its pool
     * threads), and only a server with a GIL has spans waiting for one. (A waiting span holds no core: see
     * {@link #spanStatesMatchThePolicy}.)
     */
    public static void oneComputeAtATimePerGil(Trace trace) {
        io.interleave.scenario.Server server = trace.scenario().server();
        if (!server.gil()) {
            assertThat(trace.spans()).as("no GIL, no span waits for one")
                    .noneMatch(s -> s.state() == SpanState.WAITING_GIL);
            return;
        }
        for (int p = 0; p < server.processCount(); p++) {
            int process = p;
            assertNoOverlap(computeSpans(trace).stream().filter(s -> processOf(server, s) == process).toList(),
                    "computes of process " + p + " (one GIL)");
        }
    }

    /** The process a span ran in: its pool thread's, else its thread's or loop's. */
    static int processOf(io.interleave.scenario.Server server, Span s) {
        if (s.poolThread().isPresent()) {
            return server.processOfPoolThread(s.poolThread().getAsInt());
        }
        return server.processOf(s.worker().getAsInt());
    }

    /**
     * A background task's spans tile [its start, its finish] (it starts when its request reaches the
     * spawn, never before), it runs each of its segments once, in order, for its sampled duration,
     * and it is on its request's loop under the event loop. A task of 0 ms segments has no span.
     */
    public static void backgroundTasksRunTheirSegments(Trace trace) {
        Scenario scenario = trace.scenario();
        List<double[]> durations = TestScenarios.sampledDurations(scenario);
        boolean loop = !scenario.server().policy().waitsHoldWorker();
        for (io.interleave.trace.TaskRecord task : trace.program().tasks()) {
            if (!task.background()) {
                continue;
            }
            RequestRecord r = trace.request(task.spawnedBy());
            assertThat(task.startMs()).as("%s starts after its request arrived", task.name()).isGreaterThanOrEqualTo(r.arrivalMs());
            assertThat(task.startMs()).as("%s starts before its request ended", task.name()).isLessThanOrEqualTo(r.finishMs());
            List<Span> spans = trace.spans().stream().filter(sp -> sp.requestId() == task.id()).toList();
            if (task.durationMs() == 0) {
                assertThat(spans).as("%s took no time: no spans", task.name()).isEmpty();
                continue;
            }
            assertThat(spans.get(0).startMs()).as("%s first span", task.name()).isEqualTo(task.startMs());
            assertThat(spans.get(spans.size() - 1).endMs()).as("%s last span", task.name()).isEqualTo(task.finishMs());
            for (int i = 1; i < spans.size(); i++) {
                assertThat(spans.get(i).startMs()).as("%s span %s starts where the one before ends", task.name(), spans.get(i))
                        .isEqualTo(spans.get(i - 1).endMs());
            }
            if (loop) {
                assertThat(task.worker()).as("%s runs on its request's loop", task.name()).isEqualTo(r.worker());
            }
            List<Segment.Step> steps = Segment.steps(scenario.requestTypes().get(r.type()).segments());
            double[] ms = durations.get(r.id() - 1);
            double[] worked = new double[ms.length];
            int last = 0;
            double compute = 0;
            for (Span span : spans) {
                assertThat(span.segment()).as("%s: %s segment index never decreases", task.name(), span).isGreaterThanOrEqualTo(last);
                last = span.segment();
                assertThat(steps.get(span.segment()).spawn()).as("%s: %s is on a step of its spawn", task.name(), span).isEqualTo(task.kind());
                if (span.state() == SpanState.COMPUTE || span.state() == SpanState.WAIT || span.state() == SpanState.BLOCKED) {
                    worked[span.segment()] += span.durationMs();
                }
            }
            for (int s = 0; s < ms.length; s++) {
                if (steps.get(s).spawn() == task.kind()) {
                    assertThat(worked[s]).as("%s step %d ran for its sampled duration", task.name(), s).isCloseTo(ms[s], within(EPS));
                    if (steps.get(s).segment().kind() == SegmentKind.COMPUTE) {
                        compute += ms[s];
                    }
                }
            }
            assertThat(task.computeMs()).as("%s computeMs", task.name()).isCloseTo(compute, within(EPS));
        }
    }

    /** Ids 1..n, one record per request sent, rejected requests have no spans and no worker. */
    public static void everyRequestAccountedFor(Trace trace) {
        assertThat(trace.requests()).hasSize(trace.scenario().arrivals().count());
        for (RequestRecord r : trace.requests()) {
            if (!r.rejected()) {
                assertThat(r.worker()).as("%s worker", r.label()).isPresent();
                assertThat(r.worker().getAsInt()).isBetween(0, trace.scenario().server().workerCount() - 1);
            } else {
                assertThat(r.worker()).as("%s rejected has no worker", r.label()).isEmpty();
                assertThat(r.startMs()).isEqualTo(r.arrivalMs());
                assertThat(r.finishMs()).isEqualTo(r.arrivalMs());
                assertThat(trace.spansOf(r.id())).as("%s rejected has no spans", r.label()).isEmpty();
            }
        }
    }

    /**
     * A request's spans tile [arrival, finish]: no gap, no overlap. With a
     * gather, the request's own spans and its gathers tile it: each branch's
     * spans tile the branch (no overlap within a branch), the branches
     * together cover the gather, and the request's own spans overlap no
     * branch. Under the event loop every branch of a gather starts when the
     * gather does; on a sync thread they run one after another.
     */
    public static void spansTileArrivalToFinish(Trace trace) {
        for (RequestRecord r : trace.requests()) {
            List<Span> all = trace.spansOf(r.id());
            if (all.stream().anyMatch(s -> s.branch().isPresent())) {
                gatherSpansTile(trace, r, all);
                continue;
            }
            List<Span> spans = all;
            if (r.rejected() || r.responseMs() == 0) {
                assertThat(spans).as("%s spans", r.label()).isEmpty();
                continue;
            }
            assertThat(spans).as("%s spans", r.label()).isNotEmpty();
            assertThat(spans.get(0).startMs()).as("%s first span starts at arrival", r.label()).isEqualTo(r.arrivalMs());
            for (int i = 1; i < spans.size(); i++) {
                assertThat(spans.get(i).startMs())
                        .as("%s span %d (%s) starts where span %d (%s) ends", r.label(), i, spans.get(i), i - 1, spans.get(i - 1))
                        .isEqualTo(spans.get(i - 1).endMs());
            }
            assertThat(spans.get(spans.size() - 1).endMs()).as("%s last span ends at finish", r.label()).isEqualTo(r.finishMs());
            for (Span s : spans) {
                assertThat(s.startMs()).as("%s: %s starts at or after start", r.label(), s)
                        .isGreaterThanOrEqualTo(s.state() == SpanState.QUEUED ? r.arrivalMs() : r.startMs());
                if (s.state() == SpanState.QUEUED) {
                    assertThat(s.endMs()).as("%s: %s queued only before start", r.label(), s).isLessThanOrEqualTo(r.startMs());
                }
            }
        }
    }

    private static void gatherSpansTile(Trace trace, RequestRecord r, List<Span> all) {
        assertThat(r.rejected()).as("%s with branch spans was taken up", r.label()).isFalse();
        List<Span> own = all.stream().filter(s -> s.branch().isEmpty()).toList();
        assertNoOverlap(own, r.label() + " own spans");
        for (int b = 0; b < io.interleave.scenario.Segment.MAX_BRANCHES; b++) {
            int branch = b;
            assertNoOverlap(all.stream().filter(s -> s.branchIndex() == branch).toList(), r.label() + " branch " + b);
        }
        for (Span o : own) {
            for (Span s : all) {
                if (s.branch().isPresent()) {
                    assertThat(Math.min(o.endMs(), s.endMs()) <= Math.max(o.startMs(), s.startMs()))
                            .as("%s: own span %s overlaps branch span %s", r.label(), o, s).isTrue();
                }
            }
        }
        // the union covers [arrival, finish] without a gap
        List<Span> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparingDouble(Span::startMs));
        assertThat(sorted.get(0).startMs()).as("%s first span starts at arrival", r.label()).isEqualTo(r.arrivalMs());
        double covered = sorted.get(0).startMs();
        boolean loop = !trace.scenario().server().policy().waitsHoldWorker();
        for (Span s : sorted) {
            assertThat(s.startMs()).as("%s: %s leaves no gap before it (covered to %s)", r.label(), s, covered).isLessThanOrEqualTo(covered);
            covered = Math.max(covered, s.endMs());
        }
        assertThat(covered).as("%s spans end at finish", r.label()).isEqualTo(r.finishMs());
        // every branch span is on a step of its own branch; the gather it belongs to is that step's
        List<Segment.Step> steps = Segment.steps(trace.scenario().requestTypes().get(r.type()).segments());
        java.util.Map<Integer, List<Span>> byGather = new java.util.TreeMap<>();
        for (Span s : all) {
            if (s.branch().isEmpty()) {
                continue;
            }
            assertThat(s.segment()).as("%s: %s is on a step", r.label(), s).isBetween(0, steps.size() - 1);
            Segment.Step step = steps.get(s.segment());
            assertThat(step.branch()).as("%s: %s is on a step of its branch", r.label(), s).isEqualTo(s.branchIndex());
            byGather.computeIfAbsent(step.gather(), g -> new ArrayList<>()).add(s);
        }
        if (loop) {
            // every branch begins when its gather does
            for (List<Span> gather : byGather.values()) {
                double start = gather.stream().mapToDouble(Span::startMs).min().orElseThrow();
                for (int b = 0; b < Segment.MAX_BRANCHES; b++) {
                    int branch = b;
                    gather.stream().filter(s -> s.branchIndex() == branch).findFirst().ifPresent(first ->
                            assertThat(first.startMs()).as("%s: branch %d (%s) starts with its gather", r.label(), branch, first)
                                    .isEqualTo(start));
                }
            }
        } else {
            // a sync thread: at most one span at any instant (the branches run one after another)
            assertNoOverlap(all, r.label() + " on its thread");
        }
    }

    /**
     * Every segment with a duration runs exactly once, in order: span segment
     * indexes never decrease, the compute spans of a compute segment sum to its
     * duration, the wait or blocked spans of a wait or block segment sum to
     * its duration, and a zero segment leaves no working span.
     */
    public static void segmentsRunOnceInOrder(Trace trace) {
        Scenario scenario = trace.scenario();
        List<double[]> durations = TestScenarios.sampledDurations(scenario);
        for (RequestRecord r : trace.requests()) {
            double[] ms = durations.get(r.id() - 1);
            List<Segment> segments = Segment.steps(scenario.requestTypes().get(r.type()).segments()).stream()
                    .map(Segment.Step::segment).toList(); // a gather's branches inline
            assertThat(ms).hasSize(segments.size());
            int own = Segment.ownSteps(scenario.requestTypes().get(r.type()).segments()); // its spawned tasks' steps follow
            double compute = 0;
            double waits = 0;
            for (int s = 0; s < own; s++) {
                if (segments.get(s).kind() == SegmentKind.COMPUTE) {
                    compute += ms[s];
                } else {
                    waits += ms[s];
                }
            }
            assertThat(r.computeMs()).as("%s computeMs", r.label()).isCloseTo(compute, within(EPS));
            assertThat(r.waitMs()).as("%s waitMs", r.label()).isCloseTo(waits, within(EPS));
            if (r.rejected()) {
                continue;
            }
            boolean cancelled = r.status() == io.interleave.trace.Status.CANCELLED; // its segments stop where it was cancelled
            List<Span> spans = trace.spansOf(r.id());
            double[] worked = new double[ms.length];
            int[] lastSegment = new int[Segment.MAX_BRANCHES + 1]; // per branch (the request's own at the end)
            for (Span span : spans) {
                int b = span.branch().orElse(Segment.MAX_BRANCHES);
                assertThat(span.segment()).as("%s: %s segment index never decreases", r.label(), span).isGreaterThanOrEqualTo(lastSegment[b]);
                assertThat(span.segment()).as("%s: %s segment index", r.label(), span).isBetween(0, own);
                lastSegment[b] = span.segment();
                SpanState state = span.state();
                if (state == SpanState.COMPUTE || state == SpanState.WAIT || state == SpanState.BLOCKED
                        || state == SpanState.WAITING_RESOURCE) {
                    assertThat(span.segment()).as("%s: %s is on a real segment", r.label(), span).isLessThan(own);
                    Segment seg = segments.get(span.segment());
                    SpanState expected = switch (seg.kind()) {
                        case COMPUTE -> SpanState.COMPUTE;
                        case WAIT -> SpanState.WAIT;
                        case BLOCK -> SpanState.BLOCKED;
                        case GATHER -> throw new AssertionError("a step is never a gather");
                        case SPAWN -> throw new AssertionError("a spawn takes no time: " + span);
                    };
                    if (state == SpanState.WAITING_RESOURCE) {
                        assertThat(seg.on()).as("%s: %s waits for a resource its segment names", r.label(), span).isPresent();
                    } else {
                        assertThat(state).as("%s: %s matches segment kind %s", r.label(), span, seg.kind()).isEqualTo(expected);
                        worked[span.segment()] += span.durationMs();
                    }
                }
            }
            for (int s = 0; s < own; s++) {
                boolean shared = segments.get(s).on().flatMap(name -> scenario.resourceIndex(name).stream().boxed().findFirst())
                        .map(i -> scenario.resources().get(i).shared()).orElse(false);
                if (cancelled) {
                    assertThat(worked[s]).as("%s segment %d (cancelled) ran at most its sampled duration", r.label(), s)
                            .isLessThanOrEqualTo(ms[s] + EPS);
                    continue;
                }
                if (shared) { // a shared service stretches a call while others are inside, never shortens it
                    assertThat(worked[s]).as("%s segment %d (%s, shared) ran at least its sampled duration", r.label(), s,
                            segments.get(s).kind()).isGreaterThanOrEqualTo(ms[s] - EPS);
                    continue;
                }
                assertThat(worked[s]).as("%s segment %d (%s) ran for its sampled duration", r.label(), s, segments.get(s).kind())
                        .isCloseTo(ms[s], within(EPS));
            }
        }
    }

    /** Which spans hold the worker, which carry a worker and a core. */
    public static void spanStatesMatchThePolicy(Trace trace) {
        boolean loop = !trace.scenario().server().policy().waitsHoldWorker();
        boolean pool = trace.scenario().server().policy() == Policy.EVENT_LOOP_POOL;
        for (RequestRecord r : trace.requests()) {
            for (Span span : trace.spansOf(r.id())) {
                String what = r.label() + ": " + span;
                List<io.interleave.scenario.Segment> segs = Segment.steps(trace.scenario().requestTypes().get(r.type()).segments())
                        .stream().map(Segment.Step::segment).toList();
                if (pool && span.segment() < segs.size() && segs.get(span.segment()).offload()
                        && !(span.state() == SpanState.READY && span.holdsWorker())) {
                    // on a pool thread (or queued for one): drawn on the request's loop, never holding it
                    assertThat(span.worker()).as(what + " is on the request's loop").isEqualTo(r.worker());
                    assertThat(span.holdsWorker()).as(what + " does not hold the loop").isFalse();
                    assertThat(span.core().isPresent()).as(what + " has a core iff it computes")
                            .isEqualTo(span.state() == SpanState.COMPUTE);
                    continue;
                }
                if (span.state() == SpanState.COMPUTE) {
                    assertThat(span.core()).as(what).isPresent();
                    assertThat(span.core().getAsInt()).as(what).isBetween(0, trace.scenario().server().cores() - 1);
                } else {
                    assertThat(span.core()).as(what + " has no core").isEmpty();
                }
                if (span.state() == SpanState.QUEUED && !loop) {
                    assertThat(span.worker()).as(what + " is not yet on a thread").isEmpty();
                } else {
                    assertThat(span.worker()).as(what + " is on the request's worker").isEqualTo(r.worker());
                }
                boolean expectedHold;
                switch (span.state()) {
                    case QUEUED -> expectedHold = false;
                    case COMPUTE, BLOCKED -> expectedHold = true;
                    case WAIT -> expectedHold = !loop;
                    case WAITING_RESOURCE -> expectedHold = !loop
                            || segs.get(span.segment()).kind() == SegmentKind.BLOCK;
                    // sync: ready = holding the thread, waiting for a core. Event loop: either
                    // waiting for a core while holding the loop, or a continuation awaiting its turn.
                    case READY -> expectedHold = !loop || span.holdsWorker();
                    // a thread or loop waiting for its process's GIL holds itself (a pool thread's is above)
                    case WAITING_GIL -> expectedHold = true;
                    default -> throw new AssertionError(span.state());
                }
                assertThat(span.holdsWorker()).as(what + " holdsWorker").isEqualTo(expectedHold);
            }
        }
    }

    /** At most one compute per core, per worker, and at most {@code cores} at any instant. */
    public static void computeFitsTheCores(Trace trace) {
        int cores = trace.scenario().server().cores();
        List<Span> computes = computeSpans(trace);
        List<double[]> edges = new ArrayList<>();
        for (Span s : computes) {
            edges.add(new double[] {s.startMs(), +1});
            edges.add(new double[] {s.endMs(), -1});
        }
        edges.sort(Comparator.<double[]>comparingDouble(e -> e[0]).thenComparingDouble(e -> e[1])); // ends first
        int running = 0;
        for (double[] e : edges) {
            running += (int) e[1];
            assertThat(running).as("computes running at %s", e[0]).isLessThanOrEqualTo(cores);
        }
        for (int c = 0; c < cores; c++) {
            assertNoOverlap(trace.coreLane(c), "core " + c);
        }
        for (int w = 0; w < trace.scenario().server().workerCount(); w++) {
            int worker = w;
            assertNoOverlap(computes.stream().filter(s -> s.worker().getAsInt() == worker && s.holdsWorker()).toList(),
                    "computes of worker " + w); // offloaded compute runs on a pool thread, beside its loop
        }
    }

    /** A thread or loop is held by one request at a time. */
    public static void oneRequestAtATimeHoldsAWorker(Trace trace) {
        for (int w = 0; w < trace.scenario().server().workerCount(); w++) {
            List<Span> lane = trace.workerLane(w);
            for (Span s : lane) {
                assertThat(s.holdsWorker()).isTrue();
            }
            assertNoOverlap(lane, "worker " + w);
        }
    }

    /**
     * Busy CPU time equals the total compute of the requests the server took up; a cancelled one
     * counts the compute it did before its cancellation took effect.
     */
    public static void busyCoreTimeIsComputeTime(Trace trace) {
        java.util.Set<Integer> cancelled = new java.util.HashSet<>();
        trace.requests().stream().filter(r -> r.status() == io.interleave.trace.Status.CANCELLED).forEach(r -> cancelled.add(r.id()));
        double compute = trace.requests().stream().filter(r -> !r.rejected() && !cancelled.contains(r.id()))
                .mapToDouble(RequestRecord::computeMs).sum()
                + trace.program().tasks().stream().mapToDouble(io.interleave.trace.TaskRecord::computeMs).sum() // background tasks
                + computeSpans(trace).stream().filter(s -> cancelled.contains(s.requestId())).mapToDouble(Span::durationMs).sum();
        double spans = computeSpans(trace).stream().mapToDouble(Span::durationMs).sum();
        assertThat(trace.totals().busyCoreMs()).as("busy core time vs compute of completed requests").isCloseTo(compute, within(EPS));
        assertThat(spans).as("compute spans vs compute of completed requests").isCloseTo(compute, within(EPS));
    }

    /** Whenever a request waits for a core (READY while holding its worker), every core is computing. */
    public static void noCoreIdlesWhileComputeIsReady(Trace trace) {
        int cores = trace.scenario().server().cores();
        List<Span> computes = computeSpans(trace);
        for (Span ready : trace.spans()) {
            if (ready.state() != SpanState.READY || !ready.holdsWorker()) {
                continue;
            }
            double busy = 0;
            for (Span c : computes) {
                busy += Math.max(0, Math.min(c.endMs(), ready.endMs()) - Math.max(c.startMs(), ready.startMs()));
            }
            assertThat(busy).as("core time used during %s (cores %d)", ready, cores)
                    .isCloseTo(cores * ready.durationMs(), within(EPS));
        }
    }

    static List<Span> computeSpans(Trace trace) {
        return trace.spans().stream().filter(s -> s.state() == SpanState.COMPUTE).toList();
    }

    private static void assertNoOverlap(List<Span> spans, String where) {
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingDouble(Span::startMs));
        for (int i = 1; i < sorted.size(); i++) {
            assertThat(sorted.get(i).startMs())
                    .as("%s: %s overlaps %s", where, sorted.get(i), sorted.get(i - 1))
                    .isGreaterThanOrEqualTo(sorted.get(i - 1).endMs());
        }
    }
}
