package io.interleave.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Rules the records enforce themselves, for code (the window, sweeps) that builds scenarios without a file. */
@DisplayName("Scenario records: invalid values cannot exist")
class ScenarioRecordsTest {
    private static final RequestType PAGE = new RequestType("page", "#0072B2", 1, List.of(Segment.compute(1, null)));

    @Test
    @DisplayName("an explicit arrival list longer than Limits.MAX_EXPLICIT_ARRIVALS is rejected")
    void explicitListLimit() {
        Arrivals.At at = new Arrivals.At(0, "page");

        assertThat(new Arrivals.Explicit(Collections.nCopies(Limits.MAX_EXPLICIT_ARRIVALS, at)).count())
                .isEqualTo(Limits.MAX_EXPLICIT_ARRIVALS);
        assertThatThrownBy(() -> new Arrivals.Explicit(Collections.nCopies(Limits.MAX_EXPLICIT_ARRIVALS + 1, at)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("at: at most 1000000 entries allowed, was 1000001");
    }

    @Test
    @DisplayName("withCount changes generated arrivals but an explicit list only keeps its own count")
    void withCount() {
        Arrivals explicit = new Arrivals.Explicit(List.of(new Arrivals.At(0, "page"), new Arrivals.At(1, "page")));

        assertThat(explicit.withCount(2)).isSameAs(explicit);
        assertThatThrownBy(() -> explicit.withCount(3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("count: an explicit arrival list has exactly 2 requests");
        assertThat(new Arrivals.Poisson(5, 10).withCount(20)).isEqualTo(new Arrivals.Poisson(5, 20));
        assertThat(new Arrivals.Uniform(5, 10).withCount(20)).isEqualTo(new Arrivals.Uniform(5, 20));
        assertThat(new Arrivals.Burst(10, 3).withCount(20)).isEqualTo(new Arrivals.Burst(20, 3));
        assertThat(new Arrivals.Closed(2, new Distribution.Constant(1), 10).withCount(20))
                .isEqualTo(new Arrivals.Closed(2, new Distribution.Constant(1), 20));
        assertThatThrownBy(() -> new Arrivals.Poisson(5, 10).withCount(0)).hasMessageStartingWith("count: must be between 1 and");
    }

    @Test
    @DisplayName("a normal distribution keeps the mean it was given; mean() reports the mean after clamping at 0")
    void normalKeepsItsParameter() {
        Distribution.Normal wide = new Distribution.Normal(1, 10);

        assertThat(wide.mu()).isEqualTo(1);
        assertThat(wide.mean()).isGreaterThan(1).isCloseTo(4.5, within(0.1));
        assertThat(new Distribution.Normal(20, 0).mean()).isEqualTo(20);
        assertThat(new Distribution.Normal(20, 5).mean()).isCloseTo(20, within(1e-3));
        assertThat(wide.scaled(2)).isEqualTo(new Distribution.Normal(2, 20));
    }

    @Test
    @DisplayName("lists are copied: changing the list a record was built from does not change the record")
    void listsAreCopied() {
        List<Segment> segments = new ArrayList<>(List.of(Segment.compute(1, null)));
        RequestType type = new RequestType("t", "#000000", 1, segments);
        segments.add(Segment.waitFor(5, null));

        assertThat(type.segments()).hasSize(1);
        assertThatThrownBy(() -> type.segments().add(Segment.compute(1, null))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    @DisplayName("cross-references are checked in the Scenario constructor, with the JSON path of the culprit")
    void crossReferences() {
        Server server = Server.of(Policy.SYNC, 1, 1);
        RequestType usesCache = new RequestType("c", "#000000", 1, List.of(
                new Segment(SegmentKind.WAIT, new Distribution.Constant(1), Optional.empty(), Optional.of("cache"))));

        assertThatThrownBy(() -> new Scenario("s", "", 1, server, List.of(), List.of(PAGE, usesCache), new Arrivals.Burst(1, 0)))
                .hasMessage("requestTypes[1].segments[0].on: unknown resource 'cache'");
        assertThatThrownBy(() -> new Scenario("s", "", 1, server, List.of(), List.of(PAGE),
                new Arrivals.Explicit(List.of(new Arrivals.At(0, "page"), new Arrivals.At(0, "other")))))
                .hasMessage("arrivals.at[1].type: unknown request type 'other'");
        assertThatThrownBy(() -> new Scenario("s", "", 1, server,
                List.of(new Resource("db", OptionalInt.empty()), new Resource("db", OptionalInt.of(2))), List.of(PAGE), new Arrivals.Burst(1, 0)))
                .hasMessage("resources[1].name: duplicate name 'db'");
        assertThatThrownBy(() -> new Scenario("s", "", 1, server, List.of(), List.of(PAGE.withWeight(0)), new Arrivals.Burst(1, 0)))
                .hasMessage("requestTypes: at least one weight must be > 0");
    }

    @Test
    @DisplayName("Server.with* re-validates: an override cannot smuggle in an invalid server")
    void serverWithersValidate() {
        Server s = Server.of(Policy.SYNC, 1, 1);

        assertThatThrownBy(() -> s.withWorkers(0)).hasMessage("workers: must be between 1 and 10000, was 0");
        assertThatThrownBy(() -> s.withCores(Limits.MAX_CORES + 1)).hasMessage("cores: must be between 1 and 1024, was 1025");
        assertThatThrownBy(() -> s.withTimeSliceMs(Double.NaN)).hasMessage("timeSliceMs: must be a finite number, was NaN");
        assertThatThrownBy(() -> s.withMaxConcurrency(OptionalInt.of(0))).hasMessage("maxConcurrency: must be between 1 and 100000000, was 0");
        assertThat(s.withPolicy(Policy.EVENT_LOOP).policy()).isEqualTo(Policy.EVENT_LOOP);
    }

    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.DisplayName("only poisson and uniform arrivals have a rate; changing it keeps the pattern and the count")
    void ratePerSec() {
        org.assertj.core.api.Assertions.assertThat(new Arrivals.Poisson(40, 7).withRatePerSec(80)).isEqualTo(new Arrivals.Poisson(80, 7));
        org.assertj.core.api.Assertions.assertThat(new Arrivals.Uniform(25, 7).withRatePerSec(20)).isEqualTo(new Arrivals.Uniform(50, 7));
        org.assertj.core.api.Assertions.assertThat(new Arrivals.Burst(3, 0).hasRate()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Arrivals.Burst(3, 0).withRatePerSec(10))
                .hasMessage("ratePerSec: the burst pattern has no rate");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Arrivals.Uniform(25, 7).withRatePerSec(0))
                .hasMessage("ratePerSec: must be between 0.1 and 10000000 per second, was 0");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Arrivals.Poisson(40, 7).withRatePerSec(-1))
                .hasMessage("ratePerSec: must be between 0.1 and 10000000 per second, was -1");
    }
}
