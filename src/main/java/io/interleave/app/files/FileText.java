package io.interleave.app.files;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Small text helpers for file names, times and error reasons. */
final class FileText {
    private FileText() {
    }

    static String reason(Exception e) {
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /**
     * The UTF-8 text of one of the window's own small files: regular files
     * only (a FIFO put in its place is refused, not waited on) and at most
     * {@code maxBytes}, counted while reading.
     */
    static String readSmall(Path file, long maxBytes) throws java.io.IOException {
        byte[] bytes = io.interleave.files.InputFiles.read(file, maxBytes);
        return java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    }

    /**
     * Refuses to save over a FIFO or a device: the window writes files, and
     * writing to a FIFO would wait, frozen, until something reads it. A
     * symbolic link counts as what it points to.
     */
    static void refuseSpecial(Path target) throws java.io.IOException {
        Path real = io.interleave.files.AtomicOutput.resolve(target);
        if (java.nio.file.Files.exists(real) && !java.nio.file.Files.isRegularFile(real)
                && !java.nio.file.Files.isDirectory(real)) {
            throw new java.nio.file.FileSystemException(target.toString(), null,
                    "is not a regular file (a pipe or a device); choose a file to save to");
        }
    }

    /** "today at 14:05" or "3 May 2025 at 14:05". */
    static String when(Instant time, ZoneId zone, LocalDate today) {
        ZonedDateTime t = time.atZone(zone);
        String hm = t.format(DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT));
        if (t.toLocalDate().equals(today)) {
            return "today at " + hm;
        }
        if (t.toLocalDate().equals(today.minusDays(1))) {
            return "yesterday at " + hm;
        }
        return t.format(DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)) + " at " + hm;
    }

    /** "Three requests" → "three-requests", for suggested file names. */
    static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "scenario" : s;
    }

    /** Adds ".ext" to a name that has no extension. */
    static Path withExtension(Path p, String ext) {
        String name = p.getFileName().toString();
        return name.contains(".") ? p : p.resolveSibling(name + "." + ext);
    }
}
