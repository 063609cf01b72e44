package io.interleave.app.files;

import io.interleave.files.AtomicOutput;
import io.interleave.scenario.InvalidScenarioException;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.ScenarioJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The working scenario, saved to the configuration directory while it has
 * unsaved changes so that a crash loses nothing: {@value #FILE_NAME} holds
 * the scenario (an ordinary scenario file) and {@value #SOURCE_NAME} the file
 * it was opened from, if any. Both are written atomically.
 */
public final class Autosave {
    public static final String FILE_NAME = "autosave.json";
    public static final String SOURCE_NAME = "autosave-source.txt";

    private static final System.Logger LOG = System.getLogger(Autosave.class.getName());

    /** What an earlier session left: the scenario, the file it came from and when it was saved. */
    public record Saved(Scenario scenario, Optional<Path> source, Instant time) {
    }

    private final Path file;
    private final Path sourceFile;

    public Autosave(Path dir) {
        this.file = dir.resolve(FILE_NAME);
        this.sourceFile = dir.resolve(SOURCE_NAME);
    }

    /** Where the scenario is kept. */
    public Path file() {
        return file;
    }

    /** Saves {@code scenario}, opened from {@code source} (or from none). */
    public void write(Scenario scenario, Optional<Path> source) throws IOException {
        Files.createDirectories(file.getParent());
        if (source.isPresent()) {
            AtomicOutput.write(sourceFile, source.get().toAbsolutePath().toString());
        } else {
            Files.deleteIfExists(sourceFile);
        }
        AtomicOutput.write(file, ScenarioJson.write(scenario));
    }

    /** What was saved, if anything readable; an unreadable autosave is removed. */
    public Optional<Saved> read() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Scenario scenario = ScenarioJson.read(file);
            Instant time = Files.getLastModifiedTime(file).toInstant();
            Optional<Path> source = Optional.empty();
            if (Files.isRegularFile(sourceFile)) {
                String text = Files.readString(sourceFile, StandardCharsets.UTF_8).strip();
                source = text.isEmpty() ? Optional.empty() : Optional.of(Path.of(text));
            }
            return Optional.of(new Saved(scenario, source, time));
        } catch (InvalidScenarioException | IOException | InvalidPathException e) {
            LOG.log(System.Logger.Level.WARNING, "ignoring an unreadable autosave: " + e.getMessage());
            clear();
            return Optional.empty();
        }
    }

    /** Removes the autosave (after a save, a clean exit or a declined restore). */
    public void clear() {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(sourceFile);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot remove the autosave " + file + ": " + e);
        }
    }
}
