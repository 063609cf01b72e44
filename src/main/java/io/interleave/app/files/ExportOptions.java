package io.interleave.app.files;

/**
 * How to export a picture.
 *
 * @param scale 1, 2 or 3: pixels per logical pixel (sharper on slides and projectors)
 * @param currentView only the time range the timeline shows now, at its zoom; false for the whole run
 */
public record ExportOptions(int scale, boolean currentView) {
    /** The whole run at twice the size, sharp on most projectors. */
    public static final ExportOptions DEFAULT = new ExportOptions(2, false);

    public ExportOptions {
        if (scale < 1 || scale > 3) {
            throw new IllegalArgumentException("scale: must be 1, 2 or 3, was " + scale);
        }
    }
}
