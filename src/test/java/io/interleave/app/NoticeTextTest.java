package io.interleave.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.scenario.Presets;
import io.interleave.scenario.Scenario;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The 'what to notice' panel's text")
class NoticeTextTest {
    static Scenario described(String text) {
        Scenario s = Presets.load("three-requests").orElseThrow();
        return new Scenario(s.name(), text, s.seed(), s.server(), s.resources(), s.requestTypes(), s.arrivals());
    }

    @Test
    @DisplayName("drops the leading 'What to notice:' (the panel has that heading) and starts with a capital")
    void stripsHeading() {
        assertThat(AppViewModel.notice(described("What to notice: every request waits."))).isEqualTo("Every request waits.");
        assertThat(AppViewModel.notice(described("what to notice:R1 first"))).isEqualTo("R1 first");
        assertThat(AppViewModel.notice(described("Plain text stays."))).isEqualTo("Plain text stays.");
    }

    @Test
    @DisplayName("says so when there is nothing to notice")
    void empty() {
        assertThat(AppViewModel.notice(described("  "))).isEqualTo("No notes for this scenario.");
        assertThat(AppViewModel.notice(described("What to notice:"))).isEqualTo("No notes for this scenario.");
    }

    @Test
    @DisplayName("every preset's text starts with a capital letter")
    void presets() {
        for (String id : Presets.ids()) {
            String text = AppViewModel.notice(Presets.load(id).orElseThrow());
            assertThat(Character.isUpperCase(text.charAt(0))).as(id + ": " + text).isTrue();
        }
    }

    @Test
    @DisplayName("each lesson suggests the servers it compares; a file of one's own suggests nothing")
    void suggestion() {
        assertThat(AppViewModel.suggestion(new AppViewModel.PresetChoice("three-requests", "Three requests")))
                .isEqualTo("Then compare Sync (threads) vs Event loop (Ctrl+K).");
        assertThat(AppViewModel.suggestion(new AppViewModel.PresetChoice("cpu-heavy", "CPU-heavy work starves the loop")))
                .isEqualTo("Then compare 4 threads vs 1 event loop (Ctrl+K).");
        assertThat(AppViewModel.suggestion(null)).isEmpty();
    }
}
