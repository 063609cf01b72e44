package io.interleave.app.files;

/**
 * How to export a picture.
 *
 * @param scale 1, 2 or 3: pixels per logical pixel (sharper on slides and projectors)
 * @param currentView only the time range the timeline shows now, at its zoom; false for the whole run
 * @param code the request types' handlers as Python under the timeline (as {@code render --code})
 */
public record ExportOptions(int scale, boolean currentView, boolean code) {
    /** The whole run at twice the size, sharp on most projectors. */
    public static final ExportOptions DEFAULT = new ExportOptions(2, false, false);

    /** Without the handlers' code. */
    public ExportOptions(int scale, boolean currentView) {
        this(scale, currentView, false);
    }

    public ExportOptions {
        if (scale < 1 || scale > 3) {
            throw new IllegalArgumentException("scale: must be 1, 2 or 3, was " + scale);
        }
    }
}
