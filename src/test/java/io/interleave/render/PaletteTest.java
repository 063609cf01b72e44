package io.interleave.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.interleave.trace.SpanState;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PaletteTest {

    static Stream<Palette> palettes() {
        return Stream.of(Palette.LIGHT, Palette.DARK);
    }

    @ParameterizedTest
    @MethodSource("palettes")
    @DisplayName("every state has its own colour (the two queue states share yellow, and waiting for the GIL shares ready's sky blue, told apart by their patterns), distinct from the rejection marker and the background")
    void distinctColours(Palette p) {
        Set<Rgb> colours = Arrays.stream(SpanState.values()).map(s -> p.fill(s).color()).collect(Collectors.toSet());
        assertThat(colours).hasSize(SpanState.values().length - 2);
        assertThat(p.fill(SpanState.WAITING_GIL).color()).isEqualTo(p.fill(SpanState.READY).color());
        assertThat(p.fill(SpanState.WAITING_GIL).pattern()).isNotEqualTo(p.fill(SpanState.READY).pattern());
        assertThat(p.fill(SpanState.WAITING_PUT).color()).isEqualTo(p.fill(SpanState.WAITING_GET).color());
        assertThat(p.fill(SpanState.WAITING_PUT).pattern()).isNotEqualTo(p.fill(SpanState.WAITING_GET).pattern());
        assertThat(colours).doesNotContain(p.rejected(), p.background(), p.laneBackground());
    }

    @ParameterizedTest
    @MethodSource("palettes")
    @DisplayName("queued, waiting for a resource, blocked, waiting to put, waiting to get and waiting for the GIL carry a pattern (the first three each a different one); compute and wait are solid")
    void patterns(Palette p) {
        Set<SpanState> patterned = EnumSet.of(SpanState.QUEUED, SpanState.WAITING_RESOURCE, SpanState.BLOCKED,
                SpanState.WAITING_PUT, SpanState.WAITING_GET, SpanState.WAITING_GIL);
        for (SpanState s : SpanState.values()) {
            if (patterned.contains(s)) {
                assertThat(p.fill(s).pattern()).as(s.name()).isNotEqualTo(FillPattern.SOLID);
            } else {
                assertThat(p.fill(s).pattern()).as(s.name()).isEqualTo(FillPattern.SOLID);
            }
        }
        assertThat(EnumSet.of(SpanState.QUEUED, SpanState.WAITING_RESOURCE, SpanState.BLOCKED).stream()
                .map(s -> p.fill(s).pattern()).collect(Collectors.toSet())).hasSize(3);
    }

    @ParameterizedTest
    @MethodSource("palettes")
    @DisplayName("each bar stands out from the background by its fill or its outline (WCAG 3:1)")
    void barsStandOut(Palette p) {
        for (SpanState s : SpanState.values()) {
            Fill f = p.fill(s);
            double best = Math.max(f.color().contrastWith(p.background()), f.ink().contrastWith(p.background()));
            assertThat(best).as(s.name()).isGreaterThanOrEqualTo(3);
        }
        assertThat(p.text().contrastWith(p.background())).isGreaterThanOrEqualTo(7);
        assertThat(p.axis().contrastWith(p.background())).isGreaterThanOrEqualTo(4.5);
        assertThat(p.nowLabelText().contrastWith(p.nowLine())).isGreaterThanOrEqualTo(7);
        assertThat(p.rejected().contrastWith(p.background())).isGreaterThanOrEqualTo(3);
    }

    @Test
    @DisplayName("the light palette uses the Okabe–Ito blue for compute and bluish green for waits")
    void okabeIto() {
        assertThat(Palette.LIGHT.fill(SpanState.COMPUTE).color()).isEqualTo(Rgb.hex("#0072B2"));
        assertThat(Palette.LIGHT.fill(SpanState.WAIT).color()).isEqualTo(Rgb.hex("#009E73"));
        assertThat(Palette.LIGHT.rejected()).isEqualTo(Rgb.hex("#D55E00"));
    }

    @Test
    @DisplayName("labels on bars are white on compute blue and black on the light grey of a queue")
    void textOnBars() {
        Palette p = Palette.LIGHT;
        assertThat(p.textOn(p.fill(SpanState.COMPUTE).color())).isEqualTo(Rgb.hex("#FFFFFF"));
        assertThat(p.textOn(p.fill(SpanState.QUEUED).color())).isEqualTo(Rgb.hex("#000000"));
    }

    @Test
    @DisplayName("colours parse from #RRGGBB and measure contrast as WCAG does")
    void rgb() {
        Rgb c = Rgb.hex("#0072B2");
        assertThat(c).isEqualTo(new Rgb(0, 0x72, 0xB2));
        assertThat(c.hex()).isEqualTo("#0072b2");
        assertThat(Rgb.hex("#000000").contrastWith(Rgb.hex("#ffffff"))).isCloseTo(21, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(Rgb.hex("#000000").mix(Rgb.hex("#FFFFFF"), 0.5)).isEqualTo(new Rgb(128, 128, 128));
        assertThatThrownBy(() -> Rgb.hex("0072B2")).hasMessageContaining("#RRGGBB");
        assertThatThrownBy(() -> new Rgb(256, 0, 0)).hasMessageContaining("red");
    }
}
