package io.interleave.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeFormatTest {

    @ParameterizedTest(name = "{0} ms, step {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "0|50|0 ms", "50|50|50 ms", "1500|500|1.5 s", "1000|500|1 s", "2000|1000|2 s",
            "0.2|0.1|0.2 ms", "1200|200|1200 ms", "-50|50|−50 ms", "0.000001|0.1|0 ms", "60000|20000|60 s"})
    @DisplayName("tick labels carry only the decimals the step needs")
    void ticks(double ms, double step, String label) {
        assertThat(TimeFormat.tick(ms, step)).isEqualTo(label);
    }

    @ParameterizedTest(name = "{0} ms -> {1}")
    @CsvSource(delimiter = '|', value = {
            "36|36 ms", "166|166 ms", "12.345|12.3 ms", "0.25|0.25 ms", "0|0 ms", "999.6|1000 ms",
            "1000|1 s", "1250|1.25 s", "12500|12.5 s", "125000|125 s", "100.4|100 ms"})
    @DisplayName("durations read to three significant figures")
    void durations(double ms, String text) {
        assertThat(TimeFormat.duration(ms)).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0} ms -> {1}")
    @CsvSource(delimiter = '|', value = {"90|90 ms", "1234.5|1234.5 ms", "10.0004|10 ms", "0.125|0.125 ms"})
    @DisplayName("instants are in milliseconds to the microsecond")
    void instants(double ms, String text) {
        assertThat(TimeFormat.instant(ms)).isEqualTo(text);
    }
}
