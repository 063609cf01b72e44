package io.interleave.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The built-in scenarios, one per lesson, read by the same reader as files. */
public final class Presets {
    /** Preset ids in lesson order; each is {@code presets/ID.json} beside this class. */
    private static final List<String> IDS = List.of(
            "three-requests", "async-same-wait", "wimpy-database", "blocking-call", "cpu-heavy",
            "offload-blocking-call", "open-all-sockets", "slow-database", "timeouts-under-overload",
            "producer-consumer", "threads-and-the-gil", "fastapi-def-endpoint");

    private Presets() {
    }

    /** Every preset id, in lesson order. */
    public static List<String> ids() {
        return IDS;
    }

    /**
     * What the lesson compares, its compare variants' labels in order, e.g.
     * "2 threads vs 1 event loop"; empty if there is no preset {@code id}.
     */
    public static Optional<String> compareWith(String id) {
        return load(id).map(Presets::comparison);
    }

    /** A scenario's compare variants' labels, in order, joined by " vs ". */
    public static String comparison(Scenario scenario) {
        return scenario.compareVariants().stream().map(Variant::label).collect(Collectors.joining(" vs "));
    }

    /** The preset with this id, if there is one. */
    public static Optional<Scenario> load(String id) {
        if (!IDS.contains(id)) {
            return Optional.empty();
        }
        try (InputStream in = Presets.class.getResourceAsStream("presets/" + id + ".json")) {
            if (in == null) {
                throw new IllegalStateException("preset " + id + " is missing from the program's resources");
            }
            return Optional.of(ScenarioJson.read(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read preset " + id, e);
        }
    }
}
