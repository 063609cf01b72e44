package io.interleave.cli;

import static io.interleave.cli.CliRunner.fixture;
import static io.interleave.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.interleave.cli.CliRunner.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input exits 2 with exactly one line on stderr naming the flag, path or
 * value, prints nothing on stdout and writes no file: unless a case says
 * otherwise, each run also asks for {@code --requests} into a new file and
 * {@code --spans} onto an existing one, and neither may change.
 */
@DisplayName("Command line: bad input exits 2 with one line on stderr and writes nothing")
class CliBadInputTest {
    private static final String KEPT = "an earlier run's output\n";

    static Arguments bad(String expectedErr, String... args) {
        return Arguments.of(expectedErr, List.of(args));
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                // flags
                bad("Unknown option: '--bogus'", "simulate", "preset:three-requests", "--bogus"),
                bad("--workers: must be between 1 and 10000, was 0", "simulate", "preset:three-requests", "--workers", "0"),
                bad("--workers: must be between 1 and 10000, was 10001", "simulate", "preset:three-requests", "--workers", "10001"),
                bad("--workers: must be an integer such as 4, was 'abc'", "simulate", "preset:three-requests", "--workers", "abc"),
                bad("--workers: must be an integer between -2147483648 and 2147483647, was 99999999999", "simulate", "preset:three-requests", "--workers", "99999999999"),
                bad("--cores: must be between 1 and 1024, was 0", "simulate", "preset:three-requests", "--cores", "0"),
                bad("--policy: must be sync, event-loop or event-loop+pool, was 'foo'", "simulate", "preset:three-requests", "--policy", "foo"),
                bad("--rate: must be between 0.1 and 10000000 per second, was -1", "simulate", "{uniform}", "--rate", "-1"),
                bad("--rate: must be between 0.1 and 10000000 per second, was 0", "simulate", "{uniform}", "--rate", "0"),
                bad("--rate: must be a number such as 2.5, was 'NaN'", "simulate", "{uniform}", "--rate", "NaN"),
                bad("--rate: must be a number such as 2.5, was 'Infinity'", "simulate", "{uniform}", "--rate", "Infinity"),
                bad("--rate: must be a number such as 2.5, was 'fast'", "simulate", "{uniform}", "--rate", "fast"),
                bad("--rate: applies to poisson and uniform arrivals; this scenario's arrivals are 'explicit'",
                        "simulate", "preset:three-requests", "--rate", "10"),
                bad("--count: this scenario lists its arrivals explicitly; --count applies to poisson, uniform, burst and closed arrivals",
                        "simulate", "preset:three-requests", "--count", "5"),
                bad("--count: must be between 1 and 100000000, was 0", "simulate", "{uniform}", "--count", "0"),
                bad("--count: must be between 1 and 100000000, was 100000001", "simulate", "{uniform}", "--count", "100000001"),
                bad("--warmup: must be at least 0 and less than the number of requests (3), was 3",
                        "simulate", "preset:three-requests", "--warmup", "3"),
                bad("--warmup: must be at least 0 and less than the number of requests (5), was 7",
                        "simulate", "{uniform}", "--count", "5", "--warmup", "7"),
                bad("--warmup: must be at least 0 and less than the number of requests (3), was -1",
                        "simulate", "preset:three-requests", "--warmup", "-1"),
                bad("--seed: must be an integer, was 1.5", "simulate", "preset:three-requests", "--seed", "1.5"),
                bad("Missing required parameter for option '--workers' (N)", "simulate", "preset:three-requests", "--workers"),
                bad("Missing required parameter: 'SCENARIO'", "simulate"),
                bad("Unmatched argument at index 6: 'extra'", "simulate", "preset:three-requests", "extra"),
                bad("Unmatched arguments from index 0: 'simulat', 'preset:three-requests' (did you mean simulate?)",
                        "simulat", "preset:three-requests"),
                bad("Unknown options: '--worker', '2' (did you mean --workers?)", "simulate", "preset:three-requests", "--worker", "2"),
                // every flag's value is read by one rule, and what it breaks inside names the flag (issue 15, items 5 and 6)
                bad("--rate: must be between 0.1 and 10000000 per second, was 0.0000001",
                        "simulate", "preset:wimpy-database", "--rate", "1e-7"),
                bad("--rate: must be a number such as 2.5, was '0x1p3'", "simulate", "{uniform}", "--rate", "0x1p3"),
                bad("--rate: must be a number such as 2.5, was '5d'", "simulate", "{uniform}", "--rate", "5d"),
                bad("--rate: must be a number such as 2.5, was ' 5'", "simulate", "{uniform}", "--rate", " 5"),
                bad("--rate: is too large to compute with, was 1e400", "simulate", "{uniform}", "--rate", "1e400"),
                bad("--rate: is too close to 0 to compute with, was 1e-400", "simulate", "{uniform}", "--rate", "1e-400"),
                bad("--count: must be an integer, was 2.5", "simulate", "{uniform}", "--count", "2.5"),
                bad("--count: must be between 1 and 100000000, was 1000000000", "simulate", "{uniform}", "--count", "1e9"),
                bad("--seed: must be an integer between -9223372036854775808 and 9223372036854775807, was 1e19",
                        "simulate", "preset:three-requests", "--seed", "1e19"),
                bad("--seed: must be an integer such as 4, was '0x10'", "simulate", "preset:three-requests", "--seed", "0x10"),
                bad("--cores: must be an integer such as 4, was ''", "simulate", "preset:three-requests", "--cores", ""),
                bad("--requests: the file name is empty", "simulate", "preset:three-requests", "--requests", ""),
                bad("--requests: must name a file, was '/'", "simulate", "preset:three-requests", "--requests", "/"),
                bad("--out: must name a file, was '/'", "render", "preset:three-requests", "--out", "/"),
                bad("--out: the file name is empty", "render", "preset:three-requests", "--out", ""),
                bad("--width: must be an integer, was 1000.5", "render", "preset:three-requests", "--out", "{dir}/o.svg", "--width", "1000.5"),
                bad("--scale: must be a number such as 2.5, was 'NaN'", "render", "preset:three-requests", "--out", "{dir}/o.svg", "--scale", "NaN"),
                // scenarios
                bad("scenario file: the name is empty; give a scenario file or preset:NAME", "simulate", ""),
                bad("' ': no such file", "simulate", " "),
                bad("{dir}/missing.json: no such file", "simulate", "{dir}/missing.json"),
                bad("{invalid}: requestTypes[0].segments[1].ms.mean: must be > 0, was 0", "simulate", "{invalid}"),
                bad("{badTimeout}: requestTypes[1].timeoutMs: must be > 0 and <= 1000000000, was 0", "simulate", "{badTimeout}"),
                bad("{malformed}: line 5, column 3: malformed JSON: Unexpected character ('\"' (code 34)): was expecting comma to separate Object entries",
                        "simulate", "{malformed}"),
                bad("{dir}: is a directory, not a scenario file", "simulate", "{dir}"),
                bad("unknown preset 'nope' (known: " + String.join(", ", io.interleave.scenario.Presets.ids()) + ")",
                        "simulate", "preset:nope"),
                // outputs
                bad("--requests: directory {dir}/no-such-dir does not exist", "simulate", "preset:three-requests",
                        "--requests", "{dir}/no-such-dir/out.csv"),
                bad("--requests: {dir} is a directory", "simulate", "preset:three-requests", "--requests", "{dir}"),
                bad("--spans: {dir}/sub is a directory", "simulate", "preset:three-requests", "--spans", "{dir}/sub"),
                bad("--spans: directory {dir}/existing.csv does not exist", "simulate", "preset:three-requests",
                        "--spans", "{dir}/existing.csv/out.csv"),
                bad("two outputs name the same file: {dir}/existing.csv", "simulate", "preset:three-requests",
                        "--requests", "{dir}/existing.csv", "--spans", "{dir}/existing.csv"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badInput")
    @DisplayName("exit 2, one line naming the flag, path or value, nothing on stdout, no file written")
    void badInput(String expectedErr, List<String> template, @TempDir Path dir) throws IOException {
        Files.createDirectory(dir.resolve("sub"));
        Path existing = Files.writeString(dir.resolve("existing.csv"), KEPT);
        Path fresh = dir.resolve("fresh.csv");
        List<String> args = new ArrayList<>();
        for (String a : template) {
            args.add(expand(a, dir));
        }
        if (template.get(0).equals("simulate")) {
            // Right after the command name, so they cannot become the value of a flag under test.
            if (!template.contains("--requests")) {
                args.addAll(1, List.of("--requests", fresh.toString()));
            }
            if (!template.contains("--spans")) {
                args.addAll(1, List.of("--spans", existing.toString()));
            }
        }
        List<String> before = listing(dir);

        Result r = run(args.toArray(String[]::new));

        assertThat(r.code()).as(r.toString()).isEqualTo(Cli.BAD_INPUT);
        assertThat(r.out()).as("stdout").isEmpty();
        assertThat(r.errLines()).as("stderr").containsExactly("interleave: " + expand(expectedErr, dir));
        assertThat(fresh).as("no output file created").doesNotExist();
        assertThat(existing).as("existing output untouched").hasContent(KEPT.strip());
        assertThat(listing(dir)).as("no temporary files left").isEqualTo(before);
    }

    private static String expand(String s, Path dir) {
        return s.replace("{dir}", dir.toString())
                .replace("{invalid}", fixture("invalid.json").toString())
                .replace("{badTimeout}", fixture("timeout-invalid.json").toString())
                .replace("{malformed}", fixture("malformed.json").toString())
                .replace("{uniform}", fixture("uniform.json").toString())
                .replace("{poisson}", fixture("poisson.json").toString());
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    @DisplayName("an output directory without write permission exits 2 naming the flag and the file")
    void unwritableDirectory(@TempDir Path dir) throws IOException {
        assumeFalse("root".equals(System.getProperty("user.name")), "root can write anywhere");
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Path out = locked.resolve("out.csv");

            Result r = run("simulate", "preset:three-requests", "--requests", out.toString());

            assertThat(r.code()).isEqualTo(Cli.BAD_INPUT);
            assertThat(r.out()).isEmpty();
            assertThat(r.errLines()).containsExactly("interleave: --requests: cannot write " + out + " (permission denied)");
            assertThat(out).doesNotExist();
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    @DisplayName("a scenario file argument that is not a valid path exits 2")
    void invalidPath() {
        Result r = run("simulate", "bad\u0000name.json");

        assertThat(r.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).hasSize(1).first().asString().startsWith("interleave: SCENARIO: ");
    }

    @Test
    @DisplayName("an unknown command exits 2 with one line naming it")
    void unknownCommand() {
        Result r = run("frobnicate");

        assertThat(r.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).hasSize(1).first().asString().startsWith("interleave: Unmatched argument at index 0: 'frobnicate'");
    }
}
