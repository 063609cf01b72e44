package io.interleave.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A file written to a temporary sibling and moved into place only on
 * {@link #commit()}; {@link #close()} without a commit deletes the temporary
 * file, so a failure never leaves a partial output behind.
 */
public final class AtomicOutput implements AutoCloseable {
    private final Path target;
    private final Path temp;
    private final BufferedWriter writer;
    private boolean committed;

    private AtomicOutput(Path target, Path temp, BufferedWriter writer) {
        this.target = target;
        this.temp = temp;
        this.writer = writer;
    }

    /** Opens a temporary file beside {@code target}. */
    public static AtomicOutput open(Path target) throws IOException {
        Path temp = createTemp(target);
        return new AtomicOutput(target, temp, Files.newBufferedWriter(temp, StandardCharsets.UTF_8));
    }

    /**
     * A temporary file beside {@code target}. A directory target is refused:
     * the move would otherwise replace an empty directory with the file.
     */
    private static Path createTemp(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new java.nio.file.FileSystemException(target.toString(), null, "is a directory");
        }
        return Files.createTempFile(absolute.getParent(), "." + absolute.getFileName() + ".", ".tmp");
    }

    public Writer writer() {
        return writer;
    }

    /** Flushes and moves the file into place. */
    public void commit() throws IOException {
        writer.close();
        moveIntoPlace(temp, target);
        committed = true;
    }

    /** Moves {@code from} onto {@code to}, atomically where the file system allows. */
    public static void moveIntoPlace(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Writes {@code bytes} to {@code target} atomically. */
    public static void write(Path target, byte[] bytes) throws IOException {
        Path temp = createTemp(target);
        try {
            Files.write(temp, bytes);
            moveIntoPlace(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Writes UTF-8 {@code text} to {@code target} atomically. */
    public static void write(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws IOException {
        if (!committed) {
            try {
                writer.close();
            } finally {
                Files.deleteIfExists(temp);
            }
        }
    }
}
