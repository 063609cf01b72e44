package io.interleave.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every integer field of the format is read the same way: a number counts
 * when its exact decimal value is whole ({@code 4}, {@code 4.0}, {@code 1e4}),
 * and a message shows the number as the file wrote it and the field's own
 * range, never a rounded double ({@code 1.0E18}) or Java's int range.
 */
@DisplayName("Scenario files: integer fields take whole numbers as written, with the field's own range")
class ScenarioJsonIntegersTest {
    private static final String TYPES = "\"requestTypes\": [{\"name\": \"a\", \"segments\": [{\"kind\": \"wait\", \"ms\": 1, \"on\": \"db\"}]}]";

    /** A valid file with {@code V} standing for the value under test. */
    private static String file(String server, String resources, String arrivals, String variants) {
        return "{\"schema\": 1, \"seed\": " + (server.isEmpty() && resources.isEmpty() && arrivals.isEmpty() && variants.isEmpty() ? "V" : "3")
                + ", \"server\": {\"policy\": \"event-loop+pool\"" + server + "}"
                + ", \"resources\": [{\"name\": \"db\"" + resources + "}], " + TYPES
                + ", \"arrivals\": " + (arrivals.isEmpty() ? "{\"pattern\": \"poisson\", \"ratePerSec\": 10, \"count\": 3}" : arrivals)
                + (variants.isEmpty() ? "" : ", \"variants\": [{\"label\": \"x\"" + variants + "}, {\"label\": \"y\"}]") + "}";
    }

    /** Every integer field: its JSON path, a file with V in its place, and its range. */
    static Stream<Arguments> fields() {
        return Stream.of(
                Arguments.of("seed", file("", "", "", ""), Long.MIN_VALUE, Long.MAX_VALUE),
                Arguments.of("server.workers", file(", \"workers\": V", "", "", ""), 1, Limits.MAX_WORKERS),
                Arguments.of("server.cores", file(", \"cores\": V", "", "", ""), 1, Limits.MAX_CORES),
                Arguments.of("server.queueLimit", file(", \"queueLimit\": V", "", "", ""), 0, Limits.MAX_REQUESTS),
                Arguments.of("server.maxConcurrency", file(", \"maxConcurrency\": V", "", "", ""), 1, Limits.MAX_REQUESTS),
                Arguments.of("server.poolThreads", file(", \"poolThreads\": V", "", "", ""), 1, Limits.MAX_WORKERS),
                Arguments.of("resources[0].capacity", file("", ", \"capacity\": V", "", ""), 1, Resource.MAX_CAPACITY),
                Arguments.of("arrivals.count", file("", "", "{\"pattern\": \"poisson\", \"ratePerSec\": 10, \"count\": V}", ""), 1, Limits.MAX_REQUESTS),
                Arguments.of("arrivals.count", file("", "", "{\"pattern\": \"uniform\", \"intervalMs\": 10, \"count\": V}", ""), 1, Limits.MAX_REQUESTS),
                Arguments.of("arrivals.count", file("", "", "{\"pattern\": \"burst\", \"count\": V}", ""), 1, Limits.MAX_REQUESTS),
                Arguments.of("arrivals.count", file("", "", "{\"pattern\": \"closed\", \"users\": 1, \"thinkMs\": 1, \"count\": V}", ""), 1, Limits.MAX_REQUESTS),
                Arguments.of("arrivals.users", file("", "", "{\"pattern\": \"closed\", \"users\": V, \"thinkMs\": 1, \"count\": 3}", ""), 1, Limits.MAX_USERS),
                Arguments.of("variants[0].workers", file("", "", "", ", \"workers\": V"), 1, Limits.MAX_WORKERS),
                Arguments.of("variants[0].cores", file("", "", "", ", \"cores\": V"), 1, Limits.MAX_CORES),
                Arguments.of("variants[0].queueLimit", file("", "", "", ", \"queueLimit\": V"), 0, Limits.MAX_REQUESTS),
                Arguments.of("variants[0].maxConcurrency", file("", "", "", ", \"maxConcurrency\": V"), 1, Limits.MAX_REQUESTS));
    }

    private static String message(String json) {
        try {
            ScenarioJson.parse(json);
            return "(accepted)";
        } catch (InvalidScenarioException e) {
            return e.getMessage();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fields")
    @DisplayName("a fraction says 'must be an integer' with the number as written")
    void fraction(String path, String json, long min, long max) {
        assertThat(message(json.replace("V", "2.5"))).isEqualTo(path + ": must be an integer, was 2.5");
        assertThat(message(json.replace("V", "1.0000000000000000001"))).isEqualTo(path + ": must be an integer, was 1.0000000000000000001");
        assertThat(message(json.replace("V", "25e-1"))).isEqualTo(path + ": must be an integer, was 25e-1");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fields")
    @DisplayName("out of range, however written, names the field's own range and the number as written")
    void outOfRange(String path, String json, long min, long max) {
        for (String v : List.of("1e30", "-1e30", "99999999999999999999999", "1e400", "1E+20")) {
            assertThat(message(json.replace("V", v))).isEqualTo(path + ": must be between " + min + " and " + max + ", was " + v);
        }
        assertThat(message(json.replace("V", "1e9999999999"))).isEqualTo(path + ": must be an integer between " + min + " and " + max
                + ", was 1e9999999999");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fields")
    @DisplayName("the largest value is accepted in plain, fraction and exponent notation")
    void wholeNumbersInAnyNotation(String path, String json, long min, long max) {
        assertThat(message(json.replace("V", Long.toString(max)))).isEqualTo("(accepted)");
        assertThat(message(json.replace("V", max + ".000"))).isEqualTo("(accepted)");
        assertThat(message(json.replace("V", new java.math.BigDecimal(max).stripTrailingZeros().toString()))).isEqualTo("(accepted)");
    }

    @Test
    @DisplayName("seed 1e18 is the integer 10^18, exactly; 1e19 is out of range and said so as written")
    void seedWithExponent() {
        assertThat(ScenarioJson.parse(file("", "", "", "").replace("V", "1e18")).seed()).isEqualTo(1_000_000_000_000_000_000L);
        assertThat(ScenarioJson.parse(file("", "", "", "").replace("V", "9223372036854775807")).seed()).isEqualTo(Long.MAX_VALUE);
        assertThat(ScenarioJson.parse(file("", "", "", "").replace("V", "-9.223372036854775808e18")).seed()).isEqualTo(Long.MIN_VALUE);
        assertThatThrownBy(() -> ScenarioJson.parse(file("", "", "", "").replace("V", "1e19")))
                .hasMessage("seed: must be between -9223372036854775808 and 9223372036854775807, was 1e19");
        assertThatThrownBy(() -> ScenarioJson.parse(file("", "", "", "").replace("V", "9223372036854775808")))
                .hasMessage("seed: must be between -9223372036854775808 and 9223372036854775807, was 9223372036854775808");
    }

    @Test
    @DisplayName("every int field of every record declares its range, so no message falls back to Java's int range")
    void everyIntFieldHasBounds() {
        List<String> missing = new ArrayList<>();
        for (Class<?> c : List.of(Scenario.class, Server.class, Resource.class, RequestType.class, Segment.class, Variant.class,
                Arrivals.Explicit.class, Arrivals.At.class, Arrivals.Poisson.class, Arrivals.Uniform.class, Arrivals.Burst.class,
                Arrivals.Closed.class)) {
            for (RecordComponent rc : c.getRecordComponents()) {
                boolean integer = rc.getType() == int.class || rc.getType() == OptionalInt.class
                        || (rc.getType() == Optional.class && rc.getGenericType().getTypeName().contains("OptionalInt"));
                if (integer && rc.getAnnotation(Bounds.class) == null) {
                    missing.add(c.getSimpleName() + "." + rc.getName());
                }
            }
        }
        assertThat(missing).as("int fields without @Bounds").isEmpty();
    }
}
