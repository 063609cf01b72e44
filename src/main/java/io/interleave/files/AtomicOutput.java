package io.interleave.files;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;

/**
 * A file that appears whole or not at all. It is written to a short-named
 * temporary sibling and moved into place only on {@link #commit()}; closing
 * without a commit deletes the temporary file, and so does a shutdown hook on
 * Ctrl+C or SIGTERM. What the program promises about files:
 * <ul>
 *   <li>Nothing is replaced until the new content is complete and on disk
 *       (the file is forced before the rename, the directory after it).</li>
 *   <li>Several outputs of one command are all complete before the first is
 *       moved into place ({@link #commitAll}).</li>
 *   <li>A new file gets the permissions the umask gives; a replaced file keeps
 *       its own.</li>
 *   <li>A symbolic link is followed: its target is replaced, the link stays.
 *       A character device or a FIFO (such as {@code /dev/null}) is written
 *       through, never replaced by a regular file.</li>
 * </ul>
 * Only a SIGKILL or a power cut mid-write can leave a temporary file behind:
 * a hidden {@code .il-XXXXXXXX.tmp} beside the output, safe to delete.
 */
public final class AtomicOutput implements AutoCloseable {
    /** Made on the first file opened: a command that writes no file (simulate to the terminal) never seeds it. */
    private static final class Names {
        static final SecureRandom RANDOM = new SecureRandom();
    }

    private final Path target;
    private final Path temp; // null when writing straight through to a device or FIFO
    private final FileChannel channel;
    private final OutputStream stream;
    private final BufferedWriter writer;
    private boolean finished;
    private boolean committed;

    private AtomicOutput(Path target, Path temp, FileChannel channel, OutputStream stream) {
        this.target = target;
        this.temp = temp;
        this.channel = channel;
        this.stream = new Naming(stream, target);
        this.writer = new BufferedWriter(new OutputStreamWriter(this.stream, StandardCharsets.UTF_8));
    }

    /** Opens an output for {@code target}: a temporary file beside it, or the device itself. */
    public static AtomicOutput open(Path target) throws IOException {
        Path real = resolve(target);
        if (Files.exists(real) && !Files.isRegularFile(real) && !Files.isDirectory(real)) {
            // a character device or a FIFO: write through, as a Unix tool does
            OutputStream stream = Files.newOutputStream(real, StandardOpenOption.WRITE);
            return new AtomicOutput(real, null, null, stream);
        }
        if (Files.isDirectory(real)) {
            throw new FileSystemException(target.toString(), null, "is a directory");
        }
        Path temp;
        try {
            temp = createTemp(real);
        } catch (IOException e) {
            throw naming(target, e);
        }
        try {
            FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
            return new AtomicOutput(real, temp, channel, Channels.newOutputStream(channel));
        } catch (IOException | RuntimeException e) {
            TempFiles.delete(temp);
            throw e;
        }
    }

    /**
     * Where {@code path} really points: symbolic links are followed (also a
     * dangling one, to the file it names), so a link is never replaced.
     */
    public static Path resolve(Path path) throws IOException {
        Path p = path.toAbsolutePath();
        for (int hops = 0; hops < 40 && Files.isSymbolicLink(p); hops++) {
            Path link = Files.readSymbolicLink(p);
            p = p.resolveSibling(link).normalize();
        }
        if (Files.isSymbolicLink(p)) {
            throw new FileSystemException(path.toString(), null, "too many levels of symbolic links");
        }
        return p;
    }

    /**
     * A new empty file beside {@code target} with a short name (long target
     * names stay within the file system's limit), the permissions of the
     * file it will replace, or the umask's for a new one.
     */
    private static Path createTemp(Path target) throws IOException {
        Path dir = target.getParent();
        for (int attempt = 0; ; attempt++) {
            Path temp = dir.resolve(String.format(".il-%08x.tmp", Names.RANDOM.nextInt()));
            try {
                Files.newByteChannel(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt < 100) {
                    continue;
                }
                throw e;
            }
            TempFiles.register(temp);
            keepPermissions(target, temp);
            return temp;
        }
    }

    private static void keepPermissions(Path target, Path temp) throws IOException {
        PosixFileAttributeView from = Files.getFileAttributeView(target, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (from == null || !Files.exists(target)) {
            return;
        }
        Set<PosixFilePermission> perms = from.readAttributes().permissions();
        Files.setPosixFilePermissions(temp, perms);
    }

    public Writer writer() {
        return writer;
    }

    /** An I/O failure names the file it happened to, e.g. "cannot write out.csv: No space left on device". */
    private static IOException naming(Path target, IOException e) {
        if (e instanceof OutputException) {
            return e;
        }
        String reason = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
        return new OutputException(target, reason, e);
    }

    /** A stream whose failures name the output file. */
    private static final class Naming extends java.io.FilterOutputStream {
        private final Path target;

        Naming(OutputStream out, Path target) {
            super(out);
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                throw naming(target, e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw naming(target, e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw naming(target, e);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                out.close();
            } catch (IOException e) {
                throw naming(target, e);
            }
        }
    }

    /** Flushes and moves the file into place. */
    public void commit() throws IOException {
        commitAll(List.of(this));
    }

    /**
     * Commits several outputs of one command: every one is complete and on
     * disk before the first is moved into place, so a failure on any leaves
     * every old file as it was.
     */
    public static void commitAll(List<AtomicOutput> outputs) throws IOException {
        for (AtomicOutput out : outputs) {
            if (out != null) {
                out.finish();
            }
        }
        for (AtomicOutput out : outputs) {
            if (out != null) {
                out.publish();
            }
        }
    }

    /** Writes out the buffer and forces the content to disk. */
    private void finish() throws IOException {
        if (finished) {
            return;
        }
        try {
            writer.flush();
            if (channel != null) {
                channel.force(true);
            }
            writer.close();
        } catch (IOException e) {
            throw naming(target, e);
        }
        finished = true;
    }

    /** Moves the finished file into place and forces the directory entry to disk. */
    private void publish() throws IOException {
        if (temp != null) {
            try {
                moveIntoPlace(temp, target);
            } catch (IOException e) {
                throw naming(target, e);
            }
            TempFiles.forget(temp);
        }
        committed = true;
    }

    /** Moves {@code from} onto {@code to}, atomically where the file system allows, and forces the directory. */
    public static void moveIntoPlace(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
        forceDirectory(to.toAbsolutePath().getParent());
    }

    /** Forces a directory's entries to disk where the platform allows it (Linux and macOS do; Windows does not). */
    static void forceDirectory(Path dir) {
        if (dir == null) {
            return;
        }
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not possible on this platform; the rename itself is still atomic
        }
    }

    /** Writes {@code bytes} to {@code target} atomically. */
    public static void write(Path target, byte[] bytes) throws IOException {
        writeAll(List.of(target), List.of(bytes));
    }

    /** Writes UTF-8 {@code text} to {@code target} atomically. */
    public static void write(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes several files of one command: all complete before any is moved into place. */
    public static void writeAll(List<Path> targets, List<byte[]> contents) throws IOException {
        if (targets.size() != contents.size()) {
            throw new IllegalArgumentException("one content per target: " + targets.size() + " targets, " + contents.size() + " contents");
        }
        AtomicOutput[] outs = new AtomicOutput[targets.size()];
        try {
            for (int i = 0; i < outs.length; i++) {
                outs[i] = open(targets.get(i));
                outs[i].writeBytes(contents.get(i));
            }
            commitAll(List.of(outs));
        } finally {
            for (AtomicOutput out : outs) {
                if (out != null) {
                    out.close();
                }
            }
        }
    }

    private void writeBytes(byte[] bytes) throws IOException {
        writer.flush();
        stream.write(bytes);
    }

    @Override
    public void close() throws IOException {
        if (committed) {
            return;
        }
        try {
            writer.close();
        } finally {
            if (temp != null) {
                TempFiles.delete(temp);
            }
        }
    }
}
