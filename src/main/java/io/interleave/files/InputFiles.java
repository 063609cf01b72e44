package io.interleave.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads input files the safe way: regular files only, with a size cap counted as the bytes arrive. */
public final class InputFiles {
    private InputFiles() {
    }

    /** The file is not one that can be read as a document (a FIFO, a device, a directory, or too large). */
    public static final class Refused extends IOException {
        Refused(String reason) {
            super(reason);
        }
    }

    /**
     * The whole content of a regular file of at most {@code maxBytes} bytes.
     * A FIFO or a device is refused before it is opened (reading one could
     * wait forever, or never end, as {@code /dev/zero} does), and the cap is
     * counted while reading, so a file that grows, or lies about its size,
     * cannot exhaust memory.
     *
     * @throws Refused with a reason such as "is a directory, not a scenario file"
     */
    public static byte[] read(Path file, long maxBytes) throws IOException {
        if (Files.isDirectory(file)) {
            throw new Refused("is a directory, not a scenario file");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new Refused("is not a regular file (a pipe or a device); save the scenario to a file first");
        }
        if (Files.exists(file) && Files.size(file) > maxBytes) {
            throw new Refused(tooLarge(maxBytes));
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new Refused(tooLarge(maxBytes));
            }
            return bytes;
        }
    }

    private static String tooLarge(long maxBytes) {
        return "file is larger than " + maxBytes / (1024 * 1024) + " MiB";
    }
}
