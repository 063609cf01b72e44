package io.interleave.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("QueueingTheory: closed forms")
class QueueingTheoryTest {

    @ParameterizedTest(name = "C({0}, {1}) = {2}")
    @CsvSource({
            "1, 0.3, 0.3",                  // one server: the probability of waiting is rho
            "1, 0.9, 0.9",
            "2, 1, 0.3333333333333333",     // 2 rho^2 / (1 + rho) at rho = 0.5
            "3, 2, 0.4444444444444444",     // 4/9
            "10, 8, 0.4091801507964436",    // the classic call-centre example: about 41% wait
            "5, 4, 0.5541125541125541"})
    @DisplayName("Erlang C textbook values")
    void erlangC(int c, double a, double expected) {
        assertThat(QueueingTheory.erlangC(c, a)).isCloseTo(expected, within(1e-12));
    }

    @Test
    @DisplayName("Erlang C agrees with the direct sum formula for 1-60 servers and loads up to 0.98")
    void erlangCDirect() {
        for (int c = 1; c <= 60; c++) {
            for (double rho = 0.02; rho < 0.99; rho += 0.04) {
                double a = rho * c;
                // C = (a^c / c!) / (1 - rho) / (sum_{k<c} a^k / k! + (a^c / c!) / (1 - rho))
                double sum = 0;
                double term = 1;
                for (int k = 0; k < c; k++) {
                    if (k > 0) {
                        term *= a / k;
                    }
                    sum += term;
                }
                double top = term * a / c / (1 - rho);
                assertThat(QueueingTheory.erlangC(c, a)).as("C(%d, %.3f)", c, a).isCloseTo(top / (sum + top), within(1e-10));
            }
        }
    }

    @Test
    @DisplayName("M/M/1: mean response 1 / (mu - lambda); percentiles of an exponential with rate mu - lambda")
    void mm1() {
        // lambda 60/s, service 10 ms (mu 100/s): 1 / 40 s = 25 ms
        assertThat(QueueingTheory.mm1MeanResponseMs(60, 10)).isCloseTo(25, within(1e-12));
        assertThat(QueueingTheory.mm1MeanResponseMs(0, 10)).isCloseTo(10, within(1e-12));
        assertThat(QueueingTheory.mm1ResponsePercentileMs(60, 10, 50)).isCloseTo(25 * Math.log(2), within(1e-12));
        assertThat(QueueingTheory.mm1ResponsePercentileMs(60, 10, 90)).isCloseTo(25 * Math.log(10), within(1e-12));
        assertThat(QueueingTheory.mm1ResponsePercentileMs(60, 10, 0)).isZero();
    }

    @Test
    @DisplayName("M/M/c: 3 servers at 200/s with 10 ms service wait 4/9 / 100 s on average: 14.44 ms response")
    void mmc() {
        assertThat(QueueingTheory.mmcMeanResponseMs(3, 200, 10)).isCloseTo(10 + 1000 * (4.0 / 9) / 100, within(1e-9));
        // one server is M/M/1
        assertThat(QueueingTheory.mmcMeanResponseMs(1, 60, 10)).isCloseTo(25, within(1e-9));
    }

    @Test
    @DisplayName("M/G/1 (Pollaczek-Khinchine): exponential service gives M/M/1; constant service half the queueing")
    void mg1() {
        assertThat(QueueingTheory.mg1MeanResponseMs(60, 10, 100)).isCloseTo(25, within(1e-9));
        // M/D/1: 10 + 0.06 * 100 / (2 * 0.4) = 17.5 ms
        assertThat(QueueingTheory.mg1MeanResponseMs(60, 10, 0)).isCloseTo(17.5, within(1e-9));
        // uniform 2..18: variance 256 / 12
        assertThat(QueueingTheory.mg1MeanResponseMs(60, 10, 256.0 / 12)).isCloseTo(10 + 0.06 * (256.0 / 12 + 100) / 0.8, within(1e-9));
    }

    @Test
    @DisplayName("an unstable queue (utilisation >= 1) has no steady state and is rejected")
    void unstable() {
        assertThatThrownBy(() -> QueueingTheory.mm1MeanResponseMs(100, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QueueingTheory.mm1ResponsePercentileMs(120, 10, 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QueueingTheory.erlangC(2, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QueueingTheory.mmcMeanResponseMs(3, 300, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QueueingTheory.mg1MeanResponseMs(100, 10, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
