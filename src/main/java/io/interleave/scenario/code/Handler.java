package io.interleave.scenario.code;

import java.util.List;
import java.util.Objects;

/**
 * A request type's handler as code: a function whose body is a list of statements.
 *
 * @param async whether it is an {@code async def}
 * @param body its statements in order, at least one
 */
public record Handler(boolean async, List<Statement> body) {
    public Handler {
        body = List.copyOf(body);
        if (body.isEmpty()) {
            throw new IllegalArgumentException("a handler has at least one statement");
        }
        body.forEach(s -> Objects.requireNonNull(s, "statement"));
    }
}
