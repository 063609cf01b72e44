package io.interleave.cli;

import static io.interleave.cli.CliRunner.fixture;
import static io.interleave.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.cli.CliRunner.Result;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("render: a scenario's timeline to PNG or SVG from the command line")
class RenderCommandTest {
    @TempDir
    Path dir;

    /** Runs Main in a fresh JVM with no DISPLAY and no headless flag, as in a plain terminal. */
    static Process java(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.interleave.Main"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(false);
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        return pb.start();
    }

    @Test
    @DisplayName("in a separate process with no DISPLAY: PNG at 2x and SVG, both readable")
    void noDisplayProcess() throws Exception {
        Path png = dir.resolve("three.png");
        Path svg = dir.resolve("three.svg");
        Process p1 = java("render", "preset:three-requests", "--compare", "--out", png.toString(), "--width", "1000", "--scale", "2");
        Process p2 = java("render", "preset:three-requests", "--view", "workers", "--out", svg.toString());
        assertThat(p1.waitFor()).as(new String(p1.getErrorStream().readAllBytes())).isZero();
        assertThat(p2.waitFor()).as(new String(p2.getErrorStream().readAllBytes())).isZero();

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(2000);
        assertThat(image.getHeight()).isGreaterThan(600);
        String text = Files.readString(svg, StandardCharsets.UTF_8);
        assertThat(text).startsWith("<?xml").contains("<svg", "<title>Three requests — Sync (threads) · 1 thread · 1 core</title>", "Thread 1", "Core 1");
    }

    @Test
    @DisplayName("sweep in a separate process with no DISPLAY")
    void sweepNoDisplay() throws Exception {
        Path csv = dir.resolve("s.csv");
        Process p = java("sweep", fixture("sweep-mix.json").toString(), "--rates", "20:60:40", "--out", csv.toString());
        assertThat(p.waitFor()).as(new String(p.getErrorStream().readAllBytes())).isZero();
        assertThat(Files.readAllLines(csv)).hasSize(5);
    }

    @Test
    @DisplayName("prints where it wrote and the pixel size")
    void reportsSize() throws IOException {
        Path png = dir.resolve("a.png");
        Result r = run("render", "preset:three-requests", "--out", png.toString(), "--width", "800", "--scale", "3");

        assertThat(r.code()).as(r.toString()).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(r.out()).startsWith("wrote " + png + " (2400 x " + image.getHeight() + ")");
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                Arguments.of(List.of("render", "preset:three-requests", "--out", "OUT.bmp"), "--out: must end in .png, .svg or .gif"),
                Arguments.of(List.of("render", "preset:three-requests", "--out", "OUT.png", "--view", "lanes"), "--view: must be requests or workers, was 'lanes'"),
                Arguments.of(List.of("render", "preset:three-requests", "--out", "OUT.png", "--width", "10"), "--width: must be between 480 and 20000, was 10"),
                Arguments.of(List.of("render", "preset:three-requests", "--out", "OUT.png", "--scale", "0"), "--scale: must be between 1 and 4, was 0.0"),
                Arguments.of(List.of("render", "preset:three-requests", "--out", "missing/OUT.png"), "--out: directory"),
                Arguments.of(List.of("render", "preset:nope", "--out", "OUT.png"), "unknown preset 'nope'"),
                Arguments.of(List.of("render", "preset:three-requests"), "Missing required option: '--out=FILE.png|FILE.svg|FILE.gif'"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badInput")
    @DisplayName("bad input: exit 2, one line naming the flag or value, nothing written")
    void badInput(List<String> args, String expected) throws IOException {
        String[] resolved = args.stream().map(a -> a.contains("OUT") ? dir.resolve(a).toString() : a).toArray(String[]::new);
        Result r = run(resolved);

        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.errLines().get(0)).contains(expected);
        assertThat(r.out()).isEmpty();
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }
}
