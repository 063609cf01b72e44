package io.interleave.cli;

/** Bad flags or input detected by a command: exit code 2, one line on stderr. */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
