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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bounds that keep the clock exact to 1 µs (rates, gaps, time slices)
 * and the limits of one run (requests in flight, the clock's range), on the
 * command line: each bound at its edge runs, just past it exits 2 with one
 * line naming the JSON path or flag, the value and the bound, and writes
 * nothing; out of memory exits 1 with one line and writes nothing.
 */
@DisplayName("Command line: bounds on rates, times and time slices, and the limits of one run")
class CliRunLimitsTest {
    private static final String KEPT = "an earlier run's output\n";
    private static final String RATE_RULE = "must be between 0.1 and 10000000 per second, was ";
    private static final String SLICE_RULE = "must be 0 (no time slicing) or between 0.001 (the clock's resolution, 1 µs) and 1000000000, was ";
    private static final String GAP_RULE = "must be 0 (all at once) or between 0.0001 and 10000 (0.1 to 10000000 arrivals a second), was ";

    /** A scenario of one request type computing {@code computeMs}, with the given server and arrivals objects. */
    static String scenario(String server, String computeMs, String arrivals) {
        return "{\"schema\": 1, \"name\": \"limits\", \"seed\": 3, \"server\": " + server + ","
                + " \"requestTypes\": [{\"name\": \"job\", \"color\": \"#0072B2\", \"weight\": 1,"
                + " \"segments\": [{\"kind\": \"compute\", \"ms\": " + computeMs + "}]}],"
                + " \"arrivals\": " + arrivals + "}";
    }

    static String sync(String slice) {
        return "{\"policy\": \"sync\", \"workers\": 2, \"cores\": 1, \"timeSliceMs\": " + slice + "}";
    }

    static String poisson(String rate) {
        return "{\"pattern\": \"poisson\", \"ratePerSec\": " + rate + ", \"count\": 20}";
    }

    static String uniform(String gap) {
        return "{\"pattern\": \"uniform\", \"intervalMs\": " + gap + ", \"count\": 5}";
    }

    static final String SYNC = sync("5");
    static final String MM1 = scenario(SYNC, "{\"dist\": \"exponential\", \"mean\": 1}", poisson("900"));
    static final String UNIFORM = scenario(SYNC, "1", uniform("25"));
    /** Poisson arrivals of requests that compute exactly 1 ms. */
    static final String RATED = scenario(SYNC, "1", poisson("900"));

    static Arguments bad(String expectedErr, String file, String... args) {
        return Arguments.of(expectedErr, file, List.of(args));
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                // rates, in a file and on the command line
                bad("{file}: arrivals.ratePerSec: " + RATE_RULE + "1.0E-300", scenario(SYNC, "1", poisson("1e-300"))),
                bad("{file}: arrivals.ratePerSec: " + RATE_RULE + "0.0999999", scenario(SYNC, "1", poisson("0.0999999"))),
                bad("{file}: arrivals.ratePerSec: " + RATE_RULE + "10000000.1", scenario(SYNC, "1", poisson("10000000.1"))),
                bad("--rate: " + RATE_RULE + "0.000000000001", MM1, "--count", "1000", "--rate", "1e-12"),
                bad("--rate: " + RATE_RULE + "0.0999999", MM1, "--rate", "0.0999999"),
                bad("--rate: " + RATE_RULE + "10000001", MM1, "--rate", "10000001"),
                bad("--rate: " + RATE_RULE + "0.0000001", UNIFORM, "--rate", "1e-7"),
                // uniform gaps
                bad("{file}: arrivals.intervalMs: " + GAP_RULE + "10000.001", scenario(SYNC, "1", uniform("10000.001"))),
                bad("{file}: arrivals.intervalMs: " + GAP_RULE + "0.00009", scenario(SYNC, "1", uniform("0.00009"))),
                // times
                bad("{file}: arrivals.atMs: must be <= 1000000000, was 1000000000.001",
                        scenario(SYNC, "1", "{\"pattern\": \"burst\", \"count\": 2, \"atMs\": 1000000000.001}")),
                // time slices: the server's and a variant's
                bad("{file}: server.timeSliceMs: " + SLICE_RULE + "1.0E-9", scenario(sync("1e-9"), "1000",
                        "{\"pattern\": \"burst\", \"count\": 2, \"atMs\": 1e9}")),
                bad("{file}: server.timeSliceMs: " + SLICE_RULE + "0.000999", scenario(sync("0.000999"), "1", uniform("1"))),
                bad("{file}: server.timeSliceMs: " + SLICE_RULE + "1000000000.5", scenario(sync("1000000000.5"), "1", uniform("1"))),
                bad("{file}: variants[1].timeSliceMs: " + SLICE_RULE + "1.0E-8", scenario(SYNC, "1", uniform("1")).replace(
                        "\"arrivals\"", "\"variants\": [{\"label\": \"a\"}, {\"label\": \"b\", \"timeSliceMs\": 1e-8}], \"arrivals\"")),
                // limits of one run, found while it runs
                bad("more than 1000000 requests in flight at 0 ms (the most one run holds): the server cannot keep up with the"
                        + " arrivals; lower the rate or the count",
                        scenario(SYNC, "1", "{\"pattern\": \"burst\", \"count\": 1000001}")),
                bad("the simulated clock would pass 1099511627776 ms (about 34.8 years), beyond which it cannot keep 1 µs"
                        + " (an event was due at 1100000000000 ms); shorten the durations or lower the count",
                        scenario(sync("0"), "1e9", "{\"pattern\": \"burst\", \"count\": 1099, \"atMs\": 1e9}")));
    }

    @ParameterizedTest(name = "{2} {0}")
    @MethodSource("badInput")
    @DisplayName("simulate: exit 2, one line naming the path or flag, the value and the bound; no file written or changed")
    void badInput(String expectedErr, String file, List<String> flags, @TempDir Path dir) throws IOException {
        Path scenario = Files.writeString(dir.resolve("s.json"), file);
        Path existing = Files.writeString(dir.resolve("existing.csv"), KEPT);
        Path fresh = dir.resolve("fresh.csv");
        List<String> args = new ArrayList<>(List.of("simulate", scenario.toString(), "--requests", fresh.toString(),
                "--spans", existing.toString()));
        args.addAll(flags);
        List<String> before = listing(dir);

        Result r = run(args.toArray(String[]::new));

        assertThat(r.code()).as(r.toString()).isEqualTo(Cli.BAD_INPUT);
        assertThat(r.out()).as("stdout").isEmpty();
        assertThat(r.errLines()).as("stderr").containsExactly("interleave: " + expectedErr.replace("{file}", scenario.toString()));
        assertThat(fresh).as("no output file created").doesNotExist();
        assertThat(existing).as("existing output untouched").hasContent(KEPT.strip());
        assertThat(listing(dir)).as("no temporary files left").isEqualTo(before);
    }

    static Stream<Arguments> atTheEdge() {
        return Stream.of(
                Arguments.of(scenario(SYNC, "1", poisson("0.1")), List.of()),
                Arguments.of(scenario(SYNC, "1", poisson("10000000")), List.of()),
                Arguments.of(RATED, List.of("--count", "20", "--rate", "0.1")),
                Arguments.of(RATED, List.of("--count", "20", "--rate", "10000000")),
                Arguments.of(UNIFORM, List.of("--rate", "0.1")),
                Arguments.of(scenario(SYNC, "1", uniform("10000")), List.of()),
                Arguments.of(scenario(SYNC, "1", uniform("0.0001")), List.of()),
                Arguments.of(scenario(SYNC, "1", uniform("0")), List.of()),
                Arguments.of(scenario(SYNC, "1", "{\"pattern\": \"burst\", \"count\": 2, \"atMs\": 1e9}"), List.of()),
                Arguments.of(scenario(sync("0.001"), "1", "{\"pattern\": \"burst\", \"count\": 2, \"atMs\": 1e9}"), List.of()),
                Arguments.of(scenario(sync("1e9"), "1", uniform("1")), List.of()),
                Arguments.of(scenario(sync("0"), "1e9", "{\"pattern\": \"burst\", \"count\": 1098, \"atMs\": 1e9}"), List.of()));
    }

    @ParameterizedTest(name = "{1} {0}")
    @MethodSource("atTheEdge")
    @DisplayName("simulate: each bound itself is accepted and the run completes")
    void atTheEdge(String file, List<String> flags, @TempDir Path dir) throws IOException {
        Path scenario = Files.writeString(dir.resolve("s.json"), file);
        List<String> args = new ArrayList<>(List.of("simulate", scenario.toString()));
        args.addAll(flags);

        Result r = run(args.toArray(String[]::new));

        assertThat(r.code()).as(r.toString()).isEqualTo(Cli.OK);
        assertThat(r.json().get("completed").asLong()).isEqualTo(r.json().get("requests").asLong());
        assertThat(r.json().get("responseMs").get("min").asDouble()).as("every request computes for its full time").isGreaterThanOrEqualTo(1.0);
    }

    @Test
    @DisplayName("the issue's case: M/M/1 at 1e-12 a second printed a mean of 0.02 ms; at the slowest rate allowed the work of about 1 ms is kept")
    void slowRateKeepsTheWork(@TempDir Path dir) throws IOException {
        Path scenario = Files.writeString(dir.resolve("s.json"), MM1);
        Result r = run("simulate", scenario.toString(), "--count", "1000", "--rate", "0.1");
        assertThat(r.code()).as(r.toString()).isEqualTo(Cli.OK);
        // nobody queues at one arrival per 10 s: each response is its own exponential service of mean 1 ms
        assertThat(r.json().get("responseMs").get("mean").asDouble()).isBetween(0.9, 1.1);
        assertThat(r.json().get("responseMs").get("p50").asDouble()).isBetween(0.6, 0.8);
    }

    @Test
    @DisplayName("sweep: a rate below the bound exits 2 naming --rates, the rate and the bound; no file written")
    void sweepBelowTheBound(@TempDir Path dir) throws IOException {
        Path scenario = Files.writeString(dir.resolve("s.json"), MM1);
        Path out = dir.resolve("o.csv");

        Result r = run("sweep", scenario.toString(), "--rates", "0.05:1:0.05", "--out", out.toString());

        assertThat(r.code()).as(r.toString()).isEqualTo(Cli.BAD_INPUT);
        assertThat(r.errLines()).containsExactly("interleave: --rates: every rate " + RATE_RULE + "0.05");
        assertThat(out).doesNotExist();
        Result edge = run("sweep", scenario.toString(), "--rates", "0.1:0.2:0.1", "--requests", "20", "--out", out.toString());
        assertThat(edge.code()).as(edge.toString()).isEqualTo(Cli.OK);
        assertThat(out).exists();
    }

    @Test
    @DisplayName("sweep: a point whose queue passes the in-flight limit exits 2 with the run's line; no file written")
    void sweepPastTheInFlightLimit(@TempDir Path dir) throws IOException {
        Path scenario = Files.writeString(dir.resolve("s.json"), scenario(SYNC, "1000", poisson("900")));
        Path out = dir.resolve("o.csv");

        Result r = run("sweep", scenario.toString(), "--rates", "10000000:10000000:1", "--requests", "1000001",
                "--out", out.toString());

        assertThat(r.code()).as(r.toString()).isEqualTo(Cli.BAD_INPUT);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.errLines().get(0)).matches("interleave: more than 1000000 requests in flight at \\d+(\\.\\d+)? ms \\(the most one run"
                + " holds\\): the server cannot keep up with the arrivals; lower the rate or the count");
        assertThat(out).doesNotExist();
    }

    @Test
    @DisplayName("out of memory (a java with a 32 MiB heap): exit 1, one line naming the heap, no stack trace, nothing written")
    void outOfMemory(@TempDir Path dir) throws IOException, InterruptedException {
        Path scenario = Files.writeString(dir.resolve("s.json"), scenario(SYNC, "1", "{\"pattern\": \"burst\", \"count\": 900000}"));
        Path fresh = dir.resolve("fresh.csv");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx32m", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                "io.interleave.Main", "simulate", scenario.toString(), "--requests", fresh.toString())
                .directory(dir.toFile()).redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(dir.resolve("stderr.txt").toFile())
                .start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
        List<String> err = Files.readAllLines(dir.resolve("stderr.txt"), StandardCharsets.UTF_8);

        assertThat(p.exitValue()).as(String.join("\n", err)).isEqualTo(Cli.FAILURE);
        assertThat(err).hasSize(1);
        assertThat(err.get(0)).startsWith("interleave: out of memory (maximum heap ").endsWith("nothing was written");
        assertThat(Files.readString(dir.resolve("stdout.txt"))).isEmpty();
        assertThat(listing(dir)).containsExactly("s.json", "stderr.txt", "stdout.txt");
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
