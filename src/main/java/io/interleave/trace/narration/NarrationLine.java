package io.interleave.trace.narration;

import io.interleave.time.TimeText;
import java.util.List;
import java.util.Objects;

/**
 * Everything that happened at one instant, in one readable line, e.g.
 * "R1 awaits database (db query); the loop runs R2 (parse request)".
 *
 * @param timeMs the instant
 * @param text the clauses joined by "; ", starting with a capital
 * @param requestId the request of the first clause, 0 if it is about no request
 * @param kind the kind of the first clause
 * @param clauses the parts, in the order they are read
 */
public record NarrationLine(double timeMs, String text, int requestId, NarrationKind kind, List<Clause> clauses) {

    /** One thing that happened: who, what kind of thing, and its words. */
    public record Clause(int requestId, NarrationKind kind, String text) {
        public Clause {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(text, "text");
        }
    }

    public NarrationLine {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
        clauses = List.copyOf(clauses);
    }

    /** "12 ms — R1 awaits database": the time and the text, as a log line. */
    @Override
    public String toString() {
        return TimeText.exact(timeMs) + " — " + text;
    }
}
