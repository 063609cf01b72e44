package io.interleave.scenario.code;

import java.util.Objects;

/**
 * One line of generated code.
 *
 * @param text the line, without a line break
 * @param step the step it runs (an index into the type's steps, gathers' branches flattened as the engine
 *             counts them), or -1 for a line that runs none (the def, a header comment, a gather's opening)
 */
public record CodeLine(String text, int step) {
    public CodeLine {
        Objects.requireNonNull(text, "text");
        if (step < -1) {
            throw new IllegalArgumentException("step: must be -1 (none) or an index, was " + step);
        }
    }

    /**
     * The line's code without its indentation, its trailing comment or a gather branch's comma:
     * {@code await db_query()}, {@code asyncio.create_task(send_email())}.
     */
    public String code() {
        int comment = CodeParser.commentStart(text);
        String code = (comment < 0 ? text : text.substring(0, comment)).strip();
        return code.endsWith(",") ? code.substring(0, code.length() - 1).strip() : code;
    }

    /** Whether the line runs a step. */
    public boolean runsStep() {
        return step >= 0;
    }
}
