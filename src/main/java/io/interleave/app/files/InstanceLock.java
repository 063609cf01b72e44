package io.interleave.app.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A lock file held while a window's session lives, so that other sessions
 * know its autosave is in use. Two checks make it hold between programs and
 * inside one: the operating system's file lock ({@link FileChannel#tryLock()},
 * released by the system when the program ends, even by a crash) and a
 * registry of the lock files this program holds. The registry is needed
 * because file locks belong to the whole process: a second lock in the same
 * program would throw, and closing any channel on the file could drop the
 * first one, so a file held here is never opened again here.
 */
final class InstanceLock {
    /** The lock files this program holds, by absolute path. */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private boolean released;

    private InstanceLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock on {@code file}, creating it if needed; empty if this
     * program or another one holds it.
     *
     * @param createNew true to fail with {@link java.nio.file.FileAlreadyExistsException}
     *     if the file exists (a new session's lock)
     */
    static Optional<InstanceLock> tryTake(Path file, boolean createNew) throws IOException {
        Path key = file.toAbsolutePath().normalize();
        if (!HELD.add(key)) {
            return Optional.empty();
        }
        FileChannel channel = null;
        try {
            channel = createNew
                    ? FileChannel.open(key, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)
                    : FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return Optional.of(new InstanceLock(key, channel, lock));
            }
        } catch (OverlappingFileLockException e) {
            // held in this program under another path to the same file
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            HELD.remove(key);
            throw e;
        }
        closeQuietly(channel);
        HELD.remove(key);
        return Optional.empty();
    }

    /** True while this program holds the lock on {@code file}. */
    static boolean heldHere(Path file) {
        return HELD.contains(file.toAbsolutePath().normalize());
    }

    Path file() {
        return file;
    }

    /**
     * Lets go of the lock. {@code removeFile} removes the lock file too; only
     * do that once what it guards is gone, since another program may be
     * waiting on the file as it is. Doing it twice does nothing.
     */
    synchronized void release(boolean removeFile) {
        if (released) {
            return;
        }
        released = true;
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel below releases it too
        }
        closeQuietly(channel);
        if (removeFile) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // an unlocked lock file is harmless: the next start takes it
            }
        }
        HELD.remove(file);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing was written through it
            }
        }
    }
}
