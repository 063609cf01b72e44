package io.interleave.cli;

import static io.interleave.cli.CliRunner.fixture;
import static io.interleave.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.cli.CliRunner.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("sweep: response time against arrival rate under each compare variant")
class SweepCommandTest {
    @TempDir
    Path dir;

    /** A parsed CSV row. */
    record Row(String policy, double rate, double mean, double ciLow, double ciHigh, double p95,
               double throughput, double cpu, double rejected, String variant) {
        static Row parse(String line) {
            String[] c = line.split(",", 10);
            assertThat(c).as(line).hasSize(10);
            return new Row(c[0], d(c[1]), d(c[2]), d(c[3]), d(c[4]), d(c[5]), d(c[6]), d(c[7]), d(c[8]), c[9]);
        }

        private static double d(String s) {
            return Double.parseDouble(s);
        }
    }

    private List<Row> sweep(Path out, String... extra) throws IOException {
        return sweepOf(fixture("sweep-mix.json").toString(), out, extra);
    }

    private List<Row> sweepOf(String scenario, Path out, String... extra) throws IOException {
        String[] base = {"sweep", scenario, "--out", out.toString()};
        String[] args = Stream.concat(Stream.of(base), Stream.of(extra)).toArray(String[]::new);
        Result r = run(args);
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).isEmpty();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("policy,ratePerSec,meanResponseMs,ciLowMs,ciHighMs,p95Ms,throughputPerSec,cpuUtilization,rejected,variant");
        return lines.stream().skip(1).map(Row::parse).toList();
    }

    @Test
    @DisplayName("without variants: one row per policy and rate, sync first, rates ascending and inclusive of the stop; variant is the policy's name")
    void rowsPerPolicyAndRate() throws IOException {
        List<Row> rows = sweep(dir.resolve("s.csv"), "--rates", "20:140:40");

        assertThat(rows).extracting(Row::policy)
                .containsExactly("sync", "sync", "sync", "sync", "event-loop", "event-loop", "event-loop", "event-loop");
        assertThat(rows).extracting(Row::rate).containsExactly(20.0, 60.0, 100.0, 140.0, 20.0, 60.0, 100.0, 140.0);
        assertThat(rows).extracting(Row::variant).containsExactly("Sync (threads)", "Sync (threads)", "Sync (threads)", "Sync (threads)",
                "Event loop", "Event loop", "Event loop", "Event loop");
    }

    @Test
    @DisplayName("a file with three variants: rows for each in file order, labelled in the last column (quoted when it holds a comma)")
    void rowsPerVariant() throws IOException {
        List<Row> rows = sweepOf(fixture("sweep-variants.json").toString(), dir.resolve("v.csv"), "--rates", "20:60:40");

        assertThat(rows).extracting(Row::variant)
                .containsExactly("1 thread", "1 thread", "\"4 threads, 2 cores\"", "\"4 threads, 2 cores\"", "one loop", "one loop");
        assertThat(rows).extracting(Row::policy).containsExactly("sync", "sync", "sync", "sync", "event-loop", "event-loop");
        assertThat(rows).extracting(Row::rate).containsExactly(20.0, 60.0, 20.0, 60.0, 20.0, 60.0);
        // one thread of 47 ms requests (about 21/s) falls behind at 60/s; four threads do not
        assertThat(rows.get(1).throughput()).isLessThan(0.9 * 60);
        assertThat(rows.get(3).throughput()).isGreaterThan(0.9 * 60);
    }

    @Test
    @DisplayName("four threads of 47 ms requests saturate near 85 per second; the event loop keeps up at 140")
    void syncSaturatesFirst() throws IOException {
        List<Row> rows = sweep(dir.resolve("s.csv"), "--rates", "20:140:40");
        Row syncLow = rows.get(0);
        Row syncHigh = rows.get(3);
        Row loopHigh = rows.get(7);

        // At 20/s both keep up; at 140/s four threads (capacity about 4 / 47 ms = 85/s) cannot.
        assertThat(syncLow.throughput()).isBetween(0.9 * 20, 1.1 * 20);
        assertThat(syncHigh.throughput()).isLessThan(0.9 * 140);
        assertThat(syncHigh.mean()).isGreaterThan(10 * syncLow.mean());
        // The event loop's CPU need is 7 ms per request on 2 cores: 140/s is 49% utilisation.
        assertThat(loopHigh.throughput()).isBetween(0.9 * 140, 1.1 * 140);
        assertThat(loopHigh.cpu()).isBetween(0.40, 0.60);
        assertThat(loopHigh.mean()).isLessThan(2 * rows.get(4).mean());
    }

    @Test
    @DisplayName("with replications each mean lies inside its 95% confidence interval, which has width and is above zero")
    void replicationsGiveIntervals() throws IOException {
        List<Row> rows = sweep(dir.resolve("s.csv"), "--rates", "20:60:40", "--replications", "4");

        for (Row row : rows) {
            assertThat(row.ciLow()).as(row.toString()).isPositive().isLessThan(row.mean());
            assertThat(row.ciHigh()).as(row.toString()).isGreaterThan(row.mean());
        }
    }

    @Test
    @DisplayName("near saturation with 3 replications ciLowMs stays above zero (the Student-t interval gave -7.8 ms at 80/s and -57 ms at 90/s)")
    void ciLowNeverNegative() throws IOException {
        List<Row> rows = sweep(dir.resolve("s.csv"), "--rates", "70:100:10", "--replications", "3", "--requests", "300");

        assertThat(rows).hasSize(8);
        for (Row row : rows) {
            assertThat(row.ciLow()).as(row.toString()).isPositive().isLessThan(row.mean());
            assertThat(row.ciHigh()).as(row.toString()).isGreaterThan(row.mean());
        }
        Row sync80 = rows.get(1);
        assertThat(sync80.rate()).isEqualTo(80);
        assertThat(sync80.mean()).isCloseTo(112.58, org.assertj.core.api.Assertions.within(0.01));
        assertThat(sync80.ciLow()).isCloseTo(40.21, org.assertj.core.api.Assertions.within(0.01));
    }

    @Test
    @DisplayName("with one replication the interval is the mean itself")
    void oneReplicationHasNoWidth() throws IOException {
        for (Row row : sweep(dir.resolve("s.csv"), "--rates", "50:50:10")) {
            assertThat(row.ciLow()).isEqualTo(row.mean());
            assertThat(row.ciHigh()).isEqualTo(row.mean());
        }
    }

    @Test
    @DisplayName("running in parallel changes nothing: two sweeps write identical files")
    void deterministic() throws IOException {
        sweep(dir.resolve("a.csv"), "--rates", "20:100:40", "--replications", "3");
        sweep(dir.resolve("b.csv"), "--rates", "20:100:40", "--replications", "3");

        assertThat(Files.readString(dir.resolve("a.csv"))).isEqualTo(Files.readString(dir.resolve("b.csv")));
    }

    @Test
    @DisplayName("--chart PNG: a readable image of 1200 x 720 pixels beside the CSV")
    void chartPng() throws IOException {
        Path png = dir.resolve("chart.png");
        sweep(dir.resolve("s.csv"), "--rates", "20:140:40", "--chart", png.toString());

        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(720);
    }

    @Test
    @DisplayName("--chart SVG: both series, sync's saturation marked at its capacity (4 threads / 47 ms = 85/s), the event loop's never")
    void chartSvgMarksSaturation() throws IOException {
        Path svg = dir.resolve("chart.svg");
        sweep(dir.resolve("s.csv"), "--rates", "20:140:40", "--replications", "2", "--chart", svg.toString());

        String text = Files.readString(svg);
        assertThat(text).contains("class=\"mean variant-0 sync\"", "class=\"mean variant-1 event-loop\"", "class=\"band variant-0 sync\"",
                "class=\"saturation variant-0 sync\"", "saturates at ≈85.1/s (capacity of 4 threads); measured past it at 100/s",
                ">Event loop<", " keeps up at every rate (capacity ≈286/s)");
        assertThat(text).doesNotContain("class=\"saturation variant-1");
        // waits on a database: no textbook queue, so no theory curve
        assertThat(text).doesNotContain("class=\"theory");
    }

    @Test
    @DisplayName("--chart on an M/M/1 scenario draws the theory curve, labelled")
    void chartTheory() throws IOException {
        Path svg = dir.resolve("mm1.svg");
        Result r = run("sweep", fixture("sweep-mm1.json").toString(), "--rates", "20:80:20", "--out", dir.resolve("m.csv").toString(),
                "--chart", svg.toString());
        assertThat(r.code()).as(r.toString()).isZero();

        String text = Files.readString(svg);
        assertThat(text).contains("class=\"theory variant-0 sync\"", "class=\"theory variant-1 event-loop\"", "theory: M/M/1");
    }

    @Test
    @DisplayName("explicit arrivals are swept as Poisson with the listed mix, and the command says so ('A blocking call' sends its legacy requests)")
    void explicitArrivals() throws IOException {
        Path out = dir.resolve("b.csv");
        Result r = run("sweep", "preset:blocking-call", "--rates", "5:10:5", "--requests", "200", "--out", out.toString());

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("explicit arrivals have no rate: swept as Poisson arrivals with the same mix (").contains("legacy ")
                .contains("200 requests per run");
        long variants = r.out().lines().filter(l -> l.contains(" saturates at ") || l.contains(" keeps up ")).count();
        assertThat(variants).isGreaterThanOrEqualTo(2);
        assertThat(Files.readAllLines(out)).hasSize((int) (1 + 2 * variants));
    }

    static Stream<Arguments> badInput() {
        String mix = fixture("sweep-mix.json").toString();
        return Stream.of(
                Arguments.of(List.of("sweep", mix, "--rates", "10-200", "--out", "OUT"), "--rates: must be START:STOP:STEP"),
                Arguments.of(List.of("sweep", mix, "--rates", "10:x:10", "--out", "OUT"), "--rates: STOP must be a number such as 2.5, was 'x' (in '10:x:10')"),
                Arguments.of(List.of("sweep", mix, "--rates", "200:10:10", "--out", "OUT"), "--rates: STOP must be at least START (200), was 10"),
                Arguments.of(List.of("sweep", mix, "--rates", "10:200:0", "--out", "OUT"), "--rates: STEP must be > 0, was 0"),
                Arguments.of(List.of("sweep", mix, "--rates", "0:200:10", "--out", "OUT"), "--rates: START must be > 0, was 0"),
                // the grid is checked before anything runs (issue 15, item 6)
                Arguments.of(List.of("sweep", mix, "--rates", "9999999:10000001:1", "--out", "OUT"), "--rates: STOP must be at most 10000000 per second, was 10000001"),
                Arguments.of(List.of("sweep", mix, "--rates", "1:2:1e-320", "--out", "OUT"), "--rates: STEP 1e-320 is too small to move from 1 to a next rate"),
                Arguments.of(List.of("sweep", mix, "--rates", "1:2:1e-20", "--out", "OUT"), "--rates: STEP 1e-20 is too small to move from 1 to a next rate"),
                Arguments.of(List.of("sweep", mix, "--rates", "1:1e7:1e-3", "--out", "OUT"), "--rates: at most 10000 rates, was 9999999001; use a larger STEP"),
                Arguments.of(List.of("sweep", mix, "--rates", "100:1e7:1e-9", "--out", "OUT"), "--rates: at most 10000 rates, was about 1.0e+16; use a larger STEP"),
                Arguments.of(List.of("sweep", mix, "--rates", "1:10001:1", "--out", "OUT"), "--rates: at most 10000 rates, was 10001; use a larger STEP"),
                Arguments.of(List.of("sweep", mix, "--rates", "1:2:NaN", "--out", "OUT"), "--rates: STEP must be a number such as 2.5, was 'NaN' (in '1:2:NaN')"),
                Arguments.of(List.of("sweep", mix, "--rates", "1:1e400:1", "--out", "OUT"), "--rates: STOP is too large to compute with, was 1e400 (in '1:1e400:1')"),
                Arguments.of(List.of("sweep", "preset:wimpy-database", "--rates", "0.0000001:0.0000002:0.0000001", "--out", "OUT"),
                        "--rates: every rate must be between 0.1 and 10000000 per second, was 0.0000001"),
                Arguments.of(List.of("sweep", mix, "--rates", "10:200:10", "--replications", "1e400", "--out", "OUT"),
                        "--replications: must be an integer between -2147483648 and 2147483647, was 1e400"),
                Arguments.of(List.of("sweep", mix, "--rates", "10:200:10", "--out", "/"), "--out: must name a file, was '/'"),
                Arguments.of(List.of("sweep", mix, "--rates", "10:200:10", "--out", "OUT", "--chart", ""), "--chart: the file name is empty"),
                Arguments.of(List.of("sweep", mix, "--rates", "10:200:10", "--replications", "0", "--out", "OUT"), "--replications: must be between 1 and 1000"),
                Arguments.of(List.of("sweep", mix, "--rates", "10:200:10", "--out", "OUT.txt"), "--out: must name a .csv file"),
                Arguments.of(List.of("sweep", mix, "--rates", "10:200:10", "--out", "missing/OUT"), "--out: directory"),
                Arguments.of(List.of("sweep", mix, "--rates", "10:200:10", "--requests", "0", "--out", "OUT"), "--requests: must be between 1 and"),
                Arguments.of(List.of("sweep", mix, "--out", "OUT"), "Missing required option: '--rates=START:STOP:STEP'"),
                Arguments.of(List.of("sweep", mix, "--rates", "10:200:10", "--out", "OUT", "--chart", "OUT.gif"), "--chart: must end in .png or .svg"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badInput")
    @DisplayName("bad input: exit 2, one line naming the flag, nothing written")
    void badInputWritesNothing(List<String> args, String expected) throws IOException {
        String[] resolved = args.stream()
                .map(a -> a.startsWith("OUT") ? dir.resolve(a.replace("OUT", "out") + (a.equals("OUT") ? ".csv" : "")).toString()
                        : a.startsWith("missing/") ? dir.resolve(a.replace("OUT", "out.csv")).toString() : a)
                .toArray(String[]::new);
        Result r = run(resolved);

        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.errLines()).as(r.toString()).hasSize(1);
        assertThat(r.errLines().get(0)).contains(expected);
        assertThat(r.out()).isEmpty();
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }
}
