package io.interleave.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("ConfidenceInterval: Student t over replication means")
class ConfidenceIntervalTest {

    @Test
    @DisplayName("1, 2, 3, 4, 5 at 95%: mean 3 +- t(0.975, 4) s / sqrt 5 = 3 +- 1.963")
    void textbook() {
        // s = sqrt(2.5) = 1.5811; t(0.975, 4) = 2.776445 (from tables); half = 2.776445 * 1.5811 / 2.2361
        ConfidenceInterval ci = ConfidenceInterval.of(new double[] {1, 2, 3, 4, 5}, 0.95);
        assertThat(ci.mean()).isEqualTo(3.0);
        assertThat(ci.n()).isEqualTo(5);
        assertThat(ci.halfWidth()).isCloseTo(2.776445 * Math.sqrt(2.5) / Math.sqrt(5), within(1e-5));
        assertThat(ci.low()).isCloseTo(1.03676, within(1e-5));
        assertThat(ci.high()).isCloseTo(4.96324, within(1e-5));
    }

    @Test
    @DisplayName("the level sets the t quantile: 90% with 10 values uses t(0.95, 9) = 1.833113")
    void otherLevel() {
        double[] v = {10, 12, 9, 11, 10, 13, 8, 10, 11, 6};
        double mean = 10;
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        double s = Math.sqrt(ss / 9);
        ConfidenceInterval ci = ConfidenceInterval.of(v, 0.90);
        assertThat(ci.mean()).isCloseTo(mean, within(1e-12));
        assertThat(ci.halfWidth()).isCloseTo(1.833113 * s / Math.sqrt(10), within(1e-5));
        assertThat(ConfidenceInterval.of(v, 0.99).halfWidth()).isCloseTo(3.249836 * s / Math.sqrt(10), within(1e-5));
    }

    @Test
    @DisplayName("contains() includes both ends and nothing outside")
    void contains() {
        ConfidenceInterval ci = new ConfidenceInterval(5, 4, 6, 3);
        assertThat(ci.contains(4)).isTrue();
        assertThat(ci.contains(6)).isTrue();
        assertThat(ci.contains(5.5)).isTrue();
        assertThat(ci.contains(3.999)).isFalse();
        assertThat(ci.contains(6.001)).isFalse();
        assertThat(ci.contains(Double.NaN)).isFalse();
        assertThat(ci.halfWidth()).isEqualTo(1);
    }

    @Test
    @DisplayName("one value gives a zero-width interval; identical values too")
    void degenerate() {
        ConfidenceInterval one = ConfidenceInterval.of(new double[] {7}, 0.95);
        assertThat(one.low()).isEqualTo(7);
        assertThat(one.high()).isEqualTo(7);
        ConfidenceInterval same = ConfidenceInterval.of(new double[] {2, 2, 2}, 0.95);
        assertThat(same.halfWidth()).isZero();
    }

    @Test
    @DisplayName("over many normal samples of 10, the 95% interval covers the true mean about 95% of the time")
    void coverage() {
        Random r = new Random(11);
        int trials = 4000;
        int covered = 0;
        for (int t = 0; t < trials; t++) {
            double[] v = new double[10];
            for (int i = 0; i < v.length; i++) {
                v[i] = 50 + 8 * r.nextGaussian();
            }
            if (ConfidenceInterval.of(v, 0.95).contains(50)) {
                covered++;
            }
        }
        // binomial sd of the share is 0.0034; a z-interval (t replaced by 1.96) would cover only ~92%
        assertThat(covered / (double) trials).isCloseTo(0.95, within(0.012));
    }

    @Test
    @DisplayName("no values, or a level outside (0, 1), is rejected")
    void rejects() {
        assertThatThrownBy(() -> ConfidenceInterval.of(new double[0], 0.95)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "level {0}")
    @ValueSource(doubles = {0, 1, -0.5, 95, Double.NaN})
    @DisplayName("levels outside (0, 1) are rejected")
    void badLevel(double level) {
        assertThatThrownBy(() -> ConfidenceInterval.of(new double[] {1, 2}, level))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("level");
    }

    @Test
    @DisplayName("ofPositive on 1, e, e^2: exp(1 + 1/2 +- t(0.975, 2) sqrt(1/3 + 1/4)) = [0.1676, 119.85] around the mean 3.7024")
    void positiveTextbook() {
        // logs 0, 1, 2: mean 1, variance 1; t(0.975, 2) = 4.302653 (tables); half = 4.302653 * sqrt(1/3 + 1/(2 * 2)) = 3.286206
        ConfidenceInterval ci = ConfidenceInterval.ofPositive(new double[] {1, Math.E, Math.E * Math.E}, 0.95);
        assertThat(ci.mean()).isCloseTo((1 + Math.E + Math.E * Math.E) / 3, within(1e-12));
        assertThat(ci.low()).isCloseTo(Math.exp(1.5 - 3.286206), within(1e-5));
        assertThat(ci.high()).isCloseTo(Math.exp(1.5 + 3.286206), within(1e-3));
        assertThat(ci.n()).isEqualTo(3);
    }

    @Test
    @DisplayName("ofPositive never reaches zero where the t-interval goes negative (replication means 80, 168, 89 ms near saturation)")
    void positiveNeverBelowZero() {
        double[] means = {80.33354242095221, 168.3181085446063, 89.07692013350962};
        assertThat(ConfidenceInterval.of(means, 0.95).low()).isCloseTo(-7.83, within(0.01));
        ConfidenceInterval ci = ConfidenceInterval.ofPositive(means, 0.95);
        assertThat(ci.low()).isPositive();
        assertThat(ci.contains(ci.mean())).isTrue();
        assertThat(ci.mean()).isEqualTo(ConfidenceInterval.of(means, 0.95).mean());
        // skewed upwards, as a response time near saturation is
        assertThat(ci.high() - ci.mean()).isGreaterThan(ci.mean() - ci.low());
    }

    @Test
    @DisplayName("ofPositive: one value or identical values give a zero-width interval; a zero keeps the t-interval held at 0; NaN stays NaN")
    void positiveDegenerate() {
        assertThat(ConfidenceInterval.ofPositive(new double[] {7}, 0.95)).isEqualTo(new ConfidenceInterval(7, 7, 7, 1));
        assertThat(ConfidenceInterval.ofPositive(new double[] {2, 2, 2}, 0.95).halfWidth()).isZero();
        ConfidenceInterval zero = ConfidenceInterval.ofPositive(new double[] {0, 1, 0, 1}, 0.95);
        assertThat(zero.low()).isZero();
        assertThat(zero.high()).isEqualTo(ConfidenceInterval.of(new double[] {0, 1, 0, 1}, 0.95).high());
        assertThat(ConfidenceInterval.ofPositive(new double[] {1, Double.NaN}, 0.95).mean()).isNaN();
        assertThatThrownBy(() -> ConfidenceInterval.ofPositive(new double[] {1, -1}, 0.95)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {3, 5, 10})
    @DisplayName("ofPositive over many log-normal samples covers the true mean about 95% of the time, and its low end is always above 0")
    void positiveCoverage(int n) {
        Random r = new Random(23);
        double sigma = 0.5;
        double trueMean = Math.exp(Math.log(100) + sigma * sigma / 2);
        int trials = 4000;
        int covered = 0;
        for (int t = 0; t < trials; t++) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = Math.exp(Math.log(100) + sigma * r.nextGaussian());
            }
            ConfidenceInterval ci = ConfidenceInterval.ofPositive(v, 0.95);
            assertThat(ci.low()).isPositive();
            if (ci.contains(trueMean)) {
                covered++;
            }
        }
        assertThat(covered / (double) trials).isBetween(0.93, 0.985);
    }
}
