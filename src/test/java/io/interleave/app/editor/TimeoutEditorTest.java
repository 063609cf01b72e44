package io.interleave.app.editor;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.scenario.Presets;
import io.interleave.scenario.RequestType;
import io.interleave.scenario.Scenario;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Type editor: the client's timeout and its cancellation")
class TimeoutEditorTest {
    private static final Scenario LESSON = Presets.load("timeouts-under-overload").orElseThrow();

    private static TypeEditorViewModel editing() {
        return new TypeEditorViewModel(LESSON.requestTypes().get(0), List.of(), t -> LESSON.withRequestTypes(List.of(t)));
    }

    @Test
    @DisplayName("the editor starts from the type's timeout and cancellation, and an edit keeps them")
    void keepsThem() {
        TypeEditorViewModel vm = editing();
        assertThat(vm.timeoutProperty().get()).isEqualTo("150");
        assertThat(vm.cancelOnTimeoutProperty().get()).isTrue();
        assertThat(vm.resultProperty().get()).isEqualTo(LESSON.requestTypes().get(0));
        vm.weightProperty().set("2");
        assertThat(vm.resultProperty().get().timeoutMs()).isEqualTo(OptionalDouble.of(150));
        assertThat(vm.resultProperty().get().cancelOnTimeout()).isTrue();
    }

    @Test
    @DisplayName("a new timeout and unticking cancel give the type exactly that; blank means no timeout")
    void edits() {
        TypeEditorViewModel vm = editing();
        vm.timeoutProperty().set("500");
        vm.cancelOnTimeoutProperty().set(false);
        RequestType t = vm.resultProperty().get();
        assertThat(t.timeoutMs()).isEqualTo(OptionalDouble.of(500));
        assertThat(t.cancelOnTimeout()).isFalse();
        vm.timeoutProperty().set(" ");
        assertThat(vm.resultProperty().get().hasTimeout()).isFalse();
    }

    @Test
    @DisplayName("a bad timeout disables OK with a message in the file's words")
    void badTimeout() {
        TypeEditorViewModel vm = editing();
        vm.timeoutProperty().set("0");
        assertThat(vm.resultProperty().get()).isNull();
        assertThat(vm.errorProperty().get()).isEqualTo("timeoutMs: must be > 0 and <= 1000000000, was 0");
        vm.timeoutProperty().set("soon");
        assertThat(vm.errorProperty().get()).isEqualTo("timeoutMs: must be a number, was 'soon'");
        vm.timeoutProperty().set("");
        assertThat(vm.errorProperty().get()).startsWith("cancelOnTimeout: needs a timeout");
        vm.cancelOnTimeoutProperty().set(false);
        assertThat(vm.errorProperty().get()).isEmpty();
    }
}
