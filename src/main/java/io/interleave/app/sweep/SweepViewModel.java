package io.interleave.app.sweep;

import io.interleave.scenario.Arrivals;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.Variant;
import io.interleave.stats.Sweep;
import io.interleave.stats.Theory;
import io.interleave.render.Palette;
import io.interleave.render.SweepChart;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

/**
 * The sweep window's state: the range, replications and requests as typed,
 * why they are invalid, and the latest outcome. {@link #run()} sweeps the
 * current scenario's mix on {@code background}; progress and the outcome
 * come back through {@code fxThread}. {@link #cancel()} stops between rates
 * and drops anything the cancelled run still delivers.
 */
public final class SweepViewModel {
    private final ObservableValue<Scenario> scenario;
    private final Executor background;
    private final Executor fxThread;
    private final int threads;

    private final StringProperty from = new SimpleStringProperty(this, "from", "");
    private final StringProperty to = new SimpleStringProperty(this, "to", "");
    private final StringProperty step = new SimpleStringProperty(this, "step", "");
    private final StringProperty replications = new SimpleStringProperty(this, "replications", "");
    private final StringProperty requests = new SimpleStringProperty(this, "requests", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyObjectWrapper<SweepJob.Outcome> outcome = new ReadOnlyObjectWrapper<>(this, "outcome");
    private AtomicBoolean currentCancel = new AtomicBoolean();
    private long generation;

    /**
     * @param scenario the scenario being edited in the main window
     * @param background where sweeps run (never the FX thread)
     * @param fxThread where results are published (Platform::runLater in the window)
     * @param threads simulation threads per sweep
     */
    /** Why a program of tasks is not swept (as the command line's sweep says). */
    static final String PROGRAM = "A sweep varies the arrival rate; a program of tasks has none (its tasks start at given times). "
            + "Use Compare in the main window instead.";

    public SweepViewModel(ObservableValue<Scenario> scenario, Executor background, Executor fxThread, int threads) {
        this.scenario = scenario;
        this.background = background;
        this.fxThread = fxThread;
        this.threads = Math.max(1, threads);
        scenario.addListener((obs, old, now) -> note.set(noteFor(now)));
        note.set(noteFor(scenario.getValue()));
        resetRange();
        replications.set(Integer.toString(SweepPlan.DEFAULT_REPLICATIONS));
        requests.set(Integer.toString(SweepPlan.DEFAULT_REQUESTS));
    }

    /** Sets from, to and step to a range that shows where each compare variant saturates ({@link SweepPlan#defaults}). */
    public void resetRange() {
        SweepPlan d = SweepPlan.defaults(scenario.getValue());
        from.set(SweepPlan.format(d.from()));
        to.set(SweepPlan.format(d.to()));
        step.set(SweepPlan.format(d.step()));
        error.set("");
    }

    /** The plan as typed, or empty with {@link #errorProperty()} saying why. */
    public Optional<SweepPlan> plan() {
        try {
            SweepPlan p = new SweepPlan(number("From", from.get()), number("To", to.get()), number("Step", step.get()),
                    whole("Replications", replications.get()), whole("Requests per run", requests.get()));
            error.set("");
            return Optional.of(p);
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return Optional.empty();
        }
    }

    /** Starts a sweep of the current scenario; does nothing but set the error when the input is invalid. */
    public void run() {
        Optional<SweepPlan> p = plan();
        if (p.isEmpty()) {
            return;
        }
        if (scenario.getValue().hasTasks()) {
            error.set(PROGRAM);
            return;
        }
        cancel();
        SweepPlan plan = p.get();
        Scenario swept = plan.apply(scenario.getValue());
        long mine = ++generation;
        AtomicBoolean cancelled = new AtomicBoolean();
        currentCancel = cancelled;
        running.set(true);
        progress.set(0);
        status.set(String.format(Locale.ROOT, "Running %d simulations…", plan.runs(swept.compareVariants().size())));
        background.execute(() -> {
            try {
                SweepJob.Outcome done = SweepJob.run(plan, swept, threads,
                        share -> fxThread.execute(() -> {
                            if (mine == generation) {
                                progress.set(share);
                            }
                        }),
                        cancelled::get);
                fxThread.execute(() -> finish(mine, done, ""));
            } catch (CancellationException e) {
                // cancel() already reset the state
            } catch (RuntimeException e) {
                fxThread.execute(() -> finish(mine, null, "Sweep failed: " + (e.getMessage() == null ? e : e.getMessage())));
            }
        });
    }

    /** Stops the running sweep; the previous outcome stays. */
    public void cancel() {
        if (!running.get()) {
            return;
        }
        currentCancel.set(true);
        generation++;
        running.set(false);
        progress.set(0);
        status.set("Cancelled.");
    }

    private void finish(long mine, SweepJob.Outcome done, String failure) {
        if (mine != generation) {
            return;
        }
        running.set(false);
        progress.set(1);
        if (done != null) {
            outcome.set(done);
            status.set(doneText(done));
        } else {
            status.set(failure);
        }
    }

    /**
     * Where each variant saturates, at its capacity, with the swept rate named
     * only as what was measured: "Sync (threads) saturates at ≈18.5/s
     * (capacity of 2 threads); measured past it at 20/s; Event loop ...".
     */
    static String summary(SweepJob.Outcome o) {
        StringBuilder b = new StringBuilder(String.join("; ", o.result().series().stream().map(Sweep.Series::saturationText).toList()));
        List<String> theory = o.result().series().stream().flatMap(s -> s.theory().stream()).map(Theory.Model::name).distinct().toList();
        if (!theory.isEmpty()) {
            b.append(". Dashed: theory (").append(String.join(", ", theory)).append(")");
        }
        return b.append('.').toString();
    }

    /**
     * The status after a sweep: what ran, and the theory curves if any
     * ("Done: 2 variants at 38 rates, 5 runs each. Dashed: theory (M/M/1).").
     * Where each variant saturates is in the chart's key (and its accessible
     * text), so a projector keeps its height for the chart.
     */
    static String doneText(SweepJob.Outcome o) {
        Sweep.Result r = o.result();
        int rates = r.series().isEmpty() ? 0 : r.series().get(0).points().size();
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "Done: %d variants at %d %s, %d %s each.", r.series().size(), rates,
                rates == 1 ? "rate" : "rates", r.replications(), r.replications() == 1 ? "run" : "runs"));
        List<String> theory = r.series().stream().flatMap(s -> s.theory().stream()).map(Theory.Model::name).distinct().toList();
        if (!theory.isEmpty()) {
            b.append(" Dashed: theory (").append(String.join(", ", theory)).append(").");
        }
        return b.toString();
    }

    /** Explains what the sweep sends for this scenario and which variants it compares. */
    static String noteFor(Scenario s) {
        if (s.hasTasks()) {
            return PROGRAM;
        }
        Arrivals a = s.arrivals();
        String variants = " Each rate runs every compare variant on the same requests: "
                + String.join(", ", s.compareVariants().stream().map(Variant::label).toList()) + ".";
        if (a instanceof Arrivals.Poisson) {
            return "Poisson arrivals at each rate, with this scenario's request mix (" + Sweep.mixText(s) + "), server and resources."
                    + variants;
        }
        if (a instanceof Arrivals.Uniform) {
            return "Evenly spaced (uniform) arrivals at each rate, as in this scenario, with its mix (" + Sweep.mixText(s) + ")."
                    + " Queueing theory assumes Poisson arrivals, so no theory curve is drawn." + variants;
        }
        String what = a instanceof Arrivals.Explicit ? "are listed one by one (explicit)" : "(" + a.pattern() + ")";
        return "This scenario's arrivals " + what + " and have no rate, so the sweep sends Poisson arrivals at each rate with the"
                + " same mix: " + Sweep.mixText(s) + "." + variants;
    }

    /**
     * Writes the latest chart to {@code file}: SVG if its name ends in .svg,
     * else PNG at twice the size, in the light palette that exports use.
     */
    public void save(Path file) throws IOException {
        SweepJob.Outcome o = outcome.get();
        if (o == null) {
            throw new IllegalStateException("no sweep to save yet");
        }
        SweepChart chart = new SweepChart(o.result(), o.title(), 1200, 720, Palette.LIGHT);
        boolean svg = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg");
        Files.write(file, svg ? chart.svg().getBytes(StandardCharsets.UTF_8) : chart.png(2));
    }

    /** The prediction the chart draws for the {@code variant}-th variant at {@code rate}, if theory applies. */
    public Optional<Double> theoryMs(int variant, double rate) {
        SweepJob.Outcome o = outcome.get();
        if (o == null || variant < 0 || variant >= o.result().series().size()) {
            return Optional.empty();
        }
        return o.result().series().get(variant).theory().flatMap(m -> m.meanResponseMs(rate));
    }

    private static double number(String name, String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException(name + " must be a number, was '" + (text == null ? "" : text.strip()) + "'");
        }
    }

    private static int whole(String name, String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was '" + (text == null ? "" : text.strip()) + "'");
        }
    }

    public StringProperty fromProperty() {
        return from;
    }

    public StringProperty toProperty() {
        return to;
    }

    public StringProperty stepProperty() {
        return step;
    }

    public StringProperty replicationsProperty() {
        return replications;
    }

    public StringProperty requestsProperty() {
        return requests;
    }

    /** Why the input is invalid, or "". */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** How the sweep treats this scenario's arrivals. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    /** "Running 220 simulations…", what ran ({@link #doneText}), "Cancelled." or why it failed. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** 0..1 of the rates done. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The latest finished sweep, or null before the first. */
    public ReadOnlyObjectProperty<SweepJob.Outcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }
}
