package io.interleave;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The self-contained app image that {@code ./mvnw verify} builds: its launcher
 * must run the command line with the image's own trimmed runtime, on a
 * machine where no JDK can be found.
 */
@DisplayName("App image: bin/interleave runs with its own runtime")
class AppImageIT {
    static Path image() {
        String dir = System.getProperty("interleave.image");
        assertThat(dir).as("failsafe passes the image folder").isNotBlank();
        Path image = Path.of(dir);
        assertThat(image).isDirectory();
        return image;
    }

    static Path launcher(Path image) {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return image.resolve("interleave.exe");
        }
        if (os.contains("mac")) {
            return image.getParent().resolve("interleave.app/Contents/MacOS/interleave");
        }
        return image.resolve("bin/interleave");
    }

    /** Runs the launcher with no JAVA_HOME and a PATH that holds no java. */
    static Process run(Path launcher, String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.remove("JAVA_HOME");
        env.remove("JDK_HOME");
        env.remove("DISPLAY");
        env.put("PATH", Path.of(System.getProperty("java.io.tmpdir"), "no-java-here").toString());
        return pb.start();
    }

    @Test
    @DisplayName("the image holds a trimmed runtime with JavaFX linked in, and a launcher")
    void layout() throws IOException {
        Path image = image();
        Path runtime = Files.walk(image).filter(p -> p.getFileName().toString().equals("release")).findFirst().orElseThrow().getParent();
        String release = Files.readString(runtime.resolve("release"));
        assertThat(release).contains("javafx.controls", "javafx.fxml", "java.desktop");
        assertThat(release).doesNotContain("jdk.compiler");
        assertThat(launcher(image)).isExecutable();
    }

    @Test
    @DisplayName("bin/interleave simulate preset:three-requests prints a valid summary without any JDK on the PATH")
    void simulatePreset() throws Exception {
        Process p = run(launcher(image()), "simulate", "preset:three-requests", "--policy", "event-loop");
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(p.exitValue()).as(err).isZero();
        JsonNode json = new ObjectMapper().readTree(out);
        assertThat(json.get("scenario").textValue()).isEqualTo("Three requests");
        assertThat(json.get("policy").textValue()).isEqualTo("event-loop");
        assertThat(json.get("completed").intValue()).isEqualTo(3);
        assertThat(json.get("responseMs").get("max").doubleValue()).isEqualTo(100.0);
    }

    @Test
    @DisplayName("bad input through the launcher: exit 2 and one line")
    void badInput() throws Exception {
        Process p = run(launcher(image()), "simulate", "preset:nope");
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(err.lines().toList()).hasSize(1).first().asString().contains("unknown preset 'nope'");
    }

    @Test
    @DisplayName("render works from the image with no display")
    void render() throws Exception {
        Path out = Files.createTempDirectory("image-render").resolve("t.svg");
        Process p = run(launcher(image()), "render", "preset:three-requests", "--out", out.toString());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        assertThat(Files.readString(out)).contains("<svg", "Three requests");
    }
}
