package io.interleave.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.scenario.ScenarioJson;
import io.interleave.trace.RequestRecord;
import io.interleave.trace.Trace;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A request's time alone when its gather's branches contend: the request run alone on the same server, not the
 * longest branch. Each case is worked out by hand below.
 */
@DisplayName("Time alone of a gather whose branches contend")
class GatherAloneTest {
    private static Trace run(String policy, String resource, String branches, int count) {
        return Simulation.trace(ScenarioJson.parse("""
                {"schema": 1, "name": "g",
                 "server": {"policy": "%s", "workers": 1, "cores": 1, "timeSliceMs": 0},
                 "resources": [%s],
                 "requestTypes": [{"name": "page", "segments": [
                   {"kind": "compute", "ms": 1},
                   {"kind": "gather", "branches": [%s]},
                   {"kind": "compute", "ms": 1}]}],
                 "arrivals": {"pattern": "uniform", "intervalMs": 1, "count": %d}}
                """.formatted(policy, resource, branches, count)));
    }

    private static final String DB1 = "{\"name\": \"database\", \"capacity\": 1}";
    private static final String TWO_QUERIES = "[{\"kind\": \"wait\", \"ms\": 100, \"on\": \"database\"}], "
            + "[{\"kind\": \"wait\", \"ms\": 100, \"on\": \"database\"}]";

    @Test
    @DisplayName("two branches each waiting 100 ms on a 1-slot database, event loop: alone = 1 + 200 + 1 = 202 ms, not 102")
    void oneSlot() {
        // compute 0..1; query 1 holds the slot 1..101, query 2 waits for it and holds it 101..201; compute 201..202
        RequestRecord r = run("event-loop", DB1, TWO_QUERIES, 1).request(1);
        assertThat(r.responseMs()).isEqualTo(202);
        assertThat(r.aloneMs()).isEqualTo(202);
        assertThat(r.slowdown()).isEqualTo(1.0);
    }

    @Test
    @DisplayName("under load the figure stays the request's alone: R2 and R3 wait behind R1 (responses 401 and 600) but alone take 202 ms")
    void underLoad() {
        // R1 holds the slot 1..201 (two queries), R2's queries 201..401 and its last compute 401..402 (arrived at 1):
        // response 401; R3's queries 401..601, compute 601..602 (arrived at 2): 600. Alone each is R1's 202.
        List<RequestRecord> rs = run("event-loop", DB1, TWO_QUERIES, 3).requests();
        assertThat(rs).extracting(RequestRecord::responseMs).containsExactly(202.0, 401.0, 600.0);
        assertThat(rs).extracting(RequestRecord::aloneMs).containsExactly(202.0, 202.0, 202.0);
    }

    @Test
    @DisplayName("with 2 slots the queries overlap and the formula stands: alone = 1 + 100 + 1 = 102 ms")
    void enoughSlots() {
        RequestRecord r = run("event-loop", "{\"name\": \"database\", \"capacity\": 2}", TWO_QUERIES, 1).request(1);
        assertThat(r.aloneMs()).isEqualTo(102);
        assertThat(r.responseMs()).isEqualTo(102);
    }

    @Test
    @DisplayName("a shared-latency database: two 100 ms queries at once each run at half speed, both back at 201: alone = 202 ms")
    void shared() {
        RequestRecord r = run("event-loop", "{\"name\": \"database\", \"capacity\": null, \"latency\": \"shared\"}", TWO_QUERIES, 1).request(1);
        assertThat(r.aloneMs()).isEqualTo(202);
    }

    @ParameterizedTest(name = "{0}: alone {1} ms")
    @DisplayName("branches that compute hold the loop, so their awaits start later")
    @CsvSource(delimiter = '|', value = {
        // branch 1 computes 1..11 and awaits 11..61; branch 2 computes 11..21 and awaits 21..71; compute 71..72
        "[{\"kind\": \"compute\", \"ms\": 10}, {\"kind\": \"wait\", \"ms\": 50}], [{\"kind\": \"compute\", \"ms\": 10}, {\"kind\": \"wait\", \"ms\": 50}] | 72",
        // branch 1 computes 1..11 and awaits 11..61; branch 2 starts its 100 ms await at 11, back at 111; compute 111..112
        "[{\"kind\": \"compute\", \"ms\": 10}, {\"kind\": \"wait\", \"ms\": 50}], [{\"kind\": \"wait\", \"ms\": 100}] | 112",
        // awaits only, no resource: the formula, 1 + max(100, 50) + 1
        "[{\"kind\": \"wait\", \"ms\": 100}], [{\"kind\": \"wait\", \"ms\": 50}] | 102"})
    void computing(String branches, double alone) {
        RequestRecord r = run("event-loop", "", branches, 1).request(1);
        assertThat(r.aloneMs()).isEqualTo(alone);
        assertThat(r.responseMs()).isEqualTo(alone);
    }

    @Test
    @DisplayName("a sync thread runs the branches one after another: alone is their sum, 202 ms, as before")
    void sync() {
        RequestRecord r = run("sync", DB1, TWO_QUERIES, 1).request(1);
        assertThat(r.aloneMs()).isEqualTo(202);
    }
}
