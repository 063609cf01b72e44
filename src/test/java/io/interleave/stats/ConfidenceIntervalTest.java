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
}
