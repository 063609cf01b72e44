package io.interleave.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Scenario files: reading, defaults and writing")
class ScenarioJsonReadWriteTest {

    static Path fixture(String name) {
        try {
            return Path.of(ScenarioJsonReadWriteTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @DisplayName("the example file of SPEC section 3 reads into the values it shows")
    void specExampleParses() {
        Scenario s = ScenarioJson.read(fixture("spec-example.json"));

        assertThat(s.name()).isEqualTo("Three requests");
        assertThat(s.description()).isEqualTo("What to notice: ...");
        assertThat(s.seed()).isEqualTo(7);
        assertThat(s.server()).isEqualTo(new Server(Policy.SYNC, 1, 1, 5, OptionalInt.empty(), OptionalInt.empty()));
        assertThat(s.resources()).containsExactly(new Resource("database", OptionalInt.of(4)));
        assertThat(s.requestTypes()).containsExactly(new RequestType("page", "#0072B2", 1, List.of(
                new Segment(SegmentKind.COMPUTE, new Distribution.Constant(10), Optional.of("framework"), Optional.empty()),
                new Segment(SegmentKind.WAIT, new Distribution.Exponential(50), Optional.of("query"), Optional.of("database")),
                new Segment(SegmentKind.COMPUTE, new Distribution.Uniform(2, 8), Optional.empty(), Optional.empty()),
                new Segment(SegmentKind.BLOCK, new Distribution.Constant(30), Optional.of("time.sleep"), Optional.empty()))));
        assertThat(s.arrivals()).isEqualTo(new Arrivals.Poisson(40, 200));
    }

    @Test
    @DisplayName("optional fields take their defaults: timeSliceMs 5, workers 1, cores 1, seed 1, colour, weight 1, no resources")
    void defaultsOfOptionalFields() {
        Scenario s = ScenarioJson.read(fixture("minimal.json"));

        assertThat(s.name()).isEqualTo("Untitled");
        assertThat(s.description()).isEmpty();
        assertThat(s.seed()).isEqualTo(1);
        assertThat(s.server()).isEqualTo(new Server(Policy.EVENT_LOOP, 1, 1, 5, OptionalInt.empty(), OptionalInt.empty()));
        assertThat(s.server().timeSliceMs()).isEqualTo(Server.DEFAULT_TIME_SLICE_MS);
        assertThat(s.resources()).isEmpty();
        RequestType ping = s.requestTypes().get(0);
        assertThat(ping.color()).isEqualTo("#0072B2");
        assertThat(ping.weight()).isEqualTo(1.0);
        assertThat(ping.segments().get(0).label()).isEmpty();
        assertThat(ping.segments().get(0).on()).isEmpty();
        assertThat(s.arrivals()).isEqualTo(new Arrivals.Burst(3, 0));
    }

    @Test
    @DisplayName("a file using every kind of value reads as written (nulls, explicit constant, capacity absent)")
    void everyKindFile() {
        Scenario s = ScenarioJson.read(fixture("every-kind.json"));

        assertThat(s.seed()).isEqualTo(-42);
        assertThat(s.server()).isEqualTo(new Server(Policy.EVENT_LOOP, 4, 2, 0, OptionalInt.of(100), OptionalInt.of(8)));
        assertThat(s.resources()).containsExactly(
                new Resource("database", OptionalInt.of(4)),
                new Resource("payments", OptionalInt.empty()),
                new Resource("cache", OptionalInt.empty()));
        List<Segment> segs = s.requestTypes().get(0).segments();
        assertThat(segs).extracting(Segment::ms).containsExactly(
                new Distribution.Constant(3.25),
                new Distribution.Exponential(50),
                new Distribution.Normal(20, 5),
                new Distribution.LogNormal(12, 30),
                new Distribution.Uniform(2, 8),
                new Distribution.Constant(1));
        assertThat(segs).extracting(Segment::on).containsExactly(
                Optional.empty(), Optional.of("database"), Optional.of("payments"),
                Optional.empty(), Optional.empty(), Optional.empty());
        assertThat(segs.get(3).label()).isEmpty();
        assertThat(s.requestTypes().get(1).weight()).isZero();
        assertThat(s.requestTypes().get(1).color()).isEqualTo("#009e73");
        assertThat(s.arrivals()).isEqualTo(new Arrivals.Closed(5, new Distribution.Exponential(1000), 50));
    }

    @Test
    @DisplayName("a UTF-8 byte-order mark (as Windows editors write) is accepted")
    void byteOrderMark() {
        assertThat(ScenarioJson.read(fixture("bom.json"))).isEqualTo(ScenarioJson.read(fixture("minimal.json")));
    }

    @Test
    @DisplayName("every built-in preset reads and survives a round trip")
    void presetsRoundTrip() {
        assertThat(Presets.ids()).contains("three-requests");
        for (String id : Presets.ids()) {
            Scenario s = Presets.load(id).orElseThrow();
            assertThat(ScenarioJson.parse(ScenarioJson.write(s))).as(id).isEqualTo(s);
        }
        assertThat(Presets.load("no-such-preset")).isEmpty();
    }

    static Stream<Scenario> everyRecordKind() {
        Server base = new Server(Policy.SYNC, 3, 2, 5, OptionalInt.empty(), OptionalInt.empty());
        List<Resource> resources = List.of(new Resource("db", OptionalInt.of(4)), new Resource("api", OptionalInt.empty()));
        List<Segment> segments = List.of(
                new Segment(SegmentKind.COMPUTE, new Distribution.Constant(0.1), Optional.of("parse, \"quoted\" \u00e9 \uD83D\uDE00"), Optional.empty()),
                new Segment(SegmentKind.WAIT, new Distribution.Exponential(12.5), Optional.empty(), Optional.of("db")),
                new Segment(SegmentKind.BLOCK, new Distribution.Normal(7, 2.5), Optional.of("sleep"), Optional.of("api")),
                new Segment(SegmentKind.WAIT, new Distribution.LogNormal(30, 90), Optional.empty(), Optional.empty()),
                new Segment(SegmentKind.COMPUTE, new Distribution.Uniform(1e-9, 1e9), Optional.empty(), Optional.empty()));
        List<RequestType> types = List.of(
                new RequestType("a", "#0072B2", 1, segments),
                new RequestType("b", "#abcdef", 0.25, List.of(Segment.waitFor(3, null))));
        Scenario s = new Scenario("All kinds", "line one\nline two", Long.MIN_VALUE, base, resources, types,
                new Arrivals.Poisson(0.5, 10));
        return Stream.of(
                s,
                s.withSeed(Long.MAX_VALUE).withServer(new Server(Policy.EVENT_LOOP, 1, 1, 0, OptionalInt.of(0), OptionalInt.of(1))),
                s.withServer(new Server(Policy.SYNC, Limits.MAX_WORKERS, Limits.MAX_CORES, 2.5, OptionalInt.of(7), OptionalInt.empty())),
                s.withResources(List.of(new Resource("db", OptionalInt.of(1)), new Resource("api", OptionalInt.of(Resource.MAX_CAPACITY)))),
                s.withArrivals(new Arrivals.Uniform(12.5, 4)),
                s.withArrivals(new Arrivals.Uniform(0, 1)),
                s.withArrivals(new Arrivals.Burst(Limits.MAX_REQUESTS, 0)),
                s.withArrivals(new Arrivals.Burst(5, 250.75)),
                s.withArrivals(new Arrivals.Closed(3, new Distribution.Constant(0), 9)),
                s.withArrivals(new Arrivals.Closed(3, new Distribution.Uniform(10, 20), 9)),
                s.withArrivals(new Arrivals.Explicit(List.of(new Arrivals.At(5, "b"), new Arrivals.At(0, "a"), new Arrivals.At(5, "a")))),
                s.withRequestTypes(List.of(types.get(0).withWeight(0), types.get(1)))
                        .withArrivals(new Arrivals.Explicit(List.of(new Arrivals.At(0, "a")))));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("everyRecordKind")
    @DisplayName("write then read gives back an equal scenario, for every record kind")
    void roundTrip(Scenario s) {
        String text = ScenarioJson.write(s);

        assertThat(ScenarioJson.parse(text)).isEqualTo(s);
        assertThat(ScenarioJson.write(ScenarioJson.parse(text))).isEqualTo(text);
    }

    @Test
    @DisplayName("the writer emits schema 1, explicit nulls for unlimited values and the SPEC field names")
    void writtenShape() throws IOException {
        Scenario s = ScenarioJson.read(fixture("every-kind.json"));
        JsonNode tree = new ObjectMapper().readTree(ScenarioJson.write(s));

        assertThat(tree.get("schema").intValue()).isEqualTo(1);
        assertThat(tree.get("server").get("policy").textValue()).isEqualTo("event-loop");
        assertThat(tree.get("resources").get(1).has("capacity")).isTrue();
        assertThat(tree.get("resources").get(1).get("capacity").isNull()).isTrue();
        JsonNode segs = tree.get("requestTypes").get(0).get("segments");
        assertThat(segs.get(0).get("ms").isNumber()).isTrue();
        assertThat(segs.get(1).get("ms").get("dist").textValue()).isEqualTo("exponential");
        assertThat(segs.get(1).get("on").textValue()).isEqualTo("database");
        assertThat(segs.get(4).get("ms").get("dist").textValue()).isEqualTo("uniform");
        assertThat(tree.get("arrivals").get("pattern").textValue()).isEqualTo("closed");
        assertThat(ScenarioJson.write(s)).endsWith("\n");
    }
}
