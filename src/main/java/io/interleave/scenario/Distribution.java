package io.interleave.scenario;

import java.util.random.RandomGenerator;

/**
 * A duration in milliseconds: a constant or a probability distribution. In a
 * scenario file a plain number is a {@link Constant}; the others are objects
 * such as {@code {"dist": "exponential", "mean": 50}}.
 */
@Format(name = "dist")
public sealed interface Distribution {

    /** Draws one value (never negative). */
    double sample(RandomGenerator random);

    /** The mean of the values {@link #sample} draws. */
    double mean();

    /** The variance of the values {@link #sample} draws (used by queueing theory). */
    double variance();

    /** The name used in the {@code dist} field, or {@code constant}. */
    String distName();

    /** The same distribution with its mean scaled by {@code factor} (> 0), keeping its shape. */
    Distribution scaled(double factor);

    /** Always the same value. */
    @Format(name = "constant")
    record Constant(double value) implements Distribution {
        public Constant {
            Checks.finiteAtLeastZero("value", value);
            if (value > Limits.MAX_MS) {
                throw new IllegalArgumentException("value: must be <= " + Checks.format(Limits.MAX_MS) + ", was " + value);
            }
        }

        @Override
        public double sample(RandomGenerator random) {
            return value;
        }

        @Override
        public double mean() {
            return value;
        }

        @Override
        public double variance() {
            return 0;
        }

        @Override
        public String distName() {
            return "constant";
        }

        @Override
        public Distribution scaled(double factor) {
            return new Constant(value * factor);
        }
    }

    /** Exponential with the given mean, drawn by inversion. */
    @Format(name = "exponential")
    record Exponential(double mean) implements Distribution {
        public Exponential {
            Checks.positive("mean", mean);
            maxMs("mean", mean);
        }

        @Override
        public double sample(RandomGenerator random) {
            // 1 - u lies in (0, 1], so the logarithm is finite.
            return -mean * Math.log(1.0 - random.nextDouble());
        }

        @Override
        public double variance() {
            return mean * mean;
        }

        @Override
        public String distName() {
            return "exponential";
        }

        @Override
        public Distribution scaled(double factor) {
            return new Exponential(mean * factor);
        }
    }

    /** Uniform on {@code [min, max]}. */
    @Format(name = "uniform")
    record Uniform(double min, double max) implements Distribution {
        public Uniform {
            Checks.finiteAtLeastZero("min", min);
            Checks.finiteAtLeastZero("max", max);
            maxMs("max", max);
            if (max < min) {
                throw new IllegalArgumentException("max: must be >= min (" + Checks.format(min) + "), was " + Checks.format(max));
            }
        }

        @Override
        public double sample(RandomGenerator random) {
            return min + (max - min) * random.nextDouble();
        }

        @Override
        public double mean() {
            return (min + max) / 2;
        }

        @Override
        public double variance() {
            double w = max - min;
            return w * w / 12;
        }

        @Override
        public String distName() {
            return "uniform";
        }

        @Override
        public Distribution scaled(double factor) {
            return new Uniform(min * factor, max * factor);
        }
    }

    /**
     * Normal with the given mean and standard deviation, clamped at 0. The
     * clamp makes the true mean slightly larger than {@code mu} when
     * {@code sd} is large compared with it; {@link #mean()} reports the
     * clamped mean.
     *
     * <p>The location parameter is called {@code mu}, not {@code mean}: a
     * record component named {@code mean} would have its accessor replaced by
     * {@link Distribution#mean()}, so {@code normal.mean()} would no longer
     * return the value written in the file (a writer using it changed the
     * file on every save).
     *
     * @param mu the mean before clamping: the {@code mean} field of the file
     * @param sd the standard deviation before clamping
     */
    @Format(name = "normal")
    record Normal(@Format(name = "mean") double mu, double sd) implements Distribution {
        public Normal {
            Checks.finiteAtLeastZero("mean", mu);
            Checks.finiteAtLeastZero("sd", sd);
            maxMs("mean", mu);
            maxMs("sd", sd);
        }

        @Override
        public double sample(RandomGenerator random) {
            return Math.max(0.0, mu + sd * random.nextGaussian());
        }

        /** The mean of max(0, X) for X normal. */
        @Override
        public double mean() {
            if (sd == 0) {
                return mu;
            }
            double z = mu / sd;
            return mu * Gauss.cdf(z) + sd * Gauss.pdf(z);
        }

        @Override
        public double variance() {
            if (sd == 0) {
                return 0;
            }
            double z = mu / sd;
            double secondMoment = (mu * mu + sd * sd) * Gauss.cdf(z) + mu * sd * Gauss.pdf(z);
            double m = mean();
            return Math.max(0, secondMoment - m * m);
        }

        @Override
        public String distName() {
            return "normal";
        }

        @Override
        public Distribution scaled(double factor) {
            return new Normal(mu * factor, sd * factor);
        }
    }

    /** Log-normal whose own mean and standard deviation are given. */
    @Format(name = "lognormal")
    record LogNormal(double mean, double sd) implements Distribution {
        public LogNormal {
            Checks.positive("mean", mean);
            Checks.finiteAtLeastZero("sd", sd);
            maxMs("mean", mean);
            maxMs("sd", sd);
        }

        @Override
        public double sample(RandomGenerator random) {
            double sigma2 = Math.log1p((sd * sd) / (mean * mean));
            double mu = Math.log(mean) - sigma2 / 2;
            return Math.exp(mu + Math.sqrt(sigma2) * random.nextGaussian());
        }

        @Override
        public double variance() {
            return sd * sd;
        }

        @Override
        public String distName() {
            return "lognormal";
        }

        @Override
        public Distribution scaled(double factor) {
            return new LogNormal(mean * factor, sd * factor);
        }
    }

    private static void maxMs(String field, double value) {
        if (value > Limits.MAX_MS) {
            throw new IllegalArgumentException(field + ": must be <= " + Checks.format(Limits.MAX_MS) + ", was " + value);
        }
    }

    /** Standard normal density and distribution function. */
    final class Gauss {
        private Gauss() {
        }

        static double pdf(double z) {
            return Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
        }

        /** Abramowitz and Stegun 7.1.26 through erf; accurate to about 1e-7. */
        static double cdf(double z) {
            double x = Math.abs(z) / Math.sqrt(2);
            double t = 1 / (1 + 0.3275911 * x);
            double erf = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
            return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
        }
    }
}
