package io.interleave.stats;

import static io.interleave.engine.TestScenarios.compute;
import static io.interleave.engine.TestScenarios.resource;
import static io.interleave.engine.TestScenarios.scenario;
import static io.interleave.engine.TestScenarios.segment;
import static io.interleave.engine.TestScenarios.server;
import static io.interleave.engine.TestScenarios.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.engine.Simulation;
import io.interleave.scenario.Arrivals;
import io.interleave.scenario.Distribution;
import io.interleave.scenario.Policy;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.SegmentKind;
import io.interleave.trace.RequestRecord;
import io.interleave.trace.RunTotals;
import io.interleave.trace.TraceListener;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine against queueing theory (SPEC section 7). Each check runs
 * independent replications (seeds 1001, 1002, ...), leaves a warm-up out of
 * each, and asks that the theoretical value lie inside the 95% confidence
 * interval of the replication means, and that the interval be narrow enough
 * (a few per cent) for the comparison to mean something.
 *
 * <p>A queue is a server with no time slicing and one compute segment per
 * request: sync with c threads on c cores is M/M/c (a thread always finds a
 * core), and one thread or one event loop on one core is a single FIFO server.
 */
@DisplayName("Queueing theory: the simulated means fall inside 95% confidence intervals")
class QueueingValidationTest {
    private static final int REPLICATIONS = 40;
    private static final int REQUESTS = 20_000;
    private static final int WARMUP = 2_000;

    private static Scenario queue(Policy policy, int servers, double ratePerSec, Distribution service) {
        return scenario(server(policy, servers, servers), List.of(type("job", compute(service))),
                new Arrivals.Poisson(ratePerSec, REQUESTS));
    }

    /** Runs each replication with statistics only (no spans) and collects one figure per replication. */
    private static double[] replicate(Scenario s, ToDoubleFunction<Summary> figure) {
        double[] out = new double[REPLICATIONS];
        for (int r = 0; r < REPLICATIONS; r++) {
            Scenario rep = s.withSeed(1001 + r);
            SummaryCollector collector = new SummaryCollector(WARMUP, REQUESTS);
            RunTotals totals = Simulation.run(rep, collector);
            Summary summary = collector.summarize(totals, rep.server().workers(), rep.server().cores());
            assertThat(summary.completed()).isEqualTo(REQUESTS - WARMUP);
            out[r] = figure.applyAsDouble(summary);
        }
        return out;
    }

    private static void assertInside(double[] replications, double theory, double maxRelativeHalfWidth, String what) {
        ConfidenceInterval ci = ConfidenceInterval.of(replications, 0.95);
        assertThat(ci.contains(theory))
                .as("%s: theory %.4f inside the 95%% CI [%.4f, %.4f]", what, theory, ci.low(), ci.high())
                .isTrue();
        assertThat(ci.halfWidth())
                .as("%s: CI half-width %.4f must be under %.1f%% of %.4f", what, ci.halfWidth(), 100 * maxRelativeHalfWidth, theory)
                .isLessThan(maxRelativeHalfWidth * theory);
    }

    /*
     * M/M/1: lambda 60/s, exponential service with mean 10 ms (mu 100/s), rho 0.6.
     * Mean response 1 / (mu - lambda) = 1 / 40 s = 25 ms. The response time is
     * exponential with rate mu - lambda, so p50 = 25 ln 2 = 17.33 ms,
     * p90 = 25 ln 10 = 57.56 ms, p99 = 25 ln 100 = 115.13 ms.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("singleServerPolicies")
    @DisplayName("M/M/1 (rho 0.6): mean response 25 ms and exponential percentiles")
    void mm1(Policy policy) {
        Scenario s = queue(policy, 1, 60, new Distribution.Exponential(10));
        assertThat(QueueingTheory.mm1MeanResponseMs(60, 10)).isEqualTo(25.0);
        assertInside(replicate(s, x -> x.response().mean()), 25.0, 0.04, "mean");
        assertInside(replicate(s, x -> x.response().p50()), QueueingTheory.mm1ResponsePercentileMs(60, 10, 50), 0.04, "p50");
        assertInside(replicate(s, x -> x.response().p90()), QueueingTheory.mm1ResponsePercentileMs(60, 10, 90), 0.04, "p90");
        assertInside(replicate(s, x -> x.response().p99()), QueueingTheory.mm1ResponsePercentileMs(60, 10, 99), 0.06, "p99");
        assertInside(replicate(s, Summary::cpuUtilization), 0.6, 0.02, "utilisation");
    }

    static Stream<Policy> singleServerPolicies() {
        return Stream.of(Policy.SYNC, Policy.EVENT_LOOP);
    }

    /*
     * M/M/3: lambda 200/s, service 10 ms, offered load a = 2, rho 2/3.
     * Erlang C(3, 2) = 4/9: the share of requests that wait for a thread.
     * Mean wait C / (c mu - lambda) = (4/9) / 100 s = 4.44 ms; mean response 14.44 ms.
     */
    @Test
    @DisplayName("M/M/3 (rho 2/3): P(wait) = Erlang C = 4/9, mean queue 4.44 ms, mean response 14.44 ms")
    void mmc() {
        Scenario s = queue(Policy.SYNC, 3, 200, new Distribution.Exponential(10));
        double c = QueueingTheory.erlangC(3, 2);
        assertThat(c).isCloseTo(4.0 / 9, org.assertj.core.api.Assertions.within(1e-12));
        double response = QueueingTheory.mmcMeanResponseMs(3, 200, 10);

        assertInside(replicate(s, x -> x.response().mean()), response, 0.03, "mean response");
        assertInside(replicate(s, Summary::queueMeanMs), response - 10, 0.08, "mean queue");

        double[] waitedShare = new double[REPLICATIONS];
        for (int r = 0; r < REPLICATIONS; r++) {
            int[] counts = new int[2];
            Simulation.run(s.withSeed(1001 + r), new TraceListener() {
                @Override
                public void request(RequestRecord rec) {
                    if (rec.id() > WARMUP) {
                        counts[0]++;
                        counts[1] += rec.queueMs() > 0 ? 1 : 0;
                    }
                }

                @Override
                public boolean wantsSpans() {
                    return false;
                }
            });
            waitedShare[r] = counts[1] / (double) counts[0];
        }
        assertInside(waitedShare, c, 0.04, "share that waited");
    }

    /*
     * M/G/1 by Pollaczek-Khinchine, lambda 60/s, mean service 10 ms (rho 0.6):
     *   W = E[S] + lambda E[S^2] / (2 (1 - rho)) = 10 + 0.06 (var + 100) / 0.8 ms
     *   constant 10 (M/D/1):      var 0      -> 17.5 ms
     *   uniform 2..18:            var 21.33  -> 19.1 ms
     *   lognormal mean 10, sd 15: var 225    -> 34.375 ms
     */
    @ParameterizedTest(name = "{0} service, {1}")
    @MethodSource("generalService")
    @DisplayName("M/G/1 (rho 0.6): Pollaczek-Khinchine mean response")
    void mg1(String name, Policy policy, Distribution service, double tolerance) {
        Scenario s = queue(policy, 1, 60, service);
        double theory = QueueingTheory.mg1MeanResponseMs(60, service.mean(), service.variance());
        assertInside(replicate(s, x -> x.response().mean()), theory, tolerance, name);
    }

    static Stream<Arguments> generalService() {
        return Stream.of(
                Arguments.of("constant", Policy.SYNC, new Distribution.Constant(10), 0.02),
                Arguments.of("uniform", Policy.SYNC, new Distribution.Uniform(2, 18), 0.03),
                Arguments.of("uniform", Policy.EVENT_LOOP, new Distribution.Uniform(2, 18), 0.03),
                Arguments.of("lognormal", Policy.SYNC, new Distribution.LogNormal(10, 15), 0.06));
    }

    /*
     * Little's law, L = lambda W, on a system no formula covers: two event loops on
     * two cores, requests compute ~3, query ~30 on a database of 4 connections,
     * compute ~2, Poisson 80/s. Per replication, over the window from the
     * warm-up's last arrival to the last arrival: L = time-average number of
     * requests in the system, from the request records (each is in the system
     * from arrival to finish); W = mean response of the requests
     * arriving in the window. L - lambda W must be 0 within the CI.
     * As a cross-check on M/M/1 (rho 0.6), L must match rho / (1 - rho) = 1.5.
     */
    @Test
    @DisplayName("Little's law: time-average number in system = lambda x mean response")
    void littlesLaw() {
        Scenario mixed = new Scenario("little", "", 1,
                server(Policy.EVENT_LOOP, 2, 2), List.of(resource("db", 4)),
                List.of(type("page",
                        compute(new Distribution.Exponential(3)),
                        segment(SegmentKind.WAIT, new Distribution.Exponential(30), "db"),
                        compute(new Distribution.Exponential(2)))),
                new Arrivals.Poisson(80, REQUESTS));
        double[] gap = new double[REPLICATIONS];
        double[] inSystem = new double[REPLICATIONS];
        for (int r = 0; r < REPLICATIONS; r++) {
            double[] lw = littleFigures(mixed.withSeed(1001 + r), 80);
            inSystem[r] = lw[0];
            gap[r] = lw[0] - lw[1];
        }
        ConfidenceInterval l = ConfidenceInterval.of(inSystem, 0.95);
        ConfidenceInterval difference = ConfidenceInterval.of(gap, 0.95);
        assertThat(difference.contains(0)).as("L - lambda W: %s", difference).isTrue();
        assertThat(difference.halfWidth()).as("precision").isLessThan(0.03 * l.mean());
        assertThat(l.mean()).as("the system is busy enough for the check to matter").isGreaterThan(2);

        double[] mm1 = new double[REPLICATIONS];
        for (int r = 0; r < REPLICATIONS; r++) {
            mm1[r] = littleFigures(queue(Policy.SYNC, 1, 60, new Distribution.Exponential(10)).withSeed(1001 + r), 60)[0];
        }
        assertInside(mm1, 0.6 / (1 - 0.6), 0.05, "M/M/1 number in system");
    }

    /** {time-average number in system over the window, lambda x mean response of window arrivals}. */
    private static double[] littleFigures(Scenario s, double ratePerSec) {
        List<RequestRecord> records = new ArrayList<>();
        Simulation.run(s, new TraceListener() {
            @Override
            public void request(RequestRecord r) {
                records.add(r);
            }

            @Override
            public boolean wantsSpans() {
                return false;
            }
        });
        records.sort(java.util.Comparator.comparingInt(RequestRecord::id));
        double from = records.get(WARMUP - 1).arrivalMs();
        double to = records.get(records.size() - 1).arrivalMs();
        double area = 0;
        double responses = 0;
        int n = 0;
        for (RequestRecord r : records) {
            area += Math.max(0, Math.min(r.finishMs(), to) - Math.max(r.arrivalMs(), from));
            if (r.arrivalMs() > from && r.arrivalMs() <= to) {
                responses += r.responseMs();
                n++;
            }
        }
        return new double[] {area / (to - from), ratePerSec / 1000.0 * responses / n};
    }
}
