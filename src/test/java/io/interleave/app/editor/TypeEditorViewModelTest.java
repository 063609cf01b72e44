package io.interleave.app.editor;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.scenario.Distribution;
import io.interleave.scenario.Presets;
import io.interleave.scenario.RequestType;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.SegmentKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TypeEditorViewModelTest {
    private static final Scenario LESSON = Presets.load("three-requests").orElseThrow();

    private static TypeEditorViewModel editing(int index) {
        return new TypeEditorViewModel(LESSON.requestTypes().get(index), List.of("database"), t -> {
            List<RequestType> types = new ArrayList<>(LESSON.requestTypes());
            types.set(index, t);
            return LESSON.withRequestTypes(types);
        });
    }

    @Test
    @DisplayName("the editor starts from the type, which is valid as it is")
    void startsValid() {
        TypeEditorViewModel vm = editing(0);
        assertThat(vm.segments()).hasSize(3);
        assertThat(vm.segments().get(1).durationProperty().get()).isEqualTo("80");
        assertThat(vm.segments().get(1).resourceProperty().get()).isEqualTo("database");
        assertThat(vm.resultProperty().get()).isEqualTo(LESSON.requestTypes().get(0));
        assertThat(vm.errorProperty().get()).isEmpty();
    }

    @Test
    @DisplayName("segments are edited one by one: kind, duration, label, resource, order")
    void editsSegments() {
        TypeEditorViewModel vm = editing(0);
        vm.addSegment();
        SegmentModel added = vm.segments().get(3);
        added.kindProperty().set(SegmentKind.BLOCK);
        added.durationProperty().set("exp 30");
        added.labelProperty().set("time.sleep");
        vm.moveUp(added);
        vm.removeSegment(vm.segments().get(0));
        RequestType t = vm.resultProperty().get();
        assertThat(t.segments()).extracting(s -> s.kind())
                .containsExactly(SegmentKind.WAIT, SegmentKind.BLOCK, SegmentKind.COMPUTE);
        assertThat(t.segments().get(1).ms()).isEqualTo(new Distribution.Exponential(30));
        assertThat(t.segments().get(1).label()).contains("time.sleep");
    }

    @Test
    @DisplayName("an invalid duration names the segment and disables OK")
    void invalidDuration() {
        TypeEditorViewModel vm = editing(0);
        vm.segments().get(2).durationProperty().set("exp 0");
        assertThat(vm.resultProperty().get()).isNull();
        assertThat(vm.errorProperty().get()).isEqualTo("segment 3 duration.mean: must be > 0, was 0");
        assertThat(vm.segments().get(2).durationValidProperty().get()).as("the field is marked").isFalse();
        assertThat(vm.segments().get(1).durationValidProperty().get()).isTrue();
        vm.segments().get(2).durationProperty().set("5");
        assertThat(vm.segments().get(2).durationValidProperty().get()).isTrue();
    }

    @Test
    @DisplayName("the whole scenario is checked: a name already taken, no segments left")
    void checkedAgainstScenario() {
        TypeEditorViewModel vm = editing(0);
        vm.nameProperty().set("lookup");
        assertThat(vm.errorProperty().get()).isEqualTo("requestTypes[1].name: duplicate name 'lookup'");
        vm.nameProperty().set("report");
        new ArrayList<>(vm.segments()).forEach(vm::removeSegment);
        assertThat(vm.errorProperty().get()).isEqualTo("segments: must not be empty");
    }

    @Test
    @DisplayName("a new type gets a free name and a colour no state of the timeline uses and no other type has")
    void newType() {
        RequestType t = TypeEditorViewModel.newType(LESSON);
        assertThat(t.name()).isEqualTo("type 3");
        java.util.Set<String> stateColours = new java.util.HashSet<>();
        for (io.interleave.trace.SpanState state : io.interleave.trace.SpanState.values()) {
            java.util.Optional.ofNullable(io.interleave.render.Palette.LIGHT.fill(state)).ifPresent(f -> stateColours.add(f.color().hex().toUpperCase(java.util.Locale.ROOT)));
        }
        assertThat(stateColours).contains("#009E73");
        assertThat(t.color()).isNotIn(stateColours).isNotIn("#0072B2", "#E69F00");
        Scenario more = LESSON;
        for (int i = 0; i < 4; i++) {
            RequestType next = TypeEditorViewModel.newType(more);
            assertThat(next.color()).as("type %d", i + 3).isNotEqualTo("#009E73")
                    .isNotIn(more.requestTypes().stream().map(RequestType::color).toList());
            List<RequestType> types = new ArrayList<>(more.requestTypes());
            types.add(next);
            more = more.withRequestTypes(types);
        }
    }
}
