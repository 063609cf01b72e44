package io.interleave.app;

import io.interleave.app.classroom.ClassroomViewModel;
import io.interleave.app.controls.ControlsSource;
import io.interleave.app.controls.ControlsViewModel;
import io.interleave.app.files.DocumentViewModel;
import io.interleave.app.files.FilesSource;
import io.interleave.app.files.ExportViewModel;
import io.interleave.app.metrics.MetricsSource;
import io.interleave.app.metrics.MetricsViewModel;
import io.interleave.app.metrics.SimulationResult;
import io.interleave.app.narration.NarrationSource;
import io.interleave.app.playback.PlaybackViewModel;
import io.interleave.render.ViewMode;
import io.interleave.scenario.Presets;
import io.interleave.scenario.RequestType;
import io.interleave.scenario.Scenario;
import io.interleave.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The window's root view model: the scenario being edited, what is shown
 * (one policy or both, requests or workers), and the latest simulation of
 * it. Every change of the scenario or of compare re-simulates off the FX
 * thread; the child view models hold the controls, the playback and the
 * metrics.
 */
public final class AppViewModel implements MetricsSource, NarrationSource, ControlsSource, FilesSource,
        io.interleave.app.code.CodeSource {
    /** The preset the window opens with. */
    public static final String FIRST_PRESET = "three-requests";

    /** A preset in the menu: its id and its display name. */
    public record PresetChoice(String id, String name) {
        @Override
        public String toString() {
            return name;
        }
    }

    private final ObjectProperty<Scenario> scenario = new SimpleObjectProperty<>(this, "scenario");
    private final BooleanProperty compare = new SimpleBooleanProperty(this, "compare", false);
    private final ObjectProperty<ViewMode> viewMode = new SimpleObjectProperty<>(this, "viewMode", ViewMode.REQUESTS);
    private final ObjectProperty<PresetChoice> preset = new SimpleObjectProperty<>(this, "preset");
    private final ReadOnlyObjectWrapper<List<Trace>> traces = new ReadOnlyObjectWrapper<>(this, "traces", List.of());
    private final List<PresetChoice> presets;
    private final SimulationRunner runner = new SimulationRunner();
    private final ControlsViewModel controls;
    private final PlaybackViewModel playback = new PlaybackViewModel();
    private final MetricsViewModel metrics;
    private final ClassroomViewModel classroom = new ClassroomViewModel();
    private final StringBinding status;
    private final ReadOnlyStringWrapper mixError = new ReadOnlyStringWrapper(this, "mixError", "");
    private final ReadOnlyStringWrapper mixNote = new ReadOnlyStringWrapper(this, "mixNote", "");
    private final javafx.beans.property.ReadOnlyBooleanWrapper canUndoRemove =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "canUndoRemove", false);
    private Removed removed;
    private final DocumentViewModel document;
    private final ExportViewModel export;
    private final Notices notices = new Notices();
    private final io.interleave.app.classroom.Panels panels = new io.interleave.app.classroom.Panels();
    private final javafx.beans.property.ReadOnlyIntegerWrapper loads = new javafx.beans.property.ReadOnlyIntegerWrapper(this, "loads");
    private final LessonSwitches lessons;
    private boolean keepingScenario;
    /** A scenario was loaded (a lesson, a file): its result opens playback at 0; results of edits keep the time. */
    private boolean opening;

    public AppViewModel() {
        presets = Presets.ids().stream()
                .map(id -> new PresetChoice(id, Presets.load(id).map(Scenario::name).orElse(id))).toList();
        PresetChoice first = presets.stream().filter(p -> p.id().equals(FIRST_PRESET)).findFirst().orElse(presets.get(0));
        scenario.set(Presets.load(first.id()).orElseThrow());
        controls = new ControlsViewModel(scenario, new Random());
        document = new DocumentViewModel(scenario, this::showFile, InterleaveApp.TITLE);
        export = new ExportViewModel(traces.getReadOnlyProperty(), viewMode);
        export.useNotices(notices::show);
        metrics = new MetricsViewModel(runner.resultProperty(), playback.playheadMsProperty());
        status = Bindings.createStringBinding(this::statusText,
                runner.runningProperty(), runner.progressProperty(), runner.errorProperty());
        runner.resultProperty().addListener((obs, old, now) -> {
            traces.set(now.traces());
            if (opening) { // a newer request replaces an older one, so the next result is the loaded scenario's
                opening = false;
                playback.open(now.traces());
            } else {
                playback.setTraces(now.traces());
            }
        });
        runner.errorProperty().addListener((obs, old, now) -> { // a run past its limits: say so, keep the last good result
            if (!now.isEmpty()) {
                notices.show(now);
            }
        });
        scenario.addListener((obs, old, now) -> runner.request(now, compare.get()));
        compare.addListener((obs, old, now) -> runner.requestNow(scenario.get(), now));
        preset.set(first);
        lessons = new LessonSwitches(scenario, preset);
        preset.addListener((obs, old, now) -> {
            if (now != null && !keepingScenario) {
                switchLesson(old, now);
            }
        });
        opening = true; // the first lesson opens at 0 ms too, ready to play
        runner.requestNow(scenario.get(), compare.get());
    }

    /**
     * Another lesson was chosen. Leaving a built-in lesson never asks: its
     * changes are kept (Scenario ▸ Undo lesson switch or reload goes back to them, and
     * Restore my changes brings them back on that lesson). Leaving a file
     * with unsaved changes asks first, as before.
     */
    private void switchLesson(PresetChoice old, PresetChoice now) {
        Scenario next = Presets.load(now.id()).orElseThrow();
        if (old != null && document.fileProperty().get() == null) {
            boolean tweaked = document.dirtyProperty().get();
            lessons.leave(old, scenario.get(), tweaked);
            document.switchPreset(next);
            load(next);
            if (tweaked) {
                notices.show("Your changes to " + old.name() + " are kept: Scenario ▸ Undo lesson switch or reload (Ctrl+Z).",
                        "Undo", this::undoLessonSwitch);
            }
        } else if (document.openPreset(next)) {
            load(next);
        } else { // "Save your changes?" was cancelled: show the preset the scenario came from again
            Platform.runLater(() -> selectQuietly(old));
        }
    }

    private void selectQuietly(PresetChoice choice) {
        keepingScenario = true;
        try {
            preset.set(choice);
        } finally {
            keepingScenario = false;
        }
    }

    /** Goes back to the lesson shown before the last switch, with the changes it had then. */
    public void undoLessonSwitch() {
        lessons.undo().ifPresent(left -> {
            PresetChoice from = preset.get();
            if (from != null && document.fileProperty().get() == null) {
                lessons.keep(from, scenario.get(), document.dirtyProperty().get());
            }
            selectQuietly(left.lesson());
            document.switchPreset(Presets.load(left.lesson().id()).orElseThrow());
            load(left.scenario());
            notices.show("Back to " + left.lesson().name() + (left.tweaked() ? ", with your changes." : "."));
        });
    }

    /** Brings back the changes last made to the lesson shown (kept when it was left or reloaded). */
    public void restoreTweak() {
        PresetChoice p = preset.get();
        if (p != null) {
            lessons.tweakOf(p).ifPresent(t -> {
                load(t);
                notices.show("Your changes to " + p.name() + " are back.");
            });
        }
    }

    /** Lesson switches that can be undone, and the changes kept per lesson. */
    public LessonSwitches lessons() {
        return lessons;
    }

    /** Brief messages that need no answer: "Saved three-requests.png (1600 x 900)". */
    public Notices notices() {
        return notices;
    }

    @Override
    public void showNotice(String text) {
        notices.show(text);
    }

    /** Which panels around the timeline are shown. */
    @Override
    public io.interleave.app.classroom.Panels panels() {
        return panels;
    }

    /** Shows a scenario (a preset or a file) in every control and simulates it at once. */
    public void load(Scenario s) {
        opening = true;
        removed = null;
        canUndoRemove.set(false);
        mixNote.set("");
        controls.load(s);
        runner.requestNow(s, compare.get());
        loads.set(loads.get() + 1);
    }

    /** Counts scenarios shown afresh (a lesson chosen, a file opened, a reload): the window then moves focus to the timeline. */
    public javafx.beans.property.ReadOnlyIntegerProperty loadsProperty() {
        return loads.getReadOnlyProperty();
    }

    /**
     * Loads the current preset again, undoing every edit without asking: the
     * edits are kept, as on a lesson switch (Ctrl+Z brings them back, so does
     * Restore my changes, and the autosave keeps them until the next edit).
     * A scenario saved to a file asks "Save your changes?" first, as leaving
     * a file does.
     */
    public void reloadPreset() {
        PresetChoice p = preset.get();
        if (p == null) {
            return;
        }
        Scenario fresh = Presets.load(p.id()).orElseThrow();
        if (document.fileProperty().get() != null) {
            if (document.openPreset(fresh)) {
                load(fresh);
            }
            return;
        }
        boolean tweaked = document.dirtyProperty().get();
        if (tweaked) {
            lessons.leave(p, scenario.get(), true);
        }
        document.switchPreset(fresh);
        load(fresh);
        if (tweaked) {
            notices.show("Reloaded " + p.name() + ". Ctrl+Z brings your edits back.", "Undo", this::undoLessonSwitch);
        }
    }

    /** Shows a scenario opened from a file; no preset is chosen then. */
    private void showFile(Scenario s) {
        preset.set(null);
        load(s);
    }

    /** The file the scenario belongs to: open, save, autosave. */
    @Override
    public DocumentViewModel document() {
        return document;
    }

    /** Pictures and results of what is shown. */
    @Override
    public ExportViewModel export() {
        return export;
    }

    /** The scenario as edited; setting a valid one re-simulates (debounced). */
    @Override
    public ObjectProperty<Scenario> scenarioProperty() {
        return scenario;
    }

    /** The scenario's "what to notice" text, without a leading "What to notice:" (the panel has that heading). */
    public static String notice(Scenario s) {
        String d = s.description().strip();
        String prefix = "what to notice:";
        if (d.regionMatches(true, 0, prefix, 0, prefix.length())) {
            d = d.substring(prefix.length()).strip();
        }
        if (d.isEmpty()) {
            return "No notes for this scenario.";
        }
        return Character.toUpperCase(d.charAt(0)) + d.substring(1);
    }

    /**
     * What the chosen lesson suggests comparing, e.g. "Then compare 2 threads
     * vs 1 event loop (Ctrl+K)."; empty for a scenario that is not a preset.
     */
    public static String suggestion(PresetChoice choice) {
        if (choice == null) {
            return "";
        }
        return Presets.compareWith(choice.id()).map(c -> "Then compare " + c + " (Ctrl+K).").orElse("");
    }

    /** Show every compare variant together on one time axis. */
    @Override
    public BooleanProperty compareProperty() {
        return compare;
    }

    public ObjectProperty<ViewMode> viewModeProperty() {
        return viewMode;
    }

    public void toggleCompare() {
        compare.set(!compare.get());
    }

    public ObjectProperty<PresetChoice> presetProperty() {
        return preset;
    }

    public List<PresetChoice> presets() {
        return presets;
    }

    /** The traces the timeline draws: one, or one per compare variant in order. */
    @Override
    public ReadOnlyObjectProperty<List<Trace>> tracesProperty() {
        return traces.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SimulationResult> resultProperty() {
        return runner.resultProperty();
    }

    /** "Simulating… 40 %", the reason the last run failed, or "". */
    public StringBinding statusProperty() {
        return status;
    }

    public SimulationRunner runner() {
        return runner;
    }

    @Override
    public ControlsViewModel controls() {
        return controls;
    }

    @Override
    public PlaybackViewModel playback() {
        return playback;
    }

    @Override
    public MetricsViewModel metrics() {
        return metrics;
    }

    /** Projector mode and theme. */
    @Override
    public ClassroomViewModel classroom() {
        return classroom;
    }

    /** Replaces request type {@code index}; throws IllegalArgumentException if the scenario would be invalid. */
    @Override
    public void replaceType(int index, RequestType type) {
        scenario.set(withType(index, type));
        mixError.set("");
    }

    /**
     * Adds a request type at the end of the mix. A scenario whose arrivals are
     * listed one by one sends it no requests: {@link #mixNoteProperty()} says so.
     */
    @Override
    public void addType(RequestType type) {
        scenario.set(withType(scenario.get().requestTypes().size(), type));
        mixError.set("");
        if (scenario.get().arrivals() instanceof io.interleave.scenario.Arrivals.Explicit) {
            mixNote.set("Added " + type.name() + ", but this scenario lists its arrivals one by one, so " + type.name()
                    + " gets no requests yet. Pick another arrival pattern (poisson, uniform…) to draw types by weight.");
        } else {
            mixNote.set("");
        }
    }

    /** A note about the mix that is not an error, e.g. that a new type gets no requests; "" when none. */
    @Override
    public ReadOnlyStringProperty mixNoteProperty() {
        return mixNote.getReadOnlyProperty();
    }

    /** A removed type can be put back (Undo remove). */
    @Override
    public javafx.beans.property.ReadOnlyBooleanProperty canUndoRemoveProperty() {
        return canUndoRemove.getReadOnlyProperty();
    }

    /** Puts the last removed request type back where it was. */
    @Override
    public void undoRemove() {
        if (removed == null) {
            return;
        }
        List<RequestType> types = new ArrayList<>(scenario.get().requestTypes());
        int at = Math.min(removed.index(), types.size());
        types.add(at, removed.type());
        try {
            scenario.set(scenario.get().withRequestTypes(types));
            mixError.set("");
            mixNote.set("");
            notices.show("Put " + removed.type().name() + " back.");
        } catch (IllegalArgumentException e) {
            mixError.set("Cannot put " + removed.type().name() + " back: " + e.getMessage());
        }
        removed = null;
        canUndoRemove.set(false);
    }

    private record Removed(int index, RequestType type) {
    }

    /**
     * Removes request type {@code index}. The last type cannot go, nor one
     * that an explicit arrival list names: then {@link #mixErrorProperty()}
     * says why and nothing changes.
     */
    @Override
    public void removeType(int index) {
        List<RequestType> types = new ArrayList<>(scenario.get().requestTypes());
        RequestType gone = types.remove(index);
        String name = gone.name();
        try {
            scenario.set(scenario.get().withRequestTypes(types));
            mixError.set("");
            mixNote.set("");
            removed = new Removed(index, gone);
            canUndoRemove.set(true);
            notices.show("Removed " + name + ".", "Undo", this::undoRemove);
        } catch (IllegalArgumentException e) {
            mixError.set("Cannot remove " + name + ": " + e.getMessage());
        }
    }

    /** Why the last change to the mix was refused, or "". */
    @Override
    public ReadOnlyStringProperty mixErrorProperty() {
        return mixError.getReadOnlyProperty();
    }

    /** The scenario with type {@code index} replaced (or added, for index = size), for the editor to check. */
    @Override
    public Scenario withType(int index, RequestType type) {
        List<RequestType> types = new ArrayList<>(scenario.get().requestTypes());
        if (index == types.size()) {
            types.add(type);
        } else {
            types.set(index, type);
        }
        return scenario.get().withRequestTypes(types);
    }

    private String statusText() {
        if (runner.isRunning()) {
            double p = runner.progressProperty().get();
            return p < 0 ? "Simulating…" : String.format(Locale.ROOT, "Simulating… %.0f %%", p * 100);
        }
        return runner.errorProperty().get();
    }
}
