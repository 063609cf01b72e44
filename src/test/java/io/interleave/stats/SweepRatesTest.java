package io.interleave.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The rate grid cannot overflow its count: a tiny step is refused, never turned into an empty or endless list. */
@DisplayName("Sweep: the rate grid refuses a step too small to count")
class SweepRatesTest {
    @Test
    @DisplayName("a step that cannot move from START is refused (it used to overflow the count into an empty list)")
    void tinyStep() {
        assertThatThrownBy(() -> Sweep.rates(1, 2, 1e-320)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too small");
        assertThatThrownBy(() -> Sweep.rates(1, 2, 1e-17)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too small");
    }

    @Test
    @DisplayName("a step that gives more than 10000 rates is refused, even when the count passes a long")
    void tooManyRates() {
        assertThatThrownBy(() -> Sweep.rates(1, 1e7, 1e-12)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("at most 10000 rates, was more than 10^15");
        assertThat(Sweep.rates(1, 10000, 1)).hasSize(10000);
    }
}
