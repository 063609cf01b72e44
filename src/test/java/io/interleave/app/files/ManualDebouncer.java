package io.interleave.app.files;

/** Runs the pending action only when the test says the delay is over. */
final class ManualDebouncer implements Debouncer {
    private Runnable pending;

    @Override
    public void schedule(Runnable action) {
        pending = action;
    }

    @Override
    public void cancel() {
        pending = null;
    }

    boolean pending() {
        return pending != null;
    }

    void elapse() {
        Runnable r = pending;
        pending = null;
        if (r != null) {
            r.run();
        }
    }
}
