package io.interleave.app.files;

import io.interleave.files.AtomicOutput;
import io.interleave.scenario.InvalidScenarioException;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.ScenarioJson;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The scenario as a document: the file it belongs to, whether it has
 * unsaved changes (it differs from what was last opened or saved), open,
 * save, save as, recent files, the autosave, and the "Save your changes?"
 * question before anything replaces it. A file that cannot be read is
 * reported with the reader's message and changes nothing.
 */
public final class DocumentViewModel {
    /** How long the scenario must stay unchanged before it is autosaved. */
    public static final int AUTOSAVE_DELAY_MS = 1000;

    /** Writes a scenario's text; a seam so tests can fail half-way. */
    @FunctionalInterface
    interface ScenarioWriter {
        void write(Scenario scenario, Writer out) throws IOException;
    }

    private static final System.Logger LOG = System.getLogger(DocumentViewModel.class.getName());

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
    private Optional<Autosave> autosave = Optional.empty();
    private Debouncer debouncer;
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
        scenario.addListener((obs, old, now) -> changed());
    }

    /** Keeps recent files and the autosave in {@code dir}; autosaves {@code debouncer}'s delay after the last change. */
    public void persistIn(Path dir, Debouncer debouncer) {
        this.recentFiles = RecentFiles.in(dir);
        this.autosave = Optional.of(new Autosave(dir));
        this.debouncer = debouncer;
        recent.setAll(recentFiles.list());
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

    public Optional<Autosave> autosave() {
        return autosave;
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

    /** File ▸ Open…: asks for a file, then opens it. */
    public boolean open() {
        return dialogs.chooseOpen(lastDirectory()).map(this::open).orElse(false);
    }

    /**
     * Opens {@code path}. An unreadable or invalid file is reported (with the
     * path and the JSON path of the problem) and nothing changes; unsaved
     * changes are offered for saving before a valid file replaces them.
     */
    public boolean open(Path path) {
        Scenario next;
        try {
            next = ScenarioJson.read(path);
        } catch (InvalidScenarioException e) {
            dialogs.showError("Cannot open " + path.getFileName(), e.getMessage());
            if (e.getCause() instanceof NoSuchFileException) {
                removeRecent(path);
            }
            return false;
        }
        if (!confirmDiscard()) {
            return false;
        }
        file.set(path.toAbsolutePath());
        baseline.set(next);
        addRecent(path);
        show.accept(next);
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
     * A built-in lesson replaces another one without asking (the window keeps
     * the changes made to the one left, so they can be brought back).
     */
    public void switchPreset(Scenario preset) {
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
     * and then the autosave is removed (a clean exit).
     */
    public boolean close() {
        if (!confirmDiscard()) {
            return false;
        }
        if (debouncer != null) {
            debouncer.cancel();
        }
        autosave.ifPresent(Autosave::clear);
        return true;
    }

    /**
     * At start: offers back work an earlier session did not save, if it
     * differs from what the window opened with. Declined work is removed.
     */
    public void offerRestore() {
        if (autosave.isEmpty()) {
            return;
        }
        Optional<Autosave.Saved> saved = autosave.get().read();
        if (saved.isEmpty()) {
            return;
        }
        if (saved.get().scenario().equals(scenario.get())) {
            autosave.get().clear();
            return;
        }
        if (dialogs.offerRestore(FileText.when(saved.get().time(), ZoneId.systemDefault(), LocalDate.now()))) {
            file.set(saved.get().source().orElse(null));
            baseline.set(null);
            show.accept(saved.get().scenario());
        } else {
            autosave.get().clear();
        }
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
        try (AtomicOutput out = AtomicOutput.open(path)) {
            writer.write(s, out.writer());
            out.commit();
        } catch (IOException | RuntimeException e) {
            dialogs.showError("Cannot save " + path.getFileName(), path + ": " + FileText.reason(e));
            return false;
        }
        file.set(path.toAbsolutePath());
        baseline.set(s);
        addRecent(path);
        if (debouncer != null) {
            debouncer.cancel();
        }
        autosave.ifPresent(Autosave::clear);
        return true;
    }

    private void changed() {
        if (autosave.isEmpty()) {
            return;
        }
        if (dirty.get()) {
            debouncer.schedule(this::autosaveNow);
        } else {
            debouncer.cancel();
            autosave.get().clear();
        }
    }

    private void autosaveNow() {
        if (autosave.isPresent() && dirty.get()) {
            try {
                autosave.get().write(scenario.get(), Optional.ofNullable(file.get()));
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot autosave to " + autosave.get().file() + ": " + e);
            }
        }
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
