package io.interleave.app.controls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.interleave.scenario.Distribution;
import io.interleave.scenario.RequestType;
import io.interleave.scenario.Segment;
import io.interleave.scenario.SegmentKind;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ScenarioEditsTest {
    private static final RequestType TYPE = new RequestType("page", "#0072B2", 1, List.of(
            Segment.compute(10, null),
            new Segment(SegmentKind.WAIT, new Distribution.Exponential(50), Optional.empty(), Optional.empty()),
            Segment.compute(30, null),
            new Segment(SegmentKind.BLOCK, new Distribution.Constant(0), Optional.empty(), Optional.empty())));

    @Test
    @DisplayName("scaling compute keeps the proportions of the compute segments and leaves waits alone")
    void scalesCompute() {
        RequestType t = ScenarioEdits.withTotal(TYPE, true, 80);
        assertThat(t.segments().get(0).ms()).isEqualTo(new Distribution.Constant(20));
        assertThat(t.segments().get(2).ms()).isEqualTo(new Distribution.Constant(60));
        assertThat(t.segments().get(1)).isEqualTo(TYPE.segments().get(1));
    }

    @Test
    @DisplayName("scaling waits keeps each distribution's shape")
    void scalesWaits() {
        RequestType t = ScenarioEdits.withTotal(TYPE, false, 100);
        assertThat(t.segments().get(1).ms()).isEqualTo(new Distribution.Exponential(100));
        assertThat(t.meanWaitMs()).isEqualTo(100);
    }

    @Test
    @DisplayName("a gather's branches scale with the rest: lesson 7's three 100 ms calls at a total of 150 become 50 ms each")
    void scalesGatherBranches() {
        RequestType lesson = io.interleave.scenario.Presets.load("open-all-sockets").orElseThrow().requestTypes().get(0);
        RequestType t = ScenarioEdits.withTotal(lesson, false, 150);
        assertThat(t.meanWaitMs()).isEqualTo(150);
        assertThat(t.segments().get(1).branches()).allSatisfy(b -> assertThat(b.get(0).ms()).isEqualTo(new Distribution.Constant(50)));
        assertThat(t.segments().get(1).branches().get(2).get(0).label()).contains("call service C");
        assertThat(ScenarioEdits.withTotal(lesson, true, 8).meanComputeMs()).isEqualTo(8);
    }

    @Test
    @DisplayName("from a total of zero the new total is spread evenly")
    void fromZero() {
        RequestType zero = ScenarioEdits.withTotal(TYPE, true, 0);
        assertThat(zero.meanComputeMs()).isZero();
        RequestType back = ScenarioEdits.withTotal(zero, true, 30);
        assertThat(back.segments().get(0).ms()).isEqualTo(new Distribution.Constant(15));
        assertThat(back.segments().get(2).ms()).isEqualTo(new Distribution.Constant(15));
    }

    @Test
    @DisplayName("a type without segments of that kind says how to add one")
    void noSegmentsOfThatKind() {
        RequestType computeOnly = new RequestType("cpu", "#000000", 1, List.of(Segment.compute(5, null)));
        assertThatThrownBy(() -> ScenarioEdits.withTotal(computeOnly, false, 10))
                .hasMessage("wait: cpu has no wait segments; add one with Edit");
    }
}
