package io.interleave.app.playback;

/**
 * The time maths of playback, free of JavaFX: where the "now" line is, how
 * fast it moves and where it stops.
 *
 * <p>Speed is relative to the run being shown: at 1x the whole run, from 0
 * to its last finish, plays in {@value #SECONDS_AT_1X} seconds of wall-clock
 * time, whatever its length in simulated milliseconds. So the three-request
 * lesson (236 ms) and a ten-second load test both take 15 s at 1x, 60 s at
 * 0.25x and under a second at 16x.
 */
public final class PlaybackClock {
    /** Wall-clock seconds the whole run takes at 1x. */
    public static final double SECONDS_AT_1X = 15;
    public static final double MIN_SPEED = 0.25;
    public static final double MAX_SPEED = 16;
    /** Longest frame gap honoured; a longer stall (a drag, a busy machine) does not jump ahead. */
    static final double MAX_FRAME_SECONDS = 0.1;

    private double endMs;
    private double positionMs;
    private double speed = 1;
    private boolean playing;

    /** A clock for a run that ends at {@code endMs}, parked at the end (everything shown). */
    public PlaybackClock(double endMs) {
        this.endMs = checkEnd(endMs);
        this.positionMs = this.endMs;
    }

    public double endMs() {
        return endMs;
    }

    public double positionMs() {
        return positionMs;
    }

    public double speed() {
        return speed;
    }

    public boolean playing() {
        return playing;
    }

    /** True when the now line has reached the end of the run. */
    public boolean atEnd() {
        return positionMs >= endMs;
    }

    /** Simulated milliseconds that pass per wall-clock second at the current speed. */
    public double msPerSecond() {
        return endMs / SECONDS_AT_1X * speed;
    }

    /** Sets the speed, clamped to [{@value #MIN_SPEED}, {@value #MAX_SPEED}]; returns the speed used. */
    public double setSpeed(double newSpeed) {
        if (Double.isNaN(newSpeed)) {
            throw new IllegalArgumentException("speed: must be a number");
        }
        speed = Math.max(MIN_SPEED, Math.min(MAX_SPEED, newSpeed));
        return speed;
    }

    /** Starts playing; from the end it starts over at 0. */
    public void play() {
        if (atEnd()) {
            positionMs = 0;
        }
        playing = endMs > 0;
    }

    public void pause() {
        playing = false;
    }

    /** Moves time on by {@code elapsedSeconds} of wall-clock time, if playing; stops at the end. */
    public void advance(double elapsedSeconds) {
        if (!playing || !(elapsedSeconds > 0)) {
            return;
        }
        double dt = Math.min(elapsedSeconds, MAX_FRAME_SECONDS);
        positionMs = Math.min(endMs, positionMs + dt * msPerSecond());
        if (atEnd()) {
            playing = false;
        }
    }

    /** Jumps to {@code ms}, clamped to the run; keeps playing or paused as it was. */
    public void seek(double ms) {
        if (Double.isNaN(ms)) {
            throw new IllegalArgumentException("position: must be a number");
        }
        positionMs = Math.max(0, Math.min(endMs, ms));
        if (atEnd()) {
            playing = false;
        }
    }

    /** Back to 0, paused. */
    public void restart() {
        playing = false;
        positionMs = 0;
    }

    /**
     * A new run replaces the old one: the position is kept (clamped), so a
     * paused picture stays put while sliders move; a clock parked at the end
     * stays at the new end.
     */
    public void setEndMs(double newEndMs) {
        boolean wasAtEnd = atEnd();
        endMs = checkEnd(newEndMs);
        positionMs = wasAtEnd && !playing ? endMs : Math.min(positionMs, endMs);
        if (atEnd()) {
            playing = false;
        }
    }

    /** A run of another scenario replaces the old one: back to 0, paused, ready to play. */
    public void open(double newEndMs) {
        endMs = checkEnd(newEndMs);
        positionMs = 0;
        playing = false;
    }

    private static double checkEnd(double ms) {
        if (!(ms >= 0) || Double.isInfinite(ms)) {
            throw new IllegalArgumentException("endMs: must be a finite number >= 0, was " + ms);
        }
        return ms;
    }
}
