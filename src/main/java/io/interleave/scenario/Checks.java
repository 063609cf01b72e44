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

    // ---- bounds that keep the clock exact to 1 µs (Limits: the clock, rates and intervals)

    /** A time in milliseconds (an arrival's {@code atMs}): finite, at least 0, at most {@link Limits#MAX_MS}. */
    static double timeMs(String field, double value) {
        finiteAtLeastZero(field, value);
        if (value > Limits.MAX_MS) {
            throw new IllegalArgumentException(field + ": must be <= " + plain(Limits.MAX_MS) + ", was " + plain(value));
        }
        return value;
    }

    /** A client's timeout: more than 0 and at most {@link Limits#MAX_MS}. */
    static double timeout(String field, double value) {
        finite(field, value);
        if (!(value > 0 && value <= Limits.MAX_MS)) {
            throw new IllegalArgumentException(field + ": must be > 0 and <= " + plain(Limits.MAX_MS) + ", was " + plain(value));
        }
        return value;
    }

    /**
     * A time slice: 0 (no slicing) or from the clock's resolution (1 µs) to
     * {@link Limits#MAX_MS}, so that adding a slice always moves the clock.
     */
    static double timeSlice(String field, double value) {
        finite(field, value);
        if (value != 0 && (value < Limits.CLOCK_RESOLUTION_MS || value > Limits.MAX_MS)) {
            throw new IllegalArgumentException(field + ": must be 0 (no time slicing) or between " + plain(Limits.CLOCK_RESOLUTION_MS)
                    + " (the clock's resolution, 1 µs) and " + plain(Limits.MAX_MS) + ", was " + plain(value));
        }
        return value;
    }

    /** A GIL switch interval: from the clock's resolution (1 µs) to {@link Limits#MAX_MS}. */
    static double switchInterval(String field, double value) {
        finite(field, value);
        if (!(value >= Limits.CLOCK_RESOLUTION_MS && value <= Limits.MAX_MS)) {
            throw new IllegalArgumentException(field + ": must be between " + plain(Limits.CLOCK_RESOLUTION_MS)
                    + " (the clock's resolution, 1 µs) and " + plain(Limits.MAX_MS) + ", was " + plain(value));
        }
        return value;
    }

    /** An arrival rate per second, from {@link Limits#MIN_RATE_PER_SEC} to {@link Limits#MAX_RATE_PER_SEC}. */
    static double ratePerSec(String field, double value) {
        finite(field, value);
        if (!(value >= Limits.MIN_RATE_PER_SEC && value <= Limits.MAX_RATE_PER_SEC)) {
            throw new IllegalArgumentException(field + ": must be between " + plain(Limits.MIN_RATE_PER_SEC) + " and "
                    + plain(Limits.MAX_RATE_PER_SEC) + " per second, was " + plain(value));
        }
        return value;
    }

    /** The gap of uniform arrivals: 0 (all at once) or the gap of a rate within the rate bounds. */
    static double intervalMs(String field, double value) {
        finite(field, value);
        if (value != 0 && !(value >= Limits.MIN_INTERVAL_MS && value <= Limits.MAX_INTERVAL_MS)) {
            throw new IllegalArgumentException(field + ": must be 0 (all at once) or between " + plain(Limits.MIN_INTERVAL_MS)
                    + " and " + plain(Limits.MAX_INTERVAL_MS) + " (" + plain(Limits.MIN_RATE_PER_SEC) + " to "
                    + plain(Limits.MAX_RATE_PER_SEC) + " arrivals a second), was " + plain(value));
        }
        return value;
    }

    /** A bound or value as plain decimals ("0.0001", "10000000"); tiny or huge values in exponent form ("1.0E-300"). */
    static String plain(double value) {
        double a = Math.abs(value);
        if (value == 0 || (a >= 1e-6 && a < 1e15)) {
            return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
        return Double.toString(value);
    }

    // ---- end of the clock's bounds

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
