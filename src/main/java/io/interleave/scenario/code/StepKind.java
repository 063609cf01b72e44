package io.interleave.scenario.code;

import java.util.Arrays;
import java.util.Optional;

/** What one line of a handler does, as its trailing comment names it. */
public enum StepKind {
    /** CPU work: a plain call. */
    COMPUTE("compute"),
    /** Non-blocking I/O: awaited in async code, a plain (blocking) call in sync code. */
    WAIT("wait"),
    /** A blocking call: a plain call everywhere, even inside async code. */
    BLOCK("block");

    private final String word;

    StepKind(String word) {
        this.word = word;
    }

    /** The word in the trailing comment: {@code compute}, {@code wait}, {@code block}. */
    public String word() {
        return word;
    }

    static Optional<StepKind> fromWord(String word) {
        return Arrays.stream(values()).filter(k -> k.word.equals(word)).findFirst();
    }
}
