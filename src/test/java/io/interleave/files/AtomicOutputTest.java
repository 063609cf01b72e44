package io.interleave.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("AtomicOutput: a file appears whole or not at all")
class AtomicOutputTest {
    @TempDir
    Path dir;

    private List<String> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    @DisplayName("commit replaces the old file with the new content and leaves no temporary file")
    void commitReplaces() throws IOException {
        Path target = Files.writeString(dir.resolve("out.csv"), "old\n");

        try (AtomicOutput out = AtomicOutput.open(target)) {
            out.writer().write("new\n");
            assertThat(target).as("unchanged until commit").hasContent("old");
            out.commit();
        }

        assertThat(target).hasContent("new");
        assertThat(listing()).containsExactly("out.csv");
    }

    @Test
    @DisplayName("an exception mid-write keeps the old file and deletes the temporary one")
    void exceptionMidWriteKeepsOldFile() throws IOException {
        Path target = Files.writeString(dir.resolve("out.csv"), "old\n");

        assertThatThrownBy(() -> {
            try (AtomicOutput out = AtomicOutput.open(target)) {
                out.writer().write("half of a ");
                out.writer().flush();
                assertThat(listing()).as("the temporary file exists while writing").hasSize(2);
                throw new IllegalStateException("engine failed");
            }
        }).isInstanceOf(IllegalStateException.class).hasMessage("engine failed");

        assertThat(target).hasContent("old");
        assertThat(listing()).containsExactly("out.csv");
    }

    @Test
    @DisplayName("closing without commit creates no file where there was none")
    void closeWithoutCommit() throws IOException {
        Path target = dir.resolve("new.csv");

        try (AtomicOutput out = AtomicOutput.open(target)) {
            out.writer().write("never seen\n");
        }

        assertThat(target).doesNotExist();
        assertThat(listing()).isEmpty();
    }

    @Test
    @DisplayName("write(path, text) writes the whole text and leaves only the target")
    void writeText() throws IOException {
        Path target = Files.writeString(dir.resolve("chart.svg"), "old");

        AtomicOutput.write(target, "<svg/>\n");

        assertThat(target).hasContent("<svg/>");
        assertThat(listing()).containsExactly("chart.svg");
    }

    @Test
    @DisplayName("a directory target is refused: an empty directory is not replaced, no temporary file remains")
    void directoryTarget() throws IOException {
        Path emptyDir = Files.createDirectory(dir.resolve("out.csv"));

        assertThatThrownBy(() -> AtomicOutput.write(emptyDir, "x")).isInstanceOf(IOException.class).hasMessageContaining("is a directory");
        assertThatThrownBy(() -> AtomicOutput.open(emptyDir)).isInstanceOf(IOException.class);

        assertThat(emptyDir).isDirectory();
        assertThat(listing()).containsExactly("out.csv");
    }

    @Test
    @DisplayName("a target in a missing directory fails before anything is written")
    void missingDirectory() {
        Path target = dir.resolve("missing").resolve("out.csv");

        assertThatThrownBy(() -> AtomicOutput.open(target)).isInstanceOf(IOException.class);
        assertThat(dir.resolve("missing")).doesNotExist();
    }

    @Test
    @DisplayName("a symbolic link is followed: its target gets the new content and the link stays a link")
    void symlinkFollowed() throws IOException {
        Path real = Files.writeString(dir.resolve("real.csv"), "old\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), Path.of("real.csv"));

        AtomicOutput.write(link, "new\n");

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(real).hasContent("new");
        assertThat(listing()).containsExactly("link.csv", "real.csv");
    }

    @Test
    @DisplayName("a dangling link is followed too: the file it names is created, the link kept")
    void danglingLink() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), Path.of("made.csv"));

        AtomicOutput.write(link, "x\n");

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(dir.resolve("made.csv")).hasContent("x");
    }

    @Test
    @DisplayName("a FIFO is written through, never replaced by a regular file")
    void fifoWrittenThrough() throws Exception {
        Path fifo = dir.resolve("pipe");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        java.util.concurrent.CompletableFuture<String> reader = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        AtomicOutput.write(fifo, "through the pipe\n");

        assertThat(reader.get(20, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("through the pipe\n");
        assertThat(Files.isRegularFile(fifo, java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(listing()).containsExactly("pipe");
    }

    @Test
    @DisplayName("a replaced file keeps its mode (0664 stays 0664); a new file gets the umask's mode, not 0600")
    void permissions() throws IOException {
        Path existing = Files.writeString(dir.resolve("shared.csv"), "old");
        Set<PosixFilePermission> rwrwr = PosixFilePermissions.fromString("rw-rw-r--");
        Files.setPosixFilePermissions(existing, rwrwr);

        AtomicOutput.write(existing, "new");
        assertThat(Files.getPosixFilePermissions(existing)).isEqualTo(rwrwr);

        Path plain = Files.writeString(dir.resolve("plain.txt"), "made by Files.writeString, which follows the umask");
        Path made = dir.resolve("made.csv");
        AtomicOutput.write(made, "new");
        assertThat(Files.getPosixFilePermissions(made)).isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    @DisplayName("a file name of 250 characters works: the temporary name is short")
    void longName() throws IOException {
        Path target = dir.resolve("x".repeat(246) + ".csv");

        AtomicOutput.write(target, "ok");

        assertThat(target).hasContent("ok");
    }

    @Test
    @DisplayName("several outputs: when one cannot be completed (a full disk), no old file has been replaced")
    void commitAllIsAllOrNothing() throws IOException {
        Path requests = Files.writeString(dir.resolve("requests.csv"), "old requests\n");
        Path full = Files.createSymbolicLink(dir.resolve("spans.csv"), Path.of("/dev/full"));

        assertThatThrownBy(() -> {
            try (AtomicOutput a = AtomicOutput.open(requests); AtomicOutput b = AtomicOutput.open(full)) {
                a.writer().write("new requests\n");
                b.writer().write("new spans\n");
                AtomicOutput.commitAll(List.of(a, b));
            }
        }).isInstanceOf(OutputException.class).hasMessage("cannot write /dev/full: No space left on device");

        assertThat(requests).hasContent("old requests");
        assertThat(listing()).containsExactly("requests.csv", "spans.csv");
        assertThat(TempFiles.open()).isEmpty();
    }

    @Test
    @DisplayName("the shutdown cleanup (Ctrl+C, SIGTERM) deletes the temporary files of unfinished outputs")
    void shutdownCleanup() throws IOException {
        AtomicOutput out = AtomicOutput.open(dir.resolve("big.csv"));
        out.writer().write("half");
        out.writer().flush();
        assertThat(listing()).hasSize(1).allMatch(n -> n.startsWith(".il-") && n.endsWith(".tmp"));

        TempFiles.deleteAll();

        assertThat(listing()).isEmpty();
        out.close();
    }
}
