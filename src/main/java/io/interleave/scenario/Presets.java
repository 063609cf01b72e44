package io.interleave.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The built-in scenarios, one per lesson, read by the same reader as files. */
public final class Presets {
    /** Preset ids in lesson order; each is {@code presets/ID.json} beside this class. */
    private static final List<String> IDS = List.of(
            "three-requests", "async-same-wait", "wimpy-database", "blocking-call", "cpu-heavy");

    /**
     * The policy each lesson suggests comparing against: the one its file
     * does not select, except the blocking-call lesson, which compares the
     * event loop with itself once the block becomes a wait (its text says so).
     */
    private static final Map<String, Policy> COMPARE_WITH = Map.of(
            "three-requests", Policy.EVENT_LOOP,
            "async-same-wait", Policy.EVENT_LOOP,
            "wimpy-database", Policy.SYNC,
            "blocking-call", Policy.SYNC,
            "cpu-heavy", Policy.SYNC);

    private Presets() {
    }

    /** Every preset id, in lesson order. */
    public static List<String> ids() {
        return IDS;
    }

    /** The policy preset {@code id} suggests comparing against. */
    public static Optional<Policy> compareWith(String id) {
        return Optional.ofNullable(COMPARE_WITH.get(id));
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
