package io.interleave.cli;

import static io.interleave.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.cli.CliRunner.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the command line's files say about pool threads (lesson 6, "Offload
 * the blocking call"): R3 computes 35-38 on the loop, then its 150 ms sleep
 * holds pool thread 0 from 38 to 188 ms while it stays bound to loop 0.
 */
@DisplayName("Command line: pool threads in the spans CSV and in render --view workers")
class PoolThreadOutputsTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("without a pool the spans CSV keeps exactly the SPEC columns")
    void noPoolNoColumn() throws Exception {
        Path spans = dir.resolve("s.csv");
        Result r = run("simulate", "preset:offload-blocking-call", "--spans", spans.toString());

        assertThat(r.code()).as(r.toString()).isZero();
        List<String> lines = Files.readAllLines(spans);
        assertThat(lines.get(0)).isEqualTo(CsvWriters.SPAN_HEADER);
        assertThat(lines).contains("3,blocked,38,188,0,");
    }

    @Test
    @DisplayName("with a pool a trailing poolThread column names the thread an offloaded call held, empty elsewhere")
    void poolColumn() throws Exception {
        Path spans = dir.resolve("s.csv");
        Result r = run("simulate", "preset:offload-blocking-call", "--policy", "event-loop+pool", "--spans", spans.toString());

        assertThat(r.code()).as(r.toString()).isZero();
        List<String> lines = Files.readAllLines(spans);
        assertThat(lines.get(0)).isEqualTo(CsvWriters.SPAN_HEADER + ",poolThread");
        assertThat(lines).contains("3,blocked,38,188,0,,0", "3,compute,35,38,0,0,", "3,compute,188,191,0,0,");
        assertThat(lines.subList(1, lines.size())).allMatch(l -> l.split(",", -1).length == 7);
    }

    @Test
    @DisplayName("compare: the variant column stays where it was and poolThread follows it")
    void compareColumns() throws Exception {
        Path spans = dir.resolve("s.csv");
        Result r = run("simulate", "preset:offload-blocking-call", "--compare", "--spans", spans.toString());

        assertThat(r.code()).as(r.toString()).isZero();
        List<String> lines = Files.readAllLines(spans);
        assertThat(lines.get(0)).isEqualTo(CsvWriters.SPAN_HEADER + ",variant,poolThread");
        assertThat(lines).contains("3,blocked,38,188,0,,1 event loop,", "3,blocked,38,188,0,,event loop + pool,0");
    }

    @Test
    @DisplayName("render --view workers --compare: the pool variant has one pool lane, labelled Pool 1; the plain loop none")
    void renderWorkers() throws Exception {
        Path svg = dir.resolve("w.svg");
        Result r = run("render", "preset:offload-blocking-call", "--compare", "--view", "workers", "--out", svg.toString());

        assertThat(r.code()).as(r.toString()).isZero();
        String text = Files.readString(svg, StandardCharsets.UTF_8);
        assertThat(count(text, "<rect[^>]*class=\"row lane pool-thread\"")).isEqualTo(1);
        assertThat(count(text, "<rect[^>]*class=\"row lane worker\"")).isEqualTo(2);
        assertThat(count(text, "class=\"row-label\">Pool 1</text>")).isEqualTo(1);
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
