package io.interleave.app.narration;

import io.interleave.app.playback.PlaybackViewModel;
import io.interleave.scenario.Policy;
import io.interleave.trace.Trace;
import io.interleave.trace.narration.Breakpoints;
import io.interleave.trace.narration.Narration;
import io.interleave.trace.narration.NarrationLine;
import io.interleave.trace.narration.Narrator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The narration panel: the story of the run shown (or of one of the two
 * policies when comparing), the line the playhead is on, and the
 * breakpoints that pause playback. Needs no running toolkit.
 */
public final class NarrationViewModel {
    /** Requests offered in the "pause when done" picker at most. */
    static final int MAX_REQUEST_CHOICES = 2_000;

    /**
     * How the runs are told: at once on the caller's thread, or elsewhere with
     * the stories handed back on the FX thread, so a large run's narration
     * never holds up the window.
     */
    @FunctionalInterface
    public interface Teller {
        /** Tells {@code traces}; with {@code namesCode}, each step names its line of code ({@link Narrator#narrate(Trace, boolean)}). */
        void tell(List<Trace> traces, boolean namesCode, Consumer<List<Narration>> done);

        /** Tells on the calling thread (tests, and anything without a toolkit). */
        Teller AT_ONCE = (traces, namesCode, done) -> done.accept(narrateAll(traces, namesCode));

        /** Tells on {@code background} and hands the stories back through {@code fx}. */
        static Teller inBackground(Executor background, Executor fx) {
            return (traces, namesCode, done) -> CompletableFuture.supplyAsync(() -> narrateAll(traces, namesCode), background)
                    .thenAcceptAsync(done, fx);
        }
    }

    private static List<Narration> narrateAll(List<Trace> traces, boolean namesCode) {
        return traces.stream().map(t -> Narrator.narrate(t, namesCode)).toList();
    }

    private final ObservableValue<List<Trace>> traces;
    private final PlaybackViewModel playback;
    private final Teller teller;
    private List<Narration> narrations = List.of();
    private long told;

    private final ObservableList<NarrationLine> lines = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper current = new ReadOnlyIntegerWrapper(this, "current", -1);
    private final ReadOnlyObjectWrapper<List<Policy>> policies = new ReadOnlyObjectWrapper<>(this, "policies", List.of());
    private final ReadOnlyObjectWrapper<List<String>> labels = new ReadOnlyObjectWrapper<>(this, "labels", List.of());
    private final IntegerProperty shown = new SimpleIntegerProperty(this, "shown", 0);
    private final ObservableList<Integer> requestChoices = FXCollections.observableArrayList(0);
    private final ObjectProperty<Integer> pauseRequest = new SimpleObjectProperty<>(this, "pauseRequest", 0);
    private final BooleanProperty pauseOnRejection = new SimpleBooleanProperty(this, "pauseOnRejection", false);
    private final BooleanProperty pauseOnTimeout = new SimpleBooleanProperty(this, "pauseOnTimeout", false);
    private final BooleanProperty pauseOnQueueFull = new SimpleBooleanProperty(this, "pauseOnQueueFull", false);
    private final java.util.Map<Breakpoints.Moment, BooleanProperty> pauseOnMoment = new java.util.EnumMap<>(Breakpoints.Moment.class);
    /** Whether the runs have background tasks (a spawn) and gathers: the window offers their breakpoints then. */
    private final ReadOnlyBooleanWrapper spawns = new ReadOnlyBooleanWrapper(this, "spawns", false);
    private final ReadOnlyBooleanWrapper gathers = new ReadOnlyBooleanWrapper(this, "gathers", false);
    /** Whether the runs are of a program of tasks: then the picker's choices are items, "when item N is consumed". */
    private final javafx.beans.property.ReadOnlyBooleanWrapper program = new javafx.beans.property.ReadOnlyBooleanWrapper(this, "program", false);
    private final StringProperty pauseTime = new SimpleStringProperty(this, "pauseTime", "");
    private final ReadOnlyBooleanWrapper pauseTimeValid = new ReadOnlyBooleanWrapper(this, "pauseTimeValid", true);
    private final ReadOnlyObjectWrapper<Breakpoints> breakpoints = new ReadOnlyObjectWrapper<>(this, "breakpoints", Breakpoints.NONE);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    /** Whether each step names its line of code: off by default; the window turns it on while its code view is open. */
    private final BooleanProperty namesCode = new SimpleBooleanProperty(this, "namesCode", false);

    public NarrationViewModel(ObservableValue<List<Trace>> traces, PlaybackViewModel playback) {
        this(traces, playback, Teller.AT_ONCE);
    }

    public NarrationViewModel(ObservableValue<List<Trace>> traces, PlaybackViewModel playback, Teller teller) {
        this.traces = traces;
        this.playback = playback;
        this.teller = teller;
        traces.addListener((obs, old, now) -> narrate());
        namesCode.addListener((obs, old, now) -> narrate());
        shown.addListener((obs, old, now) -> showLines());
        playback.playheadMsProperty().addListener((obs, old, now) -> follow());
        playback.playingProperty().addListener((obs, was, now) -> {
            if (now) {
                status.set("");
            }
        });
        pauseRequest.addListener((obs, old, now) -> updateBreakpoints());
        pauseOnRejection.addListener((obs, old, now) -> updateBreakpoints());
        pauseOnTimeout.addListener((obs, old, now) -> updateBreakpoints());
        pauseOnQueueFull.addListener((obs, old, now) -> updateBreakpoints());
        for (Breakpoints.Moment m : Breakpoints.Moment.values()) {
            BooleanProperty on = new SimpleBooleanProperty(this, "pauseOn" + m.name(), false);
            on.addListener((obs, old, now) -> updateBreakpoints());
            pauseOnMoment.put(m, on);
        }
        pauseTime.addListener((obs, old, now) -> updateBreakpoints());
        playback.setStops((from, to) -> {
            Optional<Breakpoints.Hit> hit = breakpoints.get().firstBetween(currentTraces(), from, to);
            hit.ifPresent(h -> status.set("Paused: " + h.reason()));
            return hit.map(h -> OptionalDouble.of(h.timeMs())).orElse(OptionalDouble.empty());
        });
        narrate();
    }

    // ------------------------------------------------------------- narration

    /** The lines of the policy shown, in time order. */
    public ObservableList<NarrationLine> lines() {
        return FXCollections.unmodifiableObservableList(lines);
    }

    /** The line the playhead is on (the last at or before it), or -1 before the first. */
    public ReadOnlyIntegerProperty currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** The policies narrated: one, or sync then event loop when comparing. */
    public ReadOnlyObjectProperty<List<Policy>> policiesProperty() {
        return policies.getReadOnlyProperty();
    }

    /** The runs narrated, by their labels ("4 threads", "Event loop"): one, or each compare variant in order. */
    public ReadOnlyObjectProperty<List<String>> labelsProperty() {
        return labels.getReadOnlyProperty();
    }

    /**
     * Whether each step names the line of code it runs ("R1 awaits database (db query) at `await db_query()`"):
     * off by default; the main window binds it to its code window being open. Changing it tells the runs again.
     */
    public BooleanProperty namesCodeProperty() {
        return namesCode;
    }

    /** Which of {@link #policiesProperty()} is told, when comparing. */
    public IntegerProperty shownProperty() {
        return shown;
    }

    /** Moves the playhead to a line's time (a click or Enter on it). */
    public void seekTo(int index) {
        if (index >= 0 && index < lines.size()) {
            playback.seek(lines.get(index).timeMs());
        }
    }

    private List<Trace> currentTraces() {
        List<Trace> t = traces.getValue();
        return t == null ? List.of() : t;
    }

    private void narrate() {
        List<Trace> t = currentTraces();
        long ticket = ++told;
        teller.tell(t, namesCode.get(), stories -> {
            if (ticket == told) { // a newer run's story supersedes this one
                narrations = stories;
                if (shown.get() >= narrations.size() || shown.get() < 0) {
                    shown.set(0);
                }
                showLines();
            }
        });
        policies.set(t.stream().map(tr -> tr.scenario().server().policy()).toList());
        labels.set(t.stream().map(Trace::label).toList());
        boolean tasks = !t.isEmpty() && t.get(0).scenario().hasTasks();
        spawns.set(!t.isEmpty() && t.get(0).scenario().hasSpawns());
        gathers.set(!t.isEmpty() && t.get(0).scenario().requestTypes().stream()
                .anyMatch(type -> type.segments().stream().anyMatch(io.interleave.scenario.Segment::isGather)));
        int choices = Math.min(t.isEmpty() ? 0 : tasks ? t.get(0).program().items().size() : t.get(0).requests().size(), MAX_REQUEST_CHOICES);
        if (program.get() != tasks) {
            pauseRequest.set(0); // a request's number is not an item's
            program.set(tasks);
        }
        Integer chosen = pauseRequest.get();
        if (requestChoices.size() != choices + 1) {
            // Replacing the items may clear a picker's value: the choice is put back below if the new run has it.
            requestChoices.setAll(IntStream.rangeClosed(0, choices).boxed().toList());
        }
        pauseRequest.set(chosen == null || chosen > choices ? 0 : chosen);
    }

    private void showLines() {
        int i = shown.get();
        lines.setAll(i >= 0 && i < narrations.size() ? narrations.get(i).lines() : List.of());
        follow();
    }

    private void follow() {
        int i = shown.get();
        current.set(i >= 0 && i < narrations.size() ? narrations.get(i).indexAt(playback.playheadMsProperty().get()) : -1);
    }

    // ----------------------------------------------------------- breakpoints

    /** 0 ("none") and the requests of the run, for the picker. */
    public ObservableList<Integer> requestChoices() {
        return FXCollections.unmodifiableObservableList(requestChoices);
    }

    /** Pause when this request is done; 0 for none. */
    public ObjectProperty<Integer> pauseRequestProperty() {
        return pauseRequest;
    }

    /** Pause whenever a request is rejected. */
    public BooleanProperty pauseOnRejectionProperty() {
        return pauseOnRejection;
    }

    /** Pause whenever a put finds a program's queue full. */
    public BooleanProperty pauseOnQueueFullProperty() {
        return pauseOnQueueFull;
    }

    /** Whether the runs are a program of tasks: the picker then chooses an item ("when item N is consumed"). */
    public javafx.beans.property.ReadOnlyBooleanProperty programProperty() {
        return program.getReadOnlyProperty();
    }

    /** Pause whenever a request's client gives up (times out). */
    public BooleanProperty pauseOnTimeoutProperty() {
        return pauseOnTimeout;
    }

    /** Pause whenever {@code moment} happens (a background task or a gather starts or ends). */
    public BooleanProperty pauseOnProperty(Breakpoints.Moment moment) {
        return pauseOnMoment.get(moment);
    }

    /** Whether the runs' requests start background tasks (spawn segments). */
    public ReadOnlyBooleanProperty spawnsProperty() {
        return spawns.getReadOnlyProperty();
    }

    /** Whether the runs' requests hold gathers. */
    public ReadOnlyBooleanProperty gathersProperty() {
        return gathers.getReadOnlyProperty();
    }

    /** Pause at this time, as typed (ms); blank for none. */
    public StringProperty pauseTimeProperty() {
        return pauseTime;
    }

    /** False while the typed time is not a number >= 0. */
    public ReadOnlyBooleanProperty pauseTimeValidProperty() {
        return pauseTimeValid.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Breakpoints> breakpointsProperty() {
        return breakpoints.getReadOnlyProperty();
    }

    /** "Paused: R2 done in 160 ms" after a breakpoint stopped playback; "" once it plays again. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    private void updateBreakpoints() {
        Integer r = pauseRequest.get();
        OptionalDouble at = parseTime(pauseTime.get());
        pauseTimeValid.set(at != null);
        OptionalInt chosen = r == null || r <= 0 ? OptionalInt.empty() : OptionalInt.of(r);
        boolean items = program.get();
        java.util.Set<Breakpoints.Moment> moments = java.util.EnumSet.noneOf(Breakpoints.Moment.class);
        pauseOnMoment.forEach((m, on) -> {
            if (on.get()) {
                moments.add(m);
            }
        });
        breakpoints.set(new Breakpoints(items ? OptionalInt.empty() : chosen, pauseOnRejection.get(),
                at == null ? OptionalDouble.empty() : at, pauseOnTimeout.get(), items ? chosen : OptionalInt.empty(),
                pauseOnQueueFull.get(), moments));
    }

    /** Empty for blank, null for text that is not a time. */
    static OptionalDouble parseTime(String text) {
        String s = text == null ? "" : text.strip().replaceFirst("(?i)\\s*ms$", "");
        if (s.isEmpty()) {
            return OptionalDouble.empty();
        }
        try {
            double v = Double.parseDouble(s);
            return v >= 0 && v < Double.POSITIVE_INFINITY ? OptionalDouble.of(v) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
