package io.interleave.stats;

import static io.interleave.engine.TestScenarios.scenario;
import static io.interleave.engine.TestScenarios.segment;
import static io.interleave.engine.TestScenarios.server;
import static io.interleave.engine.TestScenarios.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.engine.Simulation;
import io.interleave.scenario.Arrivals;
import io.interleave.scenario.Distribution;
import io.interleave.scenario.Latency;
import io.interleave.scenario.Policy;
import io.interleave.scenario.Resource;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.SegmentKind;
import io.interleave.trace.RunTotals;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The shared-latency service against its closed form. Requests that only
 * await a shared database (an event loop, which an await lets go of at once,
 * so the server adds nothing) with Poisson arrivals and exponential work are
 * M/M/1-PS, whose mean response is the M/M/1 mean, 1/(mu - lambda).
 * Independent replications (seeds 2001, 2002, ...), a warm-up left out of
 * each, the theory inside the 95% confidence interval of the replication
 * means, and the interval narrow enough (5%) to mean something. About a
 * second of CPU.
 */
@DisplayName("Processor sharing: a Poisson stream into a shared service has the M/M/1 mean response")
class ProcessorSharingValidationTest {
    private static final int REPLICATIONS = 30;
    private static final int REQUESTS = 20_000;
    private static final int WARMUP = 2_000;

    private static double[] meanResponses(double ratePerSec, double meanWorkMs) {
        Scenario s = scenario(server(Policy.EVENT_LOOP, 1, 1),
                List.of(new Resource("db", OptionalInt.empty(), Latency.SHARED)),
                List.of(type("query", segment(SegmentKind.WAIT, new Distribution.Exponential(meanWorkMs), "db"))),
                new Arrivals.Poisson(ratePerSec, REQUESTS));
        double[] out = new double[REPLICATIONS];
        for (int r = 0; r < REPLICATIONS; r++) {
            Scenario rep = s.withSeed(2001 + r);
            SummaryCollector collector = new SummaryCollector(WARMUP, REQUESTS);
            RunTotals totals = Simulation.run(rep, collector);
            Summary summary = collector.summarize(totals, 1, 1);
            assertThat(summary.completed()).isEqualTo(REQUESTS - WARMUP);
            out[r] = summary.response().mean();
        }
        return out;
    }

    private static void assertInside(double[] replications, double theory) {
        ConfidenceInterval ci = ConfidenceInterval.of(replications, 0.95);
        assertThat(ci.contains(theory))
                .as("theory %.4f inside the 95%% CI [%.4f, %.4f]", theory, ci.low(), ci.high()).isTrue();
        assertThat(ci.halfWidth()).as("CI half-width %.4f under 5%% of %.4f", ci.halfWidth(), theory)
                .isLessThan(0.05 * theory);
    }

    /*
     * lambda 50/s, work exponential with mean 10 ms (mu 100/s), rho 0.5:
     * mean response 1 / (mu - lambda) = 1 / 50 s = 20 ms (twice the work alone).
     */
    @Test
    @DisplayName("rho 0.5: mean response 20 ms = 1/(mu - lambda), twice the 10 ms a query takes alone")
    void halfLoaded() {
        assertInside(meanResponses(50, 10), 20);
    }

    /*
     * lambda 80/s, mean work 10 ms, rho 0.8: 1 / (100 - 80) s = 50 ms, five times the work alone.
     */
    @Test
    @DisplayName("rho 0.8: mean response 50 ms, five times the work alone")
    void heavilyLoaded() {
        assertInside(meanResponses(80, 10), 50);
    }
}
