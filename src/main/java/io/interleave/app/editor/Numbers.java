package io.interleave.app.editor;

import java.math.BigDecimal;

/** Reading and writing the numbers typed into the controls, with messages that name the field. */
public final class Numbers {
    private Numbers() {
    }

    /** A whole number, or IllegalArgumentException "field: must be a whole number, was 'abc'". */
    public static int parseInt(String field, String text) {
        String t = requireText(field, text);
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": must be a whole number, was '" + t + "'", e);
        }
    }

    public static long parseLong(String field, String text) {
        String t = requireText(field, text);
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": must be a whole number, was '" + t + "'", e);
        }
    }

    /** A finite decimal number. */
    public static double parseDouble(String field, String text) {
        String t = requireText(field, text);
        try {
            double v = Double.parseDouble(t);
            if (!Double.isFinite(v) || t.chars().anyMatch(Character::isLetter)) {
                throw new NumberFormatException(t);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": must be a number, was '" + t + "'", e);
        }
    }

    /** "3", "2.5", "0.33": no trailing zeros, at most three decimals. */
    public static String format(double value) {
        if (!Double.isFinite(value)) {
            return "";
        }
        BigDecimal d = BigDecimal.valueOf(Math.round(value * 1000) / 1000.0).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    private static String requireText(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(field + ": enter a number");
        }
        return text.trim();
    }
}
