package io.interleave.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Scenario files: programs of tasks and queues")
class TaskScenarioTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String REMOVE = "<remove>";

    private static String program() {
        try {
            return Files.readString(ScenarioJsonReadWriteTest.fixture("program.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The program fixture with the value at {@code pointer} replaced by {@code json}, or removed. */
    private static String programWith(String pointer, String json) {
        try {
            ObjectNode root = (ObjectNode) MAPPER.readTree(program());
            JsonPointer p = JsonPointer.compile(pointer);
            JsonNode parent = root.at(p.head());
            if (parent instanceof ObjectNode o) {
                if (json.equals(REMOVE)) {
                    o.remove(p.last().getMatchingProperty());
                } else {
                    o.set(p.last().getMatchingProperty(), MAPPER.readTree(json));
                }
            } else {
                ArrayNode a = (ArrayNode) parent;
                int index = p.last().getMatchingIndex();
                if (json.equals(REMOVE)) {
                    a.remove(index);
                } else if (index == a.size()) {
                    a.add(MAPPER.readTree(json));
                } else {
                    a.set(index, MAPPER.readTree(json));
                }
            }
            return MAPPER.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    @DisplayName("a file with tasks needs neither requestTypes nor arrivals")
    void readsAProgram() {
        Scenario s = ScenarioJson.parse(program());
        assertThat(s.hasTasks()).isTrue();
        assertThat(s.requestTypes()).isEmpty();
        assertThat(s.arrivals().count()).isZero();
        assertThat(s.queues()).containsExactly(TaskQueue.bounded("items", 1));
        assertThat(s.tasks()).extracting(Task::name).containsExactly("producer", "consumer");
        Task producer = s.tasks().get(0);
        assertThat(producer.unrolled()).extracting(TaskStep::kind).containsExactly(
                TaskStepKind.COMPUTE, TaskStepKind.WAIT, TaskStepKind.PUT,
                TaskStepKind.COMPUTE, TaskStepKind.WAIT, TaskStepKind.PUT,
                TaskStepKind.COMPUTE, TaskStepKind.WAIT, TaskStepKind.PUT);
        assertThat(s.tasks().get(1).unrolled()).extracting(TaskStep::kind).containsExactly(
                TaskStepKind.GET, TaskStepKind.BLOCK, TaskStepKind.GET, TaskStepKind.COMPUTE, TaskStepKind.GET, TaskStepKind.COMPUTE);
    }

    @Test
    @DisplayName("a program writes back without arrivals or request types, and reads back equal")
    void roundTrips() {
        Scenario s = ScenarioJson.parse(program());
        String written = ScenarioJson.write(s);
        assertThat(written).doesNotContain("arrivals").doesNotContain("requestTypes")
                .doesNotContain("\"repeat\" : 1,").contains("\"queue\" : \"items\"");
        assertThat(ScenarioJson.parse(written)).isEqualTo(s);
    }

    @Test
    @DisplayName("a file without tasks writes exactly as before: no tasks or queues fields")
    void filesWithoutTasksUnchanged() throws IOException {
        Scenario s = ScenarioJson.read(ScenarioJsonReadWriteTest.fixture("spec-example.json"));
        assertThat(ScenarioJson.write(s)).doesNotContain("tasks").doesNotContain("queues");
    }

    @Test
    @DisplayName("tasks beside requests: both are kept")
    void tasksBesideRequests() throws IOException {
        Scenario s = ScenarioJson.read(ScenarioJsonReadWriteTest.fixture("spec-example.json"));
        Scenario both = s.withProgram(List.of(new Task("ticker", List.of(TaskStep.timed(TaskStepKind.WAIT, 5, null))))
                , List.of());
        assertThat(ScenarioJson.parse(ScenarioJson.write(both))).isEqualTo(both);
    }

    @ParameterizedTest(name = "{0} = {1}  ->  {2}")
    @DisplayName("a bad program is refused with one line naming the JSON path and the rule")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            /tasks                                | []                        | arrivals: is required (only a scenario with tasks may leave it out)
            /tasks/0/name                         | "consumer"                | tasks[1].name: duplicate name 'consumer'
            /tasks/0/name                         | ""                        | tasks[0].name: must not be empty
            /tasks/0/color                        | "green"                   | tasks[0].color: must be #RRGGBB, was 'green'
            /tasks/0/startMs                      | -1                        | tasks[0].startMs: must be >= 0, was -1
            /tasks/0/count                        | 0                         | tasks[0].count: must be between 1 and 1000, was 0
            /tasks/0/steps                        | []                        | tasks[0].steps: must not be empty
            /tasks/0/steps                        | <remove>                  | tasks[0].steps: is required
            /tasks/1/steps/0/queue                | "things"                  | tasks[1].steps[0].queue: unknown queue 'things'
            /tasks/1/steps/0/queue                | <remove>                  | tasks[1].steps[0].queue: is required (the name of one of the scenario's queues)
            /tasks/1/steps/0/ms                   | 5                         | tasks[1].steps[0].ms: a get step takes no time of its own; leave ms out
            /tasks/1/steps/0/repeat               | 0                         | tasks[1].steps[0].repeat: must be between 1 and 1000000, was 0
            /tasks/1/steps/0/kind                 | "take"                    | `tasks[1].steps[0].kind: must be "compute", "wait", "block", "put", "get" or "repeat", was "take"`
            /tasks/1/steps/1/ms                   | <remove>                  | tasks[1].steps[1].ms: is required
            /tasks/1/steps/1/queue                | "items"                   | tasks[1].steps[1].queue: only put and get steps name a queue
            /tasks/1/steps/1/steps                | [{"kind": "wait", "ms": 1}] | tasks[1].steps[1].steps: only a repeat step holds steps
            /tasks/1/steps/2/steps                | []                        | tasks[1].steps[2].steps: a repeat step needs at least one step to repeat
            /tasks/1/steps/2/steps/0/queue        | "other"                   | tasks[1].steps[2].steps[0].queue: unknown queue 'other'
            /tasks/0/steps/0/repeat               | 100000                    | tasks[0].steps: unroll to 300000 steps with their repeats, at most 100000 allowed
            /tasks/0/steps/0/steps/2/kind         | "get"                     | tasks[0].steps[0].steps[2].queue: no task puts to queue 'items', so this get would wait for ever
            /tasks/0/name                         | "page"                    | tasks[0].name: 'page' is already the name of a request type
            /queues/0/capacity                    | 0                         | queues[0].capacity: must be between 1 and 1000000, was 0
            /queues/1                             | {"name": "items"}         | queues[1].name: duplicate name 'items'
            /queues/0/name                        | <remove>                  | queues[0].name: is required
            /queues/0/size                        | 3                         | queues[0].size: unknown field
            /tasks/0/steps/0/foo                  | 1                         | tasks[0].steps[0].foo: unknown field
            """)
    void rejects(String pointer, String json, String expected) {
        String text = programWith(pointer, json);
        if (expected.contains("already the name of a request type")) {
            text = text.replaceFirst("\\{", "{\"requestTypes\": [{\"name\": \"page\", \"segments\": [{\"kind\": \"compute\", \"ms\": 1}]}],"
                    + "\"arrivals\": {\"pattern\": \"burst\", \"count\": 1},");
        }
        String input = text;
        assertThatThrownBy(() -> ScenarioJson.parse(input)).isInstanceOf(InvalidScenarioException.class).hasMessage(expected);
    }

    @Test
    @DisplayName("a program with its tasks removed needs arrivals again")
    void withoutTasksArrivalsAreRequired() {
        String text = programWith("/tasks", REMOVE).replaceFirst("\\{",
                "{\"requestTypes\": [{\"name\": \"page\", \"segments\": [{\"kind\": \"compute\", \"ms\": 1}]}],");
        assertThatThrownBy(() -> ScenarioJson.parse(text)).hasMessage("arrivals: is required (only a scenario with tasks may leave it out)");
    }

    @Test
    @DisplayName("an empty explicit list is allowed beside tasks")
    void emptyExplicitBesideTasks() {
        Scenario s = ScenarioJson.parse(programWith("/arrivals", "{\"pattern\": \"explicit\", \"at\": []}"));
        assertThat(s.arrivals().count()).isZero();
    }
}
