package io.interleave.trace.narration;

import io.interleave.time.TimeText;
import io.interleave.trace.ItemRecord;
import io.interleave.trace.RequestRecord;
import io.interleave.trace.Span;
import io.interleave.trace.SpanState;
import io.interleave.trace.TaskIds;
import io.interleave.trace.Trace;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Where playback should pause on its own: when a chosen request is done
 * (its response sent, or it was turned away), when any request is
 * rejected, when any request's client gives up (times out), when a
 * background task or a gather starts or ends ({@link Moment}), or at a
 * chosen time. Playback asks, for each animation frame,
 * for the earliest of these in the time the frame covers, and stops the
 * playhead exactly there.
 *
 * @param requestId pause when this request (1-based) is done; empty for none
 * @param anyRejection pause whenever a request is rejected
 * @param atMs pause when the playhead reaches this time; empty for none
 * @param anyTimeout pause whenever a request's client gives up (its type's timeout passes before the response)
 * @param itemConsumed a program of tasks: pause when this item (1-based, in the order made) is consumed, that is
 *                     when its consumer takes it off the queue; empty for none
 * @param queueFull a program of tasks: pause whenever a put finds its queue full (a producer starts waiting to put)
 * @param moments the moments inside requests to pause at: a background task starts or ends, a gather starts or ends
 */
public record Breakpoints(OptionalInt requestId, boolean anyRejection, OptionalDouble atMs, boolean anyTimeout,
                          OptionalInt itemConsumed, boolean queueFull, Set<Moment> moments) {
    /** A moment inside requests that playback can pause at, wherever it happens. */
    public enum Moment {
        /** A request reaches a spawn: its background task starts. */
        BACKGROUND_STARTS("a background task starts"),
        /** A background task runs its last step. */
        BACKGROUND_ENDS("a background task ends"),
        /** A request reaches a gather: its branches start. */
        GATHER_STARTS("a gather starts"),
        /** The last branch of a gather is done: the request goes on. */
        GATHER_ENDS("a gather ends");

        private final String words;

        Moment(String words) {
            this.words = words;
        }

        /** How the window names it, e.g. "a gather starts". */
        public String words() {
            return words;
        }
    }

    /** Breakpoints with no moment inside requests. */
    public Breakpoints(OptionalInt requestId, boolean anyRejection, OptionalDouble atMs, boolean anyTimeout,
                       OptionalInt itemConsumed, boolean queueFull) {
        this(requestId, anyRejection, atMs, anyTimeout, itemConsumed, queueFull, Set.of());
    }

    /** Never pause. */
    public static final Breakpoints NONE = new Breakpoints(OptionalInt.empty(), false, OptionalDouble.empty());

    /** Breakpoints that do not pause when a request times out. */
    public Breakpoints(OptionalInt requestId, boolean anyRejection, OptionalDouble atMs) {
        this(requestId, anyRejection, atMs, false);
    }

    /** Breakpoints about requests only (none about a program's items or queues). */
    public Breakpoints(OptionalInt requestId, boolean anyRejection, OptionalDouble atMs, boolean anyTimeout) {
        this(requestId, anyRejection, atMs, anyTimeout, OptionalInt.empty(), false);
    }

    public Breakpoints {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(atMs, "atMs");
        Objects.requireNonNull(itemConsumed, "itemConsumed");
        moments = moments.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(moments));
        if (itemConsumed.isPresent() && itemConsumed.getAsInt() < 1) {
            throw new IllegalArgumentException("itemConsumed: must be >= 1, was " + itemConsumed.getAsInt());
        }
        if (requestId.isPresent() && requestId.getAsInt() < 1) {
            throw new IllegalArgumentException("requestId: must be >= 1, was " + requestId.getAsInt());
        }
        if (atMs.isPresent() && !(atMs.getAsDouble() >= 0 && atMs.getAsDouble() < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("atMs: must be a finite time >= 0, was " + atMs.getAsDouble());
        }
    }

    /**
     * Why and where playback stopped.
     *
     * @param timeMs the event's time: the playhead stops exactly here
     * @param reason e.g. "R2 done in 100 ms (event loop)", "R9 rejected", "reached 50 ms"
     */
    public record Hit(double timeMs, String reason) {
    }

    public Breakpoints withRequest(OptionalInt id) {
        return new Breakpoints(id, anyRejection, atMs, anyTimeout, itemConsumed, queueFull, moments);
    }

    public Breakpoints withAnyRejection(boolean on) {
        return new Breakpoints(requestId, on, atMs, anyTimeout, itemConsumed, queueFull, moments);
    }

    public Breakpoints withAtMs(OptionalDouble ms) {
        return new Breakpoints(requestId, anyRejection, ms, anyTimeout, itemConsumed, queueFull, moments);
    }

    public Breakpoints withAnyTimeout(boolean on) {
        return new Breakpoints(requestId, anyRejection, atMs, on, itemConsumed, queueFull, moments);
    }

    public Breakpoints withItemConsumed(OptionalInt item) {
        return new Breakpoints(requestId, anyRejection, atMs, anyTimeout, item, queueFull, moments);
    }

    public Breakpoints withQueueFull(boolean on) {
        return new Breakpoints(requestId, anyRejection, atMs, anyTimeout, itemConsumed, on, moments);
    }

    /** These breakpoints with {@code moment} on or off. */
    public Breakpoints withMoment(Moment moment, boolean on) {
        EnumSet<Moment> next = EnumSet.noneOf(Moment.class);
        next.addAll(moments);
        if (on) {
            next.add(moment);
        } else {
            next.remove(moment);
        }
        return new Breakpoints(requestId, anyRejection, atMs, anyTimeout, itemConsumed, queueFull, next);
    }

    /** Whether any breakpoint is set. */
    public boolean any() {
        return requestId.isPresent() || anyRejection || atMs.isPresent() || anyTimeout || itemConsumed.isPresent() || queueFull
                || !moments.isEmpty();
    }

    /**
     * The earliest breakpoint in {@code (fromMs, toMs]}: after where the
     * playhead was (so that playing on from a stop does not stop again at
     * once) and up to where it has got to. With two traces (compare) the
     * first to happen in either counts. At one instant a chosen request
     * comes before a rejection, and both before the time.
     */
    public Optional<Hit> firstBetween(List<Trace> traces, double fromMs, double toMs) {
        if (!(toMs > fromMs) || !any()) {
            return Optional.empty();
        }
        Hit best = null;
        for (Trace trace : traces) {
            String where = traces.size() > 1 ? " · " + policyWords(trace) : "";
            if (requestId.isPresent() && requestId.getAsInt() <= trace.requests().size()) {
                RequestRecord r = trace.request(requestId.getAsInt());
                if (r.finishMs() > fromMs && r.finishMs() <= toMs) {
                    String what = r.completed() ? " done in " + TimeText.exact(r.responseMs())
                            : r.rejected() ? " rejected" : r.status() == io.interleave.trace.Status.CANCELLED ? " cancelled" : " ends for nobody";
                    best = earlier(best, new Hit(r.finishMs(), r.label() + what + where));
                }
            }
            if (anyRejection) {
                Optional<RequestRecord> rejected = firstRejection(trace, fromMs, toMs);
                if (rejected.isPresent()) {
                    best = earlier(best, new Hit(rejected.get().arrivalMs(), rejected.get().label() + " rejected" + where));
                }
            }
        }
        if (anyTimeout) {
            for (Trace trace : traces) {
                String where = traces.size() > 1 ? " · " + policyWords(trace) : "";
                Hit gaveUp = firstTimeout(trace, fromMs, toMs, where);
                if (gaveUp != null) {
                    best = earlier(best, gaveUp);
                }
            }
        }
        for (Trace trace : traces) {
            String where = traces.size() > 1 ? " · " + policyWords(trace) : "";
            List<ItemRecord> items = trace.program().items();
            if (itemConsumed.isPresent() && itemConsumed.getAsInt() <= items.size()) {
                ItemRecord item = items.get(itemConsumed.getAsInt() - 1);
                if (item.consumed() && item.gotMs() > fromMs && item.gotMs() <= toMs) {
                    best = earlier(best, new Hit(item.gotMs(), TaskIds.find(trace.scenario(), item.consumer())
                            .map(TaskIds.Named::name).orElse("a consumer") + " takes item " + item.id() + where));
                }
            }
            if (queueFull) {
                Hit full = firstFullQueue(trace, fromMs, toMs, where);
                if (full != null) {
                    best = earlier(best, full);
                }
            }
        }
        if (!moments.isEmpty()) {
            for (Trace trace : traces) {
                String where = traces.size() > 1 ? " · " + policyWords(trace) : "";
                Hit moment = InsideMoments.of(trace).first(moments, fromMs, toMs, where);
                if (moment != null) {
                    best = earlier(best, moment);
                }
            }
        }
        if (atMs.isPresent() && atMs.getAsDouble() > fromMs && atMs.getAsDouble() <= toMs) {
            best = earlier(best, new Hit(atMs.getAsDouble(), "reached " + TimeText.exact(atMs.getAsDouble())));
        }
        return Optional.ofNullable(best);
    }

    private static Hit earlier(Hit best, Hit candidate) {
        return best == null || candidate.timeMs() < best.timeMs() ? candidate : best;
    }

    /** The first rejected request arriving in (from, to]; requests are numbered in arrival order. */
    private static Optional<RequestRecord> firstRejection(Trace trace, double fromMs, double toMs) {
        List<RequestRecord> rs = trace.requests();
        int lo = 0;
        int hi = rs.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (rs.get(mid).arrivalMs() <= fromMs) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        for (int i = lo; i < rs.size() && rs.get(i).arrivalMs() <= toMs; i++) {
            if (rs.get(i).rejected()) {
                return Optional.of(rs.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * The first client to give up in (from, to]: a timed-out request's give-up instant is its arrival
     * plus its type's timeout. Only requests that arrived after {@code from} minus the longest timeout
     * and by {@code to} can give up then, so the search starts there (requests are in arrival order).
     */
    private static Hit firstTimeout(Trace trace, double fromMs, double toMs, String where) {
        double[] timeouts = trace.scenario().requestTypes().stream()
                .mapToDouble(t -> t.timeoutMs().orElse(Double.NaN)).toArray();
        double longest = java.util.Arrays.stream(timeouts).filter(t -> !Double.isNaN(t)).max().orElse(Double.NaN);
        if (Double.isNaN(longest)) {
            return null;
        }
        List<RequestRecord> rs = trace.requests();
        int lo = 0;
        int hi = rs.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (rs.get(mid).arrivalMs() <= fromMs - longest) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        Hit best = null;
        for (int i = lo; i < rs.size() && rs.get(i).arrivalMs() <= toMs; i++) {
            RequestRecord r = rs.get(i);
            if (!r.timedOut()) {
                continue;
            }
            double at = r.arrivalMs() + timeouts[r.type()];
            if (at > fromMs && at <= toMs && (best == null || at < best.timeMs())) {
                best = new Hit(at, r.label() + "'s client gave up after " + TimeText.exact(timeouts[r.type()]) + where);
            }
        }
        return best;
    }

    /**
     * The first put in (from, to] that found its queue full: where a producer starts to wait to put
     * ("'items' is full: producer 2 waits to put").
     */
    private static Hit firstFullQueue(Trace trace, double fromMs, double toMs, String where) {
        if (!trace.scenario().hasTasks()) {
            return null;
        }
        Hit best = null;
        for (TaskIds.Named task : TaskIds.of(trace.scenario())) {
            List<Span> spans;
            try {
                spans = trace.spansOf(task.id());
            } catch (IndexOutOfBoundsException e) {
                continue; // a task with no span of its own
            }
            for (Span sp : spans) {
                if (sp.startMs() > toMs) {
                    break;
                }
                if (sp.state() == SpanState.WAITING_PUT && sp.startMs() > fromMs && (best == null || sp.startMs() < best.timeMs())) {
                    best = new Hit(sp.startMs(), "the queue is full: " + task.name() + " waits to put" + where);
                }
            }
        }
        return best;
    }

    private static String policyWords(Trace trace) {
        return trace.label();
    }
}
