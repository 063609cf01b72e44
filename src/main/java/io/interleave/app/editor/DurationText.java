package io.interleave.app.editor;

import io.interleave.scenario.Distribution;
import java.util.Locale;

/**
 * Durations as typed in the segment editor: {@code 80} is a constant,
 * {@code exp 50} an exponential with mean 50, {@code uniform 2 8},
 * {@code normal 50 10} and {@code lognormal 50 10} (mean and sd).
 */
public final class DurationText {
    /** Shown beside the field. */
    public static final String HINT = "ms: 80, exp 50, uniform 2 8, normal 50 10, lognormal 50 10";

    private DurationText() {
    }

    /** The distribution written as text; IllegalArgumentException "field: ..." when unreadable or invalid. */
    public static Distribution parse(String field, String text) {
        String[] words = text == null ? new String[0] : text.trim().toLowerCase(Locale.ROOT).split("\\s+");
        if (words.length == 0 || words[0].isEmpty()) {
            throw new IllegalArgumentException(field + ": enter a duration in ms, e.g. 80 or exp 50");
        }
        boolean number = Character.isDigit(words[0].charAt(0)) || words[0].startsWith(".") || words[0].startsWith("-");
        try {
            return switch (number ? "constant" : words[0]) {
                case "constant" -> {
                    expect(field, words, 1, "a number");
                    yield new Distribution.Constant(Numbers.parseDouble(field, words[0]));
                }
                case "exp", "exponential" -> {
                    expect(field, words, 2, "exp MEAN");
                    yield new Distribution.Exponential(Numbers.parseDouble(field, words[1]));
                }
                case "uniform" -> {
                    expect(field, words, 3, "uniform MIN MAX");
                    yield new Distribution.Uniform(Numbers.parseDouble(field, words[1]), Numbers.parseDouble(field, words[2]));
                }
                case "normal" -> {
                    expect(field, words, 3, "normal MEAN SD");
                    yield new Distribution.Normal(Numbers.parseDouble(field, words[1]), Numbers.parseDouble(field, words[2]));
                }
                case "lognormal" -> {
                    expect(field, words, 3, "lognormal MEAN SD");
                    yield new Distribution.LogNormal(Numbers.parseDouble(field, words[1]), Numbers.parseDouble(field, words[2]));
                }
                default -> throw new IllegalArgumentException(field + ": unknown distribution '" + words[0]
                        + "' (use exp, uniform, normal or lognormal)");
            };
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            throw new IllegalArgumentException(m.startsWith(field + ":") ? m : field + "." + m, e);
        }
    }

    /** The text that {@link #parse} reads back as {@code d}. */
    public static String format(Distribution d) {
        if (d instanceof Distribution.Constant c) {
            return Numbers.format(c.value());
        }
        if (d instanceof Distribution.Exponential e) {
            return "exp " + Numbers.format(e.mean());
        }
        if (d instanceof Distribution.Uniform u) {
            return "uniform " + Numbers.format(u.min()) + " " + Numbers.format(u.max());
        }
        if (d instanceof Distribution.Normal n) {
            return "normal " + Numbers.format(n.mean()) + " " + Numbers.format(n.sd());
        }
        Distribution.LogNormal l = (Distribution.LogNormal) d;
        return "lognormal " + Numbers.format(l.mean()) + " " + Numbers.format(l.sd());
    }

    private static void expect(String field, String[] words, int n, String form) {
        if (words.length != n) {
            throw new IllegalArgumentException(field + ": expected " + form + ", was '" + String.join(" ", words) + "'");
        }
    }
}
