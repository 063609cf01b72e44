package io.interleave.app.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecentFilesTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("newest first; opening a file again moves it to the front instead of listing it twice")
    void orderAndDedup() {
        RecentFiles recent = RecentFiles.in(dir);
        recent.add(dir.resolve("a.json"));
        recent.add(dir.resolve("b.json"));
        recent.add(dir.resolve("sub/../a.json"));
        assertThat(recent.list()).containsExactly(dir.resolve("a.json"), dir.resolve("b.json"));
    }

    @Test
    @DisplayName("keeps the last 8; the oldest drops off")
    void limit() {
        RecentFiles recent = RecentFiles.in(dir);
        IntStream.rangeClosed(1, 10).forEach(i -> recent.add(dir.resolve(i + ".json")));
        assertThat(recent.list()).hasSize(RecentFiles.LIMIT).first().isEqualTo(dir.resolve("10.json"));
        assertThat(recent.list()).last().isEqualTo(dir.resolve("3.json"));
    }

    @Test
    @DisplayName("persists across starts; remove and clear persist too; a garbled file is tolerated")
    void persistence() throws Exception {
        RecentFiles first = RecentFiles.in(dir);
        first.add(dir.resolve("a.json"));
        first.add(dir.resolve("b.json"));
        first.add(dir.resolve("c.json"));
        first.remove(dir.resolve("b.json"));
        assertThat(RecentFiles.in(dir).list()).containsExactly(dir.resolve("c.json"), dir.resolve("a.json"));
        first.clear();
        assertThat(RecentFiles.in(dir).list()).isEmpty();

        Files.writeString(dir.resolve(RecentFiles.FILE_NAME), "\n" + dir.resolve("x.json") + "\n\0bad\n" + dir.resolve("x.json") + "\n",
                StandardCharsets.UTF_8);
        assertThat(RecentFiles.in(dir).list()).containsExactly(dir.resolve("x.json"));
        assertThat(RecentFiles.in(dir.resolve("missing")).list()).isEmpty();
    }

    @Test
    @DisplayName("a FIFO in the list's place is refused at once, not waited on: the list is empty")
    void fifo() throws Exception {
        Path fifo = DocumentViewModelTest.fifo(dir);
        Files.move(fifo, dir.resolve(RecentFiles.FILE_NAME));
        RecentFiles recent = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(20), () -> RecentFiles.in(dir), "reading the list waited on a FIFO");
        assertThat(recent.list()).isEmpty();
    }
}
