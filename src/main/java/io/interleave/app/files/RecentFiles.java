package io.interleave.app.files;

import io.interleave.files.AtomicOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The last {@value #LIMIT} scenario files opened or saved, newest first,
 * each once. Kept in a text file (one absolute path a line) rewritten
 * atomically on every change; a list that cannot be read or written is a
 * lost convenience, never an error the user must handle.
 */
public final class RecentFiles {
    /** How many files the list keeps. */
    public static final int LIMIT = 8;
    /** The file's name in the configuration directory. */
    public static final String FILE_NAME = "recent-files.txt";

    /** Far more than {@value #LIMIT} paths take; a larger file is not a list this program wrote. */
    private static final long MAX_BYTES = 1024 * 1024;
    private static final System.Logger LOG = System.getLogger(RecentFiles.class.getName());

    private final Optional<Path> store;
    private final List<Path> paths = new ArrayList<>();

    private RecentFiles(Optional<Path> store) {
        this.store = store;
    }

    /** A list kept only in memory (nowhere to persist it). */
    public static RecentFiles inMemory() {
        return new RecentFiles(Optional.empty());
    }

    /** The list stored in {@code dir}, empty if there is none yet. */
    public static RecentFiles in(Path dir) {
        RecentFiles recent = new RecentFiles(Optional.of(dir.resolve(FILE_NAME)));
        try {
            for (String line : FileText.readSmall(recent.store.get(), MAX_BYTES).lines().toList()) {
                if (!line.isBlank() && recent.paths.size() < LIMIT) {
                    try {
                        Path p = normal(Path.of(line.strip()));
                        if (!recent.paths.contains(p)) {
                            recent.paths.add(p);
                        }
                    } catch (InvalidPathException e) {
                        // a line from another system or a hand edit: skip it
                    }
                }
            }
        } catch (NoSuchFileException e) {
            // first start
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read the recent files list " + recent.store.get() + ": " + e);
        }
        return recent;
    }

    /** Newest first. */
    public List<Path> list() {
        return List.copyOf(paths);
    }

    /** Puts {@code file} first, removing an older entry for it and the oldest beyond the limit. */
    public void add(Path file) {
        Path p = normal(file);
        paths.remove(p);
        paths.add(0, p);
        while (paths.size() > LIMIT) {
            paths.remove(paths.size() - 1);
        }
        persist();
    }

    public void remove(Path file) {
        if (paths.remove(normal(file))) {
            persist();
        }
    }

    public void clear() {
        paths.clear();
        persist();
    }

    private static Path normal(Path p) {
        return p.toAbsolutePath().normalize();
    }

    private void persist() {
        if (store.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        paths.forEach(p -> text.append(p).append('\n'));
        try {
            Files.createDirectories(store.get().getParent());
            AtomicOutput.write(store.get(), text.toString());
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot write the recent files list " + store.get() + ": " + e);
        }
    }
}
