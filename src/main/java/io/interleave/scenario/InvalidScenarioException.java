package io.interleave.scenario;

/** A scenario file or value that breaks a rule; the message names the JSON path and the rule. */
public final class InvalidScenarioException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidScenarioException(String message) {
        super(message);
    }

    public InvalidScenarioException(String message, Throwable cause) {
        super(message, cause);
    }
}
