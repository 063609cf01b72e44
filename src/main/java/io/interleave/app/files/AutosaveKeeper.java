package io.interleave.app.files;

import io.interleave.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * When this session's autosave is written and when it is removed: written a
 * quiet moment after each edit while there are unsaved changes, at once when
 * a lesson switch or a reload puts edits aside (kept until the next edit),
 * removed by a save, a clean exit, or edits taken back by hand.
 */
final class AutosaveKeeper {
    private static final System.Logger LOG = System.getLogger(AutosaveKeeper.class.getName());

    private final Supplier<Scenario> scenario;
    private final Supplier<Optional<Path>> source;
    private final BooleanSupplier dirty;
    private Optional<Autosave> autosave = Optional.empty();
    private Debouncer debouncer;
    /** Edits were put aside by a lesson switch or a reload: the autosave stays until the next edit. */
    private boolean keep;

    /**
     * @param scenario the scenario as edited
     * @param source the file it belongs to, if any
     * @param dirty whether it has unsaved changes
     */
    AutosaveKeeper(Supplier<Scenario> scenario, Supplier<Optional<Path>> source, BooleanSupplier dirty) {
        this.scenario = scenario;
        this.source = source;
        this.dirty = dirty;
    }

    /** Takes a new copy in {@code dir} for this session (letting go of any earlier one). */
    void persistIn(Path dir, Debouncer debouncer) {
        autosave.ifPresent(Autosave::release);
        this.debouncer = debouncer;
        try {
            autosave = Optional.of(Autosave.claimNew(dir));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot autosave in " + dir + ": " + e);
            autosave = Optional.empty();
        }
    }

    Optional<Autosave> autosave() {
        return autosave;
    }

    /** The scenario changed: autosave after a quiet moment, or remove the copy once nothing is unsaved. */
    void changed() {
        if (autosave.isEmpty()) {
            return;
        }
        if (dirty.getAsBoolean()) {
            keep = false;
            debouncer.schedule(this::writeNow);
        } else {
            debouncer.cancel();
            if (!keep) { // edits taken back by hand; not edits a lesson switch or a reload put aside
                autosave.get().clear();
            }
        }
    }

    /** The edits on screen are about to be replaced without a question: keep them on disk now. */
    void putAside() {
        if (autosave.isPresent() && dirty.getAsBoolean()) {
            debouncer.cancel();
            writeNow();
            keep = true;
        }
    }

    /** The scenario was saved to its file: the copy has served. */
    void saved() {
        cancel();
        keep = false;
        autosave.ifPresent(Autosave::clear);
    }

    /** A clean exit: the copy and its lock go. */
    void closed() {
        cancel();
        autosave.ifPresent(Autosave::discard);
    }

    /** Keeps restored work in this session's copy at once: true once it is there. */
    boolean keepRestored(Autosave.Saved saved) {
        if (autosave.isEmpty()) {
            return false;
        }
        cancel();
        try {
            autosave.get().write(saved.scenario(), saved.source());
            return true;
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot autosave to " + autosave.get().file() + ": " + e);
            return false;
        }
    }

    private void cancel() {
        if (debouncer != null) {
            debouncer.cancel();
        }
    }

    private void writeNow() {
        if (autosave.isPresent() && dirty.getAsBoolean()) {
            try {
                autosave.get().write(scenario.get(), source.get());
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot autosave to " + autosave.get().file() + ": " + e);
            }
        }
    }
}
