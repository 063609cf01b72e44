package io.interleave.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.engine.Simulation;
import io.interleave.scenario.Arrivals;
import io.interleave.scenario.Presets;
import io.interleave.scenario.Scenario;
import io.interleave.trace.Trace;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ChartDataTest {
    private static final Scenario LESSON = Presets.load("three-requests").orElseThrow();

    @Test
    @DisplayName("one bar per request, in request order, with its response time")
    void barsPerRequest() {
        ChartData.Bars bars = ChartData.responseBars(Simulation.trace(LESSON));
        assertThat(bars.groupSize()).isEqualTo(1);
        assertThat(bars.bars()).containsExactly(
                new ChartData.Bar("R1", 100), new ChartData.Bar("R2", 160), new ChartData.Bar("R3", 166));
    }

    @Test
    @DisplayName("a large run is drawn as at most 60 bars, each the mean of a group")
    void barsGrouped() {
        Trace big = Simulation.trace(LESSON.withArrivals(new Arrivals.Poisson(5, 1000)));
        ChartData.Bars bars = ChartData.responseBars(big);
        assertThat(bars.bars()).hasSizeLessThanOrEqualTo(ChartData.MAX_BARS);
        assertThat(bars.groupSize()).isEqualTo(17);
        double firstGroupMean = big.requests().subList(0, 17).stream().mapToDouble(r -> r.responseMs()).average().orElseThrow();
        assertThat(bars.bars().get(0).responseMs()).isEqualTo(firstGroupMean);
        assertThat(bars.bars().get(0).category()).isEqualTo("R1–R17");
    }

    @Test
    @DisplayName("in flight: 1 from 0, 2 from 40, 3 from 70 to 100, then down to 0 at 236")
    void inFlightSteps() {
        List<ChartData.Point> steps = ChartData.inFlight(Simulation.trace(LESSON));
        assertThat(levelAt(steps, 20)).isEqualTo(1);
        assertThat(levelAt(steps, 50)).isEqualTo(2);
        assertThat(levelAt(steps, 80)).isEqualTo(3);
        assertThat(levelAt(steps, 150)).isEqualTo(2);
        assertThat(levelAt(steps, 220)).isEqualTo(1);
        assertThat(steps.get(steps.size() - 1)).isEqualTo(new ChartData.Point(236, 0));
        assertThat(steps.stream().mapToDouble(ChartData.Point::inFlight).max().orElseThrow()).isEqualTo(3);
    }

    @Test
    @DisplayName("a long run is cut into slices that keep each slice's peak")
    void inFlightDownsampled() {
        Trace big = Simulation.trace(LESSON.withArrivals(new Arrivals.Poisson(8, 3000)));
        List<ChartData.Point> steps = ChartData.inFlight(big);
        assertThat(steps).hasSize(2 * ChartData.MAX_STEPS);
        assertThat(steps.stream().mapToDouble(ChartData.Point::inFlight).max().orElseThrow())
                .isEqualTo(big.totals().maxInFlight());
    }

    @Test
    @DisplayName("drawn up to 80 ms: the steps so far and a last point at 80 with 3 in flight; nothing after")
    void inFlightUpToNow() {
        Trace trace = Simulation.trace(LESSON);
        ChartData.InFlight line = ChartData.InFlight.of(trace);
        List<ChartData.Point> upTo80 = line.upTo(80);
        assertThat(upTo80).allMatch(p -> p.timeMs() <= 80);
        assertThat(upTo80.get(upTo80.size() - 1)).isEqualTo(new ChartData.Point(80, 3));
        assertThat(line.upTo(0)).containsExactly(new ChartData.Point(0, 0), new ChartData.Point(0, 0), new ChartData.Point(0, 1),
                new ChartData.Point(0, 1));
        assertThat(line.upTo(236)).isEqualTo(ChartData.inFlight(trace));
        assertThat(line.upTo(Double.POSITIVE_INFINITY)).isEqualTo(ChartData.inFlight(trace));
    }

    @Test
    @DisplayName("a long run drawn up to now: the slices before it as in the whole line, the current one's peak so far")
    void inFlightSlicedUpToNow() {
        Trace big = Simulation.trace(LESSON.withArrivals(new Arrivals.Poisson(8, 3000)));
        List<ChartData.Point> whole = ChartData.inFlight(big);
        double t = big.endMs() * 0.4;
        List<ChartData.Point> part = ChartData.InFlight.of(big).upTo(t);
        assertThat(part.subList(0, part.size() - 2)).isEqualTo(whole.subList(0, part.size() - 2));
        assertThat(part.get(part.size() - 1).timeMs()).isEqualTo(t);
        assertThat(part.size()).isLessThan(whole.size());
    }

    @Test
    @DisplayName("bars at 150 ms: R1 done in 100 ms; R2 and R3 have no bar yet")
    void barsSoFar() {
        ChartData.Bars bars = ChartData.responseBars(Simulation.trace(LESSON), 150);
        assertThat(bars.bars()).containsExactly(
                new ChartData.Bar("R1", 100), new ChartData.Bar("R2", 0), new ChartData.Bar("R3", 0));
    }

    @Test
    @DisplayName("bars kept in step with the completions equal the bars worked out afresh, forwards and after a step back")
    void growingBarsMatch() {
        Trace big = Simulation.trace(LESSON.withArrivals(new Arrivals.Poisson(8, 700)));
        io.interleave.stats.SoFar soFar = new io.interleave.stats.SoFar(big);
        ChartData.Growing growing = new ChartData.Growing(big, soFar.completionOrder());
        for (double f : new double[] {0.1, 0.5, 0.9, 0.3, 0.95}) {
            double t = big.endMs() * f;
            List<ChartData.Bar> fresh = ChartData.responseBars(big, t).bars();
            List<ChartData.Bar> grown = growing.withDone(soFar.completedBy(t)).bars();
            assertThat(grown).hasSameSizeAs(fresh);
            for (int i = 0; i < fresh.size(); i++) {
                assertThat(grown.get(i).category()).isEqualTo(fresh.get(i).category());
                assertThat(grown.get(i).responseMs()).isCloseTo(fresh.get(i).responseMs(), org.assertj.core.api.Assertions.within(1e-9));
            }
        }
    }

    /** The level of the step line just after {@code t}. */
    private static double levelAt(List<ChartData.Point> steps, double t) {
        double level = 0;
        for (ChartData.Point p : steps) {
            if (p.timeMs() <= t) {
                level = p.inFlight();
            }
        }
        return level;
    }
}
