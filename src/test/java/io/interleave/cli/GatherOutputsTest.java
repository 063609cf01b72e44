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
 * What the command line's files say about a gather (lesson 7, "Open all the
 * sockets at once"): on the loop R1's three calls all run 2-102, one per branch.
 */
@DisplayName("Command line: gather branches in the spans CSV")
class GatherOutputsTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("with a gather a trailing branch column names the branch of each span, empty for the request's own")
    void branchColumn() throws Exception {
        Path spans = dir.resolve("s.csv");
        Result r = run("simulate", "preset:open-all-sockets", "--policy", "event-loop", "--spans", spans.toString());

        assertThat(r.code()).as(r.toString()).isZero();
        List<String> lines = Files.readAllLines(spans);
        assertThat(lines.get(0)).isEqualTo(CsvWriters.SPAN_HEADER + ",branch");
        assertThat(lines).contains("1,compute,0,2,0,0,", "1,wait,2,102,0,,0", "1,wait,2,102,0,,1", "1,wait,2,102,0,,2",
                "1,compute,102,104,0,0,");
        assertThat(lines.subList(1, lines.size())).allMatch(l -> l.split(",", -1).length == 7);
    }

    @Test
    @DisplayName("compare: variant, then branch; a sync thread's calls carry their branch too")
    void compareColumns() throws Exception {
        Path spans = dir.resolve("s.csv");
        Result r = run("simulate", "preset:open-all-sockets", "--compare", "--spans", spans.toString());

        assertThat(r.code()).as(r.toString()).isZero();
        List<String> lines = Files.readAllLines(spans);
        assertThat(lines.get(0)).isEqualTo(CsvWriters.SPAN_HEADER + ",variant,branch");
        assertThat(lines).contains("1,wait,2,102,0,,10 threads,0", "1,wait,102,202,0,,10 threads,1", "1,wait,202,302,0,,10 threads,2",
                "1,wait,2,102,0,,1 event loop,2");
    }

    @Test
    @DisplayName("without a gather the spans CSV keeps exactly the SPEC columns")
    void noGatherNoColumn() throws Exception {
        Path spans = dir.resolve("s.csv");
        Result r = run("simulate", "preset:three-requests", "--spans", spans.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(Files.readAllLines(spans).get(0)).isEqualTo(CsvWriters.SPAN_HEADER);
    }
}
