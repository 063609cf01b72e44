package io.interleave.trace.narration;

import java.util.Locale;

/** Numbers in the narration's words (times are printed by {@link io.interleave.time.TimeText#exact}). */
public final class Words {
    private Words() {
    }

    /** "4.6x"; "1.0x" for no slowdown at all. */
    static String times(double ratio) {
        return String.format(Locale.ROOT, "%.1fx", ratio);
    }
}
