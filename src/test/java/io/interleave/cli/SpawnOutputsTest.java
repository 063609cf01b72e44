package io.interleave.cli;

import static io.interleave.cli.CliRunner.fixture;
import static io.interleave.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.interleave.cli.CliRunner.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code simulate} says about background tasks. The fixture is one "signup" request at 0:
 * compute 2, spawn "send email" [compute 15, await 50], await 10, compute 2 (SpawnTest works the
 * times out): on one thread R1 responds at 14 and its task runs 2-79 (it queued for the thread
 * until 14); on one event loop R1 responds at 19 (its task held the loop 2-17) and the task runs 2-67.
 */
@DisplayName("Command line: background tasks in simulate's summary")
class SpawnOutputsTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("the summary counts background tasks apart: the request's response time leaves the task out")
    void summaryKeys() {
        Result r = run("simulate", fixture("spawn.json").toString());
        assertThat(r.code()).as(r.toString()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("requests").asInt()).isEqualTo(1);
        assertThat(j.get("completed").asInt()).isEqualTo(1);
        assertThat(j.get("responseMs").get("max").asDouble()).isEqualTo(14.0);
        assertThat(j.get("makespanMs").asDouble()).as("the run lasts until the task is done").isEqualTo(79.0);
        assertThat(j.get("backgroundTasks").asInt()).isEqualTo(1);
        assertThat(j.get("backgroundCpuMs").asDouble()).isEqualTo(15.0);
        assertThat(j.get("backgroundMeanMs").asDouble()).isEqualTo(77.0);
        assertThat(j.get("backgroundMaxMs").asDouble()).isEqualTo(77.0);
        assertThat(j.get("backgroundOutlived").asInt()).isEqualTo(1);
        assertThat(j.get("cpuUtilization").asDouble()).as("19 ms of CPU over 79 ms, the task's 15 included")
                .isCloseTo(19.0 / 79.0, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    @DisplayName("compare: under the event loop the task shares R1's loop (R1 19 ms, task 65 ms)")
    void compare() {
        Result r = run("simulate", fixture("spawn.json").toString(), "--compare");
        assertThat(r.code()).as(r.toString()).isZero();
        JsonNode loop = r.json().get(1);
        assertThat(loop.get("variant").asText()).isEqualTo("1 event loop");
        assertThat(loop.get("responseMs").get("max").asDouble()).isEqualTo(19.0);
        assertThat(loop.get("backgroundMeanMs").asDouble()).isEqualTo(65.0);
    }

    @Test
    @DisplayName("the spans CSV holds the task's spans under its own id, after the requests'")
    void spansCsv() throws Exception {
        Path spans = dir.resolve("s.csv");
        Result r = run("simulate", fixture("spawn.json").toString(), "--spans", spans.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        List<String> lines = Files.readAllLines(spans);
        assertThat(lines).contains("2,queued,2,14,,", "2,compute,14,29,0,0", "2,wait,29,79,0,");
    }

    @Test
    @DisplayName("without a spawn the summary has no background keys")
    void noSpawnNoKeys() {
        Result r = run("simulate", "preset:three-requests");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.json().has("backgroundTasks")).isFalse();
    }
}
