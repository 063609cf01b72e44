package io.interleave.cli;

/** Fast, locale-free number formatting for CSV files with millions of lines. */
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

    static String format(double v) {
        StringBuilder sb = new StringBuilder();
        append(sb, v);
        return sb.toString();
    }
}
