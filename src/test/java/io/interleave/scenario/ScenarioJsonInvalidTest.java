package io.interleave.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every invalid input gives one message that names the JSON path and the
 * rule. Most cases change one value of the SPEC section 3 example file.
 */
@DisplayName("Scenario files: invalid input is rejected with the JSON path and the rule")
class ScenarioJsonInvalidTest {
    /** Keeps numbers as written (1e400 must reach the reader as 1e400, not as "Infinity"). */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();
    private static final String REMOVE = "<remove>";

    /** The SPEC example with the value at {@code pointer} replaced by {@code json}, or removed. */
    static String specExampleWith(String pointer, String json) {
        try {
            ObjectNode root = (ObjectNode) MAPPER.readTree(Files.readString(ScenarioJsonReadWriteTest.fixture("spec-example.json")));
            JsonPointer p = JsonPointer.compile(pointer);
            JsonNode parent = root.at(p.head());
            String last = p.last().getMatchingProperty();
            if (parent instanceof ObjectNode o) {
                if (json.equals(REMOVE)) {
                    o.remove(last);
                } else {
                    o.set(last, MAPPER.readTree(json));
                }
            } else if (parent instanceof ArrayNode a) {
                int index = p.last().getMatchingIndex();
                if (json.equals(REMOVE)) {
                    a.remove(index);
                } else if (index == a.size()) {
                    a.add(MAPPER.readTree(json));
                } else {
                    a.set(index, MAPPER.readTree(json));
                }
            } else {
                throw new IllegalArgumentException("no container at " + p.head());
            }
            return MAPPER.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String messageOf(String json) {
        InvalidScenarioException e = catchThrowableOfType(InvalidScenarioException.class, () -> ScenarioJson.parse(json));
        assertThat(e).as("parsing should fail:\n" + json).isNotNull();
        assertThat(e.getMessage()).as("one line").doesNotContain("\n").doesNotContain("\r");
        return e.getMessage();
    }

    @Test
    @DisplayName("the unchanged example is valid (so each case below fails for its own change only)")
    void baseIsValid() {
        assertThat(ScenarioJson.parse(specExampleWith("/seed", "7")).seed()).isEqualTo(7);
    }

    @ParameterizedTest(name = "{0} = {1}  ->  {2}")
    @DisplayName("one changed value gives exactly this message")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # unknown fields, at every level
            /extra                                | 1                      | extra: unknown field
            /server/threads                       | 4                      | server.threads: unknown field
            /resources/0/size                     | 4                      | resources[0].size: unknown field
            /requestTypes/0/colour                | "#000000"              | requestTypes[0].colour: unknown field
            /requestTypes/0/segments/1/resource   | "database"             | requestTypes[0].segments[1].resource: unknown field
            /requestTypes/0/segments/1/ms/sd      | 1                      | requestTypes[0].segments[1].ms.sd: unknown field
            /requestTypes/0/segments/2/ms/mean    | 5                      | requestTypes[0].segments[2].ms.mean: unknown field
            /arrivals/users                       | 3                      | arrivals.users: unknown field
            /arrivals                             | {"pattern": "explicit", "at": [{"atMs": 0, "type": "page", "when": 1}]} | arrivals.at[0].when: unknown field
            /arrivals                             | {"pattern": "closed", "users": 2, "count": 5, "thinkMs": {"dist": "exponential", "mean": 5, "max": 9}} | arrivals.thinkMs.max: unknown field
            /arrivals                             | {"pattern": "burst", "count": 5, "ratePerSec": 9} | arrivals.ratePerSec: unknown field
            /arrivals                             | {"pattern": "uniform", "count": 5, "intervalMs": 1, "atMs": 9} | arrivals.atMs: unknown field

            # wrong types
            /schema                               | "1"                    | schema: must be an integer
            /name                                 | 42                     | name: must be a string
            /description                          | ["a"]                  | description: must be a string
            /description                          | null                   | description: must not be null
            /seed                                 | "7"                    | seed: must be an integer
            /seed                                 | 7.5                    | seed: must be an integer, was 7.5
            /server                               | []                     | server: must be an object
            /server                               | "sync"                 | server: must be an object
            /server/policy                        | 1                      | server.policy: must be a string
            /server/workers                       | "4"                    | server.workers: must be an integer
            /server/workers                       | 1.5                    | server.workers: must be an integer, was 1.5
            /server/workers                       | null                   | server.workers: must not be null
            /server/workers                       | true                   | server.workers: must be an integer
            /server/timeSliceMs                   | "5"                    | server.timeSliceMs: must be a number
            /server/queueLimit                    | "none"                 | server.queueLimit: must be an integer
            /resources                            | {}                     | resources: must be an array
            /resources/0                          | "database"             | resources[0]: must be an object
            /resources/0/capacity                 | 2.5                    | resources[0].capacity: must be an integer, was 2.5
            /requestTypes                         | {"name": "page"}       | requestTypes: must be an array
            /requestTypes/0/weight                | "1"                    | requestTypes[0].weight: must be a number
            /requestTypes/0/color                 | 255                    | requestTypes[0].color: must be a string
            /requestTypes/0/segments              | {}                     | requestTypes[0].segments: must be an array
            /requestTypes/0/segments/0            | []                     | requestTypes[0].segments[0]: must be an object
            /requestTypes/0/segments/0/kind       | 0                      | requestTypes[0].segments[0].kind: must be a string
            /requestTypes/0/segments/0/ms         | "10"                   | `requestTypes[0].segments[0].ms: must be a number or a distribution object such as {"dist": "exponential", "mean": 50}`
            /requestTypes/0/segments/0/ms         | [10]                   | `requestTypes[0].segments[0].ms: must be a number or a distribution object such as {"dist": "exponential", "mean": 50}`
            /requestTypes/0/segments/0/label      | {}                     | requestTypes[0].segments[0].label: must be a string
            /requestTypes/0/segments/1/on         | 4                      | requestTypes[0].segments[1].on: must be a string
            /requestTypes/0/segments/1/ms/mean    | "50"                   | requestTypes[0].segments[1].ms.mean: must be a number
            /requestTypes/0/segments/1/ms/dist    | 3                      | requestTypes[0].segments[1].ms.dist: must be a string
            /arrivals                             | []                     | arrivals: must be an object
            /arrivals/count                       | "200"                  | arrivals.count: must be an integer
            /arrivals/ratePerSec                  | "40"                   | arrivals.ratePerSec: must be a number
            /arrivals                             | {"pattern": "explicit", "at": {"atMs": 0, "type": "page"}} | arrivals.at: must be an array
            /arrivals                             | {"pattern": "explicit", "at": [{"atMs": "0", "type": "page"}]} | arrivals.at[0].atMs: must be a number

            # negative, zero where positive, non-finite (1e400 overflows a double), too large
            /requestTypes/0/segments/0/ms         | -1                     | requestTypes[0].segments[0].ms: must be >= 0, was -1
            /requestTypes/0/segments/0/ms         | 1e400                  | requestTypes[0].segments[0].ms: must be a finite number
            /requestTypes/0/segments/0/ms         | -1e400                 | requestTypes[0].segments[0].ms: must be a finite number
            /requestTypes/0/segments/0/ms         | 1000000001             | requestTypes[0].segments[0].ms: must be <= 1000000000, was 1.000000001E9
            /requestTypes/0/segments/1/ms/mean    | 0                      | requestTypes[0].segments[1].ms.mean: must be > 0, was 0
            /requestTypes/0/segments/1/ms/mean    | -5                     | requestTypes[0].segments[1].ms.mean: must be > 0, was -5
            /requestTypes/0/segments/1/ms/mean    | 1e400                  | requestTypes[0].segments[1].ms.mean: must be a finite number
            /requestTypes/0/segments/1/ms/mean    | 2e9                    | requestTypes[0].segments[1].ms.mean: must be <= 1000000000, was 2.0E9
            /requestTypes/0/segments/2/ms         | {"dist": "uniform", "min": 8, "max": 2}   | requestTypes[0].segments[2].ms.max: must be >= min (8), was 2
            /requestTypes/0/segments/2/ms         | {"dist": "uniform", "min": -1, "max": 2}  | requestTypes[0].segments[2].ms.min: must be >= 0, was -1
            /requestTypes/0/segments/2/ms         | {"dist": "normal", "mean": 5, "sd": -1}   | requestTypes[0].segments[2].ms.sd: must be >= 0, was -1
            /requestTypes/0/segments/2/ms         | {"dist": "normal", "mean": -5, "sd": 1}   | requestTypes[0].segments[2].ms.mean: must be >= 0, was -5
            /requestTypes/0/segments/2/ms         | {"dist": "lognormal", "mean": 0, "sd": 1} | requestTypes[0].segments[2].ms.mean: must be > 0, was 0
            /requestTypes/0/segments/2/ms         | {"dist": "lognormal", "mean": 5, "sd": 1e400} | requestTypes[0].segments[2].ms.sd: must be a finite number
            /requestTypes/0/segments/2/ms         | {"dist": "constant", "value": -2}         | requestTypes[0].segments[2].ms.value: must be >= 0, was -2
            /requestTypes/0/weight                | -1                     | requestTypes[0].weight: must be >= 0, was -1
            /requestTypes/0/weight                | 1e400                  | requestTypes[0].weight: must be a finite number
            /requestTypes/0/weight                | 0                      | requestTypes: at least one weight must be > 0
            /requestTypes/0/timeoutMs             | 0                      | requestTypes[0].timeoutMs: must be > 0 and <= 1000000000, was 0
            /requestTypes/0/timeoutMs             | -500                   | requestTypes[0].timeoutMs: must be > 0 and <= 1000000000, was -500
            /requestTypes/0/timeoutMs             | 2e9                    | requestTypes[0].timeoutMs: must be > 0 and <= 1000000000, was 2000000000
            /requestTypes/0/timeoutMs             | 1e400                  | requestTypes[0].timeoutMs: must be a finite number
            /requestTypes/0/timeoutMs             | "500"                  | requestTypes[0].timeoutMs: must be a number
            /requestTypes/0/cancelOnTimeout       | "yes"                  | requestTypes[0].cancelOnTimeout: must be true or false
            /requestTypes/0/cancelOnTimeout       | true                   | requestTypes[0].cancelOnTimeout: needs a timeoutMs (a client that never gives up is never cancelled)
            /server/workers                       | 0                      | server.workers: must be between 1 and 10000, was 0
            /server/workers                       | -3                     | server.workers: must be between 1 and 10000, was -3
            /server/workers                       | 10001                  | server.workers: must be between 1 and 10000, was 10001
            /server/workers                       | 1e400                  | server.workers: must be between 1 and 10000, was 1E+400
            /server/workers                       | 1e20                   | server.workers: must be between 1 and 10000, was 1E+20
            /server/workers                       | 99999999999999999999   | server.workers: must be between 1 and 10000, was 99999999999999999999
            /server/cores                         | 0                      | server.cores: must be between 1 and 1024, was 0
            /server/cores                         | 1025                   | server.cores: must be between 1 and 1024, was 1025
            /server/timeSliceMs                   | -1                     | server.timeSliceMs: must be 0 (no time slicing) or between 0.001 (the clock's resolution, 1 µs) and 1000000000, was -1
            /server/timeSliceMs                   | 1e400                  | server.timeSliceMs: must be a finite number
            /server/queueLimit                    | -1                     | server.queueLimit: must be between 0 and 100000000, was -1
            /server/maxConcurrency                | 0                      | server.maxConcurrency: must be between 1 and 100000000, was 0
            /resources/0/capacity                 | 0                      | resources[0].capacity: must be between 1 and 1000000, was 0
            /resources/0/capacity                 | 1000001                | resources[0].capacity: must be between 1 and 1000000, was 1000001
            /arrivals/ratePerSec                  | 0                      | arrivals.ratePerSec: must be between 0.1 and 10000000 per second, was 0
            /arrivals/ratePerSec                  | -40                    | arrivals.ratePerSec: must be between 0.1 and 10000000 per second, was -40
            /arrivals/ratePerSec                  | 1e400                  | arrivals.ratePerSec: must be a finite number
            /arrivals/ratePerSec                  | 10000001               | arrivals.ratePerSec: must be between 0.1 and 10000000 per second, was 10000001
            /arrivals/count                       | 0                      | arrivals.count: must be between 1 and 100000000, was 0
            /arrivals/count                       | 100000001              | arrivals.count: must be between 1 and 100000000, was 100000001
            /arrivals                             | {"pattern": "uniform", "intervalMs": -1, "count": 3}  | arrivals.intervalMs: must be 0 (all at once) or between 0.0001 and 10000 (0.1 to 10000000 arrivals a second), was -1
            /arrivals                             | {"pattern": "burst", "count": 3, "atMs": -1}          | arrivals.atMs: must be >= 0, was -1
            /arrivals                             | {"pattern": "burst", "count": 3, "atMs": 1e400}       | arrivals.atMs: must be a finite number
            /arrivals                             | {"pattern": "closed", "users": 0, "thinkMs": 5, "count": 3}       | arrivals.users: must be between 1 and 1000000, was 0
            /arrivals                             | {"pattern": "closed", "users": 1000001, "thinkMs": 5, "count": 3} | arrivals.users: must be between 1 and 1000000, was 1000001
            /arrivals                             | {"pattern": "closed", "users": 2, "thinkMs": -5, "count": 3}      | arrivals.thinkMs: must be >= 0, was -5
            /arrivals                             | {"pattern": "closed", "users": 2, "thinkMs": {"dist": "exponential", "mean": 0}, "count": 3} | arrivals.thinkMs.mean: must be > 0, was 0
            /arrivals                             | {"pattern": "explicit", "at": [{"atMs": 0, "type": "page"}, {"atMs": -1, "type": "page"}]} | arrivals.at[1].atMs: must be >= 0, was -1

            # empty lists, unknown names, rules between fields
            /requestTypes/0/segments              | []                     | requestTypes[0].segments: must not be empty
            /requestTypes                         | []                     | requestTypes: must not be empty (only a scenario with tasks may leave it out)
            /arrivals                             | {"pattern": "explicit", "at": []}                          | arrivals.at: must not be empty
            /requestTypes/0/segments/1/on         | "cache"                | requestTypes[0].segments[1].on: unknown resource 'cache'
            /requestTypes/0/segments/1/on         | ""                     | requestTypes[0].segments[1].on: must not be empty
            /requestTypes/0/segments/0/on         | "database"             | requestTypes[0].segments[0].on: only wait and block segments can use a resource
            /arrivals                             | {"pattern": "explicit", "at": [{"atMs": 0, "type": "page"}, {"atMs": 1, "type": "admin"}]} | arrivals.at[1].type: unknown request type 'admin'
            /resources/1                          | {"name": "database"}   | resources[1].name: duplicate name 'database'
            /requestTypes/1                       | {"name": "page", "segments": [{"kind": "compute", "ms": 1}]} | requestTypes[1].name: duplicate name 'page'
            /name                                 | ""                     | name: must not be empty
            /resources/0/name                     | "  "                   | resources[0].name: must not be empty
            /requestTypes/0/name                  | ""                     | requestTypes[0].name: must not be empty
            /requestTypes/0/segments/0/kind       | "sleep"                | `requestTypes[0].segments[0].kind: must be "compute", "wait", "block", "gather" or "spawn", was "sleep"`
            /requestTypes/0/segments/0/kind       | "Compute"              | `requestTypes[0].segments[0].kind: must be "compute", "wait", "block", "gather" or "spawn", was "Compute"`
            /server/policy                        | "async"                | `server.policy: must be "sync", "event-loop" or "event-loop+pool", was "async"`
            /requestTypes/0/segments/2/ms/dist    | "gamma"                | `requestTypes[0].segments[2].ms.dist: must be one of constant, exponential, uniform, normal, lognormal, was "gamma"`
            /arrivals/pattern                     | "random"               | `arrivals.pattern: must be one of explicit, poisson, uniform, burst, closed, was "random"`

            # bad colours
            /requestTypes/0/color                 | "red"                  | requestTypes[0].color: must be #RRGGBB, was 'red'
            /requestTypes/0/color                 | "#12345"               | requestTypes[0].color: must be #RRGGBB, was '#12345'
            /requestTypes/0/color                 | "#GG0000"              | requestTypes[0].color: must be #RRGGBB, was '#GG0000'
            /requestTypes/0/color                 | "0072B2"               | requestTypes[0].color: must be #RRGGBB, was '0072B2'
            /requestTypes/0/color                 | "#0072B2 "             | requestTypes[0].color: must be #RRGGBB, was '#0072B2 '
            /requestTypes/0/color                 | "#0072B2FF"            | requestTypes[0].color: must be #RRGGBB, was '#0072B2FF'

            # schema
            /schema                               | 2                      | schema: unsupported version 2 (this program reads schema 1)
            /schema                               | 0                      | schema: unsupported version 0 (this program reads schema 1)
            /schema                               | -1                     | schema: unsupported version -1 (this program reads schema 1)
            /schema                               | 1.5                    | schema: must be an integer, was 1.5

            # missing required fields
            /schema                               | <remove>               | schema: is required
            /server                               | <remove>               | server: is required
            /server/policy                        | <remove>               | server.policy: is required
            /resources/0/name                     | <remove>               | resources[0].name: is required
            /requestTypes                         | <remove>               | requestTypes: must not be empty (only a scenario with tasks may leave it out)
            /requestTypes/0/name                  | <remove>               | requestTypes[0].name: is required
            /requestTypes/0/segments              | <remove>               | requestTypes[0].segments: must not be empty
            /requestTypes/0/segments/3/kind       | <remove>               | requestTypes[0].segments[3].kind: is required
            /requestTypes/0/segments/3/ms         | <remove>               | requestTypes[0].segments[3].ms: is required
            /requestTypes/0/segments/1/ms/dist    | <remove>               | requestTypes[0].segments[1].ms.dist: is required
            /requestTypes/0/segments/2/ms/max     | <remove>               | requestTypes[0].segments[2].ms.max: is required
            /arrivals                             | <remove>               | arrivals: is required (only a scenario with tasks may leave it out)
            /arrivals/pattern                     | <remove>               | arrivals.pattern: is required
            /arrivals/ratePerSec                  | <remove>               | arrivals.ratePerSec: is required
            /arrivals/count                       | <remove>               | arrivals.count: is required
            /arrivals                             | {"pattern": "explicit"}                               | arrivals.at: is required
            /arrivals                             | {"pattern": "explicit", "at": [{"atMs": 0}]}          | arrivals.at[0].type: is required
            /arrivals                             | {"pattern": "closed", "users": 2, "count": 3}         | arrivals.thinkMs: is required
            /arrivals                             | {"pattern": "uniform", "count": 3}                    | arrivals.intervalMs: is required
            """)
    void rejectsChangedValue(String pointer, String json, String expected) {
        assertThat(messageOf(specExampleWith(pointer, json))).isEqualTo(expected);
    }

    @Test
    @DisplayName("a newer schema is reported as such, even when it has fields this version does not know")
    void newerSchemaWithNewFields() {
        String json = specExampleWith("/schema", "2").replace("\"seed\"", "\"tracing\":true,\"seed\"");

        assertThat(messageOf(json)).isEqualTo("schema: unsupported version 2 (this program reads schema 1)");
    }

    static Stream<Arguments> countsOverLimits() {
        return Stream.of(
                Arguments.of("/resources", repeatArray(Limits.MAX_RESOURCES + 1, i -> "{\"name\": \"r" + i + "\"}"),
                        "resources: at most 64 entries allowed, was 65"),
                Arguments.of("/requestTypes", repeatArray(Limits.MAX_REQUEST_TYPES + 1,
                                i -> "{\"name\": \"t" + i + "\", \"segments\": [{\"kind\": \"compute\", \"ms\": 1}]}"),
                        "requestTypes: at most 64 entries allowed, was 65"),
                Arguments.of("/requestTypes/0/segments", repeatArray(Limits.MAX_SEGMENTS + 1, i -> "{\"kind\": \"compute\", \"ms\": 1}"),
                        "requestTypes[0].segments: at most 1000 entries allowed, was 1001"),
                Arguments.of("/server/workers", String.valueOf(Limits.MAX_WORKERS + 1), "server.workers: must be between 1 and 10000, was 10001"),
                Arguments.of("/server/cores", String.valueOf(Limits.MAX_CORES + 1), "server.cores: must be between 1 and 1024, was 1025"),
                Arguments.of("/arrivals/count", String.valueOf(Limits.MAX_REQUESTS + 1L),
                        "arrivals.count: must be between 1 and 100000000, was 100000001"),
                Arguments.of("/arrivals/count", String.valueOf(Integer.MAX_VALUE + 1L),
                        "arrivals.count: must be between 1 and 100000000, was 2147483648"));
    }

    private static String repeatArray(int n, java.util.function.IntFunction<String> element) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",").append(element.apply(i));
        }
        return sb.append(']').toString();
    }

    @ParameterizedTest(name = "{0}  ->  {2}")
    @MethodSource("countsOverLimits")
    @DisplayName("counts beyond the documented Limits are rejected, and exactly at the limit accepted")
    void countsOverLimits(String pointer, String json, String expected) {
        assertThat(messageOf(specExampleWith(pointer, json))).isEqualTo(expected);
    }

    @Test
    @DisplayName("counts exactly at the documented limits are accepted")
    void countsAtLimits() {
        assertThat(ScenarioJson.parse(specExampleWith("/resources",
                repeatArray(Limits.MAX_RESOURCES - 1, i -> "{\"name\": \"r" + i + "\"}").replace("]", ",{\"name\": \"database\"}]")))
                .resources()).hasSize(Limits.MAX_RESOURCES);
        assertThat(ScenarioJson.parse(specExampleWith("/requestTypes/0/segments",
                repeatArray(Limits.MAX_SEGMENTS, i -> "{\"kind\": \"compute\", \"ms\": 1}"))).requestTypes().get(0).segments())
                .hasSize(Limits.MAX_SEGMENTS);
        assertThat(ScenarioJson.parse(specExampleWith("/arrivals/count", String.valueOf(Limits.MAX_REQUESTS))).arrivals().count())
                .isEqualTo(Limits.MAX_REQUESTS);
        assertThat(ScenarioJson.parse(specExampleWith("/server/workers", "1e4")).server().workers()).isEqualTo(Limits.MAX_WORKERS);
    }

    @ParameterizedTest(name = "{0}  ->  {1}")
    @DisplayName("whole-text problems: duplicate keys, malformed JSON, empty text, wrong top level")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `{"schema": 1, "name": "a", "name": "b"}`                           | name: duplicate key (line 1, column 34)
            `{"schema": 1,\n "server": {"policy": "sync",\n  "workers": 1, "workers": 2}}` | server.workers: duplicate key (line 3, column 26)
            `{"schema": 1, "requestTypes": [{"name": "a"}, {"segments": [{"ms": 1, "ms": 2}]}]}` | requestTypes[1].segments[0].ms: duplicate key (line 1, column 75)
            `{"schema": 1,\n  "name": "x",,\n}`                                 | line 2, column 15: malformed JSON: Unexpected character (',' (code 44)): was expecting double-quote to start field name
            `{"schema": 1,\n  "name": "x"`                                      | line 2, column 14: malformed JSON: Unexpected end-of-input: expected close marker for Object
            `{"schema": 1} {"schema": 1}`                                       | line 1, column 15: malformed JSON: unexpected content after the end of the scenario object
            `{"schema": 1, "seed": NaN}`                                        | line 1, column 26: malformed JSON: Non-standard token 'NaN'
            `{'schema': 1}`                                                     | line 1, column 2: malformed JSON: Unexpected character (''' (code 39)): was expecting double-quote to start field name
            `{"schema": 1 /* note */}`                                          | line 1, column 14: malformed JSON: Unexpected character ('/' (code 47)): maybe a (non-standard) comment?
            `{"schema": 01}`                                                    | line 1, column 13: malformed JSON: Invalid numeric value: Leading zeroes not allowed
            `[]`                                                                | (top level): must be an object
            `"scenario"`                                                        | (top level): must be an object
            `null`                                                              | (top level): must be an object
            `{}`                                                                | schema: is required
            ``                                                                  | file is empty
            `  \n\t `                                                           | file is empty
            """)
    void wholeTextProblems(String text, String expected) {
        String json = text.replace("\\n", "\n").replace("\\t", "\t");

        assertThat(messageOf(json)).isEqualTo(expected);
    }

    @Test
    @DisplayName("a file that is a directory, missing, empty or not UTF-8 names the file in one line")
    void fileProblems(@TempDir Path dir) throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.json"), "");
        Path missing = dir.resolve("missing.json");
        Path latin1 = ScenarioJsonReadWriteTest.fixture("latin1.json");

        assertThatThrownBy(() -> ScenarioJson.read(dir)).isInstanceOf(InvalidScenarioException.class)
                .hasMessage(dir + ": is a directory, not a scenario file");
        assertThatThrownBy(() -> ScenarioJson.read(missing)).isInstanceOf(InvalidScenarioException.class)
                .hasMessage(missing + ": no such file");
        assertThatThrownBy(() -> ScenarioJson.read(empty)).isInstanceOf(InvalidScenarioException.class)
                .hasMessage(empty + ": file is empty");
        assertThatThrownBy(() -> ScenarioJson.read(latin1)).isInstanceOf(InvalidScenarioException.class)
                .hasMessage(latin1 + ": file is not UTF-8 text");
    }

    @Test
    @DisplayName("a rule broken inside a file is reported as file: JSON path: rule")
    void fileMessagesCarryTheJsonPath(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("bad.json"),
                specExampleWith("/requestTypes/0/segments/2/ms", "{\"dist\": \"exponential\", \"mean\": 0}"));
        Path malformed = Files.writeString(dir.resolve("malformed.json"), "{\n  \"schema\": 1,\n  oops\n}");

        assertThatThrownBy(() -> ScenarioJson.read(file))
                .hasMessage(file + ": requestTypes[0].segments[2].ms.mean: must be > 0, was 0");
        assertThatThrownBy(() -> ScenarioJson.read(malformed))
                .hasMessageStartingWith(malformed + ": line 3, column 3: malformed JSON: ");
    }

    @Test
    @DisplayName("the example's message from SPEC section 3 comes out as written there")
    void specMessage() {
        String json = specExampleWith("/requestTypes/0/segments/2/ms", "{\"dist\": \"exponential\", \"mean\": 0}");

        assertThat(messageOf(json)).startsWith("requestTypes[0].segments[2].ms.mean: must be > 0");
    }
}
