package io.interleave.render;

/** What the timeline shows: a row per request, or a lane per thread, loop and core. */
public enum ViewMode {
    REQUESTS("Requests"),
    WORKERS("Workers");

    private final String displayName;

    ViewMode(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
