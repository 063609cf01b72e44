package io.interleave.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The temporary files this process has open, removed on the way out by a
 * shutdown hook (Ctrl+C, SIGTERM, System.exit), so an interrupted write
 * leaves nothing behind. One registry per process is what a shutdown hook
 * needs; it holds nothing else.
 */
final class TempFiles {
    private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();
    private static volatile boolean hooked;

    private TempFiles() {
    }

    static void register(Path temp) {
        if (!hooked) {
            hook();
        }
        OPEN.add(temp);
    }

    static void forget(Path temp) {
        OPEN.remove(temp);
    }

    static void delete(Path temp) throws IOException {
        try {
            Files.deleteIfExists(temp);
        } finally {
            OPEN.remove(temp);
        }
    }

    /** The temporary files open now (for tests). */
    static Set<Path> open() {
        return Set.copyOf(OPEN);
    }

    private static synchronized void hook() {
        if (hooked) {
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(TempFiles::deleteAll, "interleave-temp-cleanup"));
        hooked = true;
    }

    static void deleteAll() {
        for (Path p : OPEN) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // going down anyway; the README says what a hard kill can leave
            }
        }
        OPEN.clear();
    }
}
