package io.interleave.time;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The one way a simulated time in milliseconds is printed, on the timeline, in the metrics, the narration,
 * the playback bar, the hover card, the sweep chart and the exported table. Four named uses, one rule each:
 * <ul>
 *   <li>{@link #duration}: a time where space is short (timeline labels, metrics, sweep axis, export table):
 *       three significant figures, "0.25 ms", "36 ms", "166 ms", then seconds once it rounds to 1000 ms or
 *       more: "1 s", "1.25 s", "12.3 s", "125 s".</li>
 *   <li>{@link #exact}: one moment or one request read closely (narration, hover card instants): at most two
 *       decimals, none that are zero, "12 ms", "12.35 ms", "1234.5 ms", seconds once it rounds to 10,000 ms or
 *       more: "12.35 s".</li>
 *   <li>{@link #readout}: a running clock (the playback bar, the metrics caption): always milliseconds, one
 *       decimal below 1000 so the digits do not jump while it runs, whole milliseconds from 1000: "183.6 ms",
 *       "1250 ms".</li>
 *   <li>{@link #tick}: a tick on a time axis: the decimals its step needs, seconds when the step is half a
 *       second or more: "7.5 ms", "1.5 s".</li>
 * </ul>
 * Rules shared by every use: {@link java.util.Locale#ROOT} digits and a "." decimal point; an integer part of
 * five or more digits is grouped by thousands with "," ("12,345 ms", "1,000 s"), four digits are not
 * ("1250 ms"); a value that is not finite (NaN, an infinity) prints "–" (en dash); a negative time (only an
 * axis panned before zero shows one) prints its magnitude by the same rule after a minus sign "−" (U+2212);
 * negative zero and anything rounding to zero print "0". Halves round to even in {@code duration} and
 * {@code tick} (on the exact binary value) and away from zero in {@code exact} and {@code readout} (on the
 * shortest decimal that reads back as the same double).
 */
public final class TimeText {
    /** The text of a time that is not a number. */
    public static final String NONE = "–";
    /** Axis steps from this size on are labelled in seconds. */
    public static final double SECONDS_FROM_STEP_MS = 500;
    /** {@link #exact} switches to seconds from this many milliseconds. */
    public static final double EXACT_SECONDS_FROM_MS = 10_000;

    private TimeText() {
    }

    /** A duration to three significant figures: "36 ms", "12.5 ms", "0.25 ms", "1 s", "1.25 s", "1,000 s". */
    public static String duration(double ms) {
        if (!Double.isFinite(ms)) {
            return NONE;
        }
        if (ms == 0) {
            return "0 ms";
        }
        BigDecimal rounded = threeFigures(new BigDecimal(ms));
        if (rounded.abs().compareTo(BigDecimal.valueOf(1000)) >= 0) {
            return text(threeFigures(new BigDecimal(ms).movePointLeft(3))) + " s";
        }
        return text(rounded) + " ms";
    }

    /** A time read closely: at most two decimals, none that are zero; seconds from 10,000 ms: "12.35 s". */
    public static String exact(double ms) {
        if (!Double.isFinite(ms)) {
            return NONE;
        }
        BigDecimal hundredths = BigDecimal.valueOf(ms).setScale(2, RoundingMode.HALF_UP);
        if (hundredths.abs().compareTo(BigDecimal.valueOf(EXACT_SECONDS_FROM_MS)) >= 0) {
            return text(BigDecimal.valueOf(ms).movePointLeft(3).setScale(2, RoundingMode.HALF_UP)) + " s";
        }
        return text(hundredths) + " ms";
    }

    /** A running clock in milliseconds: "0.0 ms", "183.6 ms", "1250 ms", "12,346 ms". */
    public static String readout(double ms) {
        if (!Double.isFinite(ms)) {
            return NONE;
        }
        BigDecimal tenths = BigDecimal.valueOf(ms).setScale(1, RoundingMode.HALF_UP);
        if (tenths.abs().compareTo(BigDecimal.valueOf(1000)) >= 0) {
            return text(BigDecimal.valueOf(ms).setScale(0, RoundingMode.HALF_UP)) + " ms";
        }
        if (tenths.signum() == 0) {
            return "0.0 ms";
        }
        return sign(tenths) + tenths.abs().toPlainString() + " ms";
    }

    /**
     * The label of an axis tick at {@code ms} on an axis with ticks every {@code stepMs}: as many decimals
     * as the step needs and no more, in seconds when the step is half a second or more.
     */
    public static String tick(double ms, double stepMs) {
        if (!Double.isFinite(ms) || !(stepMs > 0) || !Double.isFinite(stepMs)) {
            return NONE;
        }
        boolean seconds = stepMs >= SECONDS_FROM_STEP_MS;
        double value = seconds ? ms / 1000 : ms;
        double step = seconds ? stepMs / 1000 : stepMs;
        // As many decimals as the step has (a step of 2.5 needs one): "7.5 ms", never "8 ms".
        int decimals = Math.max(0, new BigDecimal(step).round(new MathContext(6, RoundingMode.HALF_EVEN))
                .stripTrailingZeros().scale());
        return text(BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_EVEN)) + (seconds ? " s" : " ms");
    }

    private static BigDecimal threeFigures(BigDecimal value) {
        BigDecimal rounded = value.round(new MathContext(3, RoundingMode.HALF_EVEN));
        return rounded.abs().compareTo(BigDecimal.valueOf(100)) >= 0 ? rounded.setScale(0, RoundingMode.HALF_EVEN) : rounded;
    }

    /** Trailing zeros dropped, the shared grouping and minus sign, "0" for zero. */
    private static String text(BigDecimal d) {
        if (d.signum() == 0) {
            return "0";
        }
        BigDecimal stripped = d.stripTrailingZeros();
        if (stripped.scale() < 0) {
            stripped = stripped.setScale(0);
        }
        return sign(stripped) + grouped(stripped.abs().toPlainString());
    }

    private static String sign(BigDecimal d) {
        return d.signum() < 0 ? "−" : "";
    }

    /** "12345.6" → "12,345.6"; integer parts of four digits or fewer stay as they are. */
    private static String grouped(String plain) {
        int point = plain.indexOf('.');
        String whole = point < 0 ? plain : plain.substring(0, point);
        if (whole.length() < 5) {
            return plain;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                out.append(',');
            }
            out.append(whole.charAt(i));
        }
        return out + (point < 0 ? "" : plain.substring(point));
    }
}
