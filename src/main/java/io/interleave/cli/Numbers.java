package io.interleave.cli;

import java.math.BigDecimal;

/**
 * Numbers on the command line and in CSV files: the one reading of a flag's
 * number (the same rule as the scenario file's) and fast, locale-free
 * formatting for CSV files with millions of lines.
 */
final class Numbers {
    private static final long SCALE = 1_000_000L;

    private Numbers() {
    }

    /** Appends {@code v} with at most six decimals and no trailing zeros (e.g. 12.5, 3, 0.000001). */
    static void append(StringBuilder out, double v) {
        if (!Double.isFinite(v) || Math.abs(v) >= 9e12) {
            out.append(v);
            return;
        }
        long scaled = Math.round(v * SCALE);
        if (scaled < 0) {
            out.append('-');
            scaled = -scaled;
        }
        out.append(scaled / SCALE);
        long frac = scaled % SCALE;
        if (frac != 0) {
            out.append('.');
            int digits = 6;
            while (frac % 10 == 0) {
                frac /= 10;
                digits--;
            }
            String f = Long.toString(frac);
            for (int i = f.length(); i < digits; i++) {
                out.append('0');
            }
            out.append(f);
        }
    }

    /** A number for a message, in plain notation where that stays short: 0.0000001, 1500, 1.0E300. */
    static String plain(double v) {
        double a = Math.abs(v);
        if (!Double.isFinite(v) || (a != 0 && (a < 1e-12 || a >= 1e15))) {
            return Double.toString(v);
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    static String format(double v) {
        StringBuilder sb = new StringBuilder();
        append(sb, v);
        return sb.toString();
    }

    // ---------------------------------------------------------------- reading a flag's number

    /**
     * An integer as written on the command line, by the scenario file's rule:
     * its exact decimal value must be whole ({@code 4}, {@code 4.0} and
     * {@code 1e4} count), within {@code [min, max]}. A broken rule is an
     * {@link IllegalArgumentException} whose message shows the text as
     * written, e.g. {@code must be an integer, was 2.5}.
     */
    static long integer(String text, long min, long max) {
        BigDecimal exact = decimal(text, "an integer such as 4");
        if (exact.signum() != 0 && exact.scale() > 0 && exact.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("must be an integer, was " + text);
        }
        if (exact.compareTo(BigDecimal.valueOf(min)) < 0 || exact.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new IllegalArgumentException("must be an integer between " + min + " and " + max + ", was " + text);
        }
        return exact.longValueExact();
    }

    /**
     * A decimal number as written ({@code 2.5}, {@code 1e-3}, {@code -4}):
     * no {@code NaN}, {@code Infinity}, hexadecimal or type suffixes, and
     * none so large or so close to zero that a double cannot hold it.
     */
    static double number(String text) {
        BigDecimal exact = decimal(text, "a number such as 2.5");
        double v = exact.doubleValue();
        if (Double.isInfinite(v)) {
            throw new IllegalArgumentException("is too large to compute with, was " + text);
        }
        if (v == 0 && exact.signum() != 0) {
            throw new IllegalArgumentException("is too close to 0 to compute with, was " + text);
        }
        return v;
    }

    private static final java.util.regex.Pattern DECIMAL = java.util.regex.Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,9})?");

    private static BigDecimal decimal(String text, String example) {
        if (text.length() > 1000 || !DECIMAL.matcher(text).matches()) {
            throw new IllegalArgumentException("must be " + example + ", was '" + text + "'");
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("must be " + example + ", was '" + text + "'");
        }
    }
}
