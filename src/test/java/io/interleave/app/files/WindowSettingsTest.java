package io.interleave.app.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.app.classroom.ClassroomViewModel;
import io.interleave.app.classroom.Panels;
import io.interleave.app.classroom.Panels.Panel;
import io.interleave.app.classroom.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowSettingsTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("projector mode, the theme and the folded panels come back on the next start")
    void remembered() {
        ClassroomViewModel classroom = new ClassroomViewModel();
        Panels panels = new Panels();
        WindowSettings.in(dir).follow(classroom, panels);
        classroom.projectorProperty().set(true);
        classroom.toggleTheme();
        panels.toggle(Panel.METRICS);
        panels.toggle(Panel.CONTROLS);
        assertThat(dir.resolve(WindowSettings.FILE_NAME)).exists();

        ClassroomViewModel next = new ClassroomViewModel();
        Panels nextPanels = new Panels();
        WindowSettings.in(dir).follow(next, nextPanels);
        assertThat(next.projectorProperty().get()).isTrue();
        assertThat(next.themeProperty().get()).isEqualTo(Theme.DARK);
        assertThat(nextPanels.folded(true)).containsExactlyInAnyOrder(Panel.METRICS, Panel.CONTROLS);

        next.projectorProperty().set(false);
        assertThat(WindowSettings.in(dir).read())
                .isEqualTo(new WindowSettings.Values(false, Theme.DARK, Set.of(Panel.METRICS, Panel.CONTROLS)));
    }

    @Test
    @DisplayName("a first start, or a file with nonsense in it, gives the defaults and no error")
    void defaults() throws Exception {
        assertThat(WindowSettings.in(dir).read()).isEqualTo(WindowSettings.Values.defaults());
        Files.writeString(dir.resolve(WindowSettings.FILE_NAME), "projector=maybe\ntheme=purple\nfolded=metrics,kitchen\n");
        assertThat(WindowSettings.in(dir).read()).isEqualTo(new WindowSettings.Values(false, Theme.LIGHT, Set.of(Panel.METRICS)));
    }

    @Test
    @DisplayName("F11 folds every panel; pressed again it brings back exactly the ones that were shown")
    void focusFoldsAndRestores() {
        Panels panels = new Panels();
        panels.toggle(Panel.NARRATION);
        panels.toggleFocus();
        assertThat(panels.focusProperty().get()).isTrue();
        assertThat(panels.folded(false)).isEmpty();
        panels.toggleFocus();
        assertThat(panels.folded(true)).containsExactly(Panel.NARRATION);
    }

    @Test
    @DisplayName("a FIFO in the settings' place is refused at once, not waited on: the defaults apply")
    void fifo() throws Exception {
        Path fifo = DocumentViewModelTest.fifo(dir);
        Files.move(fifo, dir.resolve(WindowSettings.FILE_NAME));
        WindowSettings.Values values = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(20), () -> WindowSettings.in(dir).read(), "reading the settings waited on a FIFO");
        assertThat(values).isEqualTo(WindowSettings.Values.defaults());
    }
}
