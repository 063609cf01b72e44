package io.interleave.render;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** How times read on the timeline: "36 ms", "1.5 s", "0.25 ms". */
public final class TimeFormat {
    /** Axis steps from this size on are labelled in seconds. */
    static final double SECONDS_FROM_STEP_MS = 500;

    private TimeFormat() {
    }

    /**
     * The label of an axis tick at {@code ms} on an axis with ticks every
     * {@code stepMs}: as many decimals as the step needs and no more, in
     * seconds when the step is half a second or more.
     */
    public static String tick(double ms, double stepMs) {
        boolean seconds = stepMs >= SECONDS_FROM_STEP_MS;
        double value = seconds ? ms / 1000 : ms;
        double step = seconds ? stepMs / 1000 : stepMs;
        // As many decimals as the step has (a step of 2.5 needs one): "7.5 ms", never "8 ms".
        int decimals = Math.max(0, new BigDecimal(step).round(new MathContext(6, RoundingMode.HALF_EVEN)).stripTrailingZeros().scale());
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_EVEN);
        String number = plain(rounded.signum() == 0 ? BigDecimal.ZERO : rounded);
        return number + (seconds ? " s" : " ms");
    }

    /**
     * A duration to three significant figures: "36 ms", "12.5 ms", "0.25 ms",
     * "1.25 s" (seconds from one second on).
     */
    public static String duration(double ms) {
        if (Double.isNaN(ms) || Double.isInfinite(ms)) {
            return "–";
        }
        boolean seconds = Math.abs(ms) >= 1000;
        double value = seconds ? ms / 1000 : ms;
        String unit = seconds ? " s" : " ms";
        if (value == 0) {
            return "0" + unit;
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(3, RoundingMode.HALF_EVEN));
        if (rounded.abs().compareTo(BigDecimal.valueOf(100)) >= 0) {
            rounded = rounded.setScale(0, RoundingMode.HALF_EVEN);
        }
        return plain(rounded) + unit;
    }

    /** An instant in milliseconds with up to three decimals: "90 ms", "1234.5 ms". */
    public static String instant(double ms) {
        if (Double.isNaN(ms) || Double.isInfinite(ms)) {
            return "–";
        }
        BigDecimal rounded = BigDecimal.valueOf(ms).setScale(3, RoundingMode.HALF_EVEN);
        return plain(rounded.signum() == 0 ? BigDecimal.ZERO : rounded) + " ms";
    }

    private static String plain(BigDecimal d) {
        BigDecimal stripped = d.stripTrailingZeros();
        if (stripped.scale() < 0) {
            stripped = stripped.setScale(0);
        }
        return stripped.toPlainString().replace('-', '−');
    }
}
