package io.interleave.app.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.interleave.scenario.Distribution;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class DurationTextTest {
    static Stream<Arguments> readable() {
        return Stream.of(
                Arguments.of("80", new Distribution.Constant(80)),
                Arguments.of(" 2.5 ", new Distribution.Constant(2.5)),
                Arguments.of("exp 50", new Distribution.Exponential(50)),
                Arguments.of("Exponential 50", new Distribution.Exponential(50)),
                Arguments.of("uniform 2 8", new Distribution.Uniform(2, 8)),
                Arguments.of("normal 50 10", new Distribution.Normal(50, 10)),
                Arguments.of("lognormal 50 10", new Distribution.LogNormal(50, 10)));
    }

    @ParameterizedTest(name = "''{0}'' reads as {1}")
    @MethodSource("readable")
    void parses(String text, Distribution expected) {
        assertThat(DurationText.parse("duration", text)).isEqualTo(expected);
        assertThat(DurationText.parse("duration", DurationText.format(expected))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "''{0}'' is refused: {1}")
    @CsvSource(delimiter = '|', value = {
            "''|duration: enter a duration in ms, e.g. 80 or exp 50",
            "-5|duration.value: must be >= 0, was -5",
            "exp 0|duration.mean: must be > 0, was 0",
            "uniform 8 2|duration.max: must be >= min (8), was 2",
            "exp|duration: expected exp MEAN, was 'exp'",
            "gamma 3|duration: unknown distribution 'gamma' (use exp, uniform, normal or lognormal)",
            "ten|duration: unknown distribution 'ten' (use exp, uniform, normal or lognormal)",
            "exp x|duration: must be a number, was 'x'"})
    void refuses(String text, String message) {
        assertThatThrownBy(() -> DurationText.parse("duration", text)).hasMessage(message);
    }
}
