package io.interleave.cli;

import static io.interleave.cli.CliRunner.fixture;
import static io.interleave.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.cli.CliRunner.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Command-line outputs: nothing lost, nothing half-written, messages that name the file")
class CliFileSafetyTest {
    @TempDir
    Path dir;

    private long files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    @Test
    @DisplayName("an output that is the scenario itself is refused (also through a link); the scenario is untouched")
    void outputIsInput() throws IOException {
        Path scenario = Files.copy(fixture("poisson.json"), dir.resolve("s.json"));
        String before = Files.readString(scenario);
        Path link = Files.createSymbolicLink(dir.resolve("alias.csv"), Path.of("s.json"));

        Result same = run("simulate", scenario.toString(), "--requests", scenario.toString());
        Result viaLink = run("simulate", scenario.toString(), "--spans", link.toString());
        Result render = run("render", scenario.toString(), "--out", dir.resolve("s.json").toString().replace(".json", ".json"));

        assertThat(same.code()).as(same.toString()).isEqualTo(2);
        assertThat(same.errLines()).containsExactly("interleave: --requests: " + scenario + " is the scenario file being read; choose another output file");
        assertThat(viaLink.code()).isEqualTo(2);
        assertThat(viaLink.errLines()).singleElement().asString().contains("--spans: " + link + " is the scenario file being read");
        assertThat(render.code()).isEqualTo(2); // the extension check comes first: still nothing written
        assertThat(scenario).hasContent(before);
        assertThat(files()).isEqualTo(2);
    }

    @Test
    @DisplayName("a full disk on --spans: exit 1, one line naming the file, the old --requests file untouched, no temporaries")
    void fullDiskKeepsEveryOldFile() throws IOException {
        Path requests = Files.writeString(dir.resolve("requests.csv"), "old\n");
        Path spans = Files.createSymbolicLink(dir.resolve("spans.csv"), Path.of("/dev/full"));

        Result r = run("simulate", "preset:three-requests", "--requests", requests.toString(), "--spans", spans.toString());

        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.errLines()).containsExactly("interleave: cannot write /dev/full: No space left on device");
        assertThat(r.out()).isEmpty();
        assertThat(requests).hasContent("old");
        assertThat(files()).isEqualTo(2);
    }

    @Test
    @DisplayName("sweep: a chart that cannot be written leaves the old CSV as it was")
    void sweepChartFailureKeepsCsv() throws IOException {
        Path csv = Files.writeString(dir.resolve("o.csv"), "old\n");
        Path chart = Files.createSymbolicLink(dir.resolve("c.png"), Path.of("/dev/full"));

        Result r = run("sweep", fixture("sweep-mm1.json").toString(), "--rates", "100:200:100", "--out", csv.toString(), "--chart", chart.toString());

        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.errLines()).containsExactly("interleave: cannot write /dev/full: No space left on device");
        assertThat(csv).hasContent("old");
        assertThat(files()).isEqualTo(2);
    }

    @Test
    @DisplayName("control characters from a file name never reach the terminal raw: ESC, BEL and NUL are shown escaped")
    void controlCharactersEscaped() {
        Result r = run("simulate", dir.resolve("\u001b[2J\u001b[31mx\u0007.json").toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).doesNotContain("\u001b", "\u0007");
        assertThat(r.errLines()).singleElement().asString().contains("\\u001b[2J\\u001b[31mx\\u0007.json");
    }

    @Test
    @DisplayName("a FIFO or a device as the scenario is refused at once with one line, never read (no hang, no endless read)")
    void nonRegularInputs() throws Exception {
        Path fifo = dir.resolve("f.json");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();

        Result pipe = run("simulate", fifo.toString());
        Result zero = run("simulate", "/dev/zero");

        assertThat(pipe.code()).isEqualTo(2);
        assertThat(pipe.errLines()).containsExactly("interleave: " + fifo + ": is not a regular file (a pipe or a device); save the scenario to a file first");
        assertThat(zero.code()).isEqualTo(2);
        assertThat(zero.errLines()).containsExactly("interleave: /dev/zero: is not a regular file (a pipe or a device); save the scenario to a file first");
    }
}
