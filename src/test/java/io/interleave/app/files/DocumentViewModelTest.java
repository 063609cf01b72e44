package io.interleave.app.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.scenario.Presets;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.ScenarioJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The document without a toolkit: open, save, autosave, recent files and the unsaved-changes question. */
class DocumentViewModelTest {
    static final Scenario THREE = Presets.load("three-requests").orElseThrow();
    static final String THREE_JSON = ScenarioJson.write(THREE);

    @TempDir
    Path dir;
    @TempDir
    Path config;

    private final ObjectProperty<Scenario> scenario = new SimpleObjectProperty<>(THREE);
    private final List<Scenario> shown = new ArrayList<>();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final ManualDebouncer debouncer = new ManualDebouncer();
    private DocumentViewModel doc;

    @BeforeEach
    void document() {
        doc = start(scenario, dialogs);
    }

    private DocumentViewModel start(ObjectProperty<Scenario> s, FileDialogs answers) {
        DocumentViewModel d = new DocumentViewModel(s, next -> {
            shown.add(next);
            s.set(next);
        }, "Interleave");
        d.persistIn(config, debouncer);
        d.useDialogs(answers);
        return d;
    }

    /** The preset as a person wrote it. */
    static String presetText() {
        try (var in = Presets.class.getResourceAsStream("presets/three-requests.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Stream<Arguments> badFiles() {
        String good = presetText();
        return Stream.of(
                Arguments.of("malformed JSON", "{\"schema\": 1, \"name\": ", "line 1"),
                Arguments.of("unknown field", replace(good, "\"seed\": 7,", "\"seed\": 7, \"colour\": \"red\","), "colour"),
                Arguments.of("negative duration", replace(good, "\"ms\": 80,", "\"ms\": -80,"), "requestTypes[0].segments[1].ms"),
                Arguments.of("zero mean", replace(good, "\"ms\": 10, \"label\": \"render page\"",
                        "\"ms\": { \"dist\": \"exponential\", \"mean\": 0 }, \"label\": \"render page\""),
                        "requestTypes[0].segments[2].ms.mean: must be > 0"),
                Arguments.of("empty file", "", "file is empty"));
    }

    private static String replace(String text, String from, String to) {
        assertThat(text).contains(from);
        return text.replace(from, to);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    @DisplayName("a bad file reports the path-named message and leaves the scenario exactly as it was")
    void badFile(String what, String text, String expected) throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, text, StandardCharsets.UTF_8);
        assertOpenFails(bad, expected);
    }

    @Test
    @DisplayName("a missing file or a directory is reported the same way")
    void missingAndDirectory() {
        assertOpenFails(dir.resolve("nowhere.json"), "no such file");
        assertOpenFails(dir, "is a directory");
    }

    private void assertOpenFails(Path bad, String expected) {
        Scenario edited = THREE.withSeed(99);
        scenario.set(edited);
        dialogs.file(bad);
        assertThat(doc.open()).isFalse();
        assertThat(dialogs.errors).singleElement().asString().startsWith(bad + ": ").contains(expected);
        assertThat(scenario.get()).isSameAs(edited);
        assertThat(shown).isEmpty();
        assertThat(doc.fileProperty().get()).isNull();
        assertThat(doc.dirtyProperty().get()).isTrue();
        assertThat(dialogs.asked).containsExactly("open"); // no "save your changes?" for a file that cannot open
        dialogs.errors.clear();
        dialogs.asked.clear();
    }

    @Test
    @DisplayName("Save As writes a file that reads back equal; the title names it and marks unsaved changes with •")
    void saveRoundTrip() {
        assertThat(doc.titleProperty().get()).isEqualTo("Interleave");
        scenario.set(THREE.withSeed(42));
        assertThat(doc.titleProperty().get()).isEqualTo("• Three requests — Interleave");
        Path file = dir.resolve("mine");
        dialogs.file(file);
        assertThat(doc.save()).isTrue();
        Path saved = dir.resolve("mine.json");
        assertThat(ScenarioJson.read(saved)).isEqualTo(THREE.withSeed(42));
        assertThat(doc.titleProperty().get()).isEqualTo("mine.json — Interleave");
        assertThat(doc.recentFiles()).containsExactly(saved);

        scenario.set(THREE.withSeed(43));
        assertThat(doc.titleProperty().get()).isEqualTo("• mine.json — Interleave");
        assertThat(doc.save()).isTrue(); // no question: it has a file
        assertThat(ScenarioJson.read(saved)).isEqualTo(THREE.withSeed(43));
        assertThat(dialogs.asked).containsExactly("save SCENARIO three-requests.json");

        scenario.set(THREE);
        dialogs.unsaved.add(FileDialogs.Unsaved.CANCEL);
        assertThat(doc.open(saved)).isFalse();
        assertThat(scenario.get()).isEqualTo(THREE);
    }

    @Test
    @DisplayName("a save that fails half-way leaves the old file intact and no temporary file, and stays unsaved")
    void atomicSave() throws IOException {
        Path file = dir.resolve("keep.json");
        dialogs.file(file);
        doc.saveAs();
        byte[] before = Files.readAllBytes(file);
        scenario.set(THREE.withSeed(5));
        doc.useWriter((s, out) -> {
            out.write(ScenarioJson.write(s).substring(0, 60));
            out.flush();
            throw new IOException("No space left on device");
        });
        assertThat(doc.save()).isFalse();
        assertThat(dialogs.errors).containsExactly(file.toAbsolutePath() + ": No space left on device");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
        assertThat(doc.dirtyProperty().get()).isTrue();
    }

    @Test
    @DisplayName("opening a valid file with unsaved changes asks first; Cancel keeps everything, Don't Save opens it")
    void openAsks() throws IOException {
        Path other = dir.resolve("other.json");
        Files.writeString(other, ScenarioJson.write(THREE.withSeed(1)));
        Scenario edited = THREE.withSeed(2);
        scenario.set(edited);
        dialogs.unsaved.add(FileDialogs.Unsaved.CANCEL);
        assertThat(doc.open(other)).isFalse();
        assertThat(scenario.get()).isSameAs(edited);
        dialogs.unsaved.add(FileDialogs.Unsaved.DONT_SAVE);
        assertThat(doc.open(other)).isTrue();
        assertThat(scenario.get()).isEqualTo(THREE.withSeed(1));
        assertThat(doc.dirtyProperty().get()).isFalse();
        assertThat(doc.titleProperty().get()).isEqualTo("other.json — Interleave");
        assertThat(dialogs.asked).containsExactly("unsaved Three requests", "unsaved Three requests");
    }

    @Test
    @DisplayName("a preset replacing unsaved changes asks too; Cancel refuses")
    void presetAsks() {
        scenario.set(THREE.withSeed(2));
        dialogs.unsaved.add(FileDialogs.Unsaved.CANCEL);
        assertThat(doc.openPreset(Presets.load("cpu-heavy").orElseThrow())).isFalse();
        assertThat(doc.fileProperty().get()).isNull();
        Scenario cpu = Presets.load("cpu-heavy").orElseThrow();
        dialogs.unsaved.add(FileDialogs.Unsaved.DONT_SAVE);
        assertThat(doc.openPreset(cpu)).isTrue();
        scenario.set(cpu); // the window loads it
        assertThat(doc.dirtyProperty().get()).isFalse();
        assertThat(dialogs.asked).hasSize(2);
    }

    @Test
    @DisplayName("close with unsaved changes: Cancel keeps the window and the autosave; Don't Save closes and clears it")
    void closeAsks() {
        scenario.set(THREE.withSeed(2));
        debouncer.elapse();
        Path autosave = config.resolve(Autosave.FILE_NAME);
        assertThat(autosave).exists();
        dialogs.unsaved.add(FileDialogs.Unsaved.CANCEL);
        assertThat(doc.close()).isFalse();
        assertThat(autosave).exists();
        dialogs.unsaved.add(FileDialogs.Unsaved.DONT_SAVE);
        assertThat(doc.close()).isTrue();
        assertThat(autosave).doesNotExist();
    }

    @Test
    @DisplayName("close with Save saves first; if the save is cancelled the window stays")
    void closeSaves() {
        scenario.set(THREE.withSeed(2));
        dialogs.unsaved.add(FileDialogs.Unsaved.SAVE);
        dialogs.files.add(java.util.Optional.empty());
        assertThat(doc.close()).isFalse();
        dialogs.unsaved.add(FileDialogs.Unsaved.SAVE);
        dialogs.file(dir.resolve("closing.json"));
        assertThat(doc.close()).isTrue();
        assertThat(ScenarioJson.read(dir.resolve("closing.json"))).isEqualTo(THREE.withSeed(2));
    }

    @Test
    @DisplayName("autosave: written after a quiet moment, offered back on the next start, cleared by a save")
    void autosave() {
        scenario.set(THREE.withSeed(77));
        assertThat(config.resolve(Autosave.FILE_NAME)).doesNotExist();
        assertThat(debouncer.pending()).isTrue();
        debouncer.elapse();
        assertThat(ScenarioJson.read(config.resolve(Autosave.FILE_NAME))).isEqualTo(THREE.withSeed(77));

        // The next start (after a crash: no clean exit).
        ObjectProperty<Scenario> next = new SimpleObjectProperty<>(THREE);
        ScriptedDialogs answers = new ScriptedDialogs();
        answers.restores.add(true);
        DocumentViewModel again = start(next, answers);
        again.offerRestore();
        assertThat(answers.asked).singleElement().asString().startsWith("restore today at ");
        assertThat(next.get()).isEqualTo(THREE.withSeed(77));
        assertThat(again.dirtyProperty().get()).isTrue();
        assertThat(again.titleProperty().get()).isEqualTo("• Three requests — Interleave");

        answers.file(dir.resolve("rescued.json"));
        assertThat(again.save()).isTrue();
        assertThat(config.resolve(Autosave.FILE_NAME)).doesNotExist();
    }

    @Test
    @DisplayName("an autosave of a file's edits restores with the file's name; a declined one is deleted")
    void autosaveOfAFile() throws IOException {
        Path file = dir.resolve("lesson.json");
        Files.writeString(file, THREE_JSON);
        doc.open(file);
        scenario.set(THREE.withSeed(8));
        debouncer.elapse();

        ObjectProperty<Scenario> next = new SimpleObjectProperty<>(THREE);
        ScriptedDialogs answers = new ScriptedDialogs();
        answers.restores.add(true);
        DocumentViewModel again = start(next, answers);
        again.offerRestore();
        assertThat(again.titleProperty().get()).isEqualTo("• lesson.json — Interleave");
        assertThat(again.fileProperty().get()).isEqualTo(file.toAbsolutePath());

        ScriptedDialogs no = new ScriptedDialogs();
        no.restores.add(false);
        DocumentViewModel third = start(new SimpleObjectProperty<>(THREE), no);
        third.offerRestore();
        assertThat(config.resolve(Autosave.FILE_NAME)).doesNotExist();
    }

    @Test
    @DisplayName("nothing is offered when the autosave equals what opens anyway, or is unreadable; undoing an edit removes it")
    void nothingToOffer() throws IOException {
        scenario.set(THREE.withSeed(3));
        debouncer.elapse();
        scenario.set(THREE);
        assertThat(config.resolve(Autosave.FILE_NAME)).doesNotExist();

        new Autosave(config).write(THREE, java.util.Optional.empty());
        start(new SimpleObjectProperty<>(THREE), new ScriptedDialogs()).offerRestore(); // would throw if it asked
        assertThat(config.resolve(Autosave.FILE_NAME)).doesNotExist();

        Files.writeString(config.resolve(Autosave.FILE_NAME), "{ half");
        start(new SimpleObjectProperty<>(THREE), new ScriptedDialogs()).offerRestore();
        assertThat(config.resolve(Autosave.FILE_NAME)).doesNotExist();
    }

    @Test
    @DisplayName("recent files: opened and saved files, newest first, kept for the next start; a vanished one is dropped")
    void recent() throws IOException {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        Files.writeString(a, THREE_JSON);
        Files.writeString(b, THREE_JSON);
        doc.open(a);
        doc.open(b);
        doc.open(a);
        assertThat(doc.recentFiles()).containsExactly(a, b);
        assertThat(start(new SimpleObjectProperty<>(THREE), dialogs).recentFiles()).containsExactly(a, b);
        Files.delete(b);
        assertThat(doc.open(b)).isFalse();
        assertThat(doc.recentFiles()).containsExactly(a);
    }

    @Test
    @DisplayName("restore times read as people say them")
    void when() {
        LocalDate today = LocalDate.of(2025, 5, 3);
        assertThat(FileText.when(Instant.parse("2025-05-03T14:05:00Z"), ZoneOffset.UTC, today)).isEqualTo("today at 14:05");
        assertThat(FileText.when(Instant.parse("2025-05-02T09:30:00Z"), ZoneOffset.UTC, today)).isEqualTo("yesterday at 09:30");
        assertThat(FileText.when(Instant.parse("2025-04-28T09:30:00Z"), ZoneOffset.UTC, today)).isEqualTo("28 Apr 2025 at 09:30");
    }
}
