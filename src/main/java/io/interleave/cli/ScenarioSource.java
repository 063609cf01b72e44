package io.interleave.cli;

import io.interleave.scenario.Presets;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.ScenarioJson;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Turns a command-line scenario argument (a file or {@code preset:NAME}) into a scenario. */
final class ScenarioSource {
    static final String PRESET_PREFIX = "preset:";

    private ScenarioSource() {
    }

    static Scenario load(String argument) {
        if (argument.startsWith(PRESET_PREFIX)) {
            String id = argument.substring(PRESET_PREFIX.length());
            return Presets.load(id).orElseThrow(() -> new UsageException(
                    "unknown preset '" + id + "' (known: " + String.join(", ", Presets.ids()) + ")"));
        }
        if (argument.isEmpty()) {
            throw new UsageException("scenario file: the name is empty; give a scenario file or preset:NAME");
        }
        Path file;
        try {
            file = Path.of(argument);
        } catch (InvalidPathException e) {
            throw new UsageException("SCENARIO: not a valid file name: '" + argument + "'");
        }
        // ScenarioJson.read names the file in every message.
        return ScenarioJson.read(file);
    }
}
