package io.interleave.app.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.scenario.Scenario;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Autosave copies per session and their locks, in one program and across programs. */
class AutosaveTest {
    private static final Scenario EDITED = DocumentViewModelTest.THREE.withSeed(61);

    @TempDir
    Path config;
    @TempDir
    Path scratch;

    @Test
    @DisplayName("a running session's copy is never claimed by another session in the same program; once let go, it is, by one only")
    void claimedOnce() throws IOException {
        Autosave running = Autosave.claimNew(config);
        running.write(EDITED, Optional.empty());
        assertThat(Autosave.claimUnclaimed(config)).isEmpty();

        running.release(); // the session ended without a clean exit
        List<Autosave> first = Autosave.claimUnclaimed(config);
        assertThat(first).extracting(Autosave::file).containsExactly(running.file());
        assertThat(Autosave.claimUnclaimed(config)).as("a second starting session finds it taken").isEmpty();
        assertThat(first.get(0).read()).hasValueSatisfying(f ->
                assertThat(f).isInstanceOfSatisfying(Autosave.Saved.class, s -> assertThat(s.scenario()).isEqualTo(EDITED)));

        first.get(0).release();
        assertThat(Autosave.claimUnclaimed(config)).hasSize(1);
    }

    @Test
    @DisplayName("a clean exit removes the copy and its lock file; letting go of a copy that holds work keeps both")
    void lockFiles() throws IOException {
        Autosave a = Autosave.claimNew(config);
        Path lock = config.resolve(a.file().getFileName().toString().replace(".json", ".lock"));
        assertThat(lock).exists();
        a.write(EDITED, Optional.of(config.resolve("x.json")));
        a.release();
        assertThat(a.file()).exists();
        assertThat(lock).exists();
        Autosave again = Autosave.claimUnclaimed(config).get(0);
        again.discard();
        try (Stream<Path> files = Files.list(config)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    @DisplayName("two sessions get different copies; each one's clear leaves the other's alone")
    void separateCopies() throws IOException {
        Autosave a = Autosave.claimNew(config);
        Autosave b = Autosave.claimNew(config);
        assertThat(a.file()).isNotEqualTo(b.file());
        a.write(EDITED, Optional.empty());
        b.write(EDITED.withSeed(62), Optional.empty());
        b.discard();
        assertThat(a.file()).exists();
        assertThat(b.file()).doesNotExist();
    }

    @Test
    @DisplayName("a copy locked by another program is left alone until that program ends, even by a kill")
    void lockedByAnotherProgram() throws Exception {
        Autosave crashed = Autosave.claimNew(config);
        crashed.write(EDITED, Optional.empty());
        crashed.release();
        Path lock = config.resolve(crashed.file().getFileName().toString().replace(".json", ".lock"));

        Path holder = scratch.resolve("Hold.java");
        Files.writeString(holder, """
                import java.nio.channels.FileChannel;
                import java.nio.file.Path;
                import java.nio.file.StandardOpenOption;
                public class Hold {
                    public static void main(String[] args) throws Exception {
                        try (FileChannel c = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE);
                             var lock = c.lock()) {
                            System.out.println("locked");
                            System.out.flush();
                            System.in.read();
                        }
                    }
                }
                """);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process other = new ProcessBuilder(java.toString(), holder.toString(), lock.toString()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("locked");
            assertThat(Autosave.claimUnclaimed(config)).as("held by a running program").isEmpty();
            assertThat(crashed.file()).exists();
        } finally {
            other.destroyForcibly();
            other.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(Autosave.claimUnclaimed(config)).extracting(Autosave::file).containsExactly(crashed.file());
    }
}
