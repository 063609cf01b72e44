package io.interleave.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Animation: the playback clock shared by the GIF and the animated SVG")
class AnimationTest {
    @Test
    @DisplayName("frame k is at from + k/n of the range; the last frame is the finished picture")
    void frameTimes() {
        Animation a = new Animation(100, 500, 2, 10, 2, true);
        assertThat(a.playingFrames()).isEqualTo(20);
        assertThat(a.frameCount()).isEqualTo(21);
        assertThat(a.frameTimeMs(0)).isEqualTo(100);
        assertThat(a.frameTimeMs(5)).isEqualTo(200);
        assertThat(a.frameTimeMs(19)).isEqualTo(480);
        assertThat(a.frameTimeMs(20)).isInfinite();
        assertThat(a.frameDelayCs(0)).isEqualTo(10);
        assertThat(a.frameDelayCs(20)).isEqualTo(200);
        assertThatThrownBy(() -> a.frameTimeMs(21)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    @DisplayName("seconds on the playback clock: linear over the range, clamped to the playing part")
    void secondsAt() {
        Animation a = new Animation(0, 400, 8, 10, 2, false);
        assertThat(a.secondsAt(100)).isEqualTo(2);
        assertThat(a.secondsAt(-5)).isZero();
        assertThat(a.secondsAt(900)).isEqualTo(8);
        assertThat(a.cycleSeconds()).isEqualTo(10);
    }

    @ParameterizedTest(name = "{0} fps")
    @ValueSource(ints = {1, 3, 7, 12, 15, 30, 60, 100})
    @DisplayName("only rates whose delay is whole hundredths of a second")
    void rates(int fps) {
        assertThatThrownBy(() -> new Animation(0, 1, 8, fps, 2, true))
                .hasMessage("frame rate: must be 5, 10, 20, 25 or 50 frames per second, was " + fps);
    }

    @Test
    @DisplayName("duration, hold and range are checked")
    void limits() {
        assertThatThrownBy(() -> new Animation(0, 1, 0.5, 10, 2, true)).hasMessageContaining("duration");
        assertThatThrownBy(() -> new Animation(0, 1, 8, 10, -1, true)).hasMessageContaining("hold");
        assertThatThrownBy(() -> new Animation(5, 5, 8, 10, 2, true)).hasMessageContaining("range");
    }
}
