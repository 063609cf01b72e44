package io.interleave.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Scenario file: a type's timeoutMs and cancelOnTimeout")
class TimeoutJsonTest {
    private static final String FILE = """
            { "schema": 1, "name": "t", "server": { "policy": "event-loop" },
              "requestTypes": [
                { "name": "page", "segments": [ { "kind": "compute", "ms": 5 } ] },
                { "name": "report", "timeoutMs": 500, "cancelOnTimeout": true, "segments": [ { "kind": "wait", "ms": 900 } ] },
                { "name": "export", "timeoutMs": 250, "segments": [ { "kind": "wait", "ms": 900 } ] } ],
              "arrivals": { "pattern": "burst", "count": 3 } }
            """;

    @Test
    @DisplayName("read: a timeout and its cancellation; without them the client waits for ever and nothing is cancelled")
    void reads() {
        Scenario s = ScenarioJson.parse(FILE);
        assertThat(s.requestTypes().get(0).timeoutMs()).isEmpty();
        assertThat(s.requestTypes().get(0).cancelOnTimeout()).isFalse();
        assertThat(s.requestTypes().get(1).timeoutMs()).isEqualTo(OptionalDouble.of(500));
        assertThat(s.requestTypes().get(1).cancelOnTimeout()).isTrue();
        assertThat(s.requestTypes().get(2).timeoutMs()).isEqualTo(OptionalDouble.of(250));
        assertThat(s.requestTypes().get(2).cancelOnTimeout()).isFalse();
    }

    @Test
    @DisplayName("written and read back unchanged; a type without a timeout is written without either field")
    void roundTrips() {
        Scenario s = ScenarioJson.parse(FILE);
        String written = ScenarioJson.write(s);
        assertThat(ScenarioJson.parse(written)).isEqualTo(s);
        assertThat(written).contains("\"timeoutMs\" : 500").contains("\"cancelOnTimeout\" : true");
        assertThat(written.split("timeoutMs", -1)).hasSize(3); // two types have one
        assertThat(written.split("cancelOnTimeout", -1)).hasSize(2);
    }
}
