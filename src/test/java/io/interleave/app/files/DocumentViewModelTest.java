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
        d.useExecutors(Runnable::run, Runnable::run);
        return d;
    }

    /** The session ends without a clean exit: its lock goes (as the system drops it), its autosave stays. */
    static void crash(DocumentViewModel d) {
        d.autosave().orElseThrow().release();
    }

    /** The autosave copies in the configuration directory. */
    private List<Path> copies() throws IOException {
        try (Stream<Path> files = Files.list(config)) {
            return files.filter(f -> f.getFileName().toString().matches("autosave-[0-9a-f]{8}\\.json")).toList();
        }
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
        assertThat(doc.open().join()).isFalse();
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
        assertThat(doc.open(saved).join()).isFalse();
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
        assertThat(doc.open(other).join()).isFalse();
        assertThat(scenario.get()).isSameAs(edited);
        dialogs.unsaved.add(FileDialogs.Unsaved.DONT_SAVE);
        assertThat(doc.open(other).join()).isTrue();
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
        Path autosave = doc.autosave().orElseThrow().file();
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
    void autosave() throws IOException {
        scenario.set(THREE.withSeed(77));
        Path mine = doc.autosave().orElseThrow().file();
        assertThat(mine).doesNotExist();
        assertThat(debouncer.pending()).isTrue();
        debouncer.elapse();
        assertThat(ScenarioJson.read(mine)).isEqualTo(THREE.withSeed(77));
        crash(doc);

        // The next start (after a crash: no clean exit).
        ObjectProperty<Scenario> next = new SimpleObjectProperty<>(THREE);
        ScriptedDialogs answers = new ScriptedDialogs();
        answers.restores.add(FileDialogs.Restore.RESTORE);
        DocumentViewModel again = start(next, answers);
        again.offerRestore();
        assertThat(answers.asked).singleElement().asString().startsWith("restore Three requests today at ");
        assertThat(copies()).as("the crash copy, taken over by the new session").containsExactly(again.autosave().get().file());
        assertThat(next.get()).isEqualTo(THREE.withSeed(77));
        assertThat(again.dirtyProperty().get()).isTrue();
        assertThat(again.titleProperty().get()).isEqualTo("• Three requests — Interleave");

        answers.file(dir.resolve("rescued.json"));
        assertThat(again.save()).isTrue();
        assertThat(copies()).isEmpty();
    }

    @Test
    @DisplayName("an autosave of a file's edits restores with the file's name; a declined one is deleted")
    void autosaveOfAFile() throws IOException {
        Path file = dir.resolve("lesson.json");
        Files.writeString(file, THREE_JSON);
        doc.open(file);
        scenario.set(THREE.withSeed(8));
        debouncer.elapse();
        crash(doc);

        ObjectProperty<Scenario> next = new SimpleObjectProperty<>(THREE);
        ScriptedDialogs answers = new ScriptedDialogs();
        answers.restores.add(FileDialogs.Restore.RESTORE);
        DocumentViewModel again = start(next, answers);
        again.offerRestore();
        assertThat(again.titleProperty().get()).isEqualTo("• lesson.json — Interleave");
        assertThat(again.fileProperty().get()).isEqualTo(file.toAbsolutePath());
        assertThat(answers.asked).singleElement().asString().startsWith("restore lesson.json ");
        crash(again);

        ScriptedDialogs no = new ScriptedDialogs();
        no.restores.add(FileDialogs.Restore.DISCARD);
        DocumentViewModel third = start(new SimpleObjectProperty<>(THREE), no);
        third.offerRestore();
        assertThat(copies()).isEmpty();
    }

    @Test
    @DisplayName("nothing is offered when the autosave equals what opens anyway; undoing an edit by hand removes it")
    void nothingToOffer() throws IOException {
        scenario.set(THREE.withSeed(3));
        debouncer.elapse();
        assertThat(copies()).hasSize(1);
        scenario.set(THREE);
        assertThat(copies()).isEmpty();

        Autosave left = Autosave.claimNew(config);
        left.write(THREE, java.util.Optional.empty());
        left.release();
        start(new SimpleObjectProperty<>(THREE), new ScriptedDialogs()).offerRestore(); // would throw if it asked
        assertThat(copies()).isEmpty();
    }

    /** Makes a FIFO with mkfifo; skips the test where there is none. */
    static Path fifo(Path dir) throws IOException, InterruptedException {
        Path fifo = dir.resolve("pipe.json");
        try {
            Process p = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
            org.junit.jupiter.api.Assumptions.assumeTrue(p.waitFor() == 0, "mkfifo failed");
        } catch (IOException e) {
            org.junit.jupiter.api.Assumptions.abort("no mkfifo here: " + e.getMessage());
        }
        return fifo;
    }

    @Test
    @DisplayName("a FIFO or /dev/zero is refused at once with one line, and the scenario stays as it was")
    void fifoAndDevZero() throws Exception {
        assertOpenFails(fifo(dir), "is not a regular file (a pipe or a device)");
        Path zero = Path.of("/dev/zero");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(zero), "no /dev/zero here");
        assertOpenFails(zero, "is not a regular file (a pipe or a device)");
    }

    @Test
    @DisplayName("a file is read off the calling thread: open returns at once, and the result is shown only when handed back")
    void readsOffThread() throws Exception {
        java.util.concurrent.CountDownLatch slow = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.BlockingQueue<Runnable> fxQueue = new java.util.concurrent.LinkedBlockingQueue<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            doc.useExecutors(pool, fxQueue::add);
            doc.useReader(path -> {
                try {
                    slow.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return ScenarioJson.read(path);
            });
            Path other = dir.resolve("other.json");
            Files.writeString(other, ScenarioJson.write(THREE.withSeed(5)));
            java.util.concurrent.CompletableFuture<Boolean> opened = doc.open(other);
            assertThat(opened).isNotDone(); // the caller (the FX thread) goes on while the file is read
            assertThat(doc.readingProperty().get()).isTrue();
            assertThat(scenario.get()).isEqualTo(THREE);
            slow.countDown();
            Runnable handBack = fxQueue.poll(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(scenario.get()).as("nothing changes before the FX thread takes the result").isEqualTo(THREE);
            handBack.run();
            assertThat(opened.join()).isTrue();
            assertThat(scenario.get()).isEqualTo(THREE.withSeed(5));
            assertThat(doc.readingProperty().get()).isFalse();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("a later open replaces one still reading: only the file opened last is shown")
    void laterOpenWins() throws Exception {
        List<Runnable> reads = new ArrayList<>();
        doc.useExecutors(reads::add, Runnable::run);
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        Files.writeString(a, ScenarioJson.write(THREE.withSeed(1)));
        Files.writeString(b, ScenarioJson.write(THREE.withSeed(2)));
        var first = doc.open(a);
        var second = doc.open(b);
        reads.get(1).run();
        reads.get(0).run(); // the slow first read ends last
        assertThat(second.join()).isTrue();
        assertThat(first.join()).isFalse();
        assertThat(scenario.get()).isEqualTo(THREE.withSeed(2));
        assertThat(doc.fileProperty().get()).isEqualTo(b.toAbsolutePath());
    }

    @Test
    @DisplayName("Save over a file with mode 0664 keeps 0664; a new file gets what the umask gives any new file")
    void saveKeepsMode() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "no POSIX permissions here");
        Path shared = dir.resolve("shared.json");
        Files.writeString(shared, THREE_JSON);
        Files.setPosixFilePermissions(shared, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-r--"));
        doc.open(shared).join();
        scenario.set(THREE.withSeed(6));
        assertThat(doc.save()).isTrue();
        assertThat(ScenarioJson.read(shared)).isEqualTo(THREE.withSeed(6));
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(shared)))
                .isEqualTo("rw-rw-r--");

        Path probe = Files.createFile(dir.resolve("probe")); // what the umask gives a new file
        dialogs.file(dir.resolve("fresh.json"));
        assertThat(doc.saveAs()).isTrue();
        assertThat(Files.getPosixFilePermissions(dir.resolve("fresh.json"))).isEqualTo(Files.getPosixFilePermissions(probe));
    }

    @Test
    @DisplayName("Save onto a FIFO is refused at once with one line (it would wait for a reader); the FIFO stays")
    void saveOntoFifo() throws Exception {
        Path fifo = fifo(dir);
        scenario.set(THREE.withSeed(8));
        dialogs.file(fifo);
        boolean saved = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(20), () -> doc.saveAs(), "Save waited on a FIFO");
        assertThat(saved).isFalse();
        assertThat(dialogs.errors).containsExactly(
                fifo + ": is not a regular file (a pipe or a device); choose a file to save to");
        assertThat(Files.isRegularFile(fifo, java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(doc.dirtyProperty().get()).isTrue();
    }

    @Test
    @DisplayName("a lesson switch or reload puts edits aside: they are autosaved at once and kept until the next edit")
    void switchKeepsAutosave() throws IOException {
        scenario.set(THREE.withSeed(3)); // within the autosave delay: not written yet
        assertThat(copies()).isEmpty();
        Scenario cpu = Presets.load("cpu-heavy").orElseThrow();
        doc.switchPreset(cpu);
        scenario.set(cpu); // the window loads it
        assertThat(doc.dirtyProperty().get()).isFalse();
        assertThat(copies()).singleElement().satisfies(f -> assertThat(ScenarioJson.read(f)).isEqualTo(THREE.withSeed(3)));
        assertThat(debouncer.pending()).isFalse();

        scenario.set(cpu.withSeed(4)); // a new edit replaces what was put aside
        debouncer.elapse();
        assertThat(copies()).singleElement().satisfies(f -> assertThat(ScenarioJson.read(f)).isEqualTo(cpu.withSeed(4)));
        scenario.set(cpu); // and undoing it by hand removes it
        assertThat(copies()).isEmpty();
    }

    @Test
    @DisplayName("each session has its own autosave: another session's clean exit or Discard never removes it")
    void autosavePerSession() throws IOException {
        scenario.set(THREE.withSeed(21));
        debouncer.elapse();
        Path mine = doc.autosave().orElseThrow().file();

        ScriptedDialogs second = new ScriptedDialogs();
        DocumentViewModel other = start(new SimpleObjectProperty<>(THREE), second);
        other.offerRestore(); // the first session is running: its copy is not offered (would throw if asked)
        assertThat(second.asked).isEmpty();
        assertThat(other.close()).isTrue();
        assertThat(mine).exists();
        assertThat(ScenarioJson.read(mine)).isEqualTo(THREE.withSeed(21));

        crash(doc);
        ScriptedDialogs third = new ScriptedDialogs();
        third.restores.add(FileDialogs.Restore.DISCARD);
        start(new SimpleObjectProperty<>(THREE), third).offerRestore();
        assertThat(third.asked).hasSize(1);
        assertThat(mine).doesNotExist();
    }

    @Test
    @DisplayName("several crash copies are offered newest first; once one is restored the older ones are kept for the next start")
    void severalCopies() throws IOException {
        Path older = leftBehind(THREE.withSeed(31), Instant.parse("2025-05-01T10:00:00Z"));
        Path newer = leftBehind(THREE.withSeed(32), Instant.parse("2025-05-02T10:00:00Z"));
        List<String> notices = new ArrayList<>();
        ScriptedDialogs answers = new ScriptedDialogs();
        answers.restores.add(FileDialogs.Restore.RESTORE);
        ObjectProperty<Scenario> next = new SimpleObjectProperty<>(THREE);
        DocumentViewModel d = start(next, answers);
        d.useNotices(notices::add);
        d.offerRestore();
        assertThat(answers.asked).singleElement().asString().contains("2 May 2025");
        assertThat(next.get()).isEqualTo(THREE.withSeed(32));
        assertThat(newer).doesNotExist(); // now in this session's own copy
        assertThat(ScenarioJson.read(d.autosave().get().file())).isEqualTo(THREE.withSeed(32));
        assertThat(older).exists();
        assertThat(notices).containsExactly("1 unsaved scenario is kept for later: offered again at the next start.");

        ScriptedDialogs later = new ScriptedDialogs();
        later.restores.add(FileDialogs.Restore.LATER);
        start(new SimpleObjectProperty<>(THREE), later).offerRestore();
        assertThat(later.asked).singleElement().asString().contains("1 May 2025");
        assertThat(older).as("Later keeps it").exists();
    }

    /** A copy a crashed session left, saved at {@code time}. */
    private Path leftBehind(Scenario s, Instant time) throws IOException {
        Autosave copy = Autosave.claimNew(config);
        copy.write(s, java.util.Optional.empty());
        Files.setLastModifiedTime(copy.file(), java.nio.file.attribute.FileTime.from(time));
        copy.release();
        return copy.file();
    }

    @Test
    @DisplayName("the single autosave.json of earlier versions is offered as a crash copy, with the file it came from")
    void legacyAutosave() throws IOException {
        Files.writeString(config.resolve(Autosave.LEGACY_NAME), ScenarioJson.write(THREE.withSeed(41)));
        Files.writeString(config.resolve("autosave-source.txt"), dir.resolve("old.json").toString());
        ScriptedDialogs answers = new ScriptedDialogs();
        answers.restores.add(FileDialogs.Restore.RESTORE);
        ObjectProperty<Scenario> next = new SimpleObjectProperty<>(THREE);
        DocumentViewModel d = start(next, answers);
        d.offerRestore();
        assertThat(answers.asked).singleElement().asString().startsWith("restore old.json ");
        assertThat(next.get()).isEqualTo(THREE.withSeed(41));
        assertThat(d.fileProperty().get()).isEqualTo(dir.resolve("old.json"));
        assertThat(config.resolve(Autosave.LEGACY_NAME)).doesNotExist();
        assertThat(config.resolve("autosave-source.txt")).doesNotExist();
        assertThat(copies()).containsExactly(d.autosave().get().file());
    }

    static Stream<Arguments> unreadableCopies() {
        return Stream.of(
                Arguments.of("cut short", "{ \"schema\": 1, \"name\": ", "line 1"),
                Arguments.of("from a newer version", presetText().replace("\"schema\": 1", "\"schema\": 2"),
                        "schema: unsupported version 2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadableCopies")
    @DisplayName("an autosave that cannot be read is set aside under a name that says so, never deleted, and a notice names it")
    void unreadableAutosave(String what, String text, String reason) throws IOException {
        Path copy = leftBehind(THREE.withSeed(51), Instant.now());
        Files.writeString(copy, text);
        List<String> notices = new ArrayList<>();
        DocumentViewModel d = start(new SimpleObjectProperty<>(THREE), new ScriptedDialogs()); // would throw if it asked
        d.useNotices(notices::add);
        d.offerRestore();
        assertThat(copy).doesNotExist();
        List<Path> aside;
        try (Stream<Path> files = Files.list(config)) {
            aside = files.filter(f -> f.getFileName().toString().contains(".unreadable-")).toList();
        }
        String name = copy.getFileName().toString().replace(".json", "");
        assertThat(aside).singleElement().satisfies(f -> {
            assertThat(f.getFileName().toString()).matches(java.util.regex.Pattern.quote(name) + "\\.unreadable-\\d{8}-\\d{6}\\.json");
            assertThat(Files.readString(f)).isEqualTo(text);
        });
        assertThat(notices).singleElement().asString()
                .startsWith("An autosave could not be read, so it is kept in " + config + " as " + aside.get(0).getFileName() + " (")
                .contains(reason)
                .doesNotContain(config + "/" + copy.getFileName());

        crash(d);
        start(new SimpleObjectProperty<>(THREE), new ScriptedDialogs()).offerRestore(); // a set-aside copy is not offered again
        assertThat(aside.get(0)).exists();
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
        assertThat(doc.open(b).join()).isFalse();
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
