package io.interleave.app.files;

import io.interleave.files.AtomicOutput;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.ScenarioJson;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The scenario as a document: the file it belongs to, whether it has
 * unsaved changes (it differs from what was last opened or saved), open,
 * save, save as, recent files, the autosave, and the "Save your changes?"
 * question before anything replaces it. A file that cannot be read is
 * reported with the reader's message and changes nothing. Files are read off
 * the FX thread, so a slow disk never freezes the window.
 */
public final class DocumentViewModel {
    /** How long the scenario must stay unchanged before it is autosaved. */
    public static final int AUTOSAVE_DELAY_MS = 1000;

    /** Writes a scenario's text; a seam so tests can fail half-way. */
    @FunctionalInterface
    interface ScenarioWriter {
        void write(Scenario scenario, Writer out) throws IOException;
    }

    private final ObjectProperty<Scenario> scenario;
    private final Consumer<Scenario> show;
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    /** What was last opened or saved; null after a restore, which is unsaved by definition. */
    private final ReadOnlyObjectWrapper<Scenario> baseline = new ReadOnlyObjectWrapper<>(this, "baseline");
    private final BooleanBinding dirty;
    private final StringBinding title;
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    /** One view for everyone: the view listens to {@code recent} weakly, so a view made per call could be collected. */
    private final ObservableList<Path> recentView = FXCollections.unmodifiableObservableList(recent);
    private RecentFiles recentFiles = RecentFiles.inMemory();
    private final AutosaveKeeper autosave;
    private Optional<Path> configDir = Optional.empty();
    private Consumer<String> notices = text -> { };
    private final ScenarioReads reads = new ScenarioReads();
    private FileDialogs dialogs = new NoDialogs();
    private ScenarioWriter writer = (s, out) -> out.write(ScenarioJson.write(s));
    private Optional<Path> lastDir = Optional.empty();
    private final String appTitle;

    /**
     * @param scenario the scenario the window edits
     * @param show shows an opened scenario in the window (and simulates it)
     * @param appTitle the application's name, which the window title ends with
     */
    public DocumentViewModel(ObjectProperty<Scenario> scenario, Consumer<Scenario> show, String appTitle) {
        this.scenario = scenario;
        this.appTitle = Objects.requireNonNull(appTitle, "appTitle");
        this.show = show;
        baseline.set(scenario.get());
        dirty = Bindings.createBooleanBinding(() -> !Objects.equals(scenario.get(), baseline.get()), scenario, baseline);
        title = Bindings.createStringBinding(this::titleText, dirty, file, scenario);
        autosave = new AutosaveKeeper(scenario::get, () -> Optional.ofNullable(file.get()), dirty::get);
        scenario.addListener((obs, old, now) -> autosave.changed());
    }

    /** Keeps recent files and the autosave in {@code dir}; autosaves {@code debouncer}'s delay after the last change. */
    public void persistIn(Path dir, Debouncer debouncer) {
        this.recentFiles = RecentFiles.in(dir);
        autosave.persistIn(dir, debouncer);
        this.configDir = Optional.of(dir);
        recent.setAll(recentFiles.list());
    }

    /** Where brief messages go ("Set aside an autosave that could not be read…"). */
    public void useNotices(Consumer<String> notices) {
        this.notices = Objects.requireNonNull(notices, "notices");
    }

    /** Reads with {@code background} and hands the result over with {@code fx} (tests pass direct executors). */
    void useExecutors(Executor background, Executor fx) {
        reads.useExecutors(background, fx);
    }

    void useReader(ScenarioReads.Reader reader) {
        reads.useReader(reader);
    }

    public void useDialogs(FileDialogs dialogs) {
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
    }

    void useWriter(ScenarioWriter writer) {
        this.writer = writer;
    }

    // --------------------------------------------------------------- state

    /** The file the scenario was opened from or saved to; null for a preset. */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    /** True when the scenario differs from what was last opened or saved. */
    public BooleanBinding dirtyProperty() {
        return dirty;
    }

    /** "three.json — Interleave", with "• " in front while there are unsaved changes. */
    public StringBinding titleProperty() {
        return title;
    }

    /** Recently opened or saved files, newest first. */
    public ObservableList<Path> recentFiles() {
        return recentView;
    }

    /** This session's autosave copy, if the window keeps one. */
    public Optional<Autosave> autosave() {
        return autosave.autosave();
    }

    /** True while a file is being read. */
    public ReadOnlyBooleanProperty readingProperty() {
        return reads.readingProperty();
    }

    /** The folder file choosers start in: the current file's, else the last one used. */
    public Optional<Path> lastDirectory() {
        return Optional.ofNullable(file.get()).map(p -> p.toAbsolutePath().getParent()).or(() -> lastDir);
    }

    /** Remembers the folder of a file chosen for export. */
    public void usedDirectory(Path chosen) {
        lastDir = Optional.ofNullable(chosen.toAbsolutePath().getParent());
    }

    // ------------------------------------------------------------ commands

    /** File ▸ Open…: asks for a file, then opens it; completes with true once it is shown. */
    public CompletableFuture<Boolean> open() {
        return dialogs.chooseOpen(lastDirectory()).map(this::open).orElse(CompletableFuture.completedFuture(false));
    }

    /**
     * Opens {@code path}: reads it off the FX thread (regular files only, with
     * a size cap, so a FIFO or {@code /dev/zero} is refused at once), then, on
     * the FX thread, shows it. An unreadable or invalid file is reported (with
     * the path and the JSON path of the problem) and nothing changes; unsaved
     * changes are offered for saving before a valid file replaces them. A
     * later open replaces one still reading. Completes with true once the
     * file is shown.
     */
    public CompletableFuture<Boolean> open(Path path) {
        return reads.read(path, outcome -> opened(path, outcome));
    }

    /** On the FX thread: shows what {@link #open(Path)} read. */
    private boolean opened(Path path, ScenarioReads.Outcome outcome) {
        if (outcome.scenario() == null) {
            dialogs.showError("Cannot open " + path.getFileName(), outcome.error());
            if (outcome.missing()) {
                removeRecent(path);
            }
            return false;
        }
        if (!confirmDiscard()) {
            return false;
        }
        file.set(path.toAbsolutePath());
        baseline.set(outcome.scenario());
        addRecent(path);
        show.accept(outcome.scenario());
        return true;
    }


    /** A preset is about to replace the scenario: false if the user cancelled. */
    public boolean openPreset(Scenario preset) {
        if (!confirmDiscard()) {
            return false;
        }
        file.set(null);
        baseline.set(preset);
        return true;
    }

    /**
     * A built-in lesson replaces another one (or itself, on a reload) without
     * asking: the window keeps the changes made to the one left, so they can
     * be brought back, and the autosave keeps them until the next edit, so a
     * crash meanwhile loses nothing.
     */
    public void switchPreset(Scenario preset) {
        autosave.putAside();
        file.set(null);
        baseline.set(preset);
    }

    /** File ▸ Save: to the current file, or asks where for a preset. False if cancelled or failed. */
    public boolean save() {
        return file.get() == null ? saveAs() : saveTo(file.get());
    }

    /** File ▸ Save As…: asks where, then saves there. */
    public boolean saveAs() {
        String suggested = file.get() != null ? file.get().getFileName().toString() : FileText.slug(scenario.get().name()) + ".json";
        return dialogs.chooseSave(FileDialogs.Kind.SCENARIO, lastDirectory(), suggested)
                .map(p -> saveTo(FileText.withExtension(p, "json")))
                .orElse(false);
    }

    /**
     * The window is closing: asks about unsaved changes. True if it may close,
     * and then this session's autosave is removed (a clean exit); other
     * sessions' copies are left alone.
     */
    public boolean close() {
        if (!confirmDiscard()) {
            return false;
        }
        autosave.closed();
        return true;
    }

    /**
     * At start: offers back the work that sessions which did not close
     * cleanly left unsaved, newest first (see {@link Restores}). The copies
     * are found and read off the FX thread.
     */
    public void offerRestore() {
        if (configDir.isEmpty()) {
            return;
        }
        Path dir = configDir.get();
        reads.offThread(() -> Restores.find(dir),
                copies -> new Restores(this::restoreNow, notices, dialogs).offer(copies, scenario.get(), dir));
    }

    /** Shows restored work as unsaved, and keeps it in this session's autosave: true once it is there. */
    private boolean restoreNow(Autosave.Saved saved) {
        file.set(saved.source().orElse(null));
        baseline.set(null);
        show.accept(saved.scenario());
        return autosave.keepRestored(saved);
    }

    public void clearRecent() {
        recentFiles.clear();
        recent.setAll(recentFiles.list());
    }

    // ------------------------------------------------------------- helpers

    /** Asks to save unsaved changes: true to go on (saved or discarded), false if cancelled. */
    private boolean confirmDiscard() {
        if (!dirty.get()) {
            return true;
        }
        return switch (dialogs.askUnsaved(documentName())) {
            case SAVE -> save();
            case DONT_SAVE -> true;
            case CANCEL -> false;
        };
    }

    /** Writes atomically: a temporary file beside the target, moved over it only when complete. */
    private boolean saveTo(Path path) {
        Scenario s = scenario.get();
        try {
            FileText.refuseSpecial(path);
            try (AtomicOutput out = AtomicOutput.open(path)) {
                writer.write(s, out.writer());
                out.commit();
            }
        } catch (IOException | RuntimeException e) {
            dialogs.showError("Cannot save " + path.getFileName(), path + ": " + FileText.reason(e));
            return false;
        }
        file.set(path.toAbsolutePath());
        baseline.set(s);
        addRecent(path);
        autosave.saved();
        return true;
    }

    private void addRecent(Path path) {
        recentFiles.add(path);
        recent.setAll(recentFiles.list());
    }

    private void removeRecent(Path path) {
        recentFiles.remove(path);
        recent.setAll(recentFiles.list());
    }

    private String documentName() {
        return file.get() != null ? file.get().getFileName().toString() : scenario.get().name();
    }

    private String titleText() {
        String mark = dirty.get() ? "• " : "";
        if (file.get() == null && mark.isEmpty()) {
            return appTitle;
        }
        return mark + documentName() + " — " + appTitle;
    }
}
