package io.interleave.trace;

/** How a request ended. */
public enum Status {
    COMPLETED("completed"),
    /** Turned away at arrival because the queue was full. */
    REJECTED("rejected");

    private final String csvName;

    Status(String csvName) {
        this.csvName = csvName;
    }

    public String csvName() {
        return csvName;
    }
}
