package io.interleave.scenario;

import static io.interleave.scenario.ScenarioJsonInvalidTest.messageOf;
import static io.interleave.scenario.ScenarioJsonInvalidTest.specExampleWith;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The optional top-level {@code variants}: the 2 to 4 server configurations
 * that compare shows, each a label and the server fields it overrides.
 */
@DisplayName("Scenario files: compare variants")
class ScenarioJsonVariantsTest {
    /** "4 threads" against "1 event loop", the comparison of the docs. */
    static final String THREADS_VS_LOOP = """
            [{"label": "4 threads", "policy": "sync", "workers": 4},
             {"label": "1 event loop", "policy": "event-loop", "workers": 1}]""";

    private static Scenario withVariants(String json) {
        return ScenarioJson.parse(specExampleWith("/variants", json));
    }

    @Test
    @DisplayName("a file's variants read as labels with the server fields they override, in file order")
    void readsVariants() {
        Scenario s = withVariants(THREADS_VS_LOOP);

        assertThat(s.variants()).containsExactly(
                Variant.of("4 threads", Policy.SYNC, 4),
                Variant.of("1 event loop", Policy.EVENT_LOOP, 1));
        assertThat(s.compareVariants()).isEqualTo(s.variants());
        // What a variant leaves out is the file's own: 1 core, time slice 5, no limits.
        assertThat(s.under(s.variants().get(0)).server())
                .isEqualTo(new Server(Policy.SYNC, 4, 1, 5, OptionalInt.empty(), OptionalInt.empty()));
    }

    @Test
    @DisplayName("every server field can be overridden; a field left out is inherited, \"queueLimit\": null is unlimited")
    void everyFieldAndNullVersusAbsent() {
        String file10 = specExampleWith("/server/queueLimit", "10");
        Scenario s = ScenarioJson.parse(file10.substring(0, file10.lastIndexOf('}')) + """
                , "variants": [
                  {"label": "all", "policy": "event-loop", "workers": 2, "cores": 3, "timeSliceMs": 2.5,
                   "queueLimit": 7, "maxConcurrency": 9},
                  {"label": "unlimited queue", "queueLimit": null, "maxConcurrency": null},
                  {"label": "as the file"}]}""");
        Server file = s.server();

        assertThat(file.queueLimit()).hasValue(10);
        assertThat(s.variants().get(0)).isEqualTo(new Variant("all", Optional.of(Policy.EVENT_LOOP), OptionalInt.of(2),
                OptionalInt.of(3), OptionalDouble.of(2.5), Optional.of(OptionalInt.of(7)), Optional.of(OptionalInt.of(9))));
        assertThat(s.variants().get(1).queueLimit()).as("null: overridden with unlimited").contains(OptionalInt.empty());
        assertThat(s.variants().get(2).queueLimit()).as("absent: inherited").isEmpty();
        assertThat(s.under(s.variants().get(1)).server().queueLimit()).isEmpty();
        assertThat(s.under(s.variants().get(2)).server()).isEqualTo(file);
    }

    @Test
    @DisplayName("a variant can set the thread pool's size; left out, the file's own pool (not the default) is used")
    void poolThreads() {
        String file8 = specExampleWith("/server/poolThreads", "8");
        Scenario s = ScenarioJson.parse(file8.substring(0, file8.lastIndexOf('}')) + """
                , "variants": [
                  {"label": "pool of 1", "policy": "event-loop+pool", "poolThreads": 1},
                  {"label": "the file's pool", "policy": "event-loop+pool"}]}""");

        assertThat(s.variants().get(0).poolThreads()).hasValue(1);
        assertThat(s.under(s.variants().get(0)).server().poolThreads()).isEqualTo(1);
        assertThat(s.variants().get(1).poolThreads()).isEmpty();
        assertThat(s.under(s.variants().get(1)).server().poolThreads()).isEqualTo(8);
        assertThat(s.under(s.variants().get(1)).server().policy()).isEqualTo(Policy.EVENT_LOOP_POOL);
    }

    @Test
    @DisplayName("the variants example of docs/scenario-format.md reads as the text around it says")
    void documentedExample() throws IOException {
        String doc = Files.readString(Path.of("docs/scenario-format.md"));
        String section = doc.substring(doc.indexOf("## `variants`"));
        String json = section.substring(section.indexOf("```json") + 7, section.indexOf("```", section.indexOf("```json") + 7));

        Scenario s = ScenarioJson.parse(json);

        assertThat(s.compareVariants()).extracting(Variant::label).containsExactly("4 threads", "1 event loop");
        assertThat(s.under(s.variants().get(0)).server()).isEqualTo(new Server(Policy.SYNC, 4, 2, 5, OptionalInt.empty(), OptionalInt.empty()));
        assertThat(s.under(s.variants().get(1)).server()).isEqualTo(new Server(Policy.EVENT_LOOP, 1, 2, 5, OptionalInt.empty(), OptionalInt.empty()));
    }

    @Test
    @DisplayName("a file without variants, or with an empty list, compares sync against the event loop with its own settings")
    void noVariants() {
        Scenario without = ScenarioJson.parse(specExampleWith("/seed", "7"));
        Scenario empty = withVariants("[]");

        assertThat(without.variants()).isEmpty();
        assertThat(empty).isEqualTo(without);
        assertThat(without.compareVariants()).isEqualTo(Variant.defaults());
        assertThat(without.compareVariants()).extracting(Variant::label).containsExactly("Sync (threads)", "Event loop");
    }

    @Test
    @DisplayName("written after arrivals, with only the overridden fields, null for an unlimited override; left out when none")
    void writtenShape() throws IOException {
        Scenario s = withVariants("""
                [{"label": "4 threads", "policy": "sync", "workers": 4},
                 {"label": "loop, no limit", "policy": "event-loop", "queueLimit": null}]""");
        String text = ScenarioJson.write(s);
        JsonNode tree = new ObjectMapper().readTree(text);

        assertThat(tree.fieldNames()).toIterable().containsExactly(
                "schema", "name", "description", "seed", "server", "resources", "requestTypes", "arrivals", "variants");
        assertThat(tree.get("variants").get(0).fieldNames()).toIterable().containsExactly("label", "policy", "workers");
        assertThat(tree.get("variants").get(1).fieldNames()).toIterable().containsExactly("label", "policy", "queueLimit");
        assertThat(tree.get("variants").get(1).get("queueLimit").isNull()).isTrue();
        assertThat(text).contains(String.join("\n",
                "  \"variants\" : [ {",
                "    \"label\" : \"4 threads\",",
                "    \"policy\" : \"sync\",",
                "    \"workers\" : 4",
                "  }, {"));
        assertThat(ScenarioJson.write(s.withVariants(List.of()))).doesNotContain("variants");
    }

    static Stream<List<Variant>> variantSets() {
        return Stream.of(
                Variant.defaults(),
                List.of(Variant.of("4 threads", Policy.SYNC, 4), Variant.of("1 event loop", Policy.EVENT_LOOP, 1)),
                List.of(Variant.of("a", Policy.SYNC),
                        Variant.of("b", Policy.SYNC).withPolicy(Optional.empty()).withCores(OptionalInt.of(Limits.MAX_CORES)),
                        Variant.of("c", Policy.EVENT_LOOP).withTimeSliceMs(OptionalDouble.of(0.125))
                                .withQueueLimit(Optional.of(OptionalInt.empty())).withMaxConcurrency(Optional.of(OptionalInt.of(3))),
                        Variant.of("d \"quoted\" \u00e9", Policy.EVENT_LOOP).withQueueLimit(Optional.of(OptionalInt.of(0)))
                                .withMaxConcurrency(Optional.of(OptionalInt.empty()))),
                List.of(Variant.of("no pool", Policy.EVENT_LOOP),
                        Variant.of("pool of 1", Policy.EVENT_LOOP_POOL).withPoolThreads(OptionalInt.of(1)),
                        Variant.of("pool of 40", Policy.EVENT_LOOP_POOL).withPoolThreads(OptionalInt.of(Server.DEFAULT_POOL_THREADS))));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("variantSets")
    @DisplayName("write then read gives back the same variants, and writing again the same text")
    void roundTrip(List<Variant> variants) {
        Scenario s = ScenarioJson.parse(specExampleWith("/seed", "7")).withVariants(variants);
        String text = ScenarioJson.write(s);

        assertThat(ScenarioJson.parse(text)).isEqualTo(s);
        assertThat(ScenarioJson.parse(text).variants()).isEqualTo(variants);
        assertThat(ScenarioJson.write(ScenarioJson.parse(text))).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0}  ->  {1}")
    @DisplayName("a bad variants list gives exactly this message, naming the JSON path")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # not an array, null, too few, too many
            {"label": "4 threads"}                                  | variants: must be an array
            `"sync, event-loop"`                                    | variants: must be an array
            null                                                    | variants: must not be null
            [{"label": "4 threads", "policy": "sync", "workers": 4}] | variants: must hold 2 to 4 entries (or be left out), was 1
            [{"label": "a"}, {"label": "b"}, {"label": "c"}, {"label": "d"}, {"label": "e"}] | variants: at most 4 entries allowed, was 5
            [{"label": "a"}, null]                                  | variants[1]: must be an object
            ["sync", {"label": "b"}]                                | variants[0]: must be an object

            # labels
            [{"label": "4 threads"}, {"label": "4 threads"}]        | variants[1].label: duplicate label '4 threads'
            [{"label": "a"}, {"label": "b"}, {"label": "a"}]        | variants[2].label: duplicate label 'a'
            [{"label": ""}, {"label": "b"}]                         | variants[0].label: must not be empty
            [{"label": "a"}, {"label": "   "}]                      | variants[1].label: must not be empty
            [{"label": "12345678901234567890123456789012345678901"}, {"label": "b"}] | variants[0].label: at most 40 characters, was 41
            [{"policy": "sync"}, {"label": "b"}]                    | variants[0].label: is required
            [{"label": null}, {"label": "b"}]                       | variants[0].label: must not be null
            [{"label": 4}, {"label": "b"}]                          | variants[0].label: must be a string

            # unknown fields (a misspelt one is named even when the label is missing too)
            [{"label": "a", "threads": 4}, {"label": "b"}]          | variants[0].threads: unknown field
            [{"label": "a"}, {"lable": "b"}]                        | variants[1].lable: unknown field
            [{"label": "a"}, {"label": "b", "server": {"workers": 2}}] | variants[1].server: unknown field

            # policy
            [{"label": "a"}, {"label": "b", "policy": "async"}]     | `variants[1].policy: must be "sync", "event-loop" or "event-loop+pool", was "async"`
            [{"label": "a", "policy": "Sync"}, {"label": "b"}]      | `variants[0].policy: must be "sync", "event-loop" or "event-loop+pool", was "Sync"`
            [{"label": "a", "policy": 1}, {"label": "b"}]           | variants[0].policy: must be a string
            [{"label": "a", "policy": null}, {"label": "b"}]        | variants[0].policy: must not be null

            # workers, cores, time slice out of range or of the wrong type
            [{"label": "a", "workers": 0}, {"label": "b"}]          | variants[0].workers: must be between 1 and 10000, was 0
            [{"label": "a"}, {"label": "b", "workers": 10001}]      | variants[1].workers: must be between 1 and 10000, was 10001
            [{"label": "a", "workers": 1e20}, {"label": "b"}]       | variants[0].workers: must be between 1 and 10000, was 1E+20
            [{"label": "a", "workers": 2.5}, {"label": "b"}]        | variants[0].workers: must be an integer, was 2.5
            [{"label": "a", "workers": "4"}, {"label": "b"}]        | variants[0].workers: must be an integer
            [{"label": "a", "workers": null}, {"label": "b"}]       | variants[0].workers: must not be null
            [{"label": "a", "cores": 0}, {"label": "b"}]            | variants[0].cores: must be between 1 and 1024, was 0
            [{"label": "a", "cores": 1025}, {"label": "b"}]         | variants[0].cores: must be between 1 and 1024, was 1025
            [{"label": "a", "timeSliceMs": -1}, {"label": "b"}]     | variants[0].timeSliceMs: must be 0 (no time slicing) or between 0.001 (the clock's resolution, 1 µs) and 1000000000, was -1
            [{"label": "a", "timeSliceMs": 1e400}, {"label": "b"}]  | variants[0].timeSliceMs: must be a finite number
            [{"label": "a", "timeSliceMs": null}, {"label": "b"}]   | variants[0].timeSliceMs: must not be null

            # queue limit and max concurrency: null is "unlimited", other values are checked
            [{"label": "a", "queueLimit": -1}, {"label": "b"}]      | variants[0].queueLimit: must be between 0 and 100000000, was -1
            [{"label": "a", "queueLimit": "none"}, {"label": "b"}]  | variants[0].queueLimit: must be an integer
            [{"label": "a", "maxConcurrency": 0}, {"label": "b"}]   | variants[0].maxConcurrency: must be between 1 and 100000000, was 0
            [{"label": "a", "maxConcurrency": 1.5}, {"label": "b"}] | variants[0].maxConcurrency: must be an integer, was 1.5

            # pool threads: a count like workers; null is refused (the pool always has threads)
            [{"label": "a", "poolThreads": 0}, {"label": "b"}]      | variants[0].poolThreads: must be between 1 and 10000, was 0
            [{"label": "a"}, {"label": "b", "poolThreads": 10001}]  | variants[1].poolThreads: must be between 1 and 10000, was 10001
            [{"label": "a", "poolThreads": 2.5}, {"label": "b"}]    | variants[0].poolThreads: must be an integer, was 2.5
            [{"label": "a", "poolThreads": "4"}, {"label": "b"}]    | variants[0].poolThreads: must be an integer
            [{"label": "a", "poolThreads": null}, {"label": "b"}]   | variants[0].poolThreads: must not be null
            """)
    void rejectsBadVariants(String json, String expected) {
        assertThat(messageOf(specExampleWith("/variants", json))).isEqualTo(expected);
    }

    @Test
    @DisplayName("a duplicate key inside a variant is named by its path, line and column")
    void duplicateKeyInAVariant() {
        String json = """
                {"schema": 1, "server": {"policy": "sync"},
                 "requestTypes": [{"name": "a", "segments": [{"kind": "compute", "ms": 1}]}],
                 "arrivals": {"pattern": "burst", "count": 1},
                 "variants": [{"label": "a"},
                              {"label": "b", "workers": 1, "workers": 2}]}""";

        assertThat(messageOf(json)).isEqualTo("variants[1].workers: duplicate key (line 5, column 53)");
    }
}
