package io.interleave.app.playback;

import java.util.OptionalDouble;

/**
 * Where playing must stop on its own between two positions of the now line,
 * such as a breakpoint. Asked once per animation frame.
 */
@FunctionalInterface
public interface PlaybackStops {
    /** Never stops. */
    PlaybackStops NONE = (fromMs, toMs) -> OptionalDouble.empty();

    /** The earliest stop in {@code (fromMs, toMs]}, or empty. */
    OptionalDouble firstStop(double fromMs, double toMs);
}
