package io.interleave.app.metrics;

/** Round tick steps for the charts' number axes: 1, 2 or 5 times a power of ten. */
final class AxisTicks {
    private AxisTicks() {
    }

    /** The smallest round step that cuts {@code range} into at most {@code maxTicks} parts. */
    static double step(double range, int maxTicks) {
        if (!(range > 0) || Double.isInfinite(range) || maxTicks < 1) {
            return 1;
        }
        double raw = range / maxTicks;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * power >= raw * (1 - 1e-12)) {
                return m * power;
            }
        }
        return 10 * power;
    }

    /** A whole-number step (at least 1) for counts up to {@code max}: requests in flight are never 2.5. */
    static int countStep(double max, int maxTicks) {
        return (int) Math.max(1, Math.round(step(Math.max(1, max), maxTicks)));
    }

    /** {@code value} rounded up to a multiple of {@code step}. */
    static double ceil(double value, double step) {
        return Math.ceil(value / step - 1e-9) * step;
    }
}
