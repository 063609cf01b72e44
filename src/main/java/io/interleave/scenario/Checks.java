package io.interleave.scenario;

/**
 * Validation helpers for the scenario records. Each failure is an
 * {@link IllegalArgumentException} whose message is {@code field: rule}; the
 * reader prefixes the JSON path of the enclosing object.
 */
final class Checks {
    private Checks() {
    }

    static double finiteAtLeastZero(String field, double value) {
        finite(field, value);
        if (value < 0) {
            throw new IllegalArgumentException(field + ": must be >= 0, was " + format(value));
        }
        return value;
    }

    static double positive(String field, double value) {
        finite(field, value);
        if (value <= 0) {
            throw new IllegalArgumentException(field + ": must be > 0, was " + format(value));
        }
        return value;
    }

    static double finite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(field + ": must be a finite number, was " + value);
        }
        return value;
    }

    static int inRange(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + ": must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    static long inRange(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + ": must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    static String nonBlank(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": must not be empty");
        }
        return value;
    }

    static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    // ---------------------------------------------------------------- text: what names, labels and descriptions may hold

    /*
     * One rule for every text of a scenario, decided once: any Unicode text
     * (letters of any script, right-to-left text, emoji, <, &, quotes) except
     *  - a surrogate without its other half (no character at all: it cannot
     *    be written as UTF-8, so no CSV, JSON or SVG could hold it),
     *  - a Unicode non-character (U+FFFE, U+FFFF, U+FDD0 to U+FDEF and the
     *    last two code points of every plane: reserved for a program's
     *    internal use, and U+FFFE/U+FFFF are not allowed in XML), and
     *  - a control character (U+0000 to U+001F, U+007F to U+009F), which would
     *    drive a terminal or break a line of a CSV or a label; a description
     *    alone may hold line breaks and tabs (U+000A, U+000D, U+0009).
     * A broken rule names the code point, e.g.
     * "name: must not contain U+D800 (half of a surrogate pair without its other half)".
     */

    /** A name or label that must not be empty: a scenario, a request type, a resource, a variant. */
    static String name(String field, String value) {
        nonBlank(field, value);
        return label(field, value);
    }

    /** A one-line text that may be empty, such as a segment's label. */
    static String label(String field, String value) {
        String rule = textRule(value, false);
        if (rule != null) {
            throw new IllegalArgumentException(field + ": " + rule);
        }
        return value;
    }

    /** A text of several lines, such as a scenario's description. */
    static String description(String field, String value) {
        java.util.Objects.requireNonNull(value, field);
        String rule = textRule(value, true);
        if (rule != null) {
            throw new IllegalArgumentException(field + ": " + rule);
        }
        return value;
    }

    /**
     * The rule {@code value} breaks, such as
     * {@code must not contain U+0007 (a control character)}, or null if it
     * is allowed; {@code lines} allows line breaks and tabs.
     */
    static String textRule(String value, boolean lines) {
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            String what = forbidden(cp, lines);
            if (what != null) {
                return "must not contain " + codePoint(cp) + " (" + what + ")";
            }
            i += Character.charCount(cp);
        }
        return null;
    }

    /** Why a code point may not stand in a text, or null if it may. */
    private static String forbidden(int cp, boolean lines) {
        if (cp <= 0xFFFF && Character.isSurrogate((char) cp)) {
            return "half of a surrogate pair without its other half";
        }
        if ((cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE) {
            return "a Unicode non-character";
        }
        if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) {
            if (lines && (cp == '\n' || cp == '\r' || cp == '\t')) {
                return null;
            }
            return lines ? "a control character; a description may hold only line breaks and tabs"
                    : "a control character";
        }
        return null;
    }

    /** {@code U+00E9}, {@code U+1F600}. */
    static String codePoint(int cp) {
        return String.format(java.util.Locale.ROOT, "U+%04X", cp);
    }
}
