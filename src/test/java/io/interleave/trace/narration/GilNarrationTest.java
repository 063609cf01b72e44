package io.interleave.trace.narration;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.engine.Simulation;
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
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The narrator on GIL scenarios: who holds it, who takes it from whom, which process a thread is in. */
@DisplayName("Narration: the GIL and processes")
class GilNarrationTest {

    private static final RequestType CPU10 = new RequestType("cpu", "#009E73", 1,
            List.of(new Segment(SegmentKind.COMPUTE, new Distribution.Constant(10), Optional.empty(), Optional.empty(), false)));

    private static String at(Narration n, double ms) {
        int i = n.indexOf(ms);
        assertThat(i).as("a line at %s ms", ms).isNotNegative();
        return n.lines().get(i).text();
    }

    private static Narration narrate(Server server, double... arrivals) {
        List<Arrivals.At> at = new java.util.ArrayList<>();
        for (double a : arrivals) {
            at.add(new Arrivals.At(a, "cpu"));
        }
        return Narrator.narrate(Simulation.trace(new Scenario("gil", "", 1, server, List.of(), List.of(CPU10), new Arrivals.Explicit(at))));
    }

    /* GilTest's turns in process 1 (R1, R2 on its threads 1 and 2), and R3 alone on thread 1 of process 2. */
    @Test
    @DisplayName("'R2 waits for the GIL held by R1', 'R2 takes the GIL from R1', 'R1 gives up the GIL', threads named by process")
    void turnsAreNarrated() {
        Narration n = narrate(Server.of(Policy.SYNC, 2, 2).withGil(true).withProcesses(2), 0, 0, 0);

        assertThat(at(n, 0)).isEqualTo("R1 arrives; thread 1 of process 1 runs it (compute); R2 arrives; it waits for the GIL held by R1;"
                + " R3 arrives; thread 1 of process 2 runs it (compute)");
        assertThat(at(n, 5)).isEqualTo("R2 takes the GIL from R1; thread 2 of process 1 runs it (compute);"
                + " R1 gives up the GIL (its switch interval is up); it waits for the GIL held by R2");
        assertThat(at(n, 10)).endsWith("thread 1 of process 2 is idle");
        assertThat(at(n, 15)).startsWith("R1 done in 15 ms (alone: 10 ms, 1.5x as long); R2 takes the GIL from R1;");
    }

    @Test
    @DisplayName("one thread per process: 'the thread of process 2'; one process: threads are numbered as before")
    void workerNames() {
        assertThat(at(narrate(Server.of(Policy.SYNC, 1, 2).withProcesses(2), 0, 0), 0))
                .isEqualTo("R1 arrives; the thread of process 1 runs it (compute); R2 arrives; the thread of process 2 runs it (compute)");
        assertThat(at(narrate(Server.of(Policy.SYNC, 2, 2), 0, 0), 0))
                .isEqualTo("R1 arrives; thread 1 runs it (compute); R2 arrives; thread 2 runs it (compute)");
    }
}
