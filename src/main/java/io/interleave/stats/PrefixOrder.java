package io.interleave.stats;

import java.util.Arrays;

/**
 * The k-th smallest of the first m values of a fixed sequence, for any m, in
 * O(log n) per query and about n log n bits in all: a wavelet matrix over
 * each value's rank. Playback asks "the p95 of the requests completed so far"
 * once per frame, where the requests completed so far are always a prefix of
 * the completions in finish order.
 */
final class PrefixOrder {
    private final int n;
    private final double[] sorted;
    /** One bit vector per level, most significant bit of the rank first. */
    private final long[][] bits;
    /** Ones before each 64-bit word, per level. */
    private final int[][] onesBefore;
    /** Zeros in each level's bit vector. */
    private final int[] zeros;

    /** @param values the sequence, in the order its prefixes grow (not NaN) */
    PrefixOrder(double[] values) {
        n = values.length;
        sorted = values.clone();
        Arrays.sort(sorted);
        // Each value's rank: its first place in sorted order, then the next free place among equal values.
        int[] rank = new int[n];
        int[] taken = new int[n];
        for (int i = 0; i < n; i++) {
            int first = firstIndexOf(sorted, values[i]);
            rank[i] = first + taken[first]++;
        }
        int levels = Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, n - 1)));
        bits = new long[levels][];
        onesBefore = new int[levels][];
        zeros = new int[levels];
        int[] current = rank;
        for (int level = 0; level < levels; level++) {
            int shift = levels - 1 - level;
            long[] words = new long[n / 64 + 1];
            int[] next = new int[n];
            int z = 0;
            for (int i = 0; i < n; i++) {
                if (((current[i] >>> shift) & 1) == 0) {
                    z++;
                } else {
                    words[i >>> 6] |= 1L << (i & 63);
                }
            }
            int zi = 0;
            int oi = z;
            for (int i = 0; i < n; i++) { // stable: zeros first, then ones
                if (((current[i] >>> shift) & 1) == 0) {
                    next[zi++] = current[i];
                } else {
                    next[oi++] = current[i];
                }
            }
            int[] before = new int[words.length + 1];
            for (int w = 0; w < words.length; w++) {
                before[w + 1] = before[w] + Long.bitCount(words[w]);
            }
            bits[level] = words;
            onesBefore[level] = before;
            zeros[level] = z;
            current = next;
        }
    }

    private static int firstIndexOf(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    int size() {
        return n;
    }

    /** The k-th smallest (0-based) of the first {@code m} values. */
    double kth(int m, int k) {
        if (m < 0 || m > n || k < 0 || k >= m) {
            throw new IndexOutOfBoundsException("k " + k + " of the first " + m + " of " + n + " values");
        }
        int lo = 0;
        int hi = m;
        int rank = 0;
        for (int level = 0; level < bits.length; level++) {
            int onesLo = ones(level, lo);
            int onesHi = ones(level, hi);
            int zerosLo = lo - onesLo;
            int zerosHi = hi - onesHi;
            rank <<= 1;
            if (k < zerosHi - zerosLo) {
                lo = zerosLo;
                hi = zerosHi;
            } else {
                k -= zerosHi - zerosLo;
                rank |= 1;
                lo = zeros[level] + onesLo;
                hi = zeros[level] + onesHi;
            }
        }
        return sorted[rank];
    }

    /** Ones among the first {@code i} bits of {@code level}. */
    private int ones(int level, int i) {
        long word = bits[level][i >>> 6] & ((1L << (i & 63)) - 1);
        return onesBefore[level][i >>> 6] + Long.bitCount(word);
    }
}
