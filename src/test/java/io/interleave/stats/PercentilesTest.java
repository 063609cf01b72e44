package io.interleave.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Percentiles: nearest rank")
class PercentilesTest {

    // The textbook example (e.g. Wikipedia, "Percentile", nearest-rank method): 15, 20, 35, 40, 50.
    @ParameterizedTest(name = "p{0} = {1}")
    @CsvSource({"0, 15", "5, 15", "20, 15", "30, 20", "40, 20", "50, 35", "75, 40", "80, 40", "81, 50", "100, 50"})
    @DisplayName("the textbook five values")
    void textbook(double p, double expected) {
        assertThat(Percentiles.of(50, 40, 15, 35, 20).at(p)).isEqualTo(expected);
    }

    @Test
    @DisplayName("1..10: p50 = 5, p90 = 9, p95 = p99 = 10, min 1, max 10")
    void oneToTen() {
        Percentiles p = Percentiles.of(10, 9, 8, 7, 6, 5, 4, 3, 2, 1);
        assertThat(p.at(50)).isEqualTo(5);
        assertThat(p.at(90)).isEqualTo(9);
        assertThat(p.at(95)).isEqualTo(10);
        assertThat(p.at(99)).isEqualTo(10);
        assertThat(p.min()).isEqualTo(1);
        assertThat(p.max()).isEqualTo(10);
        assertThat(p.count()).isEqualTo(10);
    }

    @Test
    @DisplayName("every integer percentile of 1..n is the exact rank ceil(p n / 100), with no floating-point slip")
    void exactRanks() {
        // 55 / 100.0 * 100 = 55.000000000000007 in floating point; a naive ceiling gives 56
        assertThat(Percentiles.of(range(100)).at(55)).isEqualTo(55);
        assertThat(Percentiles.of(range(100)).at(7)).isEqualTo(7);
        for (int n = 1; n <= 400; n++) {
            Percentiles p = Percentiles.of(range(n));
            for (int pct = 1; pct <= 100; pct++) {
                long rank = (pct * (long) n + 99) / 100; // integer ceil
                assertThat(p.at(pct)).as("p%d of 1..%d", pct, n).isEqualTo(rank);
            }
        }
    }

    @Test
    @DisplayName("fractional percentiles: p99.9 of 1..1000 is 999, p99.95 is 1000")
    void fractional() {
        Percentiles p = Percentiles.of(range(1000));
        assertThat(p.at(99.9)).isEqualTo(999);
        assertThat(p.at(99.95)).isEqualTo(1000);
        assertThat(p.at(0.1)).isEqualTo(1);
        assertThat(p.at(0.15)).isEqualTo(2);
    }

    @Test
    @DisplayName("every reported value is an observation; percentiles never decrease with p")
    void observationsAndMonotone() {
        Random r = new Random(3);
        double[] v = r.doubles(777, 0, 100).toArray();
        Percentiles p = Percentiles.of(v);
        double last = Double.NEGATIVE_INFINITY;
        for (double pct = 0; pct <= 100; pct += 0.5) {
            double x = p.at(pct);
            assertThat(v).contains(x);
            assertThat(x).isGreaterThanOrEqualTo(last);
            last = x;
        }
    }

    @Test
    @DisplayName("of() copies its input; ofInPlace() uses only the first n entries")
    void copiesAndPrefix() {
        double[] v = {3, 1, 2};
        Percentiles.of(v);
        assertThat(v).containsExactly(3, 1, 2);

        double[] buffer = {9, 1, 5, 1000, -1000};
        Percentiles p = Percentiles.ofInPlace(buffer, 3);
        assertThat(p.count()).isEqualTo(3);
        assertThat(p.min()).isEqualTo(1);
        assertThat(p.max()).isEqualTo(9);
        assertThat(p.at(50)).isEqualTo(5);
    }

    @Test
    @DisplayName("no values: NaN everywhere")
    void empty() {
        Percentiles p = Percentiles.of();
        assertThat(p.count()).isZero();
        assertThat(p.at(50)).isNaN();
        assertThat(p.min()).isNaN();
        assertThat(p.max()).isNaN();
    }

    @ParameterizedTest(name = "p = {0}")
    @ValueSource(doubles = {-0.1, 100.1, Double.NaN})
    @DisplayName("p outside [0, 100] is rejected")
    void badP(double p) {
        assertThatThrownBy(() -> Percentiles.of(1, 2).at(p)).isInstanceOf(IllegalArgumentException.class);
    }

    private static double[] range(int n) {
        double[] v = new double[n];
        Arrays.setAll(v, i -> n - i); // descending, so sorting matters
        return v;
    }
}
