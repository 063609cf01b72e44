package io.interleave.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.interleave.engine.Simulation;
import io.interleave.scenario.Presets;
import io.interleave.scenario.Scenario;
import io.interleave.trace.RequestRecord;
import io.interleave.trace.RunTotals;
import io.interleave.trace.Status;
import io.interleave.trace.TraceListener;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SummaryCollector: the figures simulate prints")
class SummaryCollectorTest {

    private static RequestRecord done(int id, double arrival, double start, double finish) {
        return new RequestRecord(id, 0, arrival, start, finish, Status.COMPLETED, 1, 1, OptionalInt.of(0));
    }

    private static RequestRecord rejected(int id, double at) {
        return new RequestRecord(id, 0, at, at, at, Status.REJECTED, 1, 1, OptionalInt.empty());
    }

    /*
     * Four requests, warm-up 1:
     *   R1 0 -> 100 (warm-up: left out, however slow)
     *   R2 arrives 10, starts 10, finishes 30: response 20, queue 0
     *   R3 rejected at 20
     *   R4 arrives 30, starts 40, finishes 90: response 60, queue 10
     * Counted 3, completed 2, rejected 1; mean response 40; queue mean 5, max 10.
     * The run: first arrival 0, last finish 100, 2 workers, 2 cores, 150 ms of core time and
     * 180 ms of worker time: CPU 150 / 200 = 0.75, workers 180 / 200 = 0.9. Throughput, like
     * the makespan and the utilisations, is of the whole run: 3 completed (R1 included) in
     * 0.1 s = 30 per second.
     */
    @Test
    @DisplayName("warm-up requests are left out; utilisations and throughput on a hand-made run")
    void handMade() {
        SummaryCollector c = new SummaryCollector(1, 4);
        // completion order, not id order
        c.request(rejected(3, 20));
        c.request(done(2, 10, 10, 30));
        c.request(done(4, 30, 40, 90));
        c.request(done(1, 0, 0, 100));
        Summary s = c.summarize(new RunTotals(0, 100, 150, 180, 3, 42), 2, 2);

        assertThat(s.requests()).isEqualTo(3);
        assertThat(s.completed()).isEqualTo(2);
        assertThat(s.rejected()).isEqualTo(1);
        assertThat(s.response().mean()).isEqualTo(40.0);
        assertThat(s.response().min()).isEqualTo(20.0);
        assertThat(s.response().p50()).isEqualTo(20.0); // nearest rank: ceil(0.5 * 2) = 1st
        assertThat(s.response().p90()).isEqualTo(60.0);
        assertThat(s.response().max()).isEqualTo(60.0);
        assertThat(s.queueMeanMs()).isEqualTo(5.0);
        assertThat(s.queueMaxMs()).isEqualTo(10.0);
        assertThat(s.makespanMs()).isEqualTo(100.0);
        assertThat(s.throughputPerSec()).isCloseTo(30.0, within(1e-12));
        assertThat(s.cpuUtilization()).isCloseTo(0.75, within(1e-12));
        assertThat(s.workerUtilization()).isCloseTo(0.9, within(1e-12));
        assertThat(s.maxInFlight()).isEqualTo(3);
        assertThat(s.events()).isEqualTo(42);
    }

    @Test
    @DisplayName("without warm-up the slow first request counts")
    void noWarmup() {
        SummaryCollector c = new SummaryCollector(0, 2);
        c.request(done(1, 0, 0, 100));
        c.request(done(2, 10, 10, 30));
        Summary s = c.summarize(new RunTotals(0, 100, 120, 120, 2, 10), 1, 1);
        assertThat(s.requests()).isEqualTo(2);
        assertThat(s.response().mean()).isEqualTo(60.0);
        assertThat(s.response().max()).isEqualTo(100.0);
    }

    @Test
    @DisplayName("more requests than expected: the buffer grows and percentiles stay exact")
    void grows() {
        SummaryCollector c = new SummaryCollector(0, 1);
        for (int i = 1; i <= 1000; i++) {
            c.request(done(i, i, i, i + i)); // response i
        }
        Summary s = c.summarize(new RunTotals(1, 2000, 0, 0, 1, 0), 1, 1);
        assertThat(s.completed()).isEqualTo(1000);
        assertThat(s.response().p50()).isEqualTo(500.0);
        assertThat(s.response().p99()).isEqualTo(990.0);
        assertThat(s.response().mean()).isEqualTo(500.5);
    }

    @Test
    @DisplayName("nothing completed: response statistics are NaN, queue and rates 0")
    void nothingCompleted() {
        SummaryCollector c = new SummaryCollector(0, 2);
        c.request(rejected(1, 5));
        c.request(rejected(2, 5));
        Summary s = c.summarize(new RunTotals(5, 5, 0, 0, 0, 2), 1, 1);
        assertThat(s.rejected()).isEqualTo(2);
        assertThat(s.response().mean()).isNaN();
        assertThat(s.response().p95()).isNaN();
        assertThat(s.queueMeanMs()).isZero();
        assertThat(s.throughputPerSec()).isZero();
        assertThat(s.cpuUtilization()).isZero();
    }

    @Test
    @DisplayName("a negative warm-up is rejected")
    void negativeWarmup() {
        assertThatThrownBy(() -> new SummaryCollector(-1, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("it asks the engine for no spans (it keeps one double per request)")
    void noSpans() {
        assertThat(new SummaryCollector(0, 10).wantsSpans()).isFalse();
    }

    @Test
    @DisplayName("a completion told in numbers counts as the same completion told as a record")
    void completedInNumbers() {
        SummaryCollector records = new SummaryCollector(1, 4);
        SummaryCollector numbers = new SummaryCollector(1, 4);
        records.request(rejected(3, 20));
        numbers.request(rejected(3, 20));
        for (RequestRecord r : List.of(done(2, 10, 10, 30), done(4, 30, 40, 90), done(1, 0, 0, 100))) {
            records.request(r);
            numbers.completed(r.id(), r.type(), r.arrivalMs(), r.startMs(), r.finishMs(), r.computeMs(), r.waitMs(), r.worker());
        }
        RunTotals totals = new RunTotals(0, 100, 150, 180, 3, 42);

        assertThat(numbers.summarize(totals, 2, 2)).isEqualTo(records.summarize(totals, 2, 2));
    }

    /**
     * The engine tells a plain completion in numbers ({@link TraceListener#completed}); a listener
     * that only reads records gets the record by default, and one behind
     * {@link TraceListener#both} gets the numbers: the summaries of every preset agree.
     */
    @Test
    @DisplayName("every preset: the engine's completions in numbers give the summary its records give")
    void enginesNumbersAgreeWithRecords() {
        for (String id : Presets.ids()) {
            Scenario scenario = Presets.load(id).orElseThrow();
            if (scenario.hasTasks()) {
                continue; // a program of tasks has no requests to summarise
            }
            int total = scenario.arrivals().count();
            SummaryCollector direct = new SummaryCollector(2, total);
            SummaryCollector viaRecords = new SummaryCollector(2, total);
            SummaryCollector behindBoth = new SummaryCollector(2, total);
            TraceListener recordsOnly = new TraceListener() {
                @Override
                public void request(RequestRecord request) {
                    viaRecords.request(request);
                }

                @Override
                public boolean wantsSpans() {
                    return false;
                }
            };
            RunTotals a = Simulation.run(scenario, direct);
            RunTotals b = Simulation.run(scenario, TraceListener.both(recordsOnly, behindBoth));
            int workers = scenario.server().workerCount();
            int cores = scenario.server().cores();

            Summary expected = direct.summarize(a, workers, cores); // summarize consumes the collector's buffer

            assertThat(b).as(id).isEqualTo(a);
            assertThat(viaRecords.summarize(b, workers, cores)).as(id).isEqualTo(expected);
            assertThat(behindBoth.summarize(b, workers, cores)).as(id).isEqualTo(expected);
        }
    }
}
