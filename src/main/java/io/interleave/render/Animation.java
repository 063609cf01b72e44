package io.interleave.render;

import java.util.List;
import java.util.Locale;

/**
 * How a playback is exported as an animation: the simulated time range
 * {@code [fromMs, toMs]} played over {@code seconds} at {@code fps} frames a
 * second, then the finished picture held for {@code holdSeconds}, looping or
 * played once. The GIF and the animated SVG share this clock, so their bars
 * grow at the same moments.
 *
 * <p>The GIF has {@code seconds * fps} playing frames, frame {@code k} at
 * playhead {@code fromMs + k * (toMs - fromMs) / (seconds * fps)}, each
 * shown for {@code 100 / fps} hundredths of a second, then one last frame:
 * the finished picture (the still export), shown for the hold.
 *
 * @param fromMs where the playback starts, in simulated milliseconds
 * @param toMs where it ends
 * @param seconds how long the playing part lasts
 * @param fps frames per second: 5, 10, 20, 25 or 50 (GIF stores delays in hundredths of a second)
 * @param holdSeconds how long the finished picture stays before the animation ends or starts again
 * @param loop whether the animation starts again after the hold
 */
public record Animation(double fromMs, double toMs, double seconds, int fps, double holdSeconds, boolean loop) {
    /** The frame rates whose frame delay is a whole number of hundredths of a second. */
    public static final List<Integer> RATES = List.of(5, 10, 20, 25, 50);
    public static final double DEFAULT_SECONDS = 8;
    public static final int DEFAULT_FPS = 10;
    public static final double DEFAULT_HOLD = 2;
    public static final double MAX_SECONDS = 120;
    public static final double MAX_HOLD = 60;

    public Animation {
        if (!Double.isFinite(fromMs) || !Double.isFinite(toMs) || !(toMs > fromMs)) {
            throw new IllegalArgumentException("the time range must end after it starts: " + fromMs + " .. " + toMs);
        }
        if (!(seconds >= 1 && seconds <= MAX_SECONDS)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "duration: must be between 1 and %.0f seconds, was %s", MAX_SECONDS, num(seconds)));
        }
        if (!RATES.contains(fps)) {
            throw new IllegalArgumentException("frame rate: must be 5, 10, 20, 25 or 50 frames per second, was " + fps);
        }
        if (!(holdSeconds >= 0 && holdSeconds <= MAX_HOLD)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "hold: must be between 0 and %.0f seconds, was %s", MAX_HOLD, num(holdSeconds)));
        }
    }

    /** The default settings (8 s at 10 frames a second, a 2 s hold, looping) over {@code [fromMs, toMs]}. */
    public static Animation over(double fromMs, double toMs) {
        return new Animation(fromMs, toMs, DEFAULT_SECONDS, DEFAULT_FPS, DEFAULT_HOLD, true);
    }

    /** How many frames play before the last one: {@code seconds * fps}, rounded. */
    public int playingFrames() {
        return (int) Math.max(1, Math.round(seconds * fps));
    }

    /** Every frame, the last (finished picture) included. */
    public int frameCount() {
        return playingFrames() + 1;
    }

    /** The playhead of frame {@code k}; the last frame is at infinity, the finished picture. */
    public double frameTimeMs(int k) {
        int n = playingFrames();
        if (k < 0 || k > n) {
            throw new IndexOutOfBoundsException("frame " + k + " of " + (n + 1));
        }
        return k == n ? Double.POSITIVE_INFINITY : fromMs + (toMs - fromMs) * k / n;
    }

    /** How long frame {@code k} shows, in hundredths of a second (as GIF stores it). */
    public int frameDelayCs(int k) {
        int frame = 100 / fps;
        return k == playingFrames() ? Math.max(frame, (int) Math.round(holdSeconds * 100)) : frame;
    }

    /** When, in seconds from the start of the animation, the playhead is at {@code ms}; clamped to the playing part. */
    public double secondsAt(double ms) {
        double f = (ms - fromMs) / (toMs - fromMs);
        return seconds * Math.max(0, Math.min(1, f));
    }

    /** One cycle: the playing part and the hold. */
    public double cycleSeconds() {
        return seconds + Math.max(holdSeconds, 1.0 / fps);
    }

    /** The same settings over another time range. */
    public Animation withRange(double from, double to) {
        return new Animation(from, to, seconds, fps, holdSeconds, loop);
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
