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
}
