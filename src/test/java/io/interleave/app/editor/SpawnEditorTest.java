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

/** The type editor's spawn rows: "15 + 50" is a background task that computes 15 ms then waits 50 ms. */
@DisplayName("Type editor: spawn rows")
class SpawnEditorTest {
    private static final Scenario LESSON = Presets.load("open-all-sockets").orElseThrow()
            .withResources(List.of(new io.interleave.scenario.Resource("api", java.util.OptionalInt.of(2)),
                    new io.interleave.scenario.Resource("smtp", java.util.OptionalInt.of(2))));

    private static TypeEditorViewModel editing(Scenario s) {
        return new TypeEditorViewModel(s.requestTypes().get(0), List.of("api", "smtp"), t -> s.withRequestTypes(List.of(t)));
    }

    @Test
    @DisplayName("a new row of kind spawn with \"15 + exp 50\" on smtp, labelled: a task of compute 15 then a wait of exp 50 on smtp")
    void addsASpawn() {
        TypeEditorViewModel vm = editing(LESSON);
        int at = vm.segments().size();
        vm.addSegment();
        SegmentModel added = vm.segments().get(at);
        added.kindProperty().set(SegmentKind.SPAWN);
        added.durationProperty().set("15 + exp 50");
        added.resourceProperty().set("smtp");
        added.labelProperty().set("send email");
        Segment spawn = vm.resultProperty().get().segments().get(at);
        assertThat(spawn.kind()).isEqualTo(SegmentKind.SPAWN);
        assertThat(spawn.label()).contains("send email");
        assertThat(spawn.on()).isEmpty();
        assertThat(spawn.segments()).containsExactly(
                new Segment(SegmentKind.COMPUTE, new Distribution.Constant(15), Optional.empty(), Optional.empty()),
                new Segment(SegmentKind.WAIT, new Distribution.Exponential(50), Optional.empty(), Optional.of("smtp")));

        TypeEditorViewModel again = editing(LESSON.withRequestTypes(List.of(vm.resultProperty().get())));
        assertThat(again.segments().get(at).durationProperty().get()).as("such a spawn reads back as it was typed").isEqualTo("15 + exp 50");
        assertThat(again.segments().get(at).resourceProperty().get()).isEqualTo("smtp");
    }

    @Test
    @DisplayName("\"50\" alone is a task of one 50 ms wait; \"1 + 2 + 3\" is refused: the field is marked and OK is off")
    void oneWaitAndBadText() {
        TypeEditorViewModel vm = editing(LESSON);
        SegmentModel row = vm.segments().get(0);
        row.kindProperty().set(SegmentKind.SPAWN);
        row.durationProperty().set("50");
        assertThat(vm.resultProperty().get().segments().get(0).segments())
                .containsExactly(new Segment(SegmentKind.WAIT, new Distribution.Constant(50), Optional.empty(), Optional.empty()));
        row.durationProperty().set("1 + 2 + 3");
        assertThat(vm.resultProperty().get()).isNull();
        assertThat(vm.errorProperty().get()).contains("segment 1").contains("WAIT or COMPUTE + WAIT");
        assertThat(row.durationValidProperty().get()).isFalse();
    }

    @Test
    @DisplayName("a spawn of another shape from a file shows \"3 segments\" and is kept as it is")
    void keepsOtherTasks() {
        Segment spawn = Segment.spawn("report", List.of(Segment.compute(2, "render"), Segment.waitFor(10, null), Segment.compute(1, null)));
        RequestType type = new RequestType("dashboard", "#0072B2", 1, List.of(Segment.compute(1, null), spawn));
        TypeEditorViewModel vm = editing(LESSON.withRequestTypes(List.of(type)).withVariants(List.of()));
        assertThat(vm.segments().get(1).durationProperty().get()).isEqualTo("3 segments");
        assertThat(vm.resultProperty().get()).isEqualTo(type);
    }
}
