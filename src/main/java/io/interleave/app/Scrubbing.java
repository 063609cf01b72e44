package io.interleave.app;

import io.interleave.app.playback.PlaybackViewModel;
import javafx.scene.control.Slider;

/** The scrubber follows the now line, and dragging it (or its arrow keys) seeks either way. */
final class Scrubbing {
    private boolean following;

    private Scrubbing() {
    }

    static void bind(Slider scrubber, PlaybackViewModel playback) {
        Scrubbing s = new Scrubbing();
        scrubber.setMin(0);
        scrubber.maxProperty().bind(playback.endMsProperty());
        s.follow(scrubber, playback.positionMsProperty().get());
        playback.positionMsProperty().addListener((obs, old, now) -> s.follow(scrubber, now.doubleValue()));
        playback.endMsProperty().addListener((obs, old, now) -> {
            scrubber.setBlockIncrement(Math.max(1e-3, now.doubleValue() / 100));
            s.follow(scrubber, playback.positionMsProperty().get());
        });
        scrubber.valueProperty().addListener((obs, old, now) -> {
            if (!s.following) {
                playback.seek(now.doubleValue());
            }
        });
    }

    private void follow(Slider scrubber, double ms) {
        following = true;
        try {
            scrubber.setValue(ms);
        } finally {
            following = false;
        }
    }
}
