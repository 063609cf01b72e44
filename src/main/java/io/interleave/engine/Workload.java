package io.interleave.engine;

import io.interleave.scenario.Arrivals;
import io.interleave.scenario.Distribution;
import io.interleave.scenario.RequestType;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.Segment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGenerator.SplittableGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Samples a scenario's workload from its seed, independently of the policy
 * (common random numbers).
 *
 * <p>The seed feeds one {@value #ALGORITHM} generator, split into separate
 * streams for arrival gaps, request types, segment durations and think times.
 * Request number <em>i</em> (in arrival order, 1-based) always gets the
 * <em>i</em>-th type draw and the <em>i</em>-th block of duration draws, so
 * both policies see identical requests and the first <em>n</em> requests do
 * not change when the count grows. Open arrival times come from their own
 * stream and are therefore identical too. In a closed workload each user has
 * its own think-time stream, so user <em>u</em>'s <em>k</em>-th think time is
 * the same under both policies; only the send instants differ, because they
 * follow the responses.
 */
public final class Workload {
    /** The generator: same algorithm, same numbers on every JDK 17+. */
    public static final String ALGORITHM = "L64X128MixRandom";

    private final Scenario scenario;
    private final RandomGenerator arrivalStream;
    private final RandomGenerator typeStream;
    private final RandomGenerator durationStream;
    private final SplittableGenerator thinkRoot;
    /** The tasks' durations: their own stream, drawn kind by kind and task by task when the run starts. */
    private final RandomGenerator taskStream;
    private final Distribution[][] taskDurations;
    private final double[] cumulativeWeights;
    private final Distribution[][] durations;
    private final List<Arrivals.At> explicitSorted;
    private int drawn;
    private double lastArrival;
    private int arrivalType = -1;

    public Workload(Scenario scenario) {
        this.scenario = scenario;
        SplittableGenerator root = (SplittableGenerator) RandomGeneratorFactory.of(ALGORITHM).create(scenario.seed());
        this.arrivalStream = root.split();
        this.typeStream = root.split();
        this.durationStream = root.split();
        this.thinkRoot = root.split();
        this.taskStream = root.split(); // split last: the streams above stay as they were before tasks existed
        this.taskDurations = scenario.tasks().stream()
                .map(t -> t.unrolled().stream().map(st -> st.ms() == null ? ZERO : st.ms()).toArray(Distribution[]::new))
                .toArray(Distribution[][]::new);
        List<RequestType> types = scenario.requestTypes();
        this.cumulativeWeights = new double[types.size()];
        this.durations = new Distribution[types.size()][];
        double sum = 0;
        for (int i = 0; i < types.size(); i++) {
            sum += types.get(i).weight();
            cumulativeWeights[i] = sum;
            // one duration per step (a gather's branches inline, in branch order): the same seed gives the
            // same branch durations under every policy
            durations[i] = Segment.steps(types.get(i).segments()).stream().map(st -> st.segment().ms()).toArray(Distribution[]::new);
        }
        if (scenario.arrivals() instanceof Arrivals.Explicit explicit) {
            List<Arrivals.At> sorted = new ArrayList<>(explicit.at());
            sorted.sort(Comparator.comparingDouble(Arrivals.At::atMs)); // stable: ties keep file order
            this.explicitSorted = sorted;
        } else {
            this.explicitSorted = List.of();
        }
    }

    private static final Distribution ZERO = new Distribution.Constant(0);

    /**
     * The sampled durations of the next task of kind {@code kind} (index into
     * the scenario's tasks): one per unrolled step, 0 for puts and gets. The
     * run draws every task's durations before it starts, kind by kind in file
     * order and task by task, so every policy sees the same ones.
     */
    double[] nextTaskDurations(int kind) {
        Distribution[] steps = taskDurations[kind];
        double[] ms = new double[steps.length];
        for (int s = 0; s < ms.length; s++) {
            ms[s] = steps[s].sample(taskStream);
        }
        return ms;
    }

    /** A sampled request before scheduling: its type and the duration of each segment. */
    public record Body(int type, double[] segmentMs) {
    }

    /** A sampled open-loop arrival. */
    public record Arrival(double atMs, Body body) {
    }

    /** How many requests the workload sends in total. */
    public int count() {
        return scenario.arrivals().count();
    }

    /** Whether arrivals depend on responses (a closed loop of users). */
    public boolean closed() {
        return scenario.arrivals() instanceof Arrivals.Closed;
    }

    /**
     * The next open-loop arrival (not for closed workloads); call at most
     * {@link #count()} times. Times never decrease.
     */
    public Arrival nextArrival() {
        double at = nextArrivalMs();
        int type = nextType();
        return new Arrival(at, new Body(type, nextDurations(type, null)));
    }

    /** The next request's body in arrival (or send) order. */
    public Body nextBody() {
        int type = nextType();
        return new Body(type, nextDurations(type, null));
    }

    // The engine draws each request in these steps, to reuse its arrays:
    // nextArrivalMs() (open workloads only), then nextType(), then nextDurations().

    /** The time of the next open-loop arrival; its type and durations follow from the next two calls. */
    double nextArrivalMs() {
        requireMore();
        int index = drawn;
        double at;
        Arrivals arrivals = scenario.arrivals();
        if (arrivals instanceof Arrivals.Poisson p) {
            at = lastArrival - (1000.0 / p.ratePerSec()) * Math.log(1.0 - arrivalStream.nextDouble());
        } else if (arrivals instanceof Arrivals.Explicit) {
            Arrivals.At entry = explicitSorted.get(index);
            at = entry.atMs();
            arrivalType = scenario.typeIndex(entry.type()).orElseThrow();
        } else if (arrivals instanceof Arrivals.Uniform u) {
            at = index * u.intervalMs();
        } else if (arrivals instanceof Arrivals.Burst b) {
            at = b.atMs();
        } else {
            throw new IllegalStateException("closed workloads have no precomputed arrival times");
        }
        lastArrival = at;
        return at;
    }

    /** The type of the next request (fixed by an explicit arrival, else drawn); counts the request as drawn. */
    int nextType() {
        requireMore();
        drawn++;
        int type = arrivalType >= 0 ? arrivalType : drawType();
        arrivalType = -1;
        return type;
    }

    /** The sampled durations of a request of {@code type}, written into {@code reuse} if it has the right length. */
    double[] nextDurations(int type, double[] reuse) {
        Distribution[] segments = durations[type];
        double[] ms = reuse != null && reuse.length == segments.length ? reuse : new double[segments.length];
        for (int s = 0; s < ms.length; s++) {
            ms[s] = segments[s].sample(durationStream);
        }
        return ms;
    }

    private void requireMore() {
        if (drawn >= count()) {
            throw new IllegalStateException("all " + count() + " requests were already drawn");
        }
    }

    private int drawType() {
        int n = cumulativeWeights.length;
        if (n == 1) {
            return 0;
        }
        double u = typeStream.nextDouble() * cumulativeWeights[n - 1];
        for (int i = 0; i < n; i++) {
            if (u < cumulativeWeights[i]) {
                return i;
            }
        }
        return n - 1;
    }

    /** A think-time stream per user of a closed workload. */
    public ThinkTimes thinkTimes() {
        if (!(scenario.arrivals() instanceof Arrivals.Closed closed)) {
            throw new IllegalStateException("only closed workloads have think times");
        }
        RandomGenerator[] perUser = new RandomGenerator[closed.users()];
        for (int u = 0; u < perUser.length; u++) {
            perUser[u] = thinkRoot.split();
        }
        return new ThinkTimes(closed.thinkMs(), perUser);
    }

    /** Think times of each user, drawn from that user's own stream. */
    public static final class ThinkTimes {
        private final Distribution distribution;
        private final RandomGenerator[] perUser;

        ThinkTimes(Distribution distribution, RandomGenerator[] perUser) {
            this.distribution = distribution;
            this.perUser = perUser;
        }

        /** How many users there are. */
        public int users() {
            return perUser.length;
        }

        /** User {@code user}'s next think time. */
        public double next(int user) {
            return distribution.sample(perUser[user]);
        }
    }

    /** The first {@code n} open-loop arrivals of a scenario, for tests and previews. */
    public static List<Arrival> sample(Scenario scenario, int n) {
        Workload w = new Workload(scenario);
        List<Arrival> out = new ArrayList<>();
        for (int i = 0; i < Math.min(n, w.count()); i++) {
            out.add(w.nextArrival());
        }
        return out;
    }
}
