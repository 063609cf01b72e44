package io.interleave.app.playback;

import io.interleave.time.TimeText;
import io.interleave.trace.Trace;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Playback state for the window: wraps a {@link PlaybackClock} in JavaFX
 * properties and knows the traces, so it can step from event to event. It
 * needs no running toolkit; the window's animation timer calls
 * {@link #tick(long)} once per frame.
 */
public final class PlaybackViewModel {
    /** The speeds offered, slowest first. */
    public static final List<Double> SPEEDS = List.of(0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0);

    private final PlaybackClock clock = new PlaybackClock(0);
    private List<Trace> traces = List.of();
    private long lastFrameNanos = -1;
    private PlaybackStops stops = PlaybackStops.NONE;
    /** Playing has just started over at 0, so events at exactly 0 ms have not been played through yet. */
    private boolean freshStart;

    private final ReadOnlyDoubleWrapper positionMs = new ReadOnlyDoubleWrapper(this, "positionMs", 0);
    private final ReadOnlyDoubleWrapper endMs = new ReadOnlyDoubleWrapper(this, "endMs", 0);
    private final ReadOnlyDoubleWrapper speed = new ReadOnlyDoubleWrapper(this, "speed", 1);
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing", false);
    private final ReadOnlyDoubleWrapper playheadMs = new ReadOnlyDoubleWrapper(this, "playheadMs", Double.POSITIVE_INFINITY);
    private final ReadOnlyStringWrapper timeText = new ReadOnlyStringWrapper(this, "timeText", "");

    public PlaybackViewModel() {
        publish();
    }

    /** The current position of the now line, in simulated ms. */
    public ReadOnlyDoubleProperty positionMsProperty() {
        return positionMs.getReadOnlyProperty();
    }

    /** The end of the run shown (the later end of two traces when comparing). */
    public ReadOnlyDoubleProperty endMsProperty() {
        return endMs.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty speedProperty() {
        return speed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    /** What the timeline draws up to: the position, or +Infinity once the run has played out. */
    public ReadOnlyDoubleProperty playheadMsProperty() {
        return playheadMs.getReadOnlyProperty();
    }

    /** "84.0 ms / 236.0 ms": the clock shown beside the scrubber ({@link TimeText#readout}). */
    public ReadOnlyStringProperty timeTextProperty() {
        return timeText.getReadOnlyProperty();
    }

    /**
     * Shows new runs of the same scenario after an edit (a slider, compare
     * toggled): the now line keeps its time when the new runs reach it and
     * stops at their end otherwise; a picture parked at the end stays at the
     * new end (see {@link PlaybackClock#setEndMs}).
     */
    public void setTraces(List<Trace> newTraces) {
        traces = List.copyOf(newTraces);
        clock.setEndMs(endOf(traces));
        publish();
    }

    /**
     * Shows the runs of another scenario (a lesson chosen, a file opened, a
     * preset reloaded): the now line goes back to 0, paused, nothing drawn
     * yet, ready to play.
     */
    public void open(List<Trace> newTraces) {
        traces = List.copyOf(newTraces);
        clock.open(endOf(traces));
        freshStart = true;
        lastFrameNanos = -1;
        publish();
    }

    private static double endOf(List<Trace> traces) {
        return traces.stream().mapToDouble(Trace::endMs).max().orElse(0);
    }

    public void togglePlay() {
        if (clock.playing()) {
            pause();
        } else {
            play();
        }
    }

    public void play() {
        double before = clock.positionMs();
        clock.play();
        freshStart |= clock.positionMs() == 0 && before != 0;
        lastFrameNanos = -1;
        publish();
    }

    public void pause() {
        clock.pause();
        publish();
    }

    /** Pauses and moves to the next moment at which anything changes. */
    public void stepForward() {
        clock.pause();
        clock.seek(EventSteps.next(traces, clock.positionMs()));
        publish();
    }

    /** Pauses and moves to the previous moment at which anything changed. */
    public void stepBack() {
        clock.pause();
        clock.seek(EventSteps.previous(traces, clock.positionMs()));
        publish();
    }

    /** Back to time 0, paused, with nothing drawn yet. */
    public void restart() {
        clock.restart();
        freshStart = true;
        publish();
    }

    /** Moves the now line (the scrubber); keeps playing if it was. */
    public void seek(double ms) {
        clock.seek(ms);
        publish();
    }

    /** Sets the speed, clamped to 0.25x..16x. */
    public void setSpeed(double newSpeed) {
        clock.setSpeed(newSpeed);
        publish();
    }

    /** The next offered speed up (or down), as the keyboard's faster/slower. */
    public void faster() {
        SPEEDS.stream().filter(s -> s > clock.speed()).findFirst().ifPresent(this::setSpeed);
    }

    public void slower() {
        SPEEDS.stream().filter(s -> s < clock.speed()).reduce((a, b) -> b).ifPresent(this::setSpeed);
    }

    /** Where playing stops on its own (breakpoints); {@link PlaybackStops#NONE} for nowhere. */
    public void setStops(PlaybackStops newStops) {
        stops = newStops == null ? PlaybackStops.NONE : newStops;
    }

    /** One animation frame at {@code nowNanos} (monotonic); the first frame after play only sets the origin. */
    public void tick(long nowNanos) {
        if (!clock.playing()) {
            lastFrameNanos = -1;
            return;
        }
        if (lastFrameNanos >= 0) {
            // From a fresh start the instant 0 itself is still to come (a rejection at 0 ms stops there).
            double from = freshStart && clock.positionMs() == 0 ? Math.nextDown(0.0) : clock.positionMs();
            freshStart = false;
            clock.advance((nowNanos - lastFrameNanos) / 1e9);
            stops.firstStop(from, clock.positionMs()).ifPresent(stop -> {
                clock.pause();
                clock.seek(stop);
            });
            publish();
        }
        lastFrameNanos = nowNanos;
    }

    private void publish() {
        endMs.set(clock.endMs());
        positionMs.set(clock.positionMs());
        speed.set(clock.speed());
        playing.set(clock.playing());
        playheadMs.set(clock.atEnd() && !clock.playing() ? Double.POSITIVE_INFINITY : clock.positionMs());
        timeText.set(TimeText.readout(clock.positionMs()) + " / " + TimeText.readout(clock.endMs()));
    }
}
