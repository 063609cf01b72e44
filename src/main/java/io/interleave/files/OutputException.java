package io.interleave.files;

import java.io.IOException;
import java.nio.file.Path;

/** Writing an output failed; the message names the file and the reason, e.g. "cannot write out.csv: No space left on device". */
public final class OutputException extends IOException {
    private final transient Path target;

    OutputException(Path target, String reason, Throwable cause) {
        super("cannot write " + target + ": " + reason, cause);
        this.target = target;
    }

    /** The file that could not be written. */
    public Path target() {
        return target;
    }
}
