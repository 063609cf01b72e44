package io.interleave.cli;

import static io.interleave.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.interleave.cli.CliRunner.Result;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk, for real: Linux's {@code /dev/full} fails every write with
 * ENOSPC ("No space left on device"), and an output that is a character
 * device (or a link to one) is written through. Each command then exits 1
 * with one line naming the file and the reason, never "unexpected failure"
 * or a Java class name, and leaves the other outputs of the command unwritten.
 */
@DisplayName("Command line: a full disk names the file, exits 1, writes nothing else")
class CliFullDiskTest {
    private static final Path FULL = Path.of("/dev/full");

    @BeforeEach
    void needsDevFull() {
        assumeTrue(Files.isWritable(FULL), "/dev/full (Linux) is needed to fill a disk for real");
    }

    private static void assertNamesTheFile(Result r, Path named) {
        assertThat(r.code()).as(r.toString()).isEqualTo(Cli.FAILURE);
        assertThat(r.errLines()).as(r.toString()).containsExactly("interleave: cannot write " + named + ": No space left on device");
        assertThat(r.out()).as("no summary for a failed run").isEmpty();
    }

    @Test
    @DisplayName("simulate --requests on a full disk: the file and the reason; --spans beside it is not written")
    void simulateRequests(@TempDir Path dir) throws IOException {
        Path spans = dir.resolve("spans.csv");

        Result r = run("simulate", "preset:three-requests", "--requests", FULL.toString(), "--spans", spans.toString());

        assertNamesTheFile(r, FULL);
        assertThat(listing(dir)).isEmpty();
    }

    @Test
    @DisplayName("simulate --spans on a full disk, through a symbolic link: names the file the link points to")
    void simulateSpansThroughLink(@TempDir Path dir) throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("spans.csv"), FULL);
        Path requests = Files.writeString(dir.resolve("requests.csv"), "kept\n");

        Result r = run("simulate", "preset:three-requests", "--requests", requests.toString(), "--spans", link.toString());

        assertNamesTheFile(r, FULL);
        assertThat(requests).hasContent("kept");
        assertThat(listing(dir)).containsExactly("requests.csv", "spans.csv");
    }

    @Test
    @DisplayName("render --out on a full disk: the file and the reason")
    void render(@TempDir Path dir) throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("o.svg"), FULL);

        assertNamesTheFile(run("render", "preset:three-requests", "--out", link.toString()), FULL);
    }

    @Test
    @DisplayName("sweep --out on a full disk: the file and the reason; the chart beside it is not written")
    void sweep(@TempDir Path dir) throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("o.csv"), FULL);
        Path chart = dir.resolve("c.svg");

        Result r = run("sweep", "preset:three-requests", "--rates", "5:10:5", "--requests", "20", "--out", link.toString(),
                "--chart", chart.toString());

        assertNamesTheFile(r, FULL);
        assertThat(chart).doesNotExist();
    }

    @Test
    @DisplayName("any other file-system failure that reaches the top names its file in words, never a class name")
    void otherFailuresNameTheFile() {
        assertThat(Cli.ioMessage(new FileSystemException("/data/o.csv", null, "Input/output error")))
                .isEqualTo("/data/o.csv: Input/output error");
        assertThat(Cli.ioMessage(new NoSuchFileException("/data/o.csv"))).isEqualTo("/data/o.csv: no such file or directory");
        assertThat(Cli.ioMessage(new AccessDeniedException("/data/o.csv"))).isEqualTo("/data/o.csv: permission denied");
        assertThat(Cli.ioMessage(new IOException("Stale file handle"))).isEqualTo("input/output error: Stale file handle");
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
