package io.interleave.app.files;

import javafx.animation.PauseTransition;
import javafx.util.Duration;

/** Runs the last scheduled action once things have been quiet for a while. */
public interface Debouncer {
    /** Replaces any pending action with {@code action}, to run after the delay. */
    void schedule(Runnable action);

    /** Drops the pending action, if any. */
    void cancel();

    /** On the FX thread, {@code delay} after the last {@link #schedule}. */
    static Debouncer fx(Duration delay) {
        PauseTransition pause = new PauseTransition(delay);
        return new Debouncer() {
            @Override
            public void schedule(Runnable action) {
                pause.setOnFinished(e -> action.run());
                pause.playFromStart();
            }

            @Override
            public void cancel() {
                pause.stop();
            }
        };
    }
}
