package io.interleave.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
}
