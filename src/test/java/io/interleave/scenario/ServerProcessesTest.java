package io.interleave.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Which process a thread, loop or pool thread belongs to (issue 14), and the limits on how many threads there are. */
@DisplayName("Server: processes, their threads and pools")
class ServerProcessesTest {

    @Test
    @DisplayName("sync: 3 processes of 2 threads are workers 0-5, thread t of process p being p x 2 + t")
    void syncThreads() {
        Server s = Server.of(Policy.SYNC, 2, 4).withProcesses(3);
        assertThat(s.processCount()).isEqualTo(3);
        assertThat(s.workerCount()).isEqualTo(6);
        assertThat(java.util.stream.IntStream.range(0, 6).map(s::processOf).toArray()).containsExactly(0, 0, 1, 1, 2, 2);
        assertThatThrownBy(() -> s.processOf(6)).hasMessage("worker 6 is not one of the 6 workers");
        assertThat(s.poolThreadCount()).isZero();
    }

    @Test
    @DisplayName("event loops: each loop is a process (processes unused); a pool per loop with a GIL, one shared pool without")
    void loops() {
        Server s = Server.of(Policy.EVENT_LOOP_POOL, 3, 4).withPoolThreads(2).withProcesses(5);
        assertThat(s.processCount()).isEqualTo(3);
        assertThat(s.workerCount()).isEqualTo(3);
        assertThat(s.processOf(2)).isEqualTo(2);
        assertThat(s.poolPerProcess()).isFalse();
        assertThat(s.poolThreadCount()).isEqualTo(2);
        assertThat(s.processOfPoolThread(1)).isEqualTo(-1);

        Server gil = s.withGil(true);
        assertThat(gil.poolPerProcess()).isTrue();
        assertThat(gil.poolThreadCount()).isEqualTo(6);
        assertThat(java.util.stream.IntStream.range(0, 6).map(gil::processOfPoolThread).toArray()).containsExactly(0, 0, 1, 1, 2, 2);
        assertThat(Server.of(Policy.EVENT_LOOP, 3, 4).withGil(true).poolThreadCount()).isZero();
    }

    @Test
    @DisplayName("too many threads: processes x workers, or loops x their own pools with a GIL, above 10,000")
    void limits() {
        assertThatThrownBy(() -> Server.of(Policy.SYNC, 100, 4).withProcesses(101))
                .hasMessage("processes: 101 processes of 100 threads are more than 10000 threads");
        Server pool = Server.of(Policy.EVENT_LOOP_POOL, 300, 4);
        assertThatThrownBy(() -> pool.withGil(true))
                .hasMessage("poolThreads: with a GIL each of the 300 loops has its own pool of 40 threads, more than 10000 threads in all");
        assertThat(pool.poolThreadCount()).as("without a GIL the one shared pool").isEqualTo(40);
    }

    @Test
    @DisplayName("in a file: the error names server's field")
    void inAFile() {
        String json = """
                { "schema": 1, "name": "x", "server": { "policy": "event-loop+pool", "workers": 300, "gil": true },
                  "requestTypes": [ { "name": "a", "segments": [ { "kind": "compute", "ms": 1 } ] } ],
                  "arrivals": { "pattern": "burst", "count": 1 } }
                """;
        assertThatThrownBy(() -> ScenarioJson.parse(json)).isInstanceOf(InvalidScenarioException.class)
                .hasMessageContaining("poolThreads").hasMessageContaining("300 loops").hasMessageNotContaining("\n");
    }
}
