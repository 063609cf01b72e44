package io.interleave.scenario.code;

import java.util.Objects;

/** Handler code that breaks the grammar: one message naming the line, the column and what was expected. */
public final class CodeException extends RuntimeException {
    private final transient Position position;
    private final String rule;

    public CodeException(Position position, String rule) {
        super(position + ": " + rule);
        this.position = Objects.requireNonNull(position, "position");
        this.rule = rule;
    }

    /** Where the code went wrong. */
    public Position position() {
        return position;
    }

    /** What was wrong, without the place: {@code expected 'ms' after the duration}. */
    public String rule() {
        return rule;
    }
}
