package io.interleave.app.files;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The questions the File menu asks. The window answers them with real
 * dialogs ({@link FxFileDialogs}); tests answer them directly.
 */
public interface FileDialogs {
    /** What a file chooser offers. */
    enum Kind {
        SCENARIO("Scenario files", "json"),
        PNG("PNG images", "png"),
        SVG("SVG pictures", "svg"),
        GIF("GIF animations", "gif"),
        CSV("CSV files", "csv");

        private final String description;
        private final String extension;

        Kind(String description, String extension) {
            this.description = description;
            this.extension = extension;
        }

        public String description() {
            return description;
        }

        /** Without the dot. */
        public String extension() {
            return extension;
        }
    }

    /** The answer to "Save your changes?". */
    enum Unsaved { SAVE, DONT_SAVE, CANCEL }

    /** A scenario file to open, or empty if cancelled. */
    Optional<Path> chooseOpen(Optional<Path> initialDir);

    /** Where to save, or empty if cancelled. */
    Optional<Path> chooseSave(Kind kind, Optional<Path> initialDir, String suggestedName);

    /** "Do you want to save the changes to NAME?" */
    Unsaved askUnsaved(String documentName);

    /** The answer to "Restore your unsaved work?": a dialog closed without an answer keeps the work for later. */
    enum Restore { RESTORE, DISCARD, LATER }

    /** "Restore your unsaved work on NAME from WHEN?" */
    Restore offerRestore(String name, String when);

    /** Scale and range for a picture, starting from {@code last}; empty if cancelled. */
    Optional<ExportOptions> askExportOptions(String format, ExportOptions last);

    /** Format, size, range and timing for File ▸ Export Animation…, starting from {@code last}; empty if cancelled. */
    default Optional<AnimationOptions> askAnimationOptions(AnimationOptions last) {
        return Optional.empty();
    }

    /**
     * Shows an export's progress with a Cancel button that calls
     * {@code cancel}, without blocking the window; returns what closes it.
     */
    default Runnable showProgress(String title, javafx.beans.value.ObservableDoubleValue progress, Runnable cancel) {
        return () -> { };
    }

    /** Tells the user something failed; {@code message} is the full reason. */
    void showError(String title, String message);
}
