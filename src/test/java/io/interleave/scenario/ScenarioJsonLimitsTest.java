package io.interleave.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The reader's size limits (text, number, nesting, field name) are told in
 * the program's words with the JSON path, never as Jackson's
 * {@code StreamReadConstraints.getMaxStringLength()}.
 */
@DisplayName("Scenario files: size limits are told in the program's words with the JSON path")
class ScenarioJsonLimitsTest {
    private static final String REST = "\"server\": {\"policy\": \"sync\"}, \"requestTypes\": [{\"name\": \"a\", \"segments\": [{\"kind\": \"compute\","
            + " \"ms\": 1}]}], \"arrivals\": {\"pattern\": \"burst\", \"count\": 1}";

    private static String read(String json) {
        try {
            ScenarioJson.parse(json);
            return "(accepted)";
        } catch (InvalidScenarioException e) {
            assertThat(e.getMessage()).doesNotContain("StreamReadConstraints", "getMax", "Jackson", "\n");
            return e.getMessage();
        }
    }

    @Test
    @DisplayName("a name longer than the text limit names its path; one at the limit is accepted")
    void longText() {
        String atLimit = "d".repeat(ScenarioJson.MAX_TEXT_CHARS);
        assertThat(read("{\"schema\": 1, \"description\": \"" + atLimit + "\", " + REST + "}")).isEqualTo("(accepted)");
        assertThat(read("{\"schema\": 1, \"name\": \"" + atLimit + "x\", " + REST + "}"))
                .isEqualTo("name: text longer than 1000000 characters, the most a scenario file may hold");
        assertThat(read("{\"schema\": 1, " + REST.replace("\"name\": \"a\"", "\"name\": \"" + atLimit + "x\"") + "}"))
                .isEqualTo("requestTypes[0].name: text longer than 1000000 characters, the most a scenario file may hold");
    }

    @Test
    @DisplayName("a number longer than 1000 characters names its path")
    void longNumber() {
        assertThat(read("{\"schema\": 1, \"seed\": " + "1".repeat(1001) + ", " + REST + "}"))
                .startsWith("seed: a number longer than 1000 characters");
        assertThat(read("{\"schema\": 1, " + REST.replace("\"ms\": 1", "\"ms\": 0." + "1".repeat(1001)) + "}"))
                .startsWith("requestTypes[0].segments[0].ms: a number longer than 1000 characters");
    }

    @Test
    @DisplayName("nesting deeper than 100 levels gives the line and column")
    void deepNesting() {
        assertThat(read("{\"schema\": 1, \"x\": " + "[".repeat(200) + "]".repeat(200) + ", " + REST + "}"))
                .matches("objects and arrays nested deeper than 100 levels \\(line 1, column \\d+\\)");
    }

    @Test
    @DisplayName("a field name longer than 1000 characters is refused in the same words")
    void longFieldName() {
        assertThat(read("{\"schema\": 1, \"" + "k".repeat(1001) + "\": 1, " + REST + "}"))
                .contains("a field name longer than 1000 characters");
    }
}
