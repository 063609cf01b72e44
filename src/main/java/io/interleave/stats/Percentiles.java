package io.interleave.stats;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * Exact percentiles by the nearest-rank definition: the p-th percentile of
 * n values is the value at rank ceil(p / 100 * n) in ascending order (rank 1
 * for p = 0). Every reported value is one of the observations.
 *
 * <p>Nothing is sorted. Each query selects just the rank it needs
 * (Floyd-Rivest selection), moving it to the position it would have in sorted order; a
 * settled position splits the array, so later queries search only between
 * their two nearest settled neighbours. Asking for min, p50, p90, p95, p99
 * and max of ten million values touches each value a few times instead of
 * sorting them all. Values must not be NaN.
 */
public final class Percentiles {
    /** Beyond this many partitioning rounds for one rank, sort the range instead (bad pivots). */
    private static final int MAX_ROUNDS = 64;

    private final double[] values;
    private final int n;
    /** Positions holding the value of that rank: everything left is <=, everything right is >=. */
    private final TreeSet<Integer> settled = new TreeSet<>();

    private Percentiles(double[] values, int n) {
        this.values = values;
        this.n = n;
    }

    /**
     * Percentiles of the first {@code n} entries of {@code values}, which are
     * reordered in place as queries run; the caller must not change the array
     * afterwards.
     */
    public static Percentiles ofInPlace(double[] values, int n) {
        if (n < 0 || n > values.length) {
            throw new IllegalArgumentException("n must be in [0, " + values.length + "], was " + n);
        }
        return new Percentiles(values, n);
    }

    /** Percentiles of a copy of {@code values}. */
    public static Percentiles of(double... values) {
        return ofInPlace(values.clone(), values.length);
    }

    public int count() {
        return n;
    }

    /** The p-th percentile, p in [0, 100]; NaN when there are no values. */
    public double at(double p) {
        if (!(p >= 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in [0, 100], was " + p);
        }
        if (n == 0) {
            return Double.NaN;
        }
        long rank = nearestRank(p, n);
        return valueAt((int) Math.max(0, Math.min(n - 1, rank - 1)));
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
        return n == 0 ? Double.NaN : valueAt(0);
    }

    public double max() {
        return n == 0 ? Double.NaN : valueAt(n - 1);
    }

    /** The value of 0-based sorted position {@code k}, settling it if it is not yet. */
    private double valueAt(int k) {
        if (!settled.contains(k)) {
            Integer below = settled.lower(k);
            Integer above = settled.higher(k);
            select(values, below == null ? 0 : below + 1, above == null ? n - 1 : above - 1, k);
            settled.add(k);
        }
        return values[k];
    }

    /**
     * Reorders {@code a[lo..hi]} so that {@code a[k]} holds the value that
     * sorting the range would put there, with no larger value before it and
     * no smaller one after it. This is Floyd and Rivest's SELECT (CACM 18(3),
     * 1975): on a large range it first selects within a small sample around
     * the expected position, so the pivot lands very close to rank k and each
     * round discards most of the range; about 1.5 n comparisons for a median
     * against quickselect's 3.4 n.
     */
    static void select(double[] a, int lo, int hi, int k) {
        if (k == lo || k == hi) {
            moveExtreme(a, lo, hi, k == lo);
            return;
        }
        for (int round = 0; hi > lo; round++) {
            if (round == MAX_ROUNDS) {
                Arrays.sort(a, lo, hi + 1);
                return;
            }
            if (hi - lo > 600) {
                // narrow the pivot down within a sample of about n^(2/3) values around k
                double n = hi - lo + 1;
                double i = k - lo + 1;
                double z = Math.log(n);
                double s = 0.5 * Math.exp(2 * z / 3);
                double sd = 0.5 * Math.sqrt(z * s * (n - s) / n) * Math.signum(i - n / 2);
                int sampleLo = (int) Math.max(lo, Math.floor(k - i * s / n + sd));
                int sampleHi = (int) Math.min(hi, Math.floor(k + (n - i) * s / n + sd));
                select(a, sampleLo, sampleHi, k);
            }
            // partition around t = a[k]; afterwards a[j] = t, smaller values before it, larger after
            double t = a[k];
            int i = lo;
            int j = hi;
            swap(a, lo, k);
            if (a[hi] > t) {
                swap(a, hi, lo);
            }
            while (i < j) {
                swap(a, i, j);
                i++;
                j--;
                while (a[i] < t) {
                    i++;
                }
                while (a[j] > t) {
                    j--;
                }
            }
            if (a[lo] == t) {
                swap(a, lo, j);
            } else {
                j++;
                swap(a, j, hi);
            }
            if (j <= k) {
                lo = j + 1;
            }
            if (k <= j) {
                hi = j - 1;
            }
        }
    }

    private static void swap(double[] a, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    /** Swaps the smallest (or largest) value of {@code a[lo..hi]} to {@code lo} (or {@code hi}): one pass. */
    private static void moveExtreme(double[] a, int lo, int hi, boolean smallest) {
        int best = smallest ? lo : hi;
        for (int i = lo; i <= hi; i++) {
            if (smallest ? a[i] < a[best] : a[i] > a[best]) {
                best = i;
            }
        }
        swap(a, smallest ? lo : hi, best);
    }

}
