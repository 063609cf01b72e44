package io.interleave.scenario;

import static io.interleave.scenario.ScenarioJsonInvalidTest.messageOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Fields may come in any order, and when a file breaks several rules the one
 * message names the first: malformed text wherever it stands, then the
 * schema, then the first broken rule in document order, a misspelt field
 * being named as unknown before its object complains of a missing one.
 * A record is built as soon as every one of its fields has a value, as
 * Jackson's bean reader did before {@code JsonObjects.RecordValue} took its
 * place: its constructor's rules then come before a field that follows.
 */
@DisplayName("Scenario files: field order, and which of several errors is reported")
class ScenarioJsonOrderTest {
    private static final String SERVER = "\"server\": {\"policy\": \"sync\"}";
    private static final String TYPES = "\"requestTypes\": [{\"name\": \"a\", \"segments\": [{\"kind\": \"compute\", \"ms\": 1}]}]";
    private static final String ARRIVALS = "\"arrivals\": {\"pattern\": \"burst\", \"count\": 2}";

    @Test
    @DisplayName("schema, dist and pattern may stand after the fields they govern")
    void anyFieldOrder() {
        Scenario s = ScenarioJson.parse("{" + TYPES.replace("\"ms\": 1", "\"ms\": {\"mean\": 50, \"dist\": \"exponential\"}")
                + ", \"arrivals\": {\"count\": 2, \"atMs\": 3, \"pattern\": \"burst\"}, " + SERVER + ", \"schema\": 1}");

        assertThat(s.requestTypes().get(0).segments().get(0).ms()).isEqualTo(new Distribution.Exponential(50));
        assertThat(s.arrivals()).isEqualTo(new Arrivals.Burst(2, 3));
        assertThat(s.server()).isEqualTo(new Server(Policy.SYNC, 1, 1, 5, OptionalInt.empty(), OptionalInt.empty()));
    }

    @ParameterizedTest(name = "{0}  ->  {1}")
    @DisplayName("the first of several problems is reported")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # a misspelt field is named, not the required field it was meant to be
            `{"schema": 1, "sever": {"policy": "sync"}}`                           | sever: unknown field
            `{"schema": 1, "server": {"polcy": "sync"}}`                           | server.polcy: unknown field
            # the schema before anything else, wherever it stands
            `{"tracing": true, "server": 5, "schema": 2}`                          | schema: unsupported version 2 (this program reads schema 1)
            `{"server": 5, "schema": "1"}`                                         | schema: must be an integer
            `{"server": 5}`                                                        | schema: is required
            `{"schema": null}`                                                     | schema: must not be null
            # malformed text before any rule, even when the rule comes first
            `{"schema": 1, "server": 5, "name": "x",,}`                            | line 1, column 40: malformed JSON: Unexpected character (',' (code 44)): was expecting double-quote to start field name
            `{"schema": 2, "name": "a", "name": "b"}`                              | name: duplicate key (line 1, column 34)
            `{"schema": 1, "server": 5} {}`                                        | line 1, column 28: malformed JSON: unexpected content after the end of the scenario object
            # fields buffered ahead of their dist or pattern keep their paths
            `{"schema": 1, "requestTypes": [{"name": "a", "segments": [{"kind": "compute", "ms": {"sd": 1, "dist": "exponential", "mean": 5}}]}]}` | requestTypes[0].segments[0].ms.sd: unknown field
            `{"schema": 1, "arrivals": {"count": 0, "pattern": "burst"}}`          | arrivals.count: must be between 1 and 100000000, was 0
            `{"schema": 1, "arrivals": {"count": 2}}`                              | arrivals.pattern: is required
            `{"schema": 1, "arrivals": {"count": 2, "pattern": 7}}`                | arrivals.pattern: must be a string
            `{"schema": 1, "arrivals": {"count": 2, "pattern": null}}`             | arrivals.pattern: must not be null
            # once every field of a record has a value the record is built (its own rules first); what follows is unknown
            `{"schema": 1, "requestTypes": [{"name": "a", "segments": [{"kind": "compute", "ms": {"dist": "exponential", "mean": -1, "sd": 1}}]}]}` | requestTypes[0].segments[0].ms.mean: must be > 0, was -1
            `{"schema": 1, "requestTypes": [{"name": "a", "segments": [{"kind": "compute", "ms": {"dist": "exponential", "sd": 1, "mean": -1}}]}]}` | requestTypes[0].segments[0].ms.sd: unknown field
            `{"schema": 1, "arrivals": {"pattern": "uniform", "intervalMs": -1, "count": 2, "extra": 1}}` | arrivals.intervalMs: must be 0 (all at once) or between 0.0001 and 10000 (0.1 to 10000000 arrivals a second), was -1
            `{"schema": 1, "arrivals": {"pattern": "uniform", "intervalMs": -1, "extra": 1, "count": 2}}` | arrivals.extra: unknown field
            """)
    void firstProblemWins(String json, String expected) {
        assertThat(messageOf(json)).isEqualTo(expected);
    }

    @Test
    @DisplayName("rules between an object's fields are checked when the object ends, after its fields' own rules")
    void crossFieldRulesAtTheEnd() {
        String json = "{\"schema\": 1, " + SERVER + ", " + TYPES + ", " + ARRIVALS
                + ", \"resources\": [{\"name\": \"db\"}, {\"name\": \"db\", \"capacity\": 0}]}";

        assertThat(messageOf(json)).isEqualTo("resources[1].capacity: must be between 1 and 1000000, was 0");
    }
}
