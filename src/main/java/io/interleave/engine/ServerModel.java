package io.interleave.engine;

import io.interleave.scenario.Limits;
import io.interleave.scenario.RequestType;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.Segment;
import io.interleave.scenario.SegmentKind;
import io.interleave.scenario.Server;
import io.interleave.trace.RequestRecord;
import io.interleave.trace.RunTotals;
import io.interleave.trace.SpanState;
import io.interleave.trace.Status;
import io.interleave.trace.TraceListener;
import io.interleave.trace.WaitCause;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.OptionalInt;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * A server under one policy, driven by an {@link Engine}: workers (threads
 * or event loops), cores with round-robin time slicing, resources with FIFO
 * hand-off, and the spans. What differs between policies (how a request is
 * admitted, which work a worker takes next, which segments release the
 * worker, what a finish frees) is asked of its {@link Scheduling}. SPEC
 * section 2 is the contract; the comments below name the rule each branch
 * implements.
 *
 * <p>A segment sampled at 0 ms takes no time and no turn: it is skipped
 * without a span, so "all waits at zero" behaves as if there were none.
 *
 * <p>A request steps through its type's {@linkplain Segment#steps steps}: a
 * gather's branches inline, one after another. That is what a sync thread
 * does (plain blocking calls, one after another; its spans carry the branch
 * of the step). Under a policy whose waits let go of the worker (the event
 * loop), a gather forks: each branch is a child {@link Req} of its own (the
 * same id, type and sampled durations; its own position and end) that runs on
 * the request's loop like any task, and the request goes on when the last
 * branch is done. Branches start eagerly in branch order, as asyncio's eager
 * task factory does: branch 0 goes on at once in the request's turn, the others
 * wait at the front of the loop's ready queue and each starts when the one
 * before it first lets go of the loop. The branch that ends last carries the
 * request on in that same turn. A branch whose segments are all 0 ms is done
 * at once (no task, no turn, no span), so a gather whose other branches are
 * 0 ms is scheduled exactly as its one real branch inline.
 *
 * <p>A type with a client timeout gets one event per accepted request at
 * arrival + timeout ({@link #giveUp}). From then on its spans are wasted
 * (cut at that instant in {@link #closeSpanAt}, so cutting never moves a
 * scheduling point). Without cancellation, and always on a sync thread, the
 * request runs on to its end, timed out. With it (a policy whose waits let go
 * of the worker and the type's {@code cancelOnTimeout}) the task is cancelled
 * where it stands ({@link #cancel}): at once if it is queued, ready or
 * awaiting (a slot it holds or waits for is let go), at its next await if it
 * runs on its loop or on a pool thread; a gather's live branches are each
 * cancelled so. A cancelled task is never reused, so a wake-up still pending
 * for it finds it dead and does nothing.
 */
final class ServerModel {
    private final Engine engine;
    private final TraceListener listener;
    private final boolean recordSpans;
    private final boolean recordCauses;
    private final int[] holders;
    private final Scheduling scheduling;
    private final SegmentKind[][] kinds;
    /** Per type and step: the gather branch it is in (-1 if none); null for a type without gathers or when gathers fork. */
    private final int[][] branchOf;
    /**
     * Per type and step, under a policy where gathers fork: at the first step of a gather, its
     * bounds (the first step of each branch, then the step after the gather); null elsewhere.
     * Null for a type without gathers or when gathers run inline.
     */
    private final int[][][] forkAt;
    /** Per type: the bounds of each gather (as in {@link #forkAt}), for the time alone; null without gathers. */
    private final int[][][] gathersOf;
    /** Whether gathers fork into branches that overlap (the loop), or run inline (a sync thread). */
    private final boolean forks;
    // branches that are done, for fork to reuse
    private final ArrayDeque<Req> spareBranches = new ArrayDeque<>();
    /** Per type and segment: whether it runs on a pool thread (only under a policy with a pool). */
    private final boolean[][] offloaded;
    /**
     * The pool threads for offloaded segments (none without a pool), and per pool the offloaded calls waiting for
     * one of its threads, FIFO. Without a GIL the loops share one pool; with one each loop (process) has its own
     * pool of {@link #poolSize} threads, numbered {@code loop * poolSize} on.
     */
    private final Worker[] poolThreads;
    private final ArrayDeque<Req>[] poolQueues;
    private final int poolSize;
    private final boolean poolPerProcess;
    /**
     * With a GIL ({@link Server#gil}): each process's lock; null without one, so that the hot path pays one
     * boolean test ({@link #gilOn}) and nothing else.
     */
    private final boolean gilOn;
    private final Gil[] gils;
    private final double switchIntervalMs;
    private final int[][] resourceOf;
    private final Worker[] workers;
    private final OptionalInt[] workerIds;
    private final Pool[] pools;
    /** The scenario run, for a request's time alone worked out by a run of its own (see {@link #aloneMs}). */
    private final Scenario scenario;
    /** Whether this model runs one request alone to time it: its own time alone is then the formula's. */
    private boolean timingAlone;
    /** Times alone already run, by type and sampled durations (a scenario of constant durations needs one run per type). */
    private final java.util.Map<AloneKey, Double> alone = new java.util.HashMap<>();
    private static final int ALONE_CACHE = 4096;
    private final double timeSliceMs;
    /** Per type: the client's timeout (+infinity if none), and whether its task is cancelled when it passes. */
    private final double[] timeoutOf;
    private final boolean[] cancelsOf;

    // CPU: free cores and workers waiting for one, FIFO
    private final IndexSet freeCores;
    private final double[] coreBusySince;
    private final ArrayDeque<Worker> cpuQueue = new ArrayDeque<>();

    // finished requests, for newRequest to reuse
    private final ArrayDeque<Req> spare = new ArrayDeque<>();

    /** The tasks and queues of a program of tasks (empty when there are none). */
    private final TaskPrograms program;

    /**
     * Per request type: how many of its steps are the request's own (the steps of its spawned
     * tasks follow them); and per type and step, at a spawn: its task's steps {from, to} and the
     * spawn's index among the type's segments (null elsewhere, and for a type without spawns).
     */
    private final int[] ownSteps;
    private final int[][][] spawnAt;
    /** Per type and spawn segment index: what its background tasks are called after "R3's task". */
    private final java.util.Map<Integer, java.util.Optional<String>>[] spawnLabels;
    /** The id the next background task gets: after the requests' and the program's tasks'. */
    private int nextTaskId;

    private int inFlight;
    private int maxInFlight;
    private double busyCoreMs;
    private double busyWorkerMs;
    private double firstArrivalMs = Double.NaN;
    private double endMs;

    ServerModel(Engine engine, Scenario scenario, TraceListener listener) {
        this.scenario = scenario;
        this.engine = engine;
        this.listener = listener;
        this.recordSpans = listener.wantsSpans();
        this.recordCauses = listener.wantsCauses();
        this.holders = new int[io.interleave.trace.Causes.MAX_IDS];
        Server server = scenario.server();
        this.scheduling = Scheduling.of(server, this); // keeps the model for later; asks nothing of it yet
        int pool = scheduling.poolThreads() > 0 ? server.poolThreadCount() : 0;
        // With no more workers than cores nobody ever waits for a core, and a
        // quantum that ends with nobody waiting just renews: no quanta at all.
        this.timeSliceMs = server.workerCount() + pool <= server.cores() ? 0 : server.timeSliceMs();
        this.gilOn = server.gil();
        this.switchIntervalMs = server.switchIntervalMs();
        this.poolPerProcess = pool > 0 && server.poolPerProcess();
        this.poolSize = poolPerProcess ? server.poolThreads() : pool;
        int typeCount = scenario.requestTypes().size();
        int allTypes = typeCount + scenario.tasks().size(); // a task kind is a type after the request types
        this.forks = scheduling.releasesWorker(SegmentKind.WAIT);
        this.branchOf = new int[allTypes][];
        this.forkAt = new int[allTypes][][];
        this.gathersOf = new int[allTypes][][];
        this.kinds = new SegmentKind[allTypes][];
        this.offloaded = new boolean[allTypes][];
        this.resourceOf = new int[allTypes][];
        this.timeoutOf = new double[allTypes];
        this.cancelsOf = new boolean[allTypes];
        java.util.Arrays.fill(timeoutOf, Double.POSITIVE_INFINITY); // a task has no client to give up
        for (int t = 0; t < typeCount; t++) {
            RequestType type = scenario.requestTypes().get(t);
            timeoutOf[t] = type.timeoutMs().orElse(Double.POSITIVE_INFINITY);
            cancelsOf[t] = type.cancelOnTimeout() && forks; // a sync thread cannot be cancelled: it runs on
            java.util.List<Segment.Step> steps = Segment.steps(type.segments());
            kinds[t] = new SegmentKind[steps.size()];
            resourceOf[t] = new int[steps.size()];
            offloaded[t] = new boolean[steps.size()];
            if (type.segments().stream().anyMatch(Segment::isGather)) {
                indexGathers(t, steps);
            }
            for (int s = 0; s < kinds[t].length; s++) {
                Segment seg = steps.get(s).segment();
                kinds[t][s] = seg.kind();
                offloaded[t][s] = pool > 0 && seg.offload();
                resourceOf[t][s] = seg.on().map(name -> scenario.resourceIndex(name).orElseThrow()).orElse(-1);
            }
        }
        this.program = new TaskPrograms(scenario, typeCount, kinds, resourceOf, offloaded);
        this.ownSteps = new int[typeCount];
        this.spawnAt = new int[typeCount][][];
        @SuppressWarnings("unchecked")
        java.util.Map<Integer, java.util.Optional<String>>[] labels = new java.util.Map[typeCount];
        this.spawnLabels = labels;
        for (int t = 0; t < typeCount; t++) {
            indexSpawns(t, scenario.requestTypes().get(t).segments());
        }
        this.nextTaskId = scenario.arrivals().count() + 1 + scenario.tasks().stream().mapToInt(io.interleave.scenario.Task::count).sum();
        this.workers = new Worker[server.workerCount()];
        for (int w = 0; w < workers.length; w++) {
            workers[w] = new Worker(w, false, server.processOf(w));
        }
        this.poolThreads = new Worker[pool];
        for (int p = 0; p < pool; p++) {
            poolThreads[p] = new Worker(p, true, poolPerProcess ? p / poolSize : 0);
        }
        @SuppressWarnings("unchecked")
        ArrayDeque<Req>[] queues = new ArrayDeque[poolPerProcess ? server.workers() : 1];
        Arrays.setAll(queues, q -> new ArrayDeque<>());
        this.poolQueues = queues;
        if (gilOn) {
            this.gils = new Gil[server.processCount()];
            Arrays.setAll(gils, Gil::new);
        } else {
            this.gils = null;
        }
        this.workerIds = new OptionalInt[workers.length];
        Arrays.setAll(workerIds, OptionalInt::of);
        this.freeCores = IndexSet.full(server.cores());
        this.coreBusySince = new double[server.cores()];
        this.pools = scenario.resources().stream()
                .map(r -> new Pool(r.capacity().orElse(Integer.MAX_VALUE), recordCauses,
                        r.shared() ? new SharedService(engine, this::endWait) : null))
                .toArray(Pool[]::new);
    }

    /** Fills {@link #ownSteps}, {@link #spawnAt} and {@link #spawnLabels} for request type {@code t}. */
    private void indexSpawns(int t, java.util.List<Segment> segments) {
        ownSteps[t] = Segment.ownSteps(segments);
        if (segments.stream().noneMatch(Segment::isSpawn)) {
            return;
        }
        spawnAt[t] = new int[ownSteps[t]][];
        spawnLabels[t] = new java.util.HashMap<>();
        int step = 0;
        int task = ownSteps[t];
        for (int i = 0; i < segments.size(); i++) {
            Segment seg = segments.get(i);
            if (seg.isSpawn()) {
                spawnAt[t][step] = new int[] {task, task + seg.segments().size(), i};
                spawnLabels[t].put(i, seg.label());
                task += seg.segments().size();
            }
            step += seg.isGather() ? seg.branches().stream().mapToInt(java.util.List::size).sum() : 1;
        }
    }

    /** Fills {@link #branchOf}, {@link #forkAt} and {@link #gathersOf} for type {@code t}, which has a gather. */
    private void indexGathers(int t, java.util.List<Segment.Step> steps) {
        int n = steps.size();
        int[] branches = new int[n];
        int[][] at = new int[n][];
        java.util.List<int[]> gathers = new java.util.ArrayList<>();
        int s = 0;
        while (s < n) {
            Segment.Step step = steps.get(s);
            branches[s] = step.branch();
            if (step.gather() < 0) {
                s++;
                continue;
            }
            int gather = step.gather();
            int start = s;
            java.util.List<Integer> bounds = new java.util.ArrayList<>();
            bounds.add(s);
            while (s < n && steps.get(s).gather() == gather) {
                branches[s] = steps.get(s).branch();
                if (s > start && steps.get(s).branch() != steps.get(s - 1).branch()) {
                    bounds.add(s);
                }
                s++;
            }
            bounds.add(s);
            int[] b = bounds.stream().mapToInt(Integer::intValue).toArray();
            at[start] = b;
            gathers.add(b);
        }
        gathersOf[t] = gathers.toArray(int[][]::new);
        if (forks) {
            forkAt[t] = at;
        } else {
            branchOf[t] = branches;
        }
    }

    /**
     * Draws the next request from {@code workload} (after its arrival time,
     * for open workloads), to arrive at {@code arrivalMs}. Finished requests
     * are reused, so a run allocates only as many as are ever in flight.
     */
    Req newRequest(int id, Workload workload, int user, double arrivalMs) {
        Req r = spare.poll();
        if (r == null) {
            r = new Req();
        }
        int type = workload.nextType();
        r.reset(id, type, workload.nextDurations(type, r.ms), user, arrivalMs);
        r.giveUpMs = arrivalMs + timeoutOf[type];
        r.end = ownSteps[type]; // the steps of its spawned tasks come after its own
        return r;
    }

    // ------------------------------------------------------------ arrivals

    /** A request arrives now; returns false if it was rejected. */
    boolean arrive(Req r) {
        double now = engine.now();
        if (Double.isNaN(firstArrivalMs)) {
            firstArrivalMs = now;
        }
        r.state = SpanState.QUEUED;
        r.since = now;
        boolean accepted = scheduling.admit(r);
        if (accepted && r.giveUpMs != Double.POSITIVE_INFINITY && !r.done) {
            Req req = r;
            int id = r.id;
            engine.at(r.giveUpMs, () -> giveUp(req, id));
        }
        return accepted;
    }

    // ------------------------------------------------------------ what a policy may do

    /** The thread or loop with this index. */
    Worker worker(int index) {
        return workers[index];
    }

    /** How many threads or loops there are. */
    int workerCount() {
        return workers.length;
    }

    /** The request is in: counted in flight until it finishes, up to {@link Limits#MAX_IN_FLIGHT} at once. */
    void accept(Req r) {
        inFlight++;
        if (inFlight > maxInFlight) {
            maxInFlight = inFlight;
            if (inFlight > Limits.MAX_IN_FLIGHT) {
                throw RunLimitException.inFlight(Limits.MAX_IN_FLIGHT, engine.now());
            }
        }
    }

    /** The request is turned away at its arrival. */
    void reject(Req r) {
        double now = engine.now();
        endMs = Math.max(endMs, now);
        if (r.task >= 0) {
            program.done(r);
            listener.task(new io.interleave.trace.TaskRecord(r.id, r.type - program.firstType(), program.name(r.task), now, now,
                    OptionalInt.empty()));
            return;
        }
        listener.request(new RequestRecord(r.id, r.type, now, now, now, Status.REJECTED,
                r.computeMs(kinds[r.type]), r.waitMs(kinds[r.type]), OptionalInt.empty(), aloneMs(r)));
        r.done = true;
        doneHook.accept(r);
        spare.add(r);
    }

    /**
     * Worker {@code w} takes up request {@code r}: its first hold of a thread
     * (sync) or first turn on its loop (event loop). A request not yet bound
     * to a worker (waiting for any thread) is bound now.
     */
    void start(Worker w, Req r) {
        r.startMs = engine.now();
        r.started = true;
        if (r.worker < 0) {
            enter(r, SpanState.READY, true, -1); // closes the queued span before the thread is named
            r.worker = w.index;
        }
        setCurrent(w, r);
    }

    // ------------------------------------------------------------ the worker's loop

    /**
     * Runs worker {@code w} forward from its current request's position
     * until it must wait for something: a core, a resource, the end of a
     * wait, or new work.
     */
    void drive(Worker w) {
        while (true) {
            Req r = w.current;
            if (r == null) {
                Req next = scheduling.next(w);
                if (next == null) {
                    goIdle(w);
                    return;
                }
                if (recordCauses) {
                    listener.resumes(next.id, engine.now(), scheduling.workerCause(), w.lastHolderId);
                }
                if (!next.started) {
                    start(w, next);
                } else {
                    setCurrent(w, next);
                }
                continue;
            }
            if (w.pool) {
                while (r.seg < r.end && r.ms[r.seg] == 0 && !forksHere(r) && !spawnsHere(r)) {
                    r.seg++; // a 0 ms segment is as if it were not there
                }
                if (r.seg == r.end || !offloaded[r.type][r.seg] || forksHere(r)) {
                    handBack(w, r); // the offloaded call is over: back to the loop
                    return;
                }
            }
            if (r.seg == r.end) {
                if (r.parent != null) {
                    join(w, r);
                } else {
                    finish(w, r);
                }
                continue;
            }
            if (forksHere(r)) {
                if (r.cancelling) {
                    cancelAtAwait(w, r); // awaiting the gather is its next await
                    continue;
                }
                fork(w, r, forkAt[r.type][r.seg]);
                continue;
            }
            if (spawnsHere(r)) {
                spawn(r); // not an await: the request goes on at once, in this same turn
                r.seg++;
                continue;
            }
            if (r.task >= 0 && program.queueOp(r) != 0) {
                if (queueStep(r)) {
                    r.seg++; // done at once: the task goes on in this same turn
                    continue;
                }
                // suspended on the queue: a loop lets go of it (as an await), a thread is held (as a blocking call)
                boolean lets = scheduling.releasesWorker(SegmentKind.WAIT);
                if (!lets && w.core >= 0) {
                    releaseCore(w);
                }
                if (gilOn && !lets) {
                    releaseGil(w); // a thread blocked on a queue (a Condition's wait) lets the GIL go
                }
                enter(r, program.queueOp(r) > 0 ? SpanState.WAITING_PUT : SpanState.WAITING_GET, !lets, -1);
                if (recordCauses) {
                    waitsOnQueue(r);
                }
                if (!lets) {
                    return;
                }
                setCurrent(w, null);
                continue;
            }
            double d = r.ms[r.seg];
            SegmentKind kind = kinds[r.type][r.seg];
            if (d == 0) {
                r.seg++;
                continue;
            }
            if (r.cancelling && !w.pool && (offloaded[r.type][r.seg] || scheduling.releasesWorker(kind))) {
                cancelAtAwait(w, r); // an await (of I/O or of a pool thread): the cancellation takes effect here
                continue;
            }
            if (!w.pool && offloaded[r.type][r.seg]) {
                if (gilOn) {
                    releaseGil(w); // before the pool thread wants it: the loop's callback is over
                }
                offload(r); // to a pool thread; like an await, the loop keeps its core and moves on
                setCurrent(w, null);
                continue;
            }
            if (kind == SegmentKind.COMPUTE) {
                r.remainingMs = d;
                if (gilOn && !holdGil(w)) {
                    return; // it waits for its process's GIL, holding no core
                }
                if (w.core >= 0) {
                    continueOnCore(w); // consecutive compute runs on without yielding
                } else {
                    wantCore(w);
                }
                return;
            }
            // wait or block: no CPU. A loop's await frees the loop; everything else holds it.
            boolean releases = scheduling.releasesWorker(kind);
            if (!releases && w.core >= 0) {
                releaseCore(w);
            }
            if (gilOn && !releases) {
                releaseGil(w); // time.sleep, blocking I/O and waiting for a slot let the GIL go
            }
            int res = resourceOf[r.type][r.seg];
            if (res >= 0 && !pools[res].tryAcquire(r)) {
                pools[res].waiting.add(r);
                enter(r, SpanState.WAITING_RESOURCE, !releases && !w.pool, -1);
                if (recordCauses) {
                    waitsForSlot(r, res);
                }
            } else {
                beginWait(r);
            }
            if (!releases) {
                return;
            }
            setCurrent(w, null); // the loop moves on to its next ready callback
        }
    }

    // ------------------------------------------------------------ gathers (when they fork)

    /** Whether request {@code r} (not a branch) is at the first step of a gather that forks. */
    private boolean forksHere(Req r) {
        int[][] at = forkAt[r.type];
        return at != null && r.parent == null && at[r.seg] != null;
    }

    /**
     * Request {@code r}, running on loop {@code w}, reaches a gather with
     * these {@code bounds}: its own span ends, a child task per branch takes
     * over. Branch 0 goes on at once in this turn; the others go to the front
     * of the loop's ready queue in branch order (ready from now).
     */
    private void fork(Worker w, Req r, int[] bounds) {
        int n = bounds.length - 1;
        r.seg = bounds[n]; // where it goes on once every branch is done
        int first = -1;
        int pending = 0;
        for (int b = n - 1; b >= 0; b--) {
            if (!hasWork(r, bounds[b], bounds[b + 1])) {
                continue; // a branch of 0 ms segments only is done at once: no task, no turn, no span
            }
            if (first >= 0) {
                Req queued = newBranch(r, first, bounds[first], bounds[first + 1]);
                if (recordCauses) {
                    waitsForWorker(queued, w, -1); // a branch waits for its loop, held by the request (then its first branch)
                }
                scheduling.resumeFirst(w, queued);
            }
            first = b;
            pending++;
        }
        if (pending == 0) {
            return; // nothing to wait for: the request goes on as if the gather were not there
        }
        closeSpan(r); // from here the branches' spans cover the request
        r.pending = pending;
        w.current = newBranch(r, first, bounds[first], bounds[first + 1]); // the loop stays held: no accounting changes hands
    }

    private static boolean hasWork(Req r, int from, int to) {
        for (int s = from; s < to; s++) {
            if (r.ms[s] != 0) {
                return true;
            }
        }
        return false;
    }

    private Req newBranch(Req parent, int branch, int from, int to) {
        Req c = spareBranches.poll();
        if (c == null) {
            c = new Req();
        }
        c.reset(parent.id, parent.type, parent.ms, parent.user, parent.arrivalMs);
        c.seg = from;
        c.end = to;
        c.parent = parent;
        c.branch = branch;
        c.started = true;
        c.startMs = parent.startMs;
        c.worker = parent.worker;
        c.state = SpanState.READY;
        c.since = engine.now();
        c.spanSegment = from;
        if (parent.cancels) {
            if (parent.branches == null) {
                parent.branches = new java.util.ArrayList<>(4);
            }
            parent.branches.add(c); // so a cancellation reaches every live branch
        }
        return c;
    }

    /**
     * Branch {@code c} is done on loop {@code w}. The last branch of its
     * gather carries the request on in this same turn; an earlier one lets
     * the loop go to its next ready callback.
     */
    private void join(Worker w, Req c) {
        closeSpan(c);
        Req parent = c.parent;
        c.parent = null;
        spareBranches.add(c);
        if (parent.branches != null) {
            parent.branches.remove(c);
        }
        if (--parent.pending > 0) {
            setCurrent(w, null);
            return;
        }
        parent.since = engine.now();
        if (parent.cancelling) {
            setCurrent(w, null);
            endCancelled(parent); // its gather is over and it was cancelled: it ends instead of going on
            return;
        }
        w.current = parent; // still held: the turn goes on
    }

    // ------------------------------------------------------------ background tasks (spawn)

    /** Whether request {@code r} is at a spawn step. */
    private boolean spawnsHere(Req r) {
        int[][] at = r.type < spawnAt.length ? spawnAt[r.type] : null;
        return at != null && r.spawnedBy == 0 && r.parent == null && r.seg < at.length && at[r.seg] != null;
    }

    /**
     * Request {@code r} reaches a spawn: a background task of its own (the
     * spawn's segments, with their sampled durations) starts now, and the
     * request goes on without waiting for it. The task never counts as a
     * request (not in flight, not under maxConcurrency, never rejected, never
     * timed out or cancelled with its request: asyncio cancels a request's
     * task, not the tasks it created). Under a policy whose waits let go of
     * the worker it is a new task on the request's loop, at the back of its
     * ready queue ({@code asyncio.create_task}); on threads it needs a thread
     * of the pool and queues for one FIFO with the requests
     * ({@code executor.submit}). A task whose segments all took 0 ms is done at
     * once: no turn, no span, no thread.
     */
    private void spawn(Req r) {
        int[] at = spawnAt[r.type][r.seg];
        double now = engine.now();
        int id = nextTaskId++;
        double[] ms = r.ms.clone(); // the request's array is reused once it finishes; the task may outlive it
        double compute = 0;
        for (int s = at[0]; s < at[1]; s++) {
            if (kinds[r.type][s] == SegmentKind.COMPUTE) {
                compute += ms[s];
            }
        }
        String name = io.interleave.trace.TaskIds.backgroundName(r.id, spawnLabels[r.type].get(at[2]));
        if (!hasWork(r, at[0], at[1])) {
            endMs = Math.max(endMs, now);
            listener.task(new io.interleave.trace.TaskRecord(id, at[2], name, now, now, OptionalInt.empty(), r.id, compute, false));
            return;
        }
        Req t = new Req();
        t.reset(id, r.type, ms, r.user, now);
        t.seg = at[0];
        t.end = at[1];
        t.spawnedBy = r.id;
        t.spawnSeg = at[2];
        t.spawnName = name;
        t.taskComputeMs = compute;
        t.parent = null;
        t.spawner = r;
        t.cancels = false; // its request's cancellation does not reach it
        t.since = now;
        t.spanSegment = at[0];
        if (forks) { // on the request's loop: a new task, ready from now
            t.worker = r.worker;
            t.started = true;
            t.startMs = now;
            t.state = SpanState.READY;
        } else { // for a thread, queued like a request
            t.state = SpanState.QUEUED;
        }
        Worker loop = forks ? workers[t.worker] : null;
        if (loop != null && recordCauses && loop.current != null) {
            waitsForWorker(t, loop, -1); // its request runs on in this turn
        }
        scheduling.spawn(loop, t);
        if (loop != null && loop.current == null) {
            drive(loop);
        }
    }

    /** Background task {@code t} ran its last step on worker {@code w}: it ends, not counted as a request. */
    private void finishBackground(Worker w, Req t) {
        double now = engine.now();
        closeSpan(t);
        endMs = Math.max(endMs, now);
        boolean outlived = t.spawner.id != t.spawnedBy || t.spawner.done; // a finished request may be reused already
        listener.task(new io.interleave.trace.TaskRecord(t.id, t.spawnSeg, t.spawnName, t.arrivalMs, now,
                workerIds[t.worker], t.spawnedBy, t.taskComputeMs, outlived));
        t.spawner = null;
        t.done = true;
        setCurrent(w, null);
    }

    // ------------------------------------------------------------ the thread pool (offloaded segments)

    /**
     * Request {@code r}, at an offloaded segment, goes to a pool thread: the
     * consecutive offloaded segments from here are one call (as a plain
     * {@code def} endpoint or one {@code to_thread} of a function that does both). It takes the
     * lowest idle one, or the back of the pool's FIFO queue (its span is then
     * ready and does not hold the loop).
     */
    private void offload(Req r) {
        int first = poolPerProcess ? r.worker * poolSize : 0; // its loop's own pool, or the one shared pool
        ArrayDeque<Req> poolQueue = poolQueues[poolPerProcess ? r.worker : 0];
        for (int i = first; i < first + poolSize && poolQueue.isEmpty(); i++) { // FIFO: none jumps the queue
            Worker p = poolThreads[i];
            if (p.current == null) {
                runOnPool(p, r);
                return;
            }
        }
        poolQueue.add(r);
        enter(r, SpanState.READY, false, -1);
        if (recordCauses) { // it waits for a thread of the pool, held by these requests
            int n = 0;
            for (int i = first; i < first + poolSize && n < holders.length; i++) {
                if (poolThreads[i].current != null) { // one may be handing back its call this instant
                    holders[n++] = poolThreads[i].current.id;
                }
            }
            listener.waits(r.id, engine.now(), WaitCause.THREAD, -1, poolSize, holders, n);
        }
    }

    private void runOnPool(Worker p, Req r) {
        r.poolThread = p;
        p.current = r;
        drive(p);
    }

    /**
     * Pool thread {@code p} has run {@code r}'s offloaded segments: the
     * continuation joins the back of its loop's ready queue (as after an
     * await), then the thread takes the next queued offloaded call.
     */
    private void handBack(Worker p, Req r) {
        if (p.core >= 0) {
            releaseCore(p);
        }
        if (gilOn) {
            releaseGil(p); // the call returns: the thread goes back to waiting for work, without the GIL
        }
        ArrayDeque<Req> poolQueue = poolQueues[p.process];
        p.current = null;
        r.poolThread = null;
        Worker loop = workers[r.worker];
        if (r.cancelling) { // its await was abandoned: the call ran on for nobody, and nothing goes back to the loop
            endCancelled(r);
            if (loop.current == null) {
                drive(loop);
            }
            if (p.current == null) {
                Req next = poolQueue.poll();
                if (next != null) {
                    runOnPool(p, next);
                }
            }
            return;
        }
        enter(r, SpanState.READY, false, -1);
        if (recordCauses && loop.current != null) {
            waitsForWorker(r, loop, -1);
        }
        scheduling.resume(loop, r);
        if (loop.current == null) {
            drive(loop);
        }
        if (p.current != null) {
            return; // driving the loop just gave this thread a new call (a gather's branch, say): the queue waits for it
        }
        Req next = poolQueue.poll();
        if (next != null) {
            if (recordCauses) {
                resumes(next, WaitCause.THREAD, r);
            }
            runOnPool(p, next);
        }
    }

    private void goIdle(Worker w) {
        if (w.core >= 0) {
            releaseCore(w);
        }
        scheduling.idle(w);
        if (recordCauses) {
            listener.idle(w.index, engine.now());
        }
    }

    private void finish(Worker w, Req r) {
        if (r.spawnedBy > 0) {
            finishBackground(w, r);
            return;
        }
        double now = engine.now();
        closeSpan(r);
        inFlight--;
        endMs = Math.max(endMs, now);
        if (r.task >= 0) {
            program.itemDone(r, now, listener);
            program.done(r);
            listener.task(new io.interleave.trace.TaskRecord(r.id, r.type - program.firstType(), program.name(r.task),
                    r.arrivalMs, now, workerIds[r.worker]));
            setCurrent(w, null);
            scheduling.finished(w, r);
            return;
        }
        boolean gone = r.gone && now > r.giveUpMs; // a response at the very instant the client gives up is in time
        if (gathersOf[r.type] == null && !gone) {
            listener.completed(r.id, r.type, r.arrivalMs, r.startMs, now,
                    r.computeMs(kinds[r.type]), r.waitMs(kinds[r.type]), workerIds[r.worker]);
        } else {
            listener.request(new RequestRecord(r.id, r.type, r.arrivalMs, r.startMs, now, gone ? Status.TIMED_OUT : Status.COMPLETED,
                    r.computeMs(kinds[r.type]), r.waitMs(kinds[r.type]), workerIds[r.worker], aloneMs(r), r.wastedCpuMs));
        }
        setCurrent(w, null);
        scheduling.finished(w, r);
        r.done = true;
        if (!r.gone) {
            doneHook.accept(r); // a client that gave up moved on when it did
        }
        spare.add(r);
    }

    // ------------------------------------------------------------ timeouts and cancellation

    /**
     * The client of request {@code r} gives up now (its type's timeout has
     * passed; {@code id} tells a stale event from a reused request). From
     * here its spans are wasted work. Without cancellation (and always
     * under sync) the server goes on to the end of the handler; with it,
     * the task is cancelled: at once if it is queued, ready or awaiting (a
     * slot it holds is released), else at its next await.
     */
    private void giveUp(Req r, int id) {
        if (r.id != id || r.done || r.gone) {
            return; // it ended in time
        }
        r.gone = true;
        doneHook.accept(r); // a closed-loop user moves on now
        if (!r.cancels) {
            if (recordCauses) {
                listener.gaveUp(r.id, engine.now(), false, false);
            }
            return;
        }
        if (recordCauses) {
            listener.gaveUp(r.id, engine.now(), true, !holdsItsLoop(r));
        }
        cancel(r);
        Worker loop = workers[r.worker];
        if (loop.current == null) {
            drive(loop); // a cancelled request may have made room for another
        }
    }

    /** Whether the task of {@code r} (or one of its branches) runs on its loop now: it is cancelled at its next await. */
    private boolean holdsItsLoop(Req r) {
        Worker loop = workers[r.worker];
        if (loop.current == r || r.poolThread != null) {
            return true;
        }
        if (r.branches != null) {
            for (Req b : r.branches) {
                if (loop.current == b || b.poolThread != null) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Cancels the task {@code t} (a request or a branch of its gather), where it is now. */
    private void cancel(Req t) {
        t.cancelling = true;
        Worker loop = workers[t.worker];
        if (t.branches != null && t.pending > 0) {
            for (Req b : t.branches.toArray(Req[]::new)) {
                cancel(b); // the gather's children are cancelled; it ends when the last of them has
            }
            return;
        }
        if (loop.current == t || t.poolThread != null) {
            return; // on its loop (computing, blocked, waiting for a core) or in a call on a pool thread: at its next await
        }
        if (poolQueues[poolPerProcess ? t.worker : 0].removeFirstOccurrence(t)) {
            endCancelled(t); // an offloaded call not yet started is dropped from the pool's queue
            return;
        }
        if (t.state == SpanState.WAIT || t.state == SpanState.WAITING_RESOURCE) {
            int res = resourceOf[t.type][t.seg];
            if (res >= 0) {
                Pool pool = pools[res];
                if (t.state == SpanState.WAITING_RESOURCE) {
                    pool.waiting.removeFirstOccurrence(t);
                } else {
                    if (pool.service != null) {
                        pool.service.leave(t);
                    }
                    Req next = pool.release(t); // its slot is free at once
                    if (next != null) {
                        if (recordCauses) {
                            resumes(next, WaitCause.SLOT, t);
                        }
                        beginWait(next);
                    }
                }
            }
            endCancelled(t); // its pending wake-up finds it dead
            return;
        }
        Scheduling.Withdrawn was = scheduling.withdraw(loop, t);
        if (was == Scheduling.Withdrawn.NOT_QUEUED) {
            throw new IllegalStateException("R" + t.id + " is nowhere to cancel (" + t.state + ")");
        }
        t.admitted = was == Scheduling.Withdrawn.READY || t.parent != null;
        endCancelled(t);
    }

    /** Task {@code w}'s current task {@code r} reaches an await with its cancellation pending: it ends there. */
    private void cancelAtAwait(Worker w, Req r) {
        setCurrent(w, null);
        endCancelled(r);
    }

    /**
     * Task {@code t} is cancelled now: its span ends, and it is never
     * reused (an event of its may still come, and finds it dead). A branch
     * counts as done for its gather; a request ends, counted as cancelled.
     */
    private void endCancelled(Req t) {
        closeSpan(t);
        t.dead = true;
        Req parent = t.parent;
        if (parent == null) {
            endRequestCancelled(t);
            return;
        }
        parent.branches.remove(t);
        if (--parent.pending == 0) {
            parent.since = engine.now();
            endRequestCancelled(parent);
        }
    }

    private void endRequestCancelled(Req r) {
        double now = engine.now();
        closeSpan(r);
        inFlight--;
        endMs = Math.max(endMs, now);
        double start = r.started ? r.startMs : now;
        listener.request(new RequestRecord(r.id, r.type, r.arrivalMs, start, now, Status.CANCELLED,
                r.computeMs(kinds[r.type]), r.waitMs(kinds[r.type]), workerIds[r.worker], aloneMs(r), r.wastedCpuMs));
        r.done = true;
        if (r.admitted) {
            scheduling.finished(workers[r.worker], r);
        }
    }

    /**
     * The request's time alone on this server under this policy: the sum of
     * its steps, except that a gather that forks counts as its longest branch
     * (its branches' waits overlap) and one that runs inline as the sum of its branches.
     * Where a forked gather's branches contend (see {@link #branchesContend}), that formula would be
     * wrong, and the request is run alone instead: a one-request run of this scenario on the same
     * server with the same sampled durations, timed from its arrival to its response.
     */
    private double aloneMs(Req r) {
        int[][] gathers = gathersOf[r.type];
        if (gathers == null || !forks) {
            return r.computeMs(kinds[r.type]) + r.waitMs(kinds[r.type]); // the sum, added up as it always was
        }
        if (!timingAlone && branchesContend(r, gathers)) {
            return runAlone(r);
        }
        double sum = r.computeMs(kinds[r.type]) + r.waitMs(kinds[r.type]);
        for (int[] bounds : gathers) {
            double all = 0;
            double longest = 0;
            for (int b = 0; b + 1 < bounds.length; b++) {
                double branch = 0;
                for (int s = bounds[b]; s < bounds[b + 1]; s++) {
                    branch += r.ms[s];
                }
                all += branch;
                longest = Math.max(longest, branch);
            }
            sum -= all - longest;
        }
        return sum;
    }

    /**
     * Whether the branches of one of {@code r}'s gathers would get in each other's way even alone: of two or
     * more branches with work, one computes or blocks (it holds the loop, so the branches after it start their awaits later, and two
     * computing branches take turns), a branch is offloaded (pool threads and cores are shared), or more
     * branches use a resource than it has slots, or two use a shared-latency one (they slow each other).
     */
    private boolean branchesContend(Req r, int[][] gathers) {
        SegmentKind[] k = kinds[r.type];
        int[] users = new int[pools.length];
        int[] usedBy = new int[pools.length]; // per branch, reused
        for (int[] bounds : gathers) {
            Arrays.fill(users, 0);
            int real = 0; // branches with work: with fewer than two nothing overlaps (a 0 ms branch is done at once)
            for (int b = 0; b + 1 < bounds.length; b++) {
                for (int s = bounds[b]; s < bounds[b + 1]; s++) {
                    if (r.ms[s] > 0) {
                        real++;
                        break;
                    }
                }
            }
            if (real < 2) {
                continue;
            }
            for (int b = 0; b + 1 < bounds.length; b++) {
                Arrays.fill(usedBy, 0);
                for (int s = bounds[b]; s < bounds[b + 1]; s++) {
                    if (r.ms[s] <= 0) {
                        continue;
                    }
                    if (k[s] == SegmentKind.COMPUTE || k[s] == SegmentKind.BLOCK || offloaded[r.type][s]) {
                        return true;
                    }
                    int res = resourceOf[r.type][s];
                    if (res >= 0 && usedBy[res]++ == 0) {
                        users[res]++;
                    }
                }
            }
            for (int res = 0; res < pools.length; res++) {
                if (users[res] > pools[res].capacity || users[res] >= 2 && pools[res].service != null) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The durations that identify a request's run alone. */
    private record AloneKey(int type, double[] ms) {
        @Override
        public boolean equals(Object o) {
            return o instanceof AloneKey k && k.type == type && Arrays.equals(k.ms, ms);
        }

        @Override
        public int hashCode() {
            return 31 * type + Arrays.hashCode(ms);
        }
    }

    /** {@code r} run alone on a fresh copy of this server: arrives at 0, no timeout; its response time. */
    private double runAlone(Req r) {
        AloneKey key = new AloneKey(r.type, Arrays.copyOf(r.ms, r.ms.length));
        Double known = alone.get(key);
        if (known != null) {
            return known;
        }
        double[] response = {Double.NaN};
        Engine own = new Engine();
        ServerModel model = new ServerModel(own, scenario, new TraceListener() {
            @Override
            public void request(io.interleave.trace.RequestRecord record) {
                response[0] = record.responseMs();
            }
        });
        model.timingAlone = true;
        Req copy = model.new Req(); // its events run on the model that times it
        copy.reset(1, r.type, key.ms().clone(), 0, 0);
        copy.giveUpMs = Double.POSITIVE_INFINITY;
        copy.end = ownSteps[r.type];
        own.at(0, () -> model.arrive(copy));
        own.run();
        double ms = Double.isNaN(response[0]) ? r.computeMs(kinds[r.type]) + r.waitMs(kinds[r.type]) : response[0];
        if (alone.size() < ALONE_CACHE) {
            alone.put(key, ms);
        }
        return ms;
    }

    private void setCurrent(Worker w, Req r) {
        double now = engine.now();
        if (w.current == null && r != null) {
            w.heldSince = now;
        } else if (w.current != null && r == null) {
            if (gilOn) {
                releaseGil(w); // its turn or request is over: the GIL goes to the first thread waiting for it
            }
            busyWorkerMs += now - w.heldSince;
            w.lastHolderId = w.current.id;
        }
        w.current = r;
    }

    // ------------------------------------------------------------ waits and resources

    private void beginWait(Req r) {
        SegmentKind kind = kinds[r.type][r.seg];
        boolean blocks = kind == SegmentKind.BLOCK;
        enter(r, blocks ? SpanState.BLOCKED : SpanState.WAIT,
                !scheduling.releasesWorker(kind) && r.poolThread == null, -1);
        int res = resourceOf[r.type][r.seg];
        SharedService service = res >= 0 ? pools[res].service : null;
        if (service != null) {
            service.enter(r, r.ms[r.seg]); // its segment's ms are work, done at 1/k speed among k calls
        } else {
            engine.at(engine.now() + r.ms[r.seg], r);
        }
    }

    private void endWait(Req r) {
        int res = resourceOf[r.type][r.seg];
        if (res >= 0) {
            Req next = pools[res].release(r);
            if (next != null) {
                if (recordCauses) {
                    resumes(next, WaitCause.SLOT, r);
                }
                beginWait(next); // FIFO hand-off: its wait starts the moment the slot frees
            }
        }
        boolean released = scheduling.releasesWorker(kinds[r.type][r.seg]);
        r.seg++;
        if (r.poolThread != null) {
            drive(r.poolThread); // the pool thread was held; it carries on (or hands back to the loop)
            return;
        }
        Worker w = workers[r.worker];
        if (!released) {
            drive(w); // the thread or loop was held; it carries on
            return;
        }
        enter(r, SpanState.READY, false, -1); // the continuation queues for its worker
        if (recordCauses && w.current != null) {
            waitsForWorker(r, w, -1);
        }
        scheduling.resume(w, r);
        if (w.current == null) {
            drive(w);
        }
    }

    // ------------------------------------------------------------ CPU

    private void wantCore(Worker w) {
        int core = freeCores.lowest();
        if (core >= 0) {
            dispatch(w, core);
        } else {
            cpuQueue.add(w);
            enter(w.current, SpanState.READY, !w.pool, -1);
            if (recordCauses) {
                waitsForCore(w.current);
            }
        }
    }

    private void dispatch(Worker w, int core) {
        double now = engine.now();
        freeCores.remove(core);
        coreBusySince[core] = now;
        w.core = core;
        w.quantumEnd = timeSliceMs > 0 ? now + timeSliceMs : Double.POSITIVE_INFINITY;
        enter(w.current, SpanState.COMPUTE, !w.pool, core);
        scheduleBurst(w);
    }

    private void continueOnCore(Worker w) {
        enter(w.current, SpanState.COMPUTE, !w.pool, w.core);
        scheduleBurst(w);
    }

    /**
     * Schedules the one event that ends the worker's stay on its core: the end
     * of its run of consecutive compute segments, or the end of its quantum if
     * that comes first. A run goes on through the boundaries between
     * consecutive compute segments (and 0 ms segments between them) without an
     * event, so how work is cut into segments never moves a scheduling point:
     * "compute 1, compute 1" is scheduled exactly as "compute 2". The
     * boundaries are passed (their spans closed) by {@link #passBoundaries}.
     */
    private void scheduleBurst(Worker w) {
        Req r = w.current;
        double segEnd = engine.now() + r.remainingMs;
        r.segEndMs = segEnd;
        double end = segEnd;
        int last = r.seg;
        while (end <= w.quantumEnd) {
            int next = nextComputeInRun(r, last);
            if (next < 0) {
                break;
            }
            end += r.ms[next];
            last = next;
        }
        r.runLastSeg = last;
        boolean done = end <= w.quantumEnd;
        if (gilOn) { // a GIL switch may take the core away before this event: it then finds itself stale
            w.burstAt = done ? end : w.quantumEnd;
            w.burstKind = done ? BURST_DONE : BURST_QUANTUM;
        }
        if (done) {
            engine.at(end, w.burstDone);
        } else {
            engine.at(w.quantumEnd, w.quantumExpired);
        }
    }

    /** The compute segment that follows {@code seg} in the same run (0 ms segments skipped), or -1. */
    private int nextComputeInRun(Req r, int seg) {
        SegmentKind[] k = kinds[r.type];
        boolean[] off = offloaded[r.type];
        int[][] at = r.parent == null ? forkAt[r.type] : null;
        for (int s = seg + 1; s < r.end; s++) {
            if (at != null && at[s] != null) {
                return -1; // the run stops where a gather forks
            }
            if (r.task >= 0 && program.opAt(r, s) != 0) {
                return -1; // the run stops at a put or a get
            }
            if (r.spawnedBy == 0 && r.parent == null && r.type < spawnAt.length && spawnAt[r.type] != null
                    && s < spawnAt[r.type].length && spawnAt[r.type][s] != null) {
                return -1; // the run stops at a spawn, which starts its task there
            }
            if (r.ms[s] != 0) {
                return k[s] == SegmentKind.COMPUTE && off[s] == off[seg] ? s : -1; // a run stays on one side of the pool
            }
        }
        return -1;
    }

    /** Moves the request on core through the segment boundaries of its run that lie at or before now. */
    private void passBoundaries(Worker w) {
        Req r = w.current;
        double now = engine.now();
        while (r.seg < r.runLastSeg && r.segEndMs <= now) {
            int next = nextComputeInRun(r, r.seg);
            double at = r.segEndMs;
            closeSpanAt(r, at);
            r.seg = next;
            r.spanSegment = next;
            r.segEndMs = at + r.ms[next];
        }
    }

    private void onBurstDone(Worker w) {
        passBoundaries(w);
        Req r = w.current;
        r.remainingMs = 0;
        r.seg++;
        drive(w);
    }

    private void onQuantumExpired(Worker w) {
        double now = engine.now();
        passBoundaries(w);
        Req r = w.current;
        r.remainingMs = r.segEndMs - now;
        if (cpuQueue.isEmpty()) {
            w.quantumEnd = now + timeSliceMs; // nobody waiting: a fresh quantum
            scheduleBurst(w);
            return;
        }
        // preempted: to the back of the CPU queue, the core goes to the head
        enter(r, SpanState.READY, !w.pool, -1);
        cpuQueue.add(w);
        releaseCore(w);
        if (recordCauses) {
            waitsForCore(r); // after the hand-off: who runs now
        }
    }

    private void releaseCore(Worker w) {
        int core = w.core;
        busyCoreMs += engine.now() - coreBusySince[core];
        w.core = -1;
        freeCores.add(core);
        Worker next = cpuQueue.poll();
        if (next != null) {
            if (recordCauses) {
                listener.resumes(next.current.id, engine.now(), WaitCause.CORE,
                        w.current != null ? w.current.id : w.lastHolderId);
            }
            dispatch(next, core);
        }
    }

    // ------------------------------------------------------------ the GIL (only with one: gilOn)

    private static final int BURST_DONE = 1;
    private static final int BURST_QUANTUM = 2;

    /**
     * Worker {@code w}, about to compute, makes sure it holds its process's
     * GIL: it keeps it, or takes it if it is free; else it waits for it at
     * the back of the process's FIFO queue, holding no core. A holder whose
     * switch interval is up (a drop request is due) gives it up here instead
     * of computing on.
     *
     * @return whether {@code w} holds the GIL and computes now
     */
    private boolean holdGil(Worker w) {
        Gil g = gils[w.process];
        if (g.holder == w) {
            if (!g.dropDue) {
                return true;
            }
            if (w.core >= 0) {
                releaseCore(w);
            }
            dropGil(w, g);
            return false;
        }
        if (g.holder == null) {
            g.holder = w; // free: nobody waits for a free GIL
            return true;
        }
        if (w.core >= 0) {
            releaseCore(w); // a thread waiting for the GIL is off the CPU
        }
        Req r = w.current;
        int ahead = g.waiting.size();
        g.waiting.add(w);
        enter(r, SpanState.WAITING_GIL, !w.pool, -1);
        if (recordCauses) {
            waitsForGil(r, g, ahead);
        }
        if (!g.dropArmed) {
            armDrop(g); // CPython: the waiter's timed wait; when it runs out it asks the holder to drop the GIL
        }
        return false;
    }

    /** Worker {@code w} stops computing (it waits, blocks, finishes): if it holds its GIL, the first waiter takes it now. */
    private void releaseGil(Worker w) {
        Gil g = gils[w.process];
        if (g.holder != w) {
            return;
        }
        g.dropArmed = false;
        g.dropDue = false;
        Worker next = g.waiting.poll();
        g.holder = next;
        if (next != null) {
            gotGil(next, g, w.current.id);
        }
    }

    /**
     * Holder {@code h}, holding no core now and in the middle of its compute
     * ({@code remainingMs} left), gives the GIL to the first waiter and goes
     * to the back of the queue for it (CPython's forced switch: the dropping
     * thread waits until another has taken it).
     */
    private void dropGil(Worker h, Gil g) {
        g.dropArmed = false;
        g.dropDue = false;
        Worker next = g.waiting.poll();
        g.holder = next;
        Req r = h.current;
        int ahead = g.waiting.size();
        g.waiting.add(h);
        enter(r, SpanState.WAITING_GIL, !h.pool, -1);
        if (recordCauses) {
            resumes(next.current, WaitCause.GIL, r);
            waitsForGil(r, g, ahead);
        }
        takeOver(next, g);
    }

    /** {@code next}, first in the queue, takes the GIL that {@code byId} let go. */
    private void gotGil(Worker next, Gil g, int byId) {
        if (recordCauses) {
            listener.resumes(next.current.id, engine.now(), WaitCause.GIL, byId);
        }
        takeOver(next, g);
    }

    private void takeOver(Worker next, Gil g) {
        if (!g.waiting.isEmpty()) {
            armDrop(g);
        }
        wantCore(next); // it computes what it has left (its remainingMs) once it has a core
    }

    private void armDrop(Gil g) {
        g.dropArmed = true;
        g.dropDue = false;
        g.dropAt = engine.now() + switchIntervalMs;
        engine.at(g.dropAt, g.drop);
    }

    /**
     * The switch interval is up while someone waited for process {@code g}'s
     * GIL: the holder drops it. On a core, it stops computing now (what is
     * left of its segment waits); if its compute run ends at this very
     * instant it lets go at its next step instead (or drops it if that step
     * computes). Preempted off its core (waiting for one, holding the GIL),
     * it drops it at once: CPython would have it do so at its first
     * instruction back on a core, a turn of no time.
     */
    private void onSwitchInterval(Gil g) {
        if (!g.dropArmed || g.dropAt != engine.now()) {
            return; // the GIL changed hands since this was set
        }
        g.dropArmed = false;
        Worker h = g.holder;
        double now = engine.now();
        if (h.core >= 0) {
            passBoundaries(h);
            Req r = h.current;
            if (r.seg == r.runLastSeg && r.segEndMs <= now) {
                g.dropDue = true;
                return;
            }
            r.remainingMs = r.segEndMs - now;
            h.burstKind = 0; // the event that would end its burst is stale now
            releaseCore(h);
        } else {
            cpuQueue.removeFirstOccurrence(h);
        }
        dropGil(h, g);
    }

    private void waitsForGil(Req r, Gil g, int ahead) {
        holders[0] = g.holder.current.id;
        listener.waits(r.id, engine.now(), WaitCause.GIL, g.process, ahead, holders, 1);
    }

    /** One process's GIL: its holder (null if free) and the threads waiting for it, FIFO. */
    private final class Gil {
        final int process;
        final Runnable drop = () -> onSwitchInterval(this);
        Worker holder;
        final ArrayDeque<Worker> waiting = new ArrayDeque<>();
        /** A drop request is scheduled at {@code dropAt}; or it came while the holder's run ended, and is due. */
        boolean dropArmed;
        boolean dropDue;
        double dropAt;

        Gil(int process) {
            this.process = process;
        }
    }

    // ------------------------------------------------------------ programs of tasks: tasks and queues

    /**
     * Starts the program's tasks: each arrives at its kind's start time as a
     * request would (its own row, spans and CPU accounting), with ids after
     * the requests' ({@code firstId} on). Its durations are drawn now, kind by
     * kind and task by task, so every policy sees the same ones.
     */
    void startTasks(Workload workload, int firstId) {
        program.start(workload, firstId, (r, at) -> engine.at(at, () -> arrive(r)), this::newTask);
    }

    private Req newTask() {
        return new Req();
    }

    /**
     * Task {@code r} is at a put or a get: does it now if it can and returns
     * true; else puts {@code r} among the queue's waiters and returns false.
     * A task it unblocks (a getter handed the item, a putter given room) goes
     * on at this instant, after the running task lets go.
     */
    private boolean queueStep(Req r) {
        double now = engine.now();
        int op = program.queueOp(r);
        if (op > 0) {
            r.madeMs = now;
            Req woken = program.put(r, op - 1, now, listener);
            if (woken == null) {
                return !program.waitingToPut(r);
            }
            wakeTask(woken, WaitCause.ITEM, r);
            return true;
        }
        program.itemDone(r, now, listener); // coming to its next get, the consumer is done with its last item
        Req woken = program.get(r, -op - 1, now, listener);
        if (program.waitingToGet(r)) {
            return false;
        }
        if (woken != null) {
            wakeTask(woken, WaitCause.ROOM, r);
        }
        return true;
    }

    /** Task {@code t}, waiting on a queue, can go on: at this instant, once the running task lets go. */
    private void wakeTask(Req t, WaitCause got, Req by) {
        engine.at(engine.now(), () -> {
            if (recordCauses) {
                resumes(t, got, by);
            }
            t.seg++; // its put or get is done
            Worker w = workers[t.worker];
            if (!scheduling.releasesWorker(SegmentKind.WAIT)) {
                drive(w); // the thread was held: it carries on
                return;
            }
            enter(t, SpanState.READY, false, -1); // the coroutine queues for its loop
            if (recordCauses && w.current != null) {
                waitsForWorker(t, w, -1);
            }
            scheduling.resume(w, t);
            if (w.current == null) {
                drive(w);
            }
        });
    }

    private void waitsOnQueue(Req r) {
        int op = program.queueOp(r);
        int q = Math.abs(op) - 1;
        listener.waits(r.id, engine.now(), op > 0 ? WaitCause.ROOM : WaitCause.ITEM, q, program.capacity(q), holders, 0);
    }

    /**
     * After the last event: items still in the queues are reported, and if a
     * task never finished, every task is stuck and nothing is scheduled: the
     * run ends in a deadlock, reported with its spans up to this instant.
     *
     * @throws DeadlockException naming the stuck tasks and what each waits for
     */
    void endTasks() {
        double now = engine.now();
        java.util.List<Req> stuck = program.stuck();
        if (!stuck.isEmpty()) {
            for (Req r : stuck) {
                program.itemDone(r, now, listener); // whatever it was processing ends with the run
                closeSpan(r);
            }
            endMs = Math.max(endMs, now);
        }
        program.leftInQueues(listener);
        if (!stuck.isEmpty()) {
            throw new DeadlockException(program.deadlockMessage(stuck, now, workers.length), now);
        }
    }

    // ------------------------------------------------------------ causes (only when the listener wants them)

    /** Whether the listener wants causes; policies ask before working one out. */
    boolean recordsCauses() {
        return recordCauses;
    }

    /** {@code r} queues behind {@code ahead} requests that have not started, the last of them {@code lastAheadId}. */
    void waitsQueued(Req r, int lastAheadId, int ahead) {
        holders[0] = lastAheadId;
        listener.waits(r.id, engine.now(), WaitCause.QUEUE, r.worker, ahead, holders, 1);
    }

    /** {@code r} waits for a thread: every thread is busy. */
    void waitsForThread(Req r) {
        int n = 0;
        for (int i = 0; i < workers.length && n < holders.length; i++) {
            if (workers[i].current != null) {
                holders[n++] = workers[i].current.id;
            }
        }
        listener.waits(r.id, engine.now(), WaitCause.THREAD, -1, workers.length, holders, n);
    }

    /** {@code r} waits for its worker {@code w} (a loop), busy with another request; or, with {@code limit} >= 0, for room under that limit. */
    void waitsForWorker(Req r, Worker w, int limit) {
        int n = 0;
        if (w.current != null && w.current != r) {
            holders[n++] = w.current.id;
        }
        listener.waits(r.id, engine.now(), limit >= 0 ? WaitCause.LOOP_LIMIT : WaitCause.LOOP, w.index,
                Math.max(limit, 0), holders, n);
    }

    /** {@code r} gets the {@code got} it waited for, let go by {@code by} (null if nobody). */
    void resumes(Req r, WaitCause got, Req by) {
        listener.resumes(r.id, engine.now(), got, by == null ? 0 : by.id);
    }

    /** {@code r} is turned away: {@code limit} requests already wait. */
    void rejectedFull(Req r, int limit) {
        listener.waits(r.id, engine.now(), WaitCause.QUEUE_FULL, -1, limit, holders, 0);
    }

    private void waitsForCore(Req r) {
        int n = 0;
        for (int c = 0; c < coreBusySince.length && n < holders.length; c++) {
            for (Worker w : workers) {
                if (w.core == c && w.current != null) {
                    holders[n++] = w.current.id;
                }
            }
            for (Worker p : poolThreads) {
                if (p.core == c && p.current != null && n < holders.length) {
                    holders[n++] = p.current.id;
                }
            }
        }
        listener.waits(r.id, engine.now(), WaitCause.CORE, -1, coreBusySince.length, holders, n);
    }

    private void waitsForSlot(Req r, int res) {
        Pool pool = pools[res];
        int n = Math.min(pool.holderCount, holders.length);
        System.arraycopy(pool.holderIds, 0, holders, 0, n);
        listener.waits(r.id, engine.now(), WaitCause.SLOT, res, pool.capacity, holders, n);
    }

    // ------------------------------------------------------------ spans

    private void enter(Req r, SpanState state, boolean holdsWorker, int core) {
        closeSpan(r);
        r.state = state;
        r.holds = holdsWorker;
        r.core = core;
        r.spanPool = r.poolThread == null ? -1 : r.poolThread.index;
        // a branch's last turn (after its last await) counts as its last step, so every span of a branch is on a step of it
        r.spanSegment = (r.parent != null || r.spawnedBy > 0) && r.seg == r.end ? r.seg - 1 : r.seg; // a background task too
    }

    private void closeSpan(Req r) {
        closeSpanAt(r, engine.now());
    }

    private void closeSpanAt(Req r, double at) {
        Req top = r.parent == null ? r : r.parent;
        double gaveUp = top.giveUpMs;
        if (at > gaveUp && r.state == SpanState.COMPUTE) {
            top.wastedCpuMs += at - Math.max(r.since, gaveUp); // core time for a client who left
        }
        if (recordSpans && at > r.since) {
            int[] inline = branchOf[r.type];
            int branch = r.branch >= 0 || inline == null || r.state == SpanState.QUEUED || r.spanSegment >= inline.length
                    ? r.branch : inline[r.spanSegment];
            if (at <= gaveUp || r.since >= gaveUp) {
                listener.span(r.id, r.state, r.since, at, r.worker, r.spanPool, r.core, r.spanSegment, branch, r.holds, r.since >= gaveUp);
            } else { // the client gave up during this span: the rest of it is wasted
                listener.span(r.id, r.state, r.since, gaveUp, r.worker, r.spanPool, r.core, r.spanSegment, branch, r.holds, false);
                listener.span(r.id, r.state, gaveUp, at, r.worker, r.spanPool, r.core, r.spanSegment, branch, r.holds, true);
            }
        }
        r.since = at;
    }

    // ------------------------------------------------------------ results

    private Consumer<Req> doneHook = r -> { };

    /** Called after each completion or rejection (a closed workload schedules the user's next request). */
    void onDone(Consumer<Req> hook) {
        this.doneHook = hook;
    }

    RunTotals totals() {
        double first = Double.isNaN(firstArrivalMs) ? 0 : firstArrivalMs;
        return new RunTotals(first, Math.max(endMs, first), busyCoreMs, busyWorkerMs, maxInFlight, engine.processed());
    }

    // ------------------------------------------------------------ state

    /** A thread (sync) or an event loop (one per worker process); the policy keeps any queues of its own. */
    final class Worker {
        final int index;
        /** The process it belongs to (its GIL, and for a pool thread its pool); 0 for the shared pool's threads. */
        final int process;
        final Runnable burstDone;
        final Runnable quantumExpired;
        /** With a GIL: the time and kind of its one live burst event (none after a GIL switch took its core). */
        double burstAt;
        int burstKind;
        Req current;
        int core = -1;
        /** The request that last let go of this worker (0 before any), for causes. */
        int lastHolderId;
        double quantumEnd;
        double heldSince;

        /** Whether this is a pool thread (it runs offloaded segments, and its requests' spans do not hold their loop). */
        final boolean pool;

        Worker(int index, boolean pool, int process) {
            this.index = index;
            this.pool = pool;
            this.process = process;
            if (gilOn) {
                this.burstDone = () -> {
                    if (burstKind == BURST_DONE && burstAt == engine.now()) {
                        burstKind = 0;
                        onBurstDone(this);
                    }
                };
                this.quantumExpired = () -> {
                    if (burstKind == BURST_QUANTUM && burstAt == engine.now()) {
                        burstKind = 0;
                        onQuantumExpired(this);
                    }
                };
            } else {
                this.burstDone = () -> onBurstDone(this);
                this.quantumExpired = () -> onQuantumExpired(this);
            }
        }

        /** Whether the worker is running a request now (a loop between callbacks is not). */
        boolean busy() {
            return current != null;
        }
    }

    /** Idle threads or free cores by index, lowest first (a BitSet without its size bookkeeping). */
    static final class IndexSet {
        private final long[] words;

        private IndexSet(int size) {
            this.words = new long[(size + 63) / 64];
        }

        static IndexSet full(int size) {
            IndexSet set = new IndexSet(size);
            for (int i = 0; i < size; i++) {
                set.add(i);
            }
            return set;
        }

        /** The lowest index in the set, or -1 if it is empty. */
        int lowest() {
            for (int w = 0; w < words.length; w++) {
                if (words[w] != 0) {
                    return w * 64 + Long.numberOfTrailingZeros(words[w]);
                }
            }
            return -1;
        }

        void add(int i) {
            words[i >>> 6] |= 1L << i;
        }

        void remove(int i) {
            words[i >>> 6] &= ~(1L << i);
        }
    }

    /** Slots of a resource, handed FIFO to whoever waits; with {@code track}, who holds them (for causes). */
    private static final class Pool {
        final int capacity;
        /** For {@code "latency": "shared"}: the service the slot holders share; null for fixed latency. */
        final SharedService service;
        int inUse;
        final ArrayDeque<Req> waiting = new ArrayDeque<>();
        final boolean track;
        int[] holderIds = new int[4];
        int holderCount;

        Pool(int capacity, boolean track, SharedService service) {
            this.capacity = capacity;
            this.track = track;
            this.service = service;
        }

        boolean tryAcquire(Req r) {
            if (inUse < capacity) {
                inUse++;
                hold(r);
                return true;
            }
            return false;
        }

        /** {@code r} frees its slot; if someone waits, the slot passes straight to them and they are returned. */
        Req release(Req r) {
            if (track) {
                for (int i = 0; i < holderCount; i++) {
                    if (holderIds[i] == r.id) {
                        System.arraycopy(holderIds, i + 1, holderIds, i, holderCount - i - 1);
                        holderCount--;
                        break;
                    }
                }
            }
            Req next = waiting.poll();
            if (next == null) {
                inUse--;
            } else {
                hold(next);
            }
            return next;
        }

        private void hold(Req r) {
            if (track) {
                if (holderCount == holderIds.length) {
                    holderIds = Arrays.copyOf(holderIds, holderCount * 2);
                }
                holderIds[holderCount++] = r.id;
            }
        }
    }

    /**
     * A processor-sharing service (a resource with {@code "latency": "shared"}):
     * with k calls inside, each progresses at 1/k of the speed. Done exactly
     * and event-driven with a virtual clock: {@code virtual} is the work (in
     * ms of work) each call inside has received since the service was last
     * empty; it advances at 1/k per ms. A call entering with d ms of work
     * finishes when {@code virtual} reaches its own entry value + d, so an
     * arrival or departure only changes the rate, never a call's finish
     * mark. Each arrival and departure reschedules the next departure
     * ({@code lastMs + (finish - virtual) * k}); an event made stale by a
     * later arrival finds its generation out of date and does nothing. At a
     * departure {@code virtual} is set to the departing call's mark, not
     * summed, and it restarts at 0 whenever the service empties, so rounding
     * never accumulates past one busy period: times keep the clock's 1 µs.
     * Calls that end at the same instant leave in the order they entered.
     */
    static final class SharedService {
        private final Engine engine;
        private final Consumer<Req> departed;
        private final PriorityQueue<Call> inside = new PriorityQueue<>();
        private double virtual;
        private double lastMs;
        private long order;
        private int generation;
        private final ArrayDeque<Req> leaving = new ArrayDeque<>();

        SharedService(Engine engine, Consumer<Req> departed) {
            this.engine = engine;
            this.departed = departed;
        }

        /** How many calls are inside now. */
        int inside() {
            return inside.size();
        }

        /** {@code r} enters the service now with {@code workMs} of work. */
        void enter(Req r, double workMs) {
            advance();
            inside.add(new Call(r, virtual + workMs, order++));
            reschedule();
        }

        /** {@code r} leaves the service now without its work done (its task was cancelled): the others speed up. */
        void leave(Req r) {
            advance();
            inside.removeIf(c -> c.req == r);
            reschedule();
        }

        private void advance() {
            double now = engine.now();
            if (!inside.isEmpty()) {
                virtual += (now - lastMs) / inside.size();
            }
            lastMs = now;
        }

        private void reschedule() {
            int gen = ++generation;
            Call first = inside.peek();
            if (first == null) {
                virtual = 0; // empty: a fresh virtual clock, so no rounding carries over
                order = 0;
                return;
            }
            double at = lastMs + Math.max(0, first.finish - virtual) * inside.size();
            engine.at(at, () -> depart(gen));
        }

        private void depart(int gen) {
            if (gen != generation) {
                return; // an arrival since slowed everyone down: a later event departs
            }
            lastMs = engine.now();
            virtual = inside.peek().finish; // exactly the mark reached, not a sum of steps
            while (!inside.isEmpty() && inside.peek().finish <= virtual) {
                leaving.add(inside.poll().req);
            }
            if (inside.isEmpty()) {
                virtual = 0; // empty before anyone re-enters at this instant: a call alone takes exactly its ms
                order = 0;
            }
            Req r;
            while ((r = leaving.poll()) != null) {
                departed.accept(r); // frees its slot: a queued call may enter at this instant
            }
            reschedule();
        }

        /** One call inside: the virtual time at which it has had all its work, and its entry order for ties. */
        private record Call(Req req, double finish, long order) implements Comparable<Call> {
            @Override
            public int compareTo(Call o) {
                int c = Double.compare(finish, o.finish);
                return c != 0 ? c : Long.compare(order, o.order);
            }
        }
    }

    /** A request inside the engine; as a {@link Runnable} it is the end of its current wait. */
    final class Req implements Runnable {
        int id;
        int type;
        double[] ms;
        int user;
        double arrivalMs;
        int seg;
        double remainingMs;
        /** On a core: when the current compute segment ends, and the last segment of the run. */
        double segEndMs;
        int runLastSeg;
        double startMs;
        boolean started;
        int worker;
        SpanState state;
        double since;
        boolean holds;
        int core;
        int spanSegment;
        /** The pool thread of the span it is in (-1 if none), fixed when the span begins. */
        int spanPool;
        /** The pool thread running its offloaded segment, or null. */
        Worker poolThread;
        /** The step after its last: the number of steps, or for a branch the end of the branch. */
        int end;
        /** For a branch of a gather: the request it belongs to, and its index; null and -1 otherwise. */
        Req parent;
        int branch;
        /** While its gather runs: the branches not yet done. */
        int pending;
        /** When its client gives up (+infinity without a timeout); for a branch, see its parent. */
        double giveUpMs;
        /** Whether its client has given up, and whether its task is then cancelled (event loop with cancelOnTimeout). */
        boolean gone;
        boolean cancels;
        /** Its task is cancelled: it ends at its next await (or now, where it stands). */
        boolean cancelling;
        /** Cancelled and ended: never reused, so a wake-up still pending for it does nothing. */
        boolean dead;
        /** Whether it ended (finished, rejected or cancelled): a timeout after that does nothing. */
        boolean done;
        /** Whether it counts in flight on its loop (not waiting beyond maxConcurrency), for a cancellation. */
        boolean admitted;
        /** Core time spent on it after its client gave up. */
        double wastedCpuMs;
        /** Its live branches while a gather runs and it may be cancelled; null otherwise. */
        java.util.List<Req> branches;
        /** For a task of a program: its number among the run's tasks (0-based); -1 for a request. */
        int task = -1;
        /** For a task: when it came to its current put (the item's production time). */
        double madeMs;
        /** For a task: the item it is processing (got and not yet done), or null. */
        TaskPrograms.Item item;
        /** For a background task: the request that started it (0 otherwise), its spawn's index, name and CPU. */
        int spawnedBy;
        /** For a background task: the request that started it (it may be reused once done: see its id). */
        Req spawner;
        int spawnSeg;
        String spawnName;
        double taskComputeMs;

        /** Makes this a fresh request (new or reused): every field is set here. */
        void reset(int id, int type, double[] ms, int user, double arrivalMs) {
            this.id = id;
            this.type = type;
            this.ms = ms;
            this.user = user;
            this.arrivalMs = arrivalMs;
            seg = 0;
            remainingMs = 0;
            segEndMs = 0;
            runLastSeg = 0;
            startMs = 0;
            started = false;
            worker = -1;
            state = null;
            since = 0;
            holds = false;
            core = -1;
            spanSegment = 0;
            spanPool = -1;
            poolThread = null;
            end = ms.length;
            parent = null;
            branch = -1;
            pending = 0;
            giveUpMs = Double.POSITIVE_INFINITY;
            gone = false;
            cancels = cancelsOf[type];
            cancelling = false;
            dead = false;
            done = false;
            admitted = true;
            wastedCpuMs = 0;
            branches = null;
            task = -1;
            item = null;
            spawnedBy = 0;
            spawner = null;
            spawnSeg = -1;
            spawnName = null;
            taskComputeMs = 0;
        }

        @Override
        public void run() {
            if (!dead) {
                endWait(this);
            }
        }

        double computeMs(SegmentKind[] k) {
            double sum = 0;
            for (int i = 0; i < end; i++) { // its own steps: a spawned task's come after them
                if (k[i] == SegmentKind.COMPUTE) {
                    sum += ms[i];
                }
            }
            return sum;
        }

        double waitMs(SegmentKind[] k) {
            double sum = 0;
            for (int i = 0; i < end; i++) {
                if (k[i] != SegmentKind.COMPUTE) {
                    sum += ms[i];
                }
            }
            return sum;
        }
    }
}
