package io.interleave.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one rule for text in a scenario: any Unicode text except a surrogate
 * without its other half, a non-character, or a control character (a
 * description may hold line breaks and tabs). A file breaking it is refused
 * while it is read, naming the JSON path and the code point.
 */
@DisplayName("Scenario files: what text names, labels and descriptions may hold")
class ScenarioTextTest {
    /** A valid file whose every text field holds {@code T} where the case asks, else a plain word. */
    private static String file(String name, String description, String type, String resource, String label,
                               String variant, String at) {
        return "{\"schema\": 1, \"name\": \"" + name + "\", \"description\": \"" + description + "\""
                + ", \"server\": {\"policy\": \"sync\"}, \"resources\": [{\"name\": \"" + resource + "\"}]"
                + ", \"requestTypes\": [{\"name\": \"" + type + "\", \"segments\": [{\"kind\": \"wait\", \"ms\": 1, \"label\": \""
                + label + "\", \"on\": \"" + resource + "\"}]}]"
                + ", \"arrivals\": {\"pattern\": \"explicit\", \"at\": [{\"atMs\": 0, \"type\": \"" + at + "\"}]}"
                + ", \"variants\": [{\"label\": \"" + variant + "\"}, {\"label\": \"other\"}]}";
    }

    /** Each text field: its JSON path and the file with {@code text} in it (and wherever it must match). */
    static Stream<Arguments> fields() {
        return Stream.of(
                field("name", t -> file(t, "d", "a", "db", "l", "v", "a")),
                field("description", t -> file("n", t, "a", "db", "l", "v", "a")),
                field("requestTypes[0].name", t -> file("n", "d", t, "db", "l", "v", t)),
                field("resources[0].name", t -> file("n", "d", "a", t, "l", "v", "a")),
                field("requestTypes[0].segments[0].label", t -> file("n", "d", "a", "db", t, "v", "a")),
                field("variants[0].label", t -> file("n", "d", "a", "db", "l", t, "a")));
    }

    private static Arguments field(String path, java.util.function.UnaryOperator<String> file) {
        return Arguments.of(path, file);
    }

    private static String read(String json) {
        try {
            ScenarioJson.parse(json);
            return "(accepted)";
        } catch (InvalidScenarioException e) {
            return e.getMessage();
        }
    }

    /** JSON escapes and the code point they spell, with the reason the message gives. */
    static final List<String[]> FORBIDDEN = List.of(
            new String[] {"x\\ud800", "U+D800 (half of a surrogate pair without its other half)"},
            new String[] {"\\udc00x", "U+DC00 (half of a surrogate pair without its other half)"},
            new String[] {"a\\ud83d", "U+D83D (half of a surrogate pair without its other half)"},
            new String[] {"\\uffff", "U+FFFF (a Unicode non-character)"},
            new String[] {"\\ufffe", "U+FFFE (a Unicode non-character)"},
            new String[] {"\\ufdd0", "U+FDD0 (a Unicode non-character)"},
            new String[] {"\\ud83f\\udffe", "U+1FFFE (a Unicode non-character)"},
            new String[] {"\\udbff\\udfff", "U+10FFFF (a Unicode non-character)"},
            new String[] {"\\u0000", "U+0000 (a control character"},
            new String[] {"\\u001b[2J", "U+001B (a control character"},
            new String[] {"\\u0007", "U+0007 (a control character"},
            new String[] {"\\u007f", "U+007F (a control character"},
            new String[] {"\\u0085", "U+0085 (a control character"});

    @ParameterizedTest(name = "{0}")
    @MethodSource("fields")
    @DisplayName("a lone surrogate, a non-character or a control character is refused with the path and the code point")
    void forbidden(String path, java.util.function.UnaryOperator<String> file) {
        for (String[] c : FORBIDDEN) {
            assertThat(read(file.apply("ok " + c[0]))).as(c[0]).startsWith(path + ": must not contain " + c[1]);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fields")
    @DisplayName("awkward but allowed text is kept exactly: markup characters, quotes, emoji, right-to-left, combining marks")
    void allowed(String path, java.util.function.UnaryOperator<String> file) {
        String text = "<b>&amp; \\\"q\\\" 'a' \\ud83d\\ude00 \\u05e9\\u05dc\\u05d5\\u05dd e\\u0301 \\u202e";
        assertThat(read(file.apply(text))).isEqualTo("(accepted)");
    }

    @Test
    @DisplayName("a description may hold line breaks and tabs; a name may not")
    void linesOnlyInDescriptions() {
        Scenario s = ScenarioJson.parse(file("n", "one\\ntwo\\r\\n\\tthree", "a", "db", "l", "v", "a"));
        assertThat(s.description()).isEqualTo("one\ntwo\r\n\tthree");
        assertThat(read(file("two\\nlines", "d", "a", "db", "l", "v", "a")))
                .isEqualTo("name: must not contain U+000A (a control character)");
        assertThat(read(file("n", "d", "tab\\there", "db", "l", "v", "tab\\there")))
                .isEqualTo("requestTypes[0].name: must not contain U+0009 (a control character)");
        assertThat(read(file("n", "bell\\u0007", "a", "db", "l", "v", "a")))
                .isEqualTo("description: must not contain U+0007 (a control character; a description may hold only line breaks and tabs)");
    }

    @Test
    @DisplayName("the records refuse the same text when built in code (the window's editor), so no invalid name can exist")
    void recordsRefuseToo() {
        assertThatThrownBy(() -> new Resource("db\uD800", java.util.OptionalInt.empty()))
                .hasMessage("name: must not contain U+D800 (half of a surrogate pair without its other half)");
        assertThatThrownBy(() -> Segment.compute(1, "\uFFFF"))
                .hasMessage("label: must not contain U+FFFF (a Unicode non-character)");
        assertThat(new Resource("\uD83D\uDE00 db", java.util.OptionalInt.empty()).name()).isEqualTo("\uD83D\uDE00 db");
    }

    @Test
    @DisplayName("a file written from valid records reads back with the same text")
    void roundTrip() {
        Scenario s = ScenarioJson.parse(file("<n> & \\ud83d\\ude00", "a\\nb", "\\u05e9", "db", "l", "v", "\\u05e9"));
        assertThat(ScenarioJson.parse(ScenarioJson.write(s))).isEqualTo(s);
    }
}
