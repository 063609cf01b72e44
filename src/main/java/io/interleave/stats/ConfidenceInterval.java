package io.interleave.stats;

import org.apache.commons.statistics.distribution.TDistribution;

/**
 * A two-sided Student-t confidence interval for the mean of independent
 * replications.
 *
 * @param mean the sample mean
 * @param low lower bound
 * @param high upper bound
 * @param n number of replications
 */
public record ConfidenceInterval(double mean, double low, double high, int n) {

    /** The interval at {@code level} (e.g. 0.95) from replication means; one value gives a zero-width interval. */
    public static ConfidenceInterval of(double[] values, double level) {
        if (values.length == 0) {
            throw new IllegalArgumentException("need at least one value");
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), was " + level);
        }
        int n = values.length;
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= n;
        if (n == 1) {
            return new ConfidenceInterval(mean, mean, mean, 1);
        }
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / (n - 1));
        double t = TDistribution.of(n - 1).inverseCumulativeProbability(0.5 + level / 2);
        double half = t * sd / Math.sqrt(n);
        return new ConfidenceInterval(mean, mean - half, mean + half, n);
    }

    public boolean contains(double value) {
        return value >= low && value <= high;
    }

    public double halfWidth() {
        return (high - low) / 2;
    }
}
