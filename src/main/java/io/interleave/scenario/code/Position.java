package io.interleave.scenario.code;

/**
 * A place in handler code, both 1-based, as messages name it.
 *
 * @param line the line
 * @param column the column (in characters)
 */
public record Position(int line, int column) {
    public Position {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column count from 1, were " + line + ", " + column);
        }
    }

    /** {@code line 3, column 5}. */
    @Override
    public String toString() {
        return "line " + line + ", column " + column;
    }
}
