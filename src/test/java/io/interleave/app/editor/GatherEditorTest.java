package io.interleave.app.editor;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.scenario.Distribution;
import io.interleave.scenario.Presets;
import io.interleave.scenario.RequestType;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.Segment;
import io.interleave.scenario.SegmentKind;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The type editor's gather rows: "3 x 100" is three calls of 100 ms at once; a file's own branches are kept. */
@DisplayName("Type editor: gather rows")
class GatherEditorTest {
    private static final Scenario LESSON = Presets.load("open-all-sockets").orElseThrow()
            .withResources(List.of(new io.interleave.scenario.Resource("api", java.util.OptionalInt.of(2))));

    private static TypeEditorViewModel editing(Scenario s) {
        return new TypeEditorViewModel(s.requestTypes().get(0), List.of("api"), t -> s.withRequestTypes(List.of(t)));
    }

    @Test
    @DisplayName("lesson 7's gather (its calls labelled) shows as \"3 branches\" and comes back unchanged")
    void loadsTheLesson() {
        TypeEditorViewModel vm = editing(LESSON);
        SegmentModel gather = vm.segments().get(1);
        assertThat(gather.kindProperty().get()).isEqualTo(SegmentKind.GATHER);
        assertThat(gather.durationProperty().get()).isEqualTo("3 branches");
        assertThat(vm.errorProperty().get()).isEmpty();
        RequestType t = vm.resultProperty().get();
        assertThat(t.segments().get(1).branches()).hasSize(3);
        assertThat(t.segments().get(1).label()).contains("three service calls");
        // the branches' own labels are kept while the text is unchanged
        assertThat(t).isEqualTo(LESSON.requestTypes().get(0));
    }

    @Test
    @DisplayName("a new row of kind gather with \"4 x exp 50\" on api: four waits of exp 50 on api, at once")
    void addsAGather() {
        TypeEditorViewModel vm = editing(LESSON);
        vm.addSegment();
        SegmentModel added = vm.segments().get(3);
        added.kindProperty().set(SegmentKind.GATHER);
        added.durationProperty().set("4 x exp 50");
        added.resourceProperty().set("api");
        Segment g = vm.resultProperty().get().segments().get(3);
        assertThat(g.kind()).isEqualTo(SegmentKind.GATHER);
        assertThat(g.on()).isEmpty();
        assertThat(g.branches()).hasSize(4).allSatisfy(b -> assertThat(b).containsExactly(
                new Segment(SegmentKind.WAIT, new Distribution.Exponential(50), Optional.empty(), Optional.of("api"))));

        TypeEditorViewModel again = editing(LESSON.withRequestTypes(List.of(vm.resultProperty().get())));
        assertThat(again.segments().get(3).durationProperty().get()).as("such a gather reads back as it was typed").isEqualTo("4 x exp 50");
        assertThat(again.segments().get(3).resourceProperty().get()).isEqualTo("api");
    }

    @Test
    @DisplayName("a gather needs N x DURATION with 2 to 64 calls: the field is marked and OK is off")
    void badGather() {
        TypeEditorViewModel vm = editing(LESSON);
        SegmentModel gather = vm.segments().get(1);
        gather.durationProperty().set("100");
        assertThat(vm.resultProperty().get()).isNull();
        assertThat(vm.errorProperty().get()).contains("segment 2").contains("3 x 100");
        assertThat(gather.durationValidProperty().get()).isFalse();
        gather.durationProperty().set("1 x 100");
        assertThat(vm.errorProperty().get()).contains("2 to 64 calls, was 1");
        gather.durationProperty().set("2 x 100");
        assertThat(vm.resultProperty().get()).isNotNull();
        assertThat(gather.durationValidProperty().get()).isTrue();
    }

    @Test
    @DisplayName("a gather of mixed branches shows \"2 branches\" and keeps them; an offloaded segment stays offloaded")
    void keepsMixedBranchesAndOffload() {
        Segment mixed = Segment.gather(null, List.of(List.of(Segment.compute(2, null), Segment.waitFor(10, null)),
                List.of(Segment.waitFor(20, null))));
        Segment offloaded = new Segment(SegmentKind.BLOCK, new Distribution.Constant(5), Optional.empty(), Optional.empty(), true);
        RequestType type = new RequestType("dashboard", "#0072B2", 1, List.of(mixed, offloaded));
        Scenario s = LESSON.withRequestTypes(List.of(type)).withVariants(List.of());
        TypeEditorViewModel vm = editing(s);
        assertThat(vm.segments().get(0).durationProperty().get()).isEqualTo("2 branches");
        assertThat(vm.resultProperty().get()).isEqualTo(type);
    }
}
