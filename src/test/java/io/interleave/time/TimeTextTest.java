package io.interleave.time;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("TimeText: the one way a time in milliseconds is printed")
class TimeTextTest {

    @ParameterizedTest(name = "duration({0}) = {1}")
    @CsvSource(delimiter = '|', value = {
            "0|0 ms", "-0.0|0 ms", "0.25|0.25 ms", "0.0001|0.0001 ms", "12.345|12.3 ms", "12.25|12.2 ms",
            "36|36 ms", "99.95|100 ms", "100|100 ms", "100.4|100 ms", "166|166 ms", "183.64|184 ms",
            "999.4|999 ms", "999.6|1 s", "999.9|1 s", "1000|1 s", "1250|1.25 s", "1500|1.5 s", "12345.6|12.3 s",
            "12500|12.5 s", "125000|125 s", "1000000|1000 s", "10000000|10,000 s", "100000000|100,000 s",
            "-36|−36 ms", "-1500|−1.5 s", "NaN|–", "Infinity|–", "-Infinity|–"})
    @DisplayName("duration: three significant figures, seconds once it rounds to 1000 ms")
    void durations(double ms, String text) {
        assertThat(TimeText.duration(ms)).isEqualTo(text);
    }

    @ParameterizedTest(name = "exact({0}) = {1}")
    @CsvSource(delimiter = '|', value = {
            "0|0 ms", "-0.0|0 ms", "0.001|0 ms", "0.25|0.25 ms", "3.275|3.28 ms", "12.5|12.5 ms", "36|36 ms",
            "99.95|99.95 ms", "100|100 ms", "183.64|183.64 ms", "999.9|999.9 ms", "1000|1000 ms", "1234.5|1234.5 ms",
            "1500|1500 ms", "9999.99|9999.99 ms", "9999.999|10 s", "10000|10 s", "12345.6|12.35 s",
            "1000000|1000 s", "10000000|10,000 s", "-5|−5 ms", "NaN|–", "Infinity|–"})
    @DisplayName("exact: at most two decimals, seconds once it rounds to 10,000 ms")
    void exacts(double ms, String text) {
        assertThat(TimeText.exact(ms)).isEqualTo(text);
    }

    @ParameterizedTest(name = "readout({0}) = {1}")
    @CsvSource(delimiter = '|', value = {
            "0|0.0 ms", "-0.0|0.0 ms", "0.04|0.0 ms", "0.25|0.3 ms", "36|36.0 ms", "99.95|100.0 ms", "100|100.0 ms",
            "183.64|183.6 ms", "999.9|999.9 ms", "999.96|1000 ms", "1000|1000 ms", "1500|1500 ms",
            "12345.6|12,346 ms", "1000000|1,000,000 ms", "-1.5|−1.5 ms", "NaN|–", "Infinity|–"})
    @DisplayName("readout: always ms, one decimal below 1000, whole ms from 1000")
    void readouts(double ms, String text) {
        assertThat(TimeText.readout(ms)).isEqualTo(text);
    }

    @ParameterizedTest(name = "tick({0}, step {1}) = {2}")
    @CsvSource(delimiter = '|', value = {
            "0|50|0 ms", "50|50|50 ms", "7.5|2.5|7.5 ms", "0.2|0.1|0.2 ms", "0.25|0.05|0.25 ms",
            "0.000001|0.1|0 ms", "1200|200|1200 ms", "12000|100|12,000 ms", "-50|50|−50 ms",
            "1000|500|1 s", "1500|500|1.5 s", "2000|1000|2 s", "60000|20000|60 s", "1000000|100000|1000 s", "10000000|1000000|10,000 s",
            "NaN|50|–", "50|0|–", "50|NaN|–"})
    @DisplayName("tick: the decimals the step needs, seconds from a half-second step")
    void ticks(double ms, double step, String text) {
        assertThat(TimeText.tick(ms, step)).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"de-DE", "fr-FR", "ar-EG", "hi-IN"})
    @DisplayName("the default locale changes no digit, point or separator")
    void localeIndependent(String tag) {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag(tag));
            assertThat(TimeText.duration(12_345.6)).isEqualTo("12.3 s");
            assertThat(TimeText.exact(1234.5)).isEqualTo("1234.5 ms");
            assertThat(TimeText.readout(12_345.6)).isEqualTo("12,346 ms");
            assertThat(TimeText.tick(1500, 500)).isEqualTo("1.5 s");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    @DisplayName("where the uses meet they agree: whole ms below 100 read the same in duration, exact and tick")
    void usesAgree() {
        for (int ms = 0; ms < 100; ms++) {
            assertThat(TimeText.exact(ms)).as("%d ms", ms).isEqualTo(TimeText.duration(ms)).isEqualTo(TimeText.tick(ms, 1));
        }
    }

    @Test
    @DisplayName("the time package imports nothing of the project, so every layer may use it without a cycle")
    void importsNothingOfTheProject() {
        JavaClasses time = new ClassFileImporter()
                .withImportOption(location -> !location.contains("/test-classes/"))
                .importPackages("io.interleave.time");
        assertThat(time.contain(TimeText.class)).isTrue();
        noClasses().that().resideInAPackage("io.interleave.time..")
                .should().dependOnClassesThat().resideInAnyPackage("io.interleave..")
                .allowEmptyShould(false)
                .check(time);
    }
}
