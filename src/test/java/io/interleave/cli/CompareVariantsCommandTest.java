package io.interleave.cli;

import static io.interleave.cli.CliRunner.fieldNames;
import static io.interleave.cli.CliRunner.fixture;
import static io.interleave.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.interleave.cli.CliRunner.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

@DisplayName("--compare: every variant of the file on the same requests")
class CompareVariantsCommandTest {
    @TempDir
    Path dir;

    private static String file() {
        return fixture("three-variants.json").toString();
    }

    @Test
    @DisplayName("simulate --compare prints one summary per variant, in file order, each with its label under 'variant'")
    void simulateArray() {
        Result r = run("simulate", file(), "--compare");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode json = r.json();

        assertThat(json.isArray()).isTrue();
        assertThat(json).hasSize(3);
        List<String> labels = new ArrayList<>();
        json.forEach(s -> labels.add(s.get("variant").textValue()));
        assertThat(labels).containsExactly("1 thread", "3 threads", "1 event loop");
        for (JsonNode summary : json) {
            List<String> keys = fieldNames(summary);
            assertThat(keys.subList(0, SimulateCommandTest.SPEC_KEYS.size())).containsExactlyElementsOf(SimulateCommandTest.SPEC_KEYS);
            assertThat(keys.get(keys.size() - 1)).isEqualTo("variant");
        }
        // 1 thread: R2 waits for R1, R3 for both: 100, 160, 166 ms (the lesson's classic numbers).
        assertThat(json.get(0).get("policy").textValue()).isEqualTo("sync");
        assertThat(json.get(0).get("workers").intValue()).isEqualTo(1);
        assertThat(json.get(0).get("responseMs").get("max").doubleValue()).isEqualTo(166.0);
        assertThat(json.get(0).get("makespanMs").doubleValue()).isEqualTo(236.0);
        // 3 threads: nobody queues, each takes its time alone (100, 100, 36); the last finishes at 140.
        assertThat(json.get(1).get("policy").textValue()).isEqualTo("sync");
        assertThat(json.get(1).get("workers").intValue()).isEqualTo(3);
        assertThat(json.get(1).get("responseMs").get("max").doubleValue()).isEqualTo(100.0);
        assertThat(json.get(1).get("responseMs").get("min").doubleValue()).isEqualTo(36.0);
        assertThat(json.get(1).get("makespanMs").doubleValue()).isEqualTo(140.0);
        // 1 event loop: the same times as three threads, with one thread (100, 100, 36).
        assertThat(json.get(2).get("policy").textValue()).isEqualTo("event-loop");
        assertThat(json.get(2).get("workers").intValue()).isEqualTo(1);
        assertThat(json.get(2).get("responseMs").get("max").doubleValue()).isEqualTo(100.0);
        assertThat(json.get(2).get("responseMs").get("min").doubleValue()).isEqualTo(36.0);
        // the same requests in every variant
        json.forEach(s -> assertThat(s.get("requests").intValue()).isEqualTo(3));
        json.forEach(s -> assertThat(s.get("seed").longValue()).isEqualTo(7));
    }

    @Test
    @DisplayName("a file without variants compares sync against the event loop with the file's settings")
    void defaultVariants() {
        Result r = run("simulate", "preset:three-requests", "--compare");
        assertThat(r.code()).as(r.toString()).isZero();
        JsonNode json = r.json();

        assertThat(json).hasSize(2);
        assertThat(json.get(0).get("variant").textValue()).isEqualTo("Sync (threads)");
        assertThat(json.get(0).get("policy").textValue()).isEqualTo("sync");
        assertThat(json.get(1).get("variant").textValue()).isEqualTo("Event loop");
        assertThat(json.get(1).get("policy").textValue()).isEqualTo("event-loop");
        assertThat(json.get(1).get("responseMs").get("max").doubleValue()).isEqualTo(100.0);
    }

    @Test
    @DisplayName("--seed and --count still apply to every variant")
    void sharedOverrides() {
        Result r = run("simulate", "preset:async-same-wait", "--compare", "--count", "7", "--seed", "3");
        assertThat(r.code()).as(r.toString()).isZero();
        r.json().forEach(s -> {
            assertThat(s.get("requests").intValue()).isEqualTo(7);
            assertThat(s.get("seed").longValue()).isEqualTo(3);
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"--policy=event-loop", "--workers=4", "--cores=2"})
    @DisplayName("server flags with --compare are refused with one line naming the flag; nothing is written")
    void serverFlagsRefused(String flag) throws IOException {
        Path csv = dir.resolve("r.csv");
        Result r = run("simulate", file(), "--compare", flag, "--requests", csv.toString());

        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.errLines().get(0)).contains(flag.substring(0, flag.indexOf('=')) + ": cannot be combined with --compare");
        assertThat(r.out()).isEmpty();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    @DisplayName("--requests and --spans with --compare: every variant's rows under one header, each ending with its variant")
    void csvWithVariantColumn() throws IOException {
        Path requests = dir.resolve("r.csv");
        Path spans = dir.resolve("s.csv");
        Result r = run("simulate", file(), "--compare", "--requests", requests.toString(), "--spans", spans.toString());
        assertThat(r.code()).as(r.toString()).isZero();

        List<String> lines = Files.readAllLines(requests);
        assertThat(lines.get(0)).isEqualTo(CsvWriters.REQUEST_HEADER + ",variant");
        assertThat(lines).hasSize(1 + 3 * 3);
        assertThat(lines.subList(1, 4)).allMatch(l -> l.endsWith(",1 thread"));
        assertThat(lines.subList(4, 7)).allMatch(l -> l.endsWith(",3 threads"));
        assertThat(lines.subList(7, 10)).allMatch(l -> l.endsWith(",1 event loop"));
        List<String> spanLines = Files.readAllLines(spans);
        assertThat(spanLines.get(0)).isEqualTo(CsvWriters.SPAN_HEADER + ",variant");
        assertThat(spanLines.subList(1, spanLines.size())).allMatch(l -> l.matches(".*,(1 thread|3 threads|1 event loop)"));
    }

    @Test
    @DisplayName("render --compare draws the three variants: three section titles, each variant's spans, one table row each")
    void renderThree() throws Exception {
        Path svg = dir.resolve("three.svg");
        Result r = run("render", file(), "--compare", "--out", svg.toString());
        assertThat(r.code()).as(r.toString()).isZero();

        String text = Files.readString(svg, StandardCharsets.UTF_8);
        assertThat(text).contains("<title>Three requests, three servers — 1 thread vs 3 threads vs 1 event loop</title>");
        assertThat(text).contains("1 thread — Sync (threads) · 1 thread · 1 core",
                "3 threads — Sync (threads) · 3 threads · 1 core",
                "1 event loop — Event loop · 1 loop · 1 core");
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        int computes = 0;
        NodeList rects = doc.getElementsByTagName("rect");
        for (int i = 0; i < rects.getLength(); i++) {
            String cls = ((Element) rects.item(i)).getAttribute("class");
            if (cls.equals("span compute")) {
                computes++;
            }
        }
        // each request computes twice; with 3 threads or the loop nothing preempts them, with 1 thread neither
        assertThat(computes).isEqualTo(3 * 3 * 2);
    }

    @Test
    @DisplayName("render --compare of a file without variants still draws sync and the event loop")
    void renderDefault() throws IOException {
        Path svg = dir.resolve("two.svg");
        Result r = run("render", "preset:three-requests", "--compare", "--out", svg.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(Files.readString(svg)).contains("<title>Three requests — Sync (threads) vs Event loop</title>");
    }
}
