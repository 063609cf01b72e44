package io.interleave.stats;

import io.interleave.scenario.Arrivals;
import io.interleave.scenario.Policy;
import io.interleave.scenario.Resource;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.Segment;
import io.interleave.scenario.SegmentKind;
import io.interleave.scenario.Server;
import java.util.Locale;
import java.util.Objects;

/**
 * The highest arrival rate a server sustains with a scenario's request mix:
 * the rate at which its first bottleneck is busy all the time. Each
 * bottleneck serves {@code slots x 1000 / (mean ms held per request)}
 * requests a second:
 * <ul>
 *   <li>the threads (sync): a thread is held for the whole request, its
 *   compute, waits and blocking calls;</li>
 *   <li>the event loops: a loop is held only for compute and blocking calls
 *   (a wait frees it); with {@code maxConcurrency} each loop also has that
 *   many places, each held for a whole request;</li>
 *   <li>the cores: every compute segment;</li>
 *   <li>with a GIL, the processes' GILs: each is held for every compute of its
 *   process (its threads', or its loop's and its pool's), so P processes on C
 *   cores compute like {@code min(P, C)} servers, however many threads each has;</li>
 *   <li>each resource with a capacity: its slots, held by the waits and
 *   blocks on it;</li>
 *   <li>each shared-latency resource: one server's worth of work (the calls
 *   inside share it), so it is saturated when the work sent to it per
 *   second reaches a second: {@code 1000 / (mean ms of work per request)},
 *   whatever its slots.</li>
 * </ul>
 * The mix is each type's share of the arrivals: its weight, or for
 * explicit arrivals its share of the listed ones. Queueing for a core or a
 * slot while a thread is held only lowers the real limit, so this is an
 * upper bound that the textbook queues (M/M/1, M/M/c) meet exactly.
 *
 * @param perSecond requests per second; infinite when no request holds anything
 * @param bottleneck what runs out first, in words: "2 threads", "1 core", "1 GIL", "database (4 slots)"
 */
public record Capacity(double perSecond, String bottleneck) {

    public Capacity {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("perSecond must be > 0, was " + perSecond);
        }
        Objects.requireNonNull(bottleneck, "bottleneck");
    }

    /** Whether some bottleneck limits the rate at all. */
    public boolean isFinite() {
        return Double.isFinite(perSecond);
    }

    /** The capacity of {@code scenario}'s own server with its mix. */
    public static Capacity of(Scenario scenario) {
        double[] shares = mix(scenario);
        double compute = 0;
        double waits = 0;
        double blocks = 0;
        double[] holds = new double[scenario.resources().size()];
        for (int t = 0; t < shares.length; t++) {
            if (shares[t] == 0) {
                continue;
            }
            for (Segment.Step step : Segment.steps(scenario.requestTypes().get(t).segments())) {
                Segment s = step.segment(); // a gather's branches each count their own demand
                double ms = s.ms().mean() * shares[t];
                switch (s.kind()) {
                    case COMPUTE -> compute += ms;
                    case WAIT -> waits += ms;
                    case BLOCK -> blocks += ms;
                    case GATHER -> throw new IllegalStateException("a step is never a gather");
                    case SPAWN -> { } // starting a task takes nothing; its steps count on their own
                }
                if (s.kind() != SegmentKind.COMPUTE && s.on().isPresent()) {
                    int r = scenario.resourceIndex(s.on().get()).orElseThrow();
                    holds[r] += ms;
                }
            }
        }
        Server server = scenario.server();
        double whole = compute + waits + blocks;
        Capacity best = new Capacity(Double.POSITIVE_INFINITY, "nothing");
        Policy policy = server.policy();
        if (policy.waitsHoldWorker()) {
            int threads = server.workerCount(); // every thread of every process takes from the one accept queue
            best = min(best, threads, whole, policy.workers(threads));
        } else {
            best = min(best, server.workers(), compute + blocks, policy.workers(server.workers()));
            if (server.maxConcurrency().isPresent()) {
                int places = server.workers() * server.maxConcurrency().getAsInt();
                best = min(best, places, whole, count(places, "in-flight place"));
            }
        }
        best = min(best, server.cores(), compute, count(server.cores(), "core"));
        if (server.gil()) { // a process computes one thread at a time: its GIL is held for every compute
            best = min(best, server.processCount(), compute, count(server.processCount(), "GIL"));
        }
        for (int r = 0; r < holds.length; r++) {
            Resource resource = scenario.resources().get(r);
            if (resource.shared() && holds[r] > 0) {
                best = min(best, 1, holds[r], resource.name() + " (shared)");
            }
            if (resource.capacity().isPresent()) {
                int slots = resource.capacity().getAsInt();
                best = min(best, slots, holds[r], resource.name() + " (" + count(slots, "slot") + ")");
            }
        }
        return best;
    }

    /**
     * Each request type's share of the arrivals, summing to 1: the share of
     * the listed arrivals for an explicit list, else the weights normalised.
     */
    public static double[] mix(Scenario scenario) {
        int n = scenario.requestTypes().size();
        double[] shares = new double[n];
        if (scenario.arrivals() instanceof Arrivals.Explicit explicit) {
            for (Arrivals.At at : explicit.at()) {
                shares[scenario.typeIndex(at.type()).orElseThrow()] += 1;
            }
        } else {
            for (int t = 0; t < n; t++) {
                shares[t] = scenario.requestTypes().get(t).weight();
            }
        }
        double total = 0;
        for (double s : shares) {
            total += s;
        }
        for (int t = 0; t < n; t++) {
            shares[t] /= total;
        }
        return shares;
    }

    /** "≈25/s", "≈17.5/s", "≈0.83/s": the capacity rounded for a label. */
    public String rateText() {
        return isFinite() ? "≈" + format(perSecond) + "/s" : "unlimited";
    }

    /** A rate with three significant digits at most, without trailing zeros: 25, 17.5, 142, 0.833. */
    public static String format(double rate) {
        if (Math.abs(rate - Math.rint(rate)) < 1e-9 * Math.max(1, rate) || rate >= 100) {
            return Long.toString(Math.round(rate));
        }
        String text = String.format(Locale.ROOT, "%.3g", rate);
        return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
    }

    private static Capacity min(Capacity best, int slots, double meanMs, String what) {
        if (!(meanMs > 0)) {
            return best;
        }
        double rate = slots * 1000.0 / meanMs;
        return rate < best.perSecond() ? new Capacity(rate, what) : best;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
