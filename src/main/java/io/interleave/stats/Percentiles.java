package io.interleave.stats;

import java.util.Arrays;

/**
 * Exact percentiles by the nearest-rank definition: the p-th percentile of
 * n values is the value at rank ceil(p / 100 * n) in ascending order (rank 1
 * for p = 0). Every reported value is one of the observations.
 */
public final class Percentiles {
    private final double[] sorted;

    /** Sorts {@code values} in place and keeps them; the caller must not change the array afterwards. */
    private Percentiles(double[] sorted) {
        this.sorted = sorted;
    }

    /** Percentiles of the first {@code n} entries of {@code values} (the array is sorted in place). */
    public static Percentiles ofInPlace(double[] values, int n) {
        double[] v = n == values.length ? values : Arrays.copyOf(values, n);
        Arrays.sort(v);
        return new Percentiles(v);
    }

    /** Percentiles of a copy of {@code values}. */
    public static Percentiles of(double... values) {
        return ofInPlace(values.clone(), values.length);
    }

    public int count() {
        return sorted.length;
    }

    /** The p-th percentile, p in [0, 100]; NaN when there are no values. */
    public double at(double p) {
        if (!(p >= 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in [0, 100], was " + p);
        }
        if (sorted.length == 0) {
            return Double.NaN;
        }
        long rank = nearestRank(p, sorted.length);
        int index = (int) Math.max(0, Math.min(sorted.length - 1, rank - 1));
        return sorted[index];
    }

    /**
     * ceil(p / 100 * n), computed so that rounding cannot push an exact rank
     * to the next one: {@code 55 / 100.0 * 100} is 55.00000000000001 in
     * floating point, whose ceiling would be 56.
     */
    static long nearestRank(double p, int n) {
        double x = p * n / 100.0;
        double nearest = Math.rint(x);
        if (Math.abs(x - nearest) <= 1e-9 * Math.max(1, nearest)) {
            return (long) nearest;
        }
        return (long) Math.ceil(x);
    }

    public double min() {
        return sorted.length == 0 ? Double.NaN : sorted[0];
    }

    public double max() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
    }
}
