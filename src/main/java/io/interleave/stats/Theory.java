package io.interleave.stats;

import io.interleave.scenario.Arrivals;
import io.interleave.scenario.Distribution;
import io.interleave.scenario.Policy;
import io.interleave.scenario.RequestType;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.Segment;
import io.interleave.scenario.SegmentKind;
import io.interleave.scenario.Server;
import java.util.List;
import java.util.Optional;

/**
 * Which closed-form queueing result, if any, predicts a scenario's mean
 * response time, so a sweep can draw theory next to the simulation.
 *
 * <p>It applies when arrivals are Poisson, there is one request type, and
 * the server is a textbook queue:
 * <ul>
 *   <li>sync with at least as many cores as threads, where a thread is held
 *   for the whole request (compute, waits and blocks on unlimited
 *   resources), so each thread is a server: M/M/c with Erlang C when the
 *   request is one exponential segment, M/G/1 (Pollaczek–Khinchine) with one
 *   thread and any durations;</li>
 *   <li>an event loop, one loop, whose request only computes: M/G/1 (M/M/1
 *   when exponential);</li>
 *   <li>an event loop (any number of loops, with or without a pool) whose
 *   request only awaits one shared-latency resource without slots: the
 *   loops hold nothing, the service is processor sharing, M/G/1-PS, whose
 *   mean response is the M/M/1 one, {@code mean / (1 - rho)}, whatever the
 *   distribution of the work.</li>
 * </ul>
 * With a GIL that threads of a process share (several sync threads per
 * process, or offloaded compute beside a loop), only one compute server in
 * all with one exponential compute has a closed form, M/M/1; see
 * {@link #gilModel}. A shared-latency resource anywhere else (two threads that share it, a
 * compute before the await, slots in front) has no closed form here: no
 * theory is drawn. One sync thread may use one, as it never shares it.
 */
public final class Theory {
    private Theory() {
    }

    /** A closed-form model of mean response time against arrival rate. */
    public record Model(String name, int servers, double meanServiceMs, double serviceVarianceMs2, boolean exponential,
                        boolean processorSharing) {

        /** A FIFO queue (not processor sharing). */
        public Model(String name, int servers, double meanServiceMs, double serviceVarianceMs2, boolean exponential) {
            this(name, servers, meanServiceMs, serviceVarianceMs2, exponential, false);
        }

        /** The highest arrival rate per second the model is stable for. */
        public double capacityPerSec() {
            return servers * 1000.0 / meanServiceMs;
        }

        /** Predicted mean response at {@code ratePerSec}; empty at or beyond capacity. */
        public Optional<Double> meanResponseMs(double ratePerSec) {
            if (!(ratePerSec > 0) || ratePerSec >= capacityPerSec()) {
                return Optional.empty();
            }
            if (processorSharing) { // M/G/1-PS: the M/M/1 mean for any distribution of the work
                return Optional.of(QueueingTheory.mm1MeanResponseMs(ratePerSec, meanServiceMs));
            }
            if (servers == 1) {
                return Optional.of(exponential
                        ? QueueingTheory.mm1MeanResponseMs(ratePerSec, meanServiceMs)
                        : QueueingTheory.mg1MeanResponseMs(ratePerSec, meanServiceMs, serviceVarianceMs2));
            }
            return Optional.of(QueueingTheory.mmcMeanResponseMs(servers, ratePerSec, meanServiceMs));
        }
    }

    /** The model for {@code scenario} under its own server, if one applies. */
    public static Optional<Model> of(Scenario scenario) {
        return of(scenario, scenario.server().policy());
    }

    /** The model for {@code scenario} under {@code policy}, if one applies. */
    public static Optional<Model> of(Scenario scenario, Policy policy) {
        if (!(scenario.arrivals() instanceof Arrivals.Poisson)) {
            return Optional.empty();
        }
        List<RequestType> types = scenario.requestTypes().stream().filter(t -> t.weight() > 0).toList();
        if (types.size() != 1) {
            return Optional.empty();
        }
        if (types.get(0).segments().stream().anyMatch(Segment::isGather)) {
            return Optional.empty(); // no closed form for a fan-out
        }
        if (types.get(0).hasTimeout()) {
            return Optional.empty(); // clients that give up leave the queue (and the statistics): no textbook queue
        }
        List<Segment> segments = types.get(0).segments().stream().filter(s -> !isZero(s.ms())).toList();
        if (segments.isEmpty()) {
            return Optional.empty();
        }
        Server server = scenario.server();
        double mean = segments.stream().mapToDouble(s -> s.ms().mean()).sum();
        double variance = segments.stream().mapToDouble(s -> s.ms().variance()).sum();
        boolean exponential = segments.size() == 1 && segments.get(0).ms() instanceof Distribution.Exponential;
        if (server.gil() && sharesAGil(server, policy, segments)) {
            return gilModel(server, segments, mean, variance, exponential);
        }
        if (policy.waitsHoldWorker()) {
            int threads = policy == Policy.SYNC ? server.processes() * server.workers() : server.workers();
            if (server.cores() < threads || server.queueLimit().isPresent()) {
                return Optional.empty();
            }
            boolean unlimited = segments.stream().allMatch(s -> s.on().isEmpty()
                    || scenario.resources().get(scenario.resourceIndex(s.on().get()).orElseThrow()).capacity().isEmpty());
            if (!unlimited) {
                return Optional.empty();
            }
            if (threads > 1 && segments.stream().anyMatch(s -> sharedResource(scenario, s))) {
                return Optional.empty(); // threads that slow each other down inside the service: no textbook queue
            }
            if (threads == 1) {
                return Optional.of(new Model(exponential ? "M/M/1" : "M/G/1 (Pollaczek–Khinchine)", 1, mean, variance, exponential));
            }
            return exponential
                    ? Optional.of(new Model("M/M/" + threads + " (Erlang C)", threads, mean, variance, true))
                    : Optional.empty();
        }
        if (segments.size() == 1 && segments.get(0).kind() == SegmentKind.WAIT && sharedResource(scenario, segments.get(0))
                && scenario.resources().get(scenario.resourceIndex(segments.get(0).on().get()).orElseThrow()).capacity().isEmpty()
                && server.queueLimit().isEmpty() && server.maxConcurrency().isEmpty()) {
            return Optional.of(new Model(exponential ? "M/M/1-PS" : "M/G/1-PS", 1, mean, variance, exponential, true));
        }
        boolean computeOnly = segments.stream().allMatch(s -> s.kind() == SegmentKind.COMPUTE);
        if (server.workers() != 1 || !computeOnly || server.queueLimit().isPresent() || server.maxConcurrency().isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new Model(exponential ? "M/M/1" : "M/G/1 (Pollaczek–Khinchine)", 1, mean, variance, exponential));
    }

    /**
     * Whether threads of one process compete for its GIL: several sync threads per process, or a loop whose
     * pool computes (an offloaded compute) beside it. One thread per process, or a loop without offloaded
     * compute, never waits for its GIL: the model is the one without it.
     */
    private static boolean sharesAGil(Server server, Policy policy, List<Segment> segments) {
        return switch (policy) {
            case SYNC -> server.workers() > 1;
            case EVENT_LOOP -> false;
            case EVENT_LOOP_POOL -> segments.stream().anyMatch(s -> s.kind() == SegmentKind.COMPUTE && s.offload());
        };
    }

    /**
     * With a GIL that threads share: P processes on C cores compute like {@code min(P, C)} servers, but a
     * process's threads take turns every switch interval (round robin, not FIFO) and, under sync, the shared
     * accept queue may hand two requests to one process while another is idle. The one closed form left: all
     * the compute goes through one server (one process, or one core) and the request is one exponential
     * compute, where any order of service that does not look at the durations gives the M/M/1 mean. Mixed
     * compute and waits, or several processes on several cores: none.
     */
    private static Optional<Model> gilModel(Server server, List<Segment> segments, double mean, double variance,
                                            boolean exponential) {
        boolean computeOnly = segments.stream().allMatch(s -> s.kind() == SegmentKind.COMPUTE);
        int servers = Math.min(server.processCount(), server.cores());
        if (!computeOnly || !exponential || servers != 1 || server.queueLimit().isPresent()
                || server.maxConcurrency().isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new Model("M/M/1 (one GIL)", 1, mean, variance, true));
    }

    private static boolean sharedResource(Scenario scenario, Segment s) {
        return s.on().isPresent() && scenario.resources().get(scenario.resourceIndex(s.on().get()).orElseThrow()).shared();
    }

    private static boolean isZero(Distribution d) {
        return d instanceof Distribution.Constant c && c.value() == 0;
    }
}
