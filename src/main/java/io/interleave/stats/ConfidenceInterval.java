package io.interleave.stats;

import org.apache.commons.statistics.distribution.TDistribution;

/**
 * A two-sided confidence interval for the mean of independent replications:
 * {@link #of} is the Student-t interval, {@link #ofPositive} its log-scale
 * counterpart for values that cannot be negative (response times), whose
 * lower bound is always above zero.
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

    /**
     * The interval at {@code level} for the mean of positive values, computed
     * on the log scale so that it can never reach zero or below: with
     * {@code y = ln x}, {@code ȳ} and {@code s²} the mean and variance of the
     * logs, the bounds are
     * {@code exp(ȳ + s²/2 ± t(n-1) · sqrt(s²/n + s⁴/(2(n-1))))}, the modified
     * Cox interval for the mean of a log-normal sample (Olsson, "Confidence
     * intervals for the mean of a log-normal distribution", Journal of
     * Statistics Education 13(1), 2005). The {@code s²/2} term aims it at
     * the mean rather than the median, so a skewed sample (a few slow
     * replications near saturation) widens it upwards, never below zero.
     * {@link #mean()} is still the plain average. One value, or identical
     * values, give a zero-width interval; a value that is zero (an
     * instantaneous request) leaves the log scale: then it is the t-interval
     * with its lower bound held at 0. NaN values give a NaN interval.
     */
    public static ConfidenceInterval ofPositive(double[] values, double level) {
        ConfidenceInterval plain = of(values, level);
        int n = values.length;
        if (n == 1 || Double.isNaN(plain.mean()) || plain.low() == plain.high()) {
            return plain;
        }
        for (double v : values) {
            if (v < 0) {
                throw new IllegalArgumentException("values must not be negative, was " + v);
            }
            if (v == 0) {
                return new ConfidenceInterval(plain.mean(), Math.max(0, plain.low()), plain.high(), n);
            }
        }
        double meanLog = 0;
        for (double v : values) {
            meanLog += Math.log(v);
        }
        meanLog /= n;
        double ss = 0;
        for (double v : values) {
            double d = Math.log(v) - meanLog;
            ss += d * d;
        }
        double var = ss / (n - 1);
        double t = TDistribution.of(n - 1).inverseCumulativeProbability(0.5 + level / 2);
        double half = t * Math.sqrt(var / n + var * var / (2.0 * (n - 1)));
        double centre = meanLog + var / 2;
        return new ConfidenceInterval(plain.mean(), Math.exp(centre - half), Math.exp(centre + half), n);
    }

    public boolean contains(double value) {
        return value >= low && value <= high;
    }

    public double halfWidth() {
        return (high - low) / 2;
    }
}
