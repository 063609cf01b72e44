package io.interleave.cli;

import static io.interleave.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.cli.CliRunner.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Text in a scenario reaches CSV, JSON and SVG outputs: what the format
 * refuses is refused while reading (exit 2, nothing written), and what it
 * allows comes out in every output intact (an SVG parses as XML).
 */
@DisplayName("Command line: odd text in names is refused at read time, awkward text reaches every output intact")
class CliTextTest {
    /** Awkward but allowed: markup characters, quotes, an emoji, Hebrew (right-to-left), a combining accent. */
    static final String AWKWARD = "<R&D> \"q\" 'a' \uD83D\uDE00 \u05E9\u05DC\u05D5\u05DD e\u0301";

    private static String scenario(String nameJson, String typeJson, String labelJson) {
        return "{\"schema\": 1, \"name\": \"" + nameJson + "\", \"description\": \"line one\\nline two & <more>\","
                + " \"server\": {\"policy\": \"event-loop\"}, \"resources\": [{\"name\": \"" + typeJson + " db\", \"capacity\": 1}],"
                + " \"requestTypes\": [{\"name\": \"" + typeJson + "\", \"segments\": [{\"kind\": \"compute\", \"ms\": 2, \"label\": \""
                + labelJson + "\"}, {\"kind\": \"wait\", \"ms\": 5, \"on\": \"" + typeJson + " db\"}]}],"
                + " \"arrivals\": {\"pattern\": \"uniform\", \"intervalMs\": 3, \"count\": 4},"
                + " \"variants\": [{\"label\": \"" + labelJson + "\", \"policy\": \"sync\"}, {\"label\": \"loop\"}]}";
    }

    /** The same text as a JSON string body (Java's own escapes work there too). */
    private static String json(String text) {
        StringBuilder b = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c > 0x7e) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    @Test
    @DisplayName("a type name holding a lone surrogate is refused while reading: exit 2, the path and U+D800, no CSV written")
    void loneSurrogateRefusedBeforeAnyOutput(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("s.json"), scenario("ok", "page\\ud800", "l"));
        Path csv = dir.resolve("o.csv");

        Result r = run("simulate", file.toString(), "--requests", csv.toString());

        assertThat(r.code()).as(r.toString()).isEqualTo(Cli.BAD_INPUT);
        assertThat(r.errLines()).containsExactly("interleave: " + file + ": resources[0].name: must not contain U+D800"
                + " (half of a surrogate pair without its other half)");
        assertThat(r.out()).isEmpty();
        assertThat(csv).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("s.json");
        }
    }

    @Test
    @DisplayName("a scenario name holding U+FFFF is refused while reading: render writes no SVG")
    void nonCharacterRefusedBeforeRender(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("s.json"), scenario("name \\uffff", "page", "l"));
        Path svg = dir.resolve("o.svg");

        Result r = run("render", file.toString(), "--out", svg.toString());

        assertThat(r.code()).as(r.toString()).isEqualTo(Cli.BAD_INPUT);
        assertThat(r.errLines()).containsExactly("interleave: " + file + ": name: must not contain U+FFFF (a Unicode non-character)");
        assertThat(svg).doesNotExist();
    }

    @Test
    @DisplayName("awkward allowed text: the SVG parses with a real XML parser and holds every name exactly")
    void svgParses(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("s.json"), scenario(json(AWKWARD), json(AWKWARD), json("\uD83D\uDE00 <&>")));
        for (String view : List.of("requests", "workers")) {
            Path svg = dir.resolve(view + ".svg");

            Result r = run("render", file.toString(), "--out", svg.toString(), "--compare", "--view", view);

            assertThat(r.code()).as(r.toString()).isEqualTo(Cli.OK);
            Document doc = parse(svg);
            assertThat(doc.getElementsByTagName("title").item(0).getTextContent()).contains(AWKWARD);
            List<String> texts = texts(doc);
            assertThat(String.join("\n", texts)).contains("\uD83D\uDE00 <&>");
        }
    }

    @Test
    @DisplayName("awkward allowed text: the requests CSV and the JSON summary hold it as UTF-8, exactly")
    void csvAndJsonKeepText(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("s.json"), scenario(json(AWKWARD), json(AWKWARD), "l"));
        Path csv = dir.resolve("o.csv");

        Result r = run("simulate", file.toString(), "--requests", csv.toString());

        assertThat(r.code()).as(r.toString()).isEqualTo(Cli.OK);
        assertThat(r.json().get("scenario").asText()).isEqualTo(AWKWARD);
        String content = new String(Files.readAllBytes(csv), StandardCharsets.UTF_8);
        assertThat(content).contains("\"" + AWKWARD.replace("\"", "\"\"") + "\"");
    }

    @Test
    @DisplayName("a sweep chart SVG with awkward names parses as XML")
    void sweepChartParses(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("s.json"), scenario(json(AWKWARD), "page", json("\uD83D\uDE00 <&>")));
        Path svg = dir.resolve("c.svg");

        Result r = run("sweep", file.toString(), "--rates", "10:30:10", "--requests", "20", "--out", dir.resolve("o.csv").toString(),
                "--chart", svg.toString());

        assertThat(r.code()).as(r.toString()).isEqualTo(Cli.OK);
        assertThat(String.join("\n", texts(parse(svg)))).contains("\uD83D\uDE00");
    }

    static Document parse(Path svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(svg.toFile());
    }

    private static List<String> texts(Document doc) {
        NodeList nodes = doc.getElementsByTagName("text");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }
}
