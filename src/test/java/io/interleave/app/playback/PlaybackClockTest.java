package io.interleave.app.playback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlaybackClockTest {
    private static final double FRAME = 1.0 / 60;

    /** Plays at 60 frames a second until the clock stops; returns the wall-clock seconds it took. */
    private static double playToEnd(PlaybackClock clock) {
        clock.play();
        int frames = 0;
        while (clock.playing() && frames < 1_000_000) {
            clock.advance(FRAME);
            frames++;
        }
        return frames * FRAME;
    }

    @Test
    @DisplayName("at 1x the whole run plays in 15 seconds, whatever its length")
    void fifteenSecondsAtOneX() {
        assertThat(playToEnd(new PlaybackClock(236))).isCloseTo(15, within(FRAME));
        assertThat(playToEnd(new PlaybackClock(12_500))).isCloseTo(15, within(FRAME));
    }

    @ParameterizedTest(name = "{0}x takes {1} s")
    @CsvSource({"0.25, 60", "2, 7.5", "16, 0.9375"})
    void speedScalesPlayingTime(double speed, double seconds) {
        PlaybackClock clock = new PlaybackClock(236);
        clock.setSpeed(speed);
        assertThat(playToEnd(clock)).isCloseTo(seconds, within(2 * FRAME));
    }

    @ParameterizedTest(name = "speed {0} is clamped to {1}")
    @CsvSource({"0.1, 0.25", "0, 0.25", "-3, 0.25", "0.25, 0.25", "3, 3", "16, 16", "100, 16", "Infinity, 16"})
    void speedIsClamped(double asked, double used) {
        PlaybackClock clock = new PlaybackClock(100);
        assertThat(clock.setSpeed(asked)).isEqualTo(used);
        assertThat(clock.speed()).isEqualTo(used);
    }

    @Test
    @DisplayName("a new clock shows the whole run; play from the end starts over at 0")
    void playFromTheEndRestarts() {
        PlaybackClock clock = new PlaybackClock(236);
        assertThat(clock.atEnd()).isTrue();
        clock.play();
        assertThat(clock.positionMs()).isZero();
        assertThat(clock.playing()).isTrue();
        clock.advance(1.0 / 30);
        assertThat(clock.positionMs()).isCloseTo(236 / 15.0 / 30, within(1e-9));
    }

    @Test
    @DisplayName("a long stall between frames moves time by at most one tenth of a second")
    void stallsDoNotJump() {
        PlaybackClock clock = new PlaybackClock(1500);
        clock.play();
        clock.advance(5);
        assertThat(clock.positionMs()).isCloseTo(1500 / 15.0 * PlaybackClock.MAX_FRAME_SECONDS, within(1e-9));
    }

    @Test
    @DisplayName("pausing stops time; seeking is clamped to the run")
    void pauseAndSeek() {
        PlaybackClock clock = new PlaybackClock(200);
        clock.play();
        clock.advance(0.05);
        clock.pause();
        double at = clock.positionMs();
        clock.advance(0.05);
        assertThat(clock.positionMs()).isEqualTo(at);
        clock.seek(-5);
        assertThat(clock.positionMs()).isZero();
        clock.seek(500);
        assertThat(clock.positionMs()).isEqualTo(200);
        assertThat(clock.atEnd()).isTrue();
    }

    @Test
    @DisplayName("a new run keeps a paused position, and a clock at the end stays at the new end")
    void newRunKeepsPosition() {
        PlaybackClock clock = new PlaybackClock(236);
        clock.setEndMs(100);
        assertThat(clock.positionMs()).isEqualTo(100);
        clock.seek(40);
        clock.setEndMs(300);
        assertThat(clock.positionMs()).isEqualTo(40);
        clock.setEndMs(20);
        assertThat(clock.positionMs()).isEqualTo(20);
    }

    @Test
    @DisplayName("opening another run goes back to 0 and pauses, wherever the clock was")
    void openStartsOver() {
        PlaybackClock clock = new PlaybackClock(236);
        clock.seek(120);
        clock.play();
        clock.open(140);
        assertThat(clock.positionMs()).isZero();
        assertThat(clock.playing()).isFalse();
        assertThat(clock.endMs()).isEqualTo(140);
        assertThat(clock.atEnd()).isFalse();
    }
}
