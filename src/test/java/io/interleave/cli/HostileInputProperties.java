package io.interleave.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.cli.CliRunner.Result;
import io.interleave.scenario.Presets;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.ScenarioJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;

/**
 * Hostile input through the whole command line, in process: random bytes,
 * and valid scenarios (the examples and every preset) mutated token by token
 * (deleted, duplicated, replaced, numbers pushed to extremes, strings turned
 * to odd Unicode, raw bytes that are not UTF-8). Every outcome is exit 0
 * with a result, or exit 2 with exactly one line on stderr; never a stack
 * trace, never exit 1, and never an output file written on failure.
 *
 * <p>Each run is kept small so the class fits the suite: request counts are
 * set to at most 20 before mutating, and a mutant that still asks for more
 * than 50 requests, or for time slices under 0.01 ms (whose event count the
 * engine bounds elsewhere), is discarded rather than run.
 */
@Label("Command line: hostile input exits 0 with a result or 2 with one line, and writes nothing on failure")
class HostileInputProperties {
    private static final String SEED = "15150015";
    private static final Pattern TOKEN = Pattern.compile(
            "\"(?:[^\"\\\\]|\\\\.)*\"|-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?|true|false|null|[{}\\[\\]:,]|\\s+");
    private static final Pattern COUNT = Pattern.compile("(\"(?:count|users)\"\\s*:\\s*)\\d+");
    /** Replacements for a token: structure, literals, extreme and fractional numbers, odd strings. */
    private static final List<String> ODD_TOKENS = List.of(
            "{", "}", "[", "]", ":", ",", "null", "true", "false", "\"\"", "0", "-1", "-0", "2.5", "1e18", "1e400", "-1e400",
            "1e-400", "4.9e-324", "99999999999999999999", "9223372036854775808", "1e9999999999", "0.1e1", "1" + "0".repeat(40),
            "\"sync\"", "\"event-loop\"", "\"event-loop+pool\"", "\"poisson\"", "\"explicit\"", "\"closed\"", "\"burst\"", "\"uniform\"",
            "\"exponential\"", "\"lognormal\"", "\"database\"", "\"compute\"", "\"wait\"", "\"block\"", "\"x\"", "{}", "[]",
            "\"\\ud800\"", "\"\\udfff\\ud800\"", "\"\\uffff\"", "\"\\ufffe\"", "\"\\ufdd0\"", "\"\\u0000\"", "\"\\u001b[2J\"", "\"\\u0007\"",
            "\"<svg>&amp;\\\"'\"", "\"\\ud83d\\ude00\"", "\"\\u05e9\\u05dc\\u05d5\\u05dd\"", "\"\\u202e\"", "\"a\\nb\"", "\"\\t\"", "NaN",
            "Infinity", "0x10", "'single'", "/* */", "\"" + "w".repeat(300) + "\"");
    private static final List<String> ODD_TEXT = List.of(
            "\\ud800", "\\udc00", "\\uffff", "\\ufffe", "\\u0000", "\\u001b]0;x\\u0007", "\\u0085", "<&>\\\"'", "\\ud83d\\ude00",
            "\\u05e9\\u05dc\\u05d5\\u05dd", "\\u202e", "\\n", "\\r\\n", "\\t", " ", "", "\\u00e9e\\u0301");
    private static final List<byte[]> ODD_BYTES = List.of(
            new byte[] {(byte) 0xff}, new byte[] {(byte) 0xc0, (byte) 0x80}, new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
            new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, new byte[] {0}, new byte[] {0x1b}, new byte[] {(byte) 0xe2, (byte) 0x82});

    private static final List<String> SEEDS = seeds();

    /** The examples and every preset, with their counts made small. */
    private static List<String> seeds() {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> examples = Files.list(Path.of("examples"))) {
            for (Path p : examples.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                texts.add(Files.readString(p));
            }
            for (String id : Presets.ids()) {
                try (InputStream in = Presets.class.getResourceAsStream("presets/" + id + ".json")) {
                    texts.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts.stream().map(t -> COUNT.matcher(t).replaceAll("$120")).toList();
    }

    // ---------------------------------------------------------------- properties

    @Property(tries = 200, seed = SEED, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    @Label("a mutated valid scenario: exit 0 with a result or 2 with one line; nothing written on failure")
    void mutatedScenario(@ForAll("mutants") Mutant mutant) throws IOException {
        check(mutant.bytes(), mutant.command());
    }

    /** A mutated file and the command to run it with. */
    record Mutant(byte[] bytes, String command) {
        @Override
        public String toString() {
            return command + " on " + new String(bytes, StandardCharsets.UTF_8);
        }
    }

    @Property(tries = 50, seed = SEED, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.FIRST)
    @Label("random bytes: exit 2 with one line, nothing written")
    void randomBytes(@ForAll("bytes") byte[] file) throws IOException {
        Outcome o = check(file, "simulate");
        assertThat(o.code).isEqualTo(Cli.BAD_INPUT);
    }

    // ---------------------------------------------------------------- generators

    /**
     * Half the mutants edit tokens anywhere (mostly broken files); the other
     * half only put odd Unicode into string values, so the file stays
     * well-formed and its names reach the outputs (CSV, JSON, SVG) more often.
     */
    @Provide
    Arbitrary<Mutant> mutants() {
        Arbitrary<byte[]> anywhere = Combinators.combine(Arbitraries.integers().between(0, SEEDS.size() - 1),
                Arbitraries.integers().between(1, 4), Arbitraries.longs()).as(HostileInputProperties::mutate);
        Arbitrary<byte[]> inText = Combinators.combine(Arbitraries.integers().between(0, SEEDS.size() - 1),
                Arbitraries.integers().between(1, 3), Arbitraries.longs()).as(HostileInputProperties::mutateText);
        // odd text is drawn into pictures: render half of those files
        return Arbitraries.oneOf(Combinators.combine(anywhere, commands()).as(Mutant::new),
                Combinators.combine(inText, Arbitraries.of("render", "simulate", "simulate --compare", "render --compare")).as(Mutant::new));
    }

    /** One seed file with odd Unicode put into {@code edits} of its string values (never its field names). */
    static byte[] mutateText(int seed, int edits, long randomSeed) {
        Random random = new Random(randomSeed);
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(SEEDS.get(seed));
        while (m.find()) {
            tokens.add(m.group());
        }
        // the texts a reader shows: the scenario's name, descriptions and labels (changing a type or
        // resource name would only break the references to it)
        List<Integer> values = new ArrayList<>();
        boolean firstName = true;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).startsWith("\"") && !isKey(tokens, i)) {
                String key = keyOf(tokens, i);
                if (key.equals("\"label\"") || key.equals("\"description\"")) {
                    values.add(i);
                }
                if (key.equals("\"name\"") && firstName) {
                    values.addAll(List.of(i, i, i, i)); // the title of every picture: the likeliest target
                }
                firstName &= !key.equals("\"name\"");
            }
        }
        for (int e = 0; e < edits && !values.isEmpty(); e++) {
            int i = values.get(random.nextInt(values.size()));
            tokens.set(i, text(tokens.get(i), random));
        }
        return String.join("", tokens).getBytes(StandardCharsets.UTF_8);
    }

    /** The field name a value token belongs to, or "" in an array. */
    private static String keyOf(List<String> tokens, int i) {
        int j = i - 1;
        while (j >= 0 && tokens.get(j).isBlank()) {
            j--;
        }
        if (j < 1 || !tokens.get(j).equals(":")) {
            return "";
        }
        j--;
        while (j >= 0 && tokens.get(j).isBlank()) {
            j--;
        }
        return j >= 0 ? tokens.get(j) : "";
    }

    private static boolean isKey(List<String> tokens, int i) {
        for (int j = i + 1; j < tokens.size(); j++) {
            if (!tokens.get(j).isBlank()) {
                return tokens.get(j).equals(":");
            }
        }
        return false;
    }

    @Provide
    Arbitrary<String> commands() {
        return Arbitraries.frequency(
                net.jqwik.api.Tuple.of(6, "simulate"), net.jqwik.api.Tuple.of(2, "simulate --compare"),
                net.jqwik.api.Tuple.of(2, "render"), net.jqwik.api.Tuple.of(1, "sweep"));
        // sweep runs several simulations per file: the rarest, to keep the class quick
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        Arbitrary<byte[]> any = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        Arbitrary<byte[]> jsonish = Arbitraries.strings().withChars("{}[]:,\"0123456789.eE-+ntrufalsx\\ \n")
                .ofMaxLength(200).map(s -> s.getBytes(StandardCharsets.UTF_8));
        return Arbitraries.oneOf(any, jsonish);
    }

    /** One seed file with {@code edits} random edits of its tokens. */
    static byte[] mutate(int seed, int edits, long randomSeed) {
        Random random = new Random(randomSeed);
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(SEEDS.get(seed));
        while (m.find()) {
            tokens.add(m.group());
        }
        byte[] raw = null;
        int rawAt = -1;
        for (int e = 0; e < edits; e++) {
            int i = random.nextInt(tokens.size());
            String t = tokens.get(i);
            switch (random.nextInt(7)) {
                case 0 -> tokens.remove(i);
                case 1 -> tokens.add(i, t);
                case 2 -> tokens.set(i, ODD_TOKENS.get(random.nextInt(ODD_TOKENS.size())));
                case 3 -> tokens.set(i, number(t, random));
                case 4 -> tokens.set(i, text(t, random));
                case 5 -> tokens.add(i, tokens.get(random.nextInt(tokens.size())));
                default -> {
                    raw = ODD_BYTES.get(random.nextInt(ODD_BYTES.size()));
                    rawAt = i;
                }
            }
            if (tokens.isEmpty()) {
                break;
            }
        }
        byte[] before = String.join("", tokens.subList(0, Math.max(0, Math.min(rawAt, tokens.size())))).getBytes(StandardCharsets.UTF_8);
        if (raw == null) {
            return String.join("", tokens).getBytes(StandardCharsets.UTF_8);
        }
        byte[] after = String.join("", tokens.subList(Math.max(0, Math.min(rawAt, tokens.size())), tokens.size()))
                .getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[before.length + raw.length + after.length];
        System.arraycopy(before, 0, out, 0, before.length);
        System.arraycopy(raw, 0, out, before.length, raw.length);
        System.arraycopy(after, 0, out, before.length + raw.length, after.length);
        return out;
    }

    /** A number pushed to an extreme, or the token left as it is when it is not a number. */
    private static String number(String token, Random random) {
        if (!token.matches("-?\\d.*")) {
            return token;
        }
        String[] extremes = {"0", "-0", "-1", "1e-9", "1e-300", "1e300", "1e308", "1.7976931348623157e309", "2147483648",
                "-2147483649", "9223372036854775807", "1e18", "0.5", "1e9", "1000000001", "3.0", "1E2"};
        return extremes[random.nextInt(extremes.length)];
    }

    /** A string with odd Unicode put in, or the token as it is when it is not a string. */
    private static String text(String token, Random random) {
        if (!token.startsWith("\"") || token.length() < 2) {
            return token;
        }
        String odd = ODD_TEXT.get(random.nextInt(ODD_TEXT.size()));
        String body = token.substring(1, token.length() - 1);
        int at = random.nextInt(body.length() + 1);
        while (at > 0 && body.charAt(at - 1) == '\\') {
            at--; // never split an escape
        }
        return "\"" + body.substring(0, at) + odd + body.substring(at) + "\"";
    }

    // ---------------------------------------------------------------- the check

    record Outcome(int code) {
    }

    /** Runs one command on {@code file} in a fresh directory and checks the promise. */
    private static Outcome check(byte[] file, String command) throws IOException {
        Path dir = Files.createTempDirectory("hostile");
        try {
            Path scenario = Files.write(dir.resolve("s.json"), file);
            Assume.that(smallEnough(scenario));
            Path out = dir.resolve(command.startsWith("render") ? "o.svg" : "o.csv");
            List<String> args = new ArrayList<>(List.of(command.split(" ")));
            args.add(1, scenario.toString());
            switch (args.get(0)) {
                case "simulate" -> args.addAll(List.of("--requests", out.toString(), "--spans", dir.resolve("spans.csv").toString()));
                case "render" -> args.addAll(List.of("--out", out.toString(), "--width", "480")); // the smallest picture: quicker
                default -> args.addAll(List.of("--rates", "10:20:10", "--requests", "20", "--out", out.toString()));
            }

            Result r = CliRunner.run(args.toArray(String[]::new));

            Statistics.label("exit").collect(r.code());
            assertThat(r.code()).as(r.toString()).isIn(Cli.OK, Cli.BAD_INPUT);
            assertThat(r.err()).as(r.toString()).doesNotContain("\tat ", "Exception", "unexpected failure", "StreamReadConstraints");
            if (r.code() == Cli.BAD_INPUT) {
                assertThat(r.errLines()).as(r.toString()).hasSize(1);
                assertThat(r.errLines().get(0)).as(r.toString()).startsWith("interleave: ").doesNotContain("\u001b", "\u0000", "\u0007");
                assertThat(r.out()).as(r.toString()).isEmpty();
                assertThat(listing(dir)).as("nothing written on failure: " + r).containsExactly("s.json");
            } else {
                assertThat(r.err()).as(r.toString()).isEmpty();
                assertThat(out).as(r.toString()).exists();
                if (args.get(0).equals("simulate")) {
                    assertThat(r.json()).as(r.toString()).isNotNull();
                }
                if (args.get(0).equals("render")) {
                    parsesAsXml(out);
                }
                assertThat(listing(dir)).as("no temporary files left").noneMatch(n -> n.endsWith(".tmp"));
            }
            return new Outcome(r.code());
        } finally {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /**
     * Whether running the file is cheap: it is refused anyway, or it asks
     * for at most 50 requests and no time slice under 0.01 ms.
     */
    private static boolean smallEnough(Path file) {
        Scenario s;
        try {
            s = ScenarioJson.read(file);
        } catch (RuntimeException e) { // refused (InvalidScenarioException): cheap to run
            return true;
        }
        if (s.arrivals().count() > 50) {
            return false;
        }
        return s.compareVariants().stream().map(s::under).allMatch(v -> {
            double slice = v.server().timeSliceMs();
            return slice == 0 || slice >= 0.01;
        });
    }

    private static void parsesAsXml(Path svg) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.newDocumentBuilder().parse(svg.toFile());
        } catch (Exception e) {
            throw new AssertionError("the SVG does not parse as XML: " + e.getMessage(), e);
        }
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
