package io.interleave.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/** Checks output paths before any work starts, so bad paths fail fast and nothing is written. */
final class OutputPaths {
    private OutputPaths() {
    }

    /** Fails with a message naming {@code flag} unless {@code file} can be created or replaced. */
    static Path writable(String flag, Path file) {
        Path absolute = file.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new UsageException(flag + ": " + file + " is a directory");
        }
        Path dir = absolute.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new UsageException(flag + ": directory " + (dir == null ? file : dir) + " does not exist");
        }
        if (!Files.isWritable(dir) || (Files.exists(absolute) && !Files.isWritable(absolute))) {
            throw new UsageException(flag + ": cannot write " + file + " (permission denied)");
        }
        return file;
    }

    /** Fails unless the given outputs are distinct files. */
    static void distinct(Path... files) {
        Set<Path> seen = new HashSet<>();
        for (Path f : files) {
            if (f != null && !seen.add(f.toAbsolutePath().normalize())) {
                throw new UsageException("two outputs name the same file: " + f);
            }
        }
    }

    /** The lower-case extension of a file name, or "". */
    static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }

    /** A picture's format, {@code png} or {@code svg}, from its extension; anything else fails naming {@code flag}. */
    static String pictureFormat(String flag, Path file) {
        String format = extension(file);
        if (!format.equals("png") && !format.equals("svg")) {
            throw new UsageException(flag + ": must end in .png or .svg, was " + file);
        }
        return format;
    }
}
