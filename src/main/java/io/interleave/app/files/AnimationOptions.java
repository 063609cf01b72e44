package io.interleave.app.files;

import io.interleave.render.Animation;

/**
 * How to export the playback as an animation (File ▸ Export Animation…).
 *
 * @param svg an animated SVG; false for a GIF
 * @param scale 1, 2 or 3: pixels per logical pixel
 * @param currentView only the time range the timeline shows now; false for the whole run
 * @param seconds how long the playback takes (1 to 120)
 * @param fps frames per second of the GIF: 5, 10, 20, 25 or 50
 * @param holdSeconds how long the finished picture stays (0 to 60)
 * @param loop play again and again; false plays once
 * @param captions the narration line under the timeline
 */
public record AnimationOptions(boolean svg, int scale, boolean currentView, double seconds, int fps, double holdSeconds,
                               boolean loop, boolean captions) {
    /** A looping GIF of the whole run, 8 s at 10 frames a second with a 2 s hold, at 1x. */
    public static final AnimationOptions DEFAULT = new AnimationOptions(false, 1, false, Animation.DEFAULT_SECONDS,
            Animation.DEFAULT_FPS, Animation.DEFAULT_HOLD, true, false);

    public AnimationOptions {
        if (scale < 1 || scale > 3) {
            throw new IllegalArgumentException("scale: must be 1, 2 or 3, was " + scale);
        }
        // the same rules as the render command's flags
        new Animation(0, 1, seconds, fps, holdSeconds, loop);
    }

    /** "gif" or "svg". */
    public String extension() {
        return svg ? "svg" : "gif";
    }

    /** These settings over the time range {@code [fromMs, toMs]}. */
    public Animation over(double fromMs, double toMs) {
        return new Animation(fromMs, toMs, seconds, fps, holdSeconds, loop);
    }
}
