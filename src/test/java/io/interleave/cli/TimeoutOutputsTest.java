package io.interleave.cli;

import static io.interleave.cli.CliRunner.fixture;
import static io.interleave.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.interleave.cli.CliRunner.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the command line says about client timeouts. The fixture: R1 "long" (compute 100) and R2
 * "short" (compute 10, gives up at 50, cancelOnTimeout) both at 0, one worker, one core.
 * Event loop: R2 is queued behind R1 and dropped at 50; R1 finishes at 100.
 * Sync: R2 waits for the thread to 100 and computes 100-110 for nobody.
 */
@DisplayName("Command line: timed-out requests in the summary and the CSV files")
class TimeoutOutputsTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("event loop with cancellation: 1 timed out, nothing wasted, goodput 10/s; the CSV says cancelled at 50")
    void loopCancels() throws Exception {
        Path requests = dir.resolve("r.csv");
        Path spans = dir.resolve("s.csv");
        Result r = run("simulate", fixture("timeouts.json").toString(), "--requests", requests.toString(), "--spans", spans.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("completed").intValue()).isEqualTo(1);
        assertThat(json.get("timedOut").intValue()).isEqualTo(1);
        assertThat(json.get("wastedCpuMs").doubleValue()).isZero();
        assertThat(json.get("goodputPerSec").doubleValue()).isEqualTo(10.0); // 1 in time over 100 ms
        assertThat(json.get("throughputPerSec").doubleValue()).isEqualTo(10.0); // the cancelled one sent nothing

        List<String> rows = Files.readAllLines(requests);
        assertThat(rows.get(0)).isEqualTo(CsvWriters.REQUEST_HEADER + ",gaveUpMs,wastedCpuMs");
        assertThat(rows).contains("1,long,0,0,100,100,0,100,0,completed,0,,0", "2,short,0,50,50,50,50,10,0,cancelled,0,50,0");
        List<String> spanRows = Files.readAllLines(spans);
        assertThat(spanRows.get(0)).isEqualTo(CsvWriters.SPAN_HEADER + ",wasted");
        assertThat(spanRows).contains("2,queued,0,50,0,,false");
    }

    @Test
    @DisplayName("sync: the thread serves R2 after its client left: 10 ms CPU wasted, throughput 2 responses, goodput 1")
    void syncWastes() throws Exception {
        Path requests = dir.resolve("r.csv");
        Path spans = dir.resolve("s.csv");
        Result r = run("simulate", fixture("timeouts.json").toString(), "--policy", "sync",
                "--requests", requests.toString(), "--spans", spans.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("timedOut").intValue()).isEqualTo(1);
        assertThat(json.get("wastedCpuMs").doubleValue()).isEqualTo(10.0);
        assertThat(json.get("goodputPerSec").doubleValue()).isCloseTo(1 / 0.110, within(1e-9));
        assertThat(json.get("throughputPerSec").doubleValue()).isCloseTo(2 / 0.110, within(1e-9));
        assertThat(Files.readAllLines(requests)).contains("2,short,0,100,110,110,100,10,0,timed-out,0,50,10");
        assertThat(Files.readAllLines(spans)).contains("2,queued,0,50,,,false", "2,queued,50,100,,,true", "2,compute,100,110,0,0,true");
    }

    @Test
    @DisplayName("without a timeout the CSV files keep exactly their columns")
    void noTimeoutNoColumns() throws Exception {
        Path requests = dir.resolve("r.csv");
        Result r = run("simulate", "preset:three-requests", "--requests", requests.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(Files.readAllLines(requests).get(0)).isEqualTo(CsvWriters.REQUEST_HEADER);
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("timedOut").intValue()).isZero();
        assertThat(json.get("goodputPerSec").doubleValue()).isEqualTo(json.get("throughputPerSec").doubleValue());
    }
}
