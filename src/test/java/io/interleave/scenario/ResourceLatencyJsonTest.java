package io.interleave.scenario;

import static io.interleave.scenario.ScenarioJsonInvalidTest.messageOf;
import static io.interleave.scenario.ScenarioJsonInvalidTest.specExampleWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Scenario files: a resource's latency model (fixed or shared)")
class ResourceLatencyJsonTest {

    @Test
    @DisplayName("latency left out is fixed, and a fixed resource is written without it (old files stay byte for byte)")
    void fixedByDefault() {
        Scenario s = ScenarioJson.parse(specExampleWith("/resources/0", "{\"name\": \"database\", \"capacity\": 4}"));
        assertThat(s.resources().get(0).latency()).isEqualTo(Latency.FIXED);
        assertThat(ScenarioJson.write(s)).doesNotContain("latency");
    }

    @Test
    @DisplayName("\"latency\": \"shared\" reads, writes and reads back the same, with or without slots in front")
    void sharedRoundTrip() {
        Scenario s = ScenarioJson.parse(specExampleWith("/resources/0",
                "{\"name\": \"database\", \"capacity\": 4, \"latency\": \"shared\"}"));
        assertThat(s.resources().get(0)).isEqualTo(new Resource("database", OptionalInt.of(4), Latency.SHARED));
        String written = ScenarioJson.write(s);
        assertThat(written).contains("\"latency\" : \"shared\"");
        assertThat(ScenarioJson.parse(written)).isEqualTo(s);

        Scenario open = ScenarioJson.parse(specExampleWith("/resources/0",
                "{\"name\": \"database\", \"capacity\": null, \"latency\": \"shared\"}"));
        assertThat(open.resources().get(0).capacity()).isEmpty();
        assertThat(open.resources().get(0).shared()).isTrue();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            "fast"  | resources[0].latency: must be "fixed" or "shared", was "fast"
            "Shared"| resources[0].latency: must be "fixed" or "shared", was "Shared"
            1       | resources[0].latency: must be a string
            null    | resources[0].latency: must not be null
            """)
    @DisplayName("a bad latency is one line naming resources[i].latency and the two choices")
    void badLatency(String json, String message) {
        assertThat(messageOf(specExampleWith("/resources/0/latency", json))).isEqualTo(message);
    }
}
