package io.interleave.cli;

import io.interleave.scenario.InvalidScenarioException;
import io.interleave.scenario.Presets;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.ScenarioJson;
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
        Path file = Path.of(argument);
        try {
            return ScenarioJson.read(file);
        } catch (InvalidScenarioException e) {
            String m = e.getMessage();
            throw new InvalidScenarioException(m.startsWith(file.toString()) ? m : file + ": " + m, e);
        }
    }
}
