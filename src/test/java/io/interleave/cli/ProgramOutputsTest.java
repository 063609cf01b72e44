package io.interleave.cli;

import static io.interleave.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.interleave.cli.CliRunner.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code simulate} on a program of tasks: the {@code items} object, the
 * {@code --items} CSV and the deadlock error. The program is TaskQueueTest's
 * first one: items made at 100, 200, 300, done at 450, 700, 950.
 */
@DisplayName("simulate on a program of tasks: items, --items and deadlocks")
class ProgramOutputsTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("prints the usual keys (request figures null) and an items object with the item latency and the makespan")
    void itemsObject() {
        Result r = run("simulate", CliRunner.fixture("producer-consumer.json").toString());
        assertThat(r.code()).as(r.toString()).isZero();
        JsonNode json = r.json();
        assertThat(json.get("requests").asInt()).isZero();
        assertThat(json.get("responseMs").get("mean").isNull()).isTrue();
        assertThat(json.get("queueMs").get("mean").isNull()).isTrue();
        assertThat(json.get("queueMs").get("max").isNull()).isTrue();
        JsonNode items = json.get("items");
        assertThat(items.get("made").asInt()).isEqualTo(3);
        assertThat(items.get("consumed").asInt()).isEqualTo(3);
        assertThat(items.get("left").asInt()).isZero();
        JsonNode latency = items.get("latencyMs");
        assertThat(latency.get("mean").asDouble()).isEqualTo(500);
        assertThat(latency.get("min").asDouble()).isEqualTo(350);
        assertThat(latency.get("p50").asDouble()).isEqualTo(500);
        assertThat(latency.get("p95").asDouble()).isEqualTo(650);
        assertThat(latency.get("max").asDouble()).isEqualTo(650);
        assertThat(latency.get("first").asDouble()).isEqualTo(350);
        assertThat(latency.get("last").asDouble()).isEqualTo(650);
        assertThat(items.get("makespanMs").asDouble()).isEqualTo(950);
    }

    @Test
    @DisplayName("a scenario without tasks prints no items key")
    void noItemsWithoutTasks() {
        Result r = run("simulate", "preset:" + io.interleave.scenario.Presets.ids().get(0));
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.json().has("items")).isFalse();
    }

    @Test
    @DisplayName("--items writes one CSV line per item, in the order they were put")
    void itemsCsv() throws IOException {
        Path csv = dir.resolve("items.csv");
        Result r = run("simulate", CliRunner.fixture("producer-consumer.json").toString(), "--items", csv.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(Files.readAllLines(csv)).containsExactly(
                "item,queue,producer,consumer,madeMs,putMs,gotMs,doneMs,latencyMs,queuedMs",
                "1,items,producer,consumer,100,100,200,450,350,100",
                "2,items,producer,consumer,200,200,450,700,500,250",
                "3,items,producer,consumer,300,450,700,950,650,250");
    }

    @Test
    @DisplayName("--items with --compare: one block per variant, labelled")
    void itemsCsvCompare() throws IOException {
        Path csv = dir.resolve("items.csv");
        Result r = run("simulate", CliRunner.fixture("producer-consumer.json").toString(), "--compare", "--items", csv.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.json().size()).isEqualTo(2);
        assertThat(Files.readAllLines(csv)).hasSize(1 + 6).first().asString().endsWith(",variant");
    }

    @Test
    @DisplayName("a program that can never finish: exit 2, one line naming the stuck task and its queue, nothing written")
    void deadlock() {
        Path csv = dir.resolve("items.csv");
        Path spans = dir.resolve("spans.csv");
        Result r = run("simulate", CliRunner.fixture("deadlock.json").toString(), "--items", csv.toString(), "--spans", spans.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).containsExactly("interleave: deadlock at 100 ms: every task waits and nothing else can happen: "
                + "consumer waits to get from 'items' (empty)");
        assertThat(csv).doesNotExist();
        assertThat(spans).doesNotExist();
    }

    @Test
    @DisplayName("--items on a scenario without tasks is refused")
    void itemsWithoutTasks() {
        Result r = run("simulate", "preset:" + io.interleave.scenario.Presets.ids().get(0), "--items", dir.resolve("x.csv").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("interleave: --items: this scenario has no tasks, so no items; leave --items out");
    }

    @Test
    @DisplayName("render draws a program of tasks: an SVG of both variants whose rows are the tasks")
    void renderDrawsTasks() throws IOException {
        Path svg = dir.resolve("t.svg");
        Result r = run("render", "examples/producer-consumer.json", "--compare", "--out", svg.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).startsWith("wrote " + svg);
        String text = Files.readString(svg);
        assertThat(text).contains("class=\"row-label\"").contains(">producer<").contains(">consumer<")
                .contains("class=\"span waiting-get\"");
    }

    @Test
    @DisplayName("render plays a program of tasks as an animated GIF, with the narration's captions")
    void renderAnimatesTasks() throws IOException {
        Path gif = dir.resolve("t.gif");
        Result r = run("render", "examples/producer-consumer.json", "--out", gif.toString(), "--duration", "1", "--fps", "5",
                "--hold", "0", "--captions", "--width", "800");
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        byte[] bytes = Files.readAllBytes(gif);
        assertThat(new String(bytes, 0, 6, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("GIF89a");
    }

    @Test
    @DisplayName("render of a program that deadlocks exits 2 with the deadlock's one line, and writes nothing")
    void renderDeadlock() {
        Path png = dir.resolve("t.png");
        Result r = run("render", CliRunner.fixture("deadlock.json").toString(), "--out", png.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("interleave: deadlock at 100 ms: every task waits and nothing else can happen: "
                + "consumer waits to get from 'items' (empty)");
        assertThat(png).doesNotExist();
    }

    @Test
    @DisplayName("sweep refuses a program of tasks with one line, and writes nothing")
    void sweepRefuses() {
        Path csv = dir.resolve("sweep.csv");
        Result r = run("sweep", CliRunner.fixture("producer-consumer.json").toString(), "--rates", "1:2:1", "--out", csv.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("interleave: sweep does not sweep a program of tasks (its tasks have no arrival rate); use simulate");
        assertThat(csv).doesNotExist();
    }
}
