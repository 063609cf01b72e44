package io.interleave.trace.narration;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Numbers in the narration's words. */
public final class Words {
    private Words() {
    }

    /** "12 ms", "12.5 ms", "3.27 ms", "12.35 s": at most two decimals, none that are zero. */
    public static String ms(double ms) {
        if (Double.isNaN(ms) || Double.isInfinite(ms)) {
            return "–";
        }
        if (Math.abs(ms) >= 10_000) {
            return trim(ms / 1000) + " s";
        }
        return trim(ms) + " ms";
    }

    /** "4.6x"; "1.0x" for no slowdown at all. */
    static String times(double ratio) {
        return String.format(Locale.ROOT, "%.1fx", ratio);
    }

    private static String trim(double v) {
        BigDecimal d = BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }
}
