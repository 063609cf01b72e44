package io.interleave.app.playback;

import java.util.Locale;

/** Simulated times as people read them: "84.0", "1,250", "12.5 s". */
public final class TimeFormat {
    private TimeFormat() {
    }

    /** A time in ms with one decimal below 1000, whole ms up to 100 s, seconds beyond. */
    public static String ms(double ms) {
        if (!Double.isFinite(ms)) {
            return "–";
        }
        if (Math.abs(ms) < 1000) {
            return String.format(Locale.ROOT, "%.1f", ms);
        }
        return String.format(Locale.ROOT, "%,.0f", ms);
    }
}
