package io.interleave.cli;

import io.interleave.files.AtomicOutput;
import java.io.IOException;
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
        Path absolute;
        try {
            absolute = AtomicOutput.resolve(file);
        } catch (IOException e) {
            throw new UsageException(flag + ": cannot follow the link " + file + " (" + e.getMessage() + ")");
        }
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

    /**
     * Fails when an output is the scenario being read (the same file, also
     * through links): writing it would replace the input with the output.
     */
    static void notTheInput(String flag, Path output, String scenarioArg) {
        if (output == null || scenarioArg.startsWith(ScenarioSource.PRESET_PREFIX)) {
            return;
        }
        try {
            Path input = Path.of(scenarioArg);
            if (Files.exists(input) && Files.exists(output) && Files.isSameFile(input, output)) {
                throw new UsageException(flag + ": " + output + " is the scenario file being read; choose another output file");
            }
        } catch (java.nio.file.InvalidPathException | IOException e) {
            // the scenario argument is reported by the reader; an unreadable output by writable()
        }
    }

    /** Fails unless the given outputs are distinct files. */
    static void distinct(Path... files) {
        Set<Path> seen = new HashSet<>();
        for (Path f : files) {
            if (f != null && !seen.add(realOrAbsolute(f))) {
                throw new UsageException("two outputs name the same file: " + f);
            }
        }
    }

    private static Path realOrAbsolute(Path f) {
        try {
            return AtomicOutput.resolve(f);
        } catch (IOException e) {
            return f.toAbsolutePath().normalize();
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
