package io.interleave.app;

import io.interleave.app.playback.PlaybackViewModel;
import javafx.animation.AnimationTimer;

/** Feeds animation frames to the playback view model while it plays. */
final class PlaybackDriver extends AnimationTimer {
    private final PlaybackViewModel playback;

    PlaybackDriver(PlaybackViewModel playback) {
        this.playback = playback;
    }

    /** Runs while playing, stops when paused or at the end. */
    void follow(boolean playing) {
        if (playing) {
            start();
        } else {
            stop();
        }
    }

    @Override
    public void handle(long now) {
        playback.tick(now);
    }
}
