package io.interleave.cli;

import static io.interleave.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.cli.CliRunner.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the command line's files say about the GIL (issue 14): GilTest's two threads taking turns, from a file.
 * The spans CSV writes the new state as {@code waiting-gil}; a thread's worker is its global index
 * (process x threads + thread); a bad switch interval is one line naming the field, exit 2.
 */
@DisplayName("Command line: processes and the GIL in the files")
class GilOutputsTest {
    @TempDir
    Path dir;

    private Path scenario(String server) throws Exception {
        Path file = dir.resolve("gil.json");
        Files.writeString(file, """
                { "schema": 1, "name": "gil", "seed": 1,
                  "server": %s,
                  "requestTypes": [ { "name": "cpu", "color": "#0072B2", "weight": 1,
                      "segments": [ { "kind": "compute", "ms": 10 } ] } ],
                  "arrivals": { "pattern": "explicit", "at": [ { "atMs": 0, "type": "cpu" }, { "atMs": 0, "type": "cpu" } ] } }
                """.formatted(server));
        return file;
    }

    @Test
    @DisplayName("the spans CSV: 'waiting-gil' rows with no core; the requests finish at 15 and 20")
    void spansCsv() throws Exception {
        Path spans = dir.resolve("s.csv");
        Path requests = dir.resolve("r.csv");
        Result r = run("simulate", scenario("{ \"policy\": \"sync\", \"workers\": 2, \"cores\": 2, \"gil\": true }").toString(),
                "--spans", spans.toString(), "--requests", requests.toString());

        assertThat(r.code()).as(r.toString()).isZero();
        List<String> lines = Files.readAllLines(spans);
        assertThat(lines.get(0)).isEqualTo(CsvWriters.SPAN_HEADER);
        assertThat(lines).contains("2,waiting-gil,0,5,1,", "1,waiting-gil,5,10,0,", "2,compute,5,10,1,0");
        assertThat(Files.readAllLines(requests)).anyMatch(l -> l.startsWith("1,cpu,0,0,15,15,")).anyMatch(l -> l.startsWith("2,cpu,0,0,20,20,"));
    }

    @Test
    @DisplayName("two processes of one thread: workers 0 and 1, no waiting-gil rows")
    void processes() throws Exception {
        Path spans = dir.resolve("s.csv");
        Result r = run("simulate", scenario("{ \"policy\": \"sync\", \"workers\": 1, \"processes\": 2, \"cores\": 2, \"gil\": true }").toString(),
                "--spans", spans.toString());

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(Files.readAllLines(spans)).contains("1,compute,0,10,0,0", "2,compute,0,10,1,1").noneMatch(l -> l.contains("waiting-gil"));
    }

    @Test
    @DisplayName("a bad switch interval: exit 2, one line naming server.switchIntervalMs")
    void badSwitchInterval() throws Exception {
        Result r = run("simulate", scenario("{ \"policy\": \"sync\", \"workers\": 2, \"gil\": true, \"switchIntervalMs\": -1 }").toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("switchIntervalMs");
    }

    @Test
    @DisplayName("simulate --gil true --processes 2 --switch-interval 2: the file's server changed; bad values exit 2 naming the flag")
    void flags() throws Exception {
        Path file = scenario("{ \"policy\": \"sync\", \"workers\": 2, \"cores\": 2 }");
        Path requests = dir.resolve("r.csv");
        Result r = run("simulate", file.toString(), "--gil", "true", "--switch-interval", "2", "--requests", requests.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        // 2 ms turns: R1 0-2, 4-6, 8-10, 12-14, 16-18; R2 done at 20 (GilTest.switchIntervalIsSettable)
        assertThat(Files.readAllLines(requests)).anyMatch(l -> l.startsWith("1,cpu,0,0,18,18,")).anyMatch(l -> l.startsWith("2,cpu,0,0,20,20,"));

        Result two = run("simulate", file.toString(), "--gil", "true", "--processes", "2", "--workers", "1", "--requests", requests.toString());
        assertThat(two.code()).as(two.toString()).isZero();
        assertThat(Files.readAllLines(requests)).anyMatch(l -> l.startsWith("1,cpu,0,0,10,10,")).anyMatch(l -> l.startsWith("2,cpu,0,0,10,10,"));

        Result bad = run("simulate", file.toString(), "--gil", "yes");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err().strip()).isEqualTo("interleave: --gil: must be true or false, was 'yes'");
        Result zero = run("simulate", file.toString(), "--switch-interval", "0");
        assertThat(zero.code()).isEqualTo(2);
        assertThat(zero.err()).contains("--switch-interval: 0 does not fit this scenario (switchIntervalMs: must be between 0.001");
        Result many = run("simulate", file.toString(), "--processes", "5001");
        assertThat(many.code()).isEqualTo(2);
        assertThat(many.err()).contains("--processes: 5001 does not fit this scenario (processes: 5001 processes of 2 threads are more than 10000 threads)");
    }
}
