package io.interleave.app.files;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * At start, the work that sessions which did not close cleanly left in their
 * autosaves: each copy nobody holds is claimed and offered back, newest
 * first. Restore shows it (only one can be shown, so any older copies are let
 * go of, to be offered at the next start); Discard removes it; Later lets go
 * of it, to be offered at the next start; a copy that
 * equals what the window shows anyway is removed without asking; a copy that
 * cannot be read is kept under a name that says so, and a notice names it.
 */
final class Restores {
    /** A claimed copy and what reading it found. */
    record Copy(Autosave copy, Autosave.Found found) {
    }

    private final Predicate<Autosave.Saved> restore;
    private final Consumer<String> notices;
    private final FileDialogs dialogs;

    /**
     * @param restore shows a copy and keeps it in this session's autosave; true once it is kept there
     */
    Restores(Predicate<Autosave.Saved> restore, Consumer<String> notices, FileDialogs dialogs) {
        this.restore = restore;
        this.notices = notices;
        this.dialogs = dialogs;
    }

    /** Claims and reads every unclaimed copy in {@code dir}, newest first (off the FX thread: it reads files). */
    static List<Copy> find(Path dir) {
        List<Copy> copies = new ArrayList<>();
        for (Autosave copy : Autosave.claimUnclaimed(dir)) {
            Optional<Autosave.Found> found = copy.read();
            if (found.isPresent()) {
                copies.add(new Copy(copy, found.get()));
            } else {
                copy.release();
            }
        }
        return copies;
    }

    /** Offers {@code copies} while the window shows {@code current}, then says what was kept. */
    void offer(List<Copy> copies, io.interleave.scenario.Scenario current, Path dir) {
        boolean restored = false;
        int kept = 0;
        List<String> unreadable = new ArrayList<>();
        for (Copy c : copies) {
            if (c.found() instanceof Autosave.Unreadable u) {
                unreadable.add(u.keptAs().getFileName() + " (" + u.reason() + ")");
                c.copy().release();
            } else if (c.found() instanceof Autosave.Saved s) {
                if (restored) {
                    c.copy().release();
                    kept++;
                } else if (s.scenario().equals(current)) {
                    c.copy().discard(); // nothing in it that is not on screen
                } else {
                    switch (dialogs.offerRestore(name(s), FileText.when(s.time(), ZoneId.systemDefault(), LocalDate.now()))) {
                        case RESTORE -> {
                            restored = true;
                            if (restore.test(s)) {
                                c.copy().discard();
                            } else {
                                c.copy().release(); // not kept by this session: offered again next time
                            }
                        }
                        case DISCARD -> c.copy().discard();
                        case LATER -> {
                            c.copy().release();
                            kept++;
                        }
                    }
                }
            }
        }
        List<String> said = new ArrayList<>();
        if (!unreadable.isEmpty()) {
            said.add((unreadable.size() == 1 ? "An autosave could not be read, so it is kept in " : unreadable.size()
                    + " autosaves could not be read, so they are kept in ") + dir + " as " + String.join(", ", unreadable) + ".");
        }
        if (kept > 0) {
            said.add(kept + (kept == 1 ? " unsaved scenario is" : " unsaved scenarios are")
                    + " kept for later: offered again at the next start.");
        }
        if (!said.isEmpty()) {
            notices.accept(oneLine(String.join(" ", said)));
        }
    }

    /** The file the work belongs to, else the scenario's name. */
    private static String name(Autosave.Saved s) {
        return s.source().map(p -> String.valueOf(p.getFileName())).orElse(s.scenario().name());
    }

    /** Control characters (from a file name or a parser's message) shown as spaces. */
    private static String oneLine(String text) {
        return text.replaceAll("\\p{Cntrl}", " ");
    }
}
