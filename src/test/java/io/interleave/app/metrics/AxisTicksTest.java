package io.interleave.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AxisTicksTest {
    @ParameterizedTest(name = "{0} in at most {1} parts: steps of {2}")
    @CsvSource({"236, 5, 50", "100, 5, 20", "3, 4, 1", "1, 5, 0.2", "12500, 5, 5000", "10, 5, 2"})
    void roundSteps(double range, int ticks, double step) {
        assertThat(AxisTicks.step(range, ticks)).isCloseTo(step, org.assertj.core.api.Assertions.within(1e-9));
    }

    @ParameterizedTest(name = "up to {0} in flight: whole steps of {1}")
    @CsvSource({"0, 1", "1, 1", "3, 1", "5, 2", "10, 5", "37, 10", "2.5, 1"})
    @DisplayName("requests in flight are counted in whole steps, never 2.5")
    void wholeCounts(double max, int step) {
        assertThat(AxisTicks.countStep(max, 4)).isEqualTo(step);
    }

    @Test
    @DisplayName("the top of an axis is rounded up to a whole step")
    void ceil() {
        assertThat(AxisTicks.ceil(236, 50)).isEqualTo(250);
        assertThat(AxisTicks.ceil(200, 50)).isEqualTo(200);
        assertThat(AxisTicks.ceil(3, 1)).isEqualTo(3);
    }
}
