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
