package io.interleave.trace;

import io.interleave.scenario.Scenario;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The immutable result of one run: every request and every span, grouped so
 * that the timeline can draw a request's row or a worker's lane directly.
 */
public final class Trace {
    private final Scenario scenario;
    private final String label;
    private final List<RequestRecord> requests;
    private final List<Span> spans;
    private final int[] firstSpanOfRequest;
    private final RunTotals totals;
    private final List<List<Span>> workerLanes;
    private final List<List<Span>> coreLanes;
    private final List<List<Span>> poolLanes;
    private final List<Integer> usedPoolThreads;
    private final double[] eventTimes;
    private final Causes causes;
    private final Program program;

    /**
     * @param scenario the scenario as run (its server holds the policy)
     * @param requests every request, ordered by id 1..n
     * @param spans every span, in any order
     * @param totals the engine's whole-run figures
     */
    public Trace(Scenario scenario, List<RequestRecord> requests, List<Span> spans, RunTotals totals) {
        this(scenario, scenario.server().policy().displayName(), requests, spans, totals);
    }

    /**
     * @param scenario the scenario as run (its server holds the policy)
     * @param label what this run is called where runs are compared, e.g. "4 threads"
     * @param requests every request, ordered by id 1..n
     * @param spans every span, in any order
     * @param totals the engine's whole-run figures
     */
    public Trace(Scenario scenario, String label, List<RequestRecord> requests, List<Span> spans, RunTotals totals) {
        this(scenario, label, requests, spans, totals, Causes.NONE);
    }

    /**
     * @param scenario the scenario as run (its server holds the policy)
     * @param label what this run is called where runs are compared, e.g. "4 threads"
     * @param requests every request, ordered by id 1..n
     * @param spans every span, in any order
     * @param totals the engine's whole-run figures
     * @param causes why the engine made requests wait, as it ran ({@link Causes#NONE} if not recorded)
     */
    public Trace(Scenario scenario, String label, List<RequestRecord> requests, List<Span> spans, RunTotals totals,
                 Causes causes) {
        this(scenario, label, requests, spans, totals, causes, Program.NONE);
    }

    /**
     * A run that may hold a program of tasks: its tasks' spans are among
     * {@code spans} (under the tasks' ids, after the requests'), and
     * {@code program} holds the tasks, the items and the queue lengths.
     */
    public Trace(Scenario scenario, String label, List<RequestRecord> requests, List<Span> spans, RunTotals totals,
                 Causes causes, Program program) {
        this.program = Objects.requireNonNull(program, "program");
        this.causes = Objects.requireNonNull(causes, "causes");
        this.scenario = Objects.requireNonNull(scenario, "scenario");
        this.label = Objects.requireNonNull(label, "label");
        this.totals = Objects.requireNonNull(totals, "totals");
        this.requests = List.copyOf(requests);
        for (int i = 0; i < this.requests.size(); i++) {
            if (this.requests.get(i).id() != i + 1) {
                throw new IllegalArgumentException("requests must be ordered by id 1..n; position " + i + " holds R" + this.requests.get(i).id());
            }
        }
        Span[] sorted = spans.toArray(Span[]::new);
        Arrays.sort(sorted, Comparator.comparingInt(Span::requestId).thenComparingDouble(Span::startMs)
                .thenComparingInt(Span::branchIndex)); // a gather's branches that start together: the request's own span, then branch order
        this.spans = List.of(sorted);
        // ids past the requests' are a program's tasks: their spans are indexed the same way
        int lastId = Math.max(this.requests.size(), sorted.length == 0 ? 0 : sorted[sorted.length - 1].requestId());
        this.firstSpanOfRequest = new int[lastId + 2];
        int s = 0;
        for (int id = 1; id <= lastId + 1; id++) {
            while (s < sorted.length && sorted[s].requestId() < id) {
                s++;
            }
            firstSpanOfRequest[id] = s;
        }
        int workers = scenario.server().workerCount();
        int cores = scenario.server().cores();
        List<List<Span>> wl = new ArrayList<>();
        List<List<Span>> cl = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            wl.add(new ArrayList<>());
        }
        for (int c = 0; c < cores; c++) {
            cl.add(new ArrayList<>());
        }
        List<List<Span>> pl = new ArrayList<>();
        double[] times = new double[sorted.length * 2 + this.requests.size()];
        int t = 0;
        for (Span span : sorted) {
            if (span.holdsWorker() && span.worker().isPresent()) {
                wl.get(span.worker().getAsInt()).add(span);
            }
            if (span.poolThread().isPresent()) {
                int p = span.poolThread().getAsInt();
                while (pl.size() <= p) {
                    pl.add(new ArrayList<>());
                }
                pl.get(p).add(span);
            }
            if (span.core().isPresent()) {
                cl.get(span.core().getAsInt()).add(span);
            }
            times[t++] = span.startMs();
            times[t++] = span.endMs();
        }
        for (RequestRecord r : this.requests) {
            times[t++] = r.arrivalMs();
        }
        Comparator<Span> byStart = Comparator.comparingDouble(Span::startMs);
        this.workerLanes = wl.stream().map(l -> { l.sort(byStart); return List.copyOf(l); }).toList();
        this.coreLanes = cl.stream().map(l -> { l.sort(byStart); return List.copyOf(l); }).toList();
        this.poolLanes = pl.stream().map(l -> { l.sort(byStart); return List.copyOf(l); }).toList();
        List<Integer> used = new ArrayList<>();
        for (int p = 0; p < poolLanes.size(); p++) {
            if (!poolLanes.get(p).isEmpty()) {
                used.add(p);
            }
        }
        this.usedPoolThreads = List.copyOf(used);
        this.eventTimes = Arrays.stream(times, 0, t).sorted().distinct().toArray();
    }

    public Scenario scenario() {
        return scenario;
    }

    /** What this run is called beside others: a compare variant's label, else the policy's name. */
    public String label() {
        return label;
    }

    public List<RequestRecord> requests() {
        return requests;
    }

    public RequestRecord request(int id) {
        return requests.get(id - 1);
    }

    /** All spans, ordered by request and then start. */
    public List<Span> spans() {
        return spans;
    }

    /** The spans of one request (or task of a program) in time order; together they tile [arrival, finish]. */
    public List<Span> spansOf(int requestId) {
        if (requestId < 1 || requestId > firstSpanOfRequest.length - 2) {
            throw new IndexOutOfBoundsException("no request R" + requestId + " (there are " + requests.size() + ")");
        }
        return spans.subList(firstSpanOfRequest[requestId], firstSpanOfRequest[requestId + 1]);
    }

    /** Spans during which a request occupied thread or loop {@code worker}, in time order. */
    public List<Span> workerLane(int worker) {
        return workerLanes.get(worker);
    }

    /**
     * Spans during which an offloaded call held pool thread {@code poolThread}
     * (0-based), in time order; empty for a thread that was never used.
     */
    public List<Span> poolLane(int poolThread) {
        return poolThread < poolLanes.size() ? poolLanes.get(poolThread) : List.of();
    }

    /** The pool threads that ran at least one offloaded call, in order (none without a pool). */
    public List<Integer> usedPoolThreads() {
        return usedPoolThreads;
    }

    /** Compute spans that ran on {@code core}, in time order. */
    public List<Span> coreLane(int core) {
        return coreLanes.get(core);
    }

    /** Why the engine made requests wait, and when workers went idle (empty for a trace built by hand). */
    public Program program() {
        return program;
    }

    /** Why the engine made requests wait, as it ran. */
    public Causes causes() {
        return causes;
    }

    public RunTotals totals() {
        return totals;
    }

    /** The time the last request finished. */
    public double endMs() {
        return totals.endMs();
    }

    /** Every distinct instant at which something changed, ascending (for stepping through playback). */
    public double[] eventTimes() {
        return eventTimes.clone();
    }

    /** The next change strictly after {@code timeMs}, or {@code endMs()} if none. */
    public double nextEventAfter(double timeMs) {
        int i = Arrays.binarySearch(eventTimes, timeMs);
        int next = i >= 0 ? i + 1 : -i - 1;
        return next < eventTimes.length ? eventTimes[next] : endMs();
    }

    /** The last change strictly before {@code timeMs}, or 0 if none. */
    public double previousEventBefore(double timeMs) {
        int i = Arrays.binarySearch(eventTimes, timeMs);
        int prev = i >= 0 ? i - 1 : -i - 2;
        return prev >= 0 ? eventTimes[prev] : 0;
    }
}
