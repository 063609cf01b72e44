package io.interleave.app.files;

import java.nio.file.Path;
import java.util.Optional;

/** Until the window gives real dialogs: go ahead without asking, choose nothing, log errors. */
final class NoDialogs implements FileDialogs {
    private static final System.Logger LOG = System.getLogger(NoDialogs.class.getName());

    @Override
    public Optional<Path> chooseOpen(Optional<Path> initialDir) {
        return Optional.empty();
    }

    @Override
    public Optional<Path> chooseSave(Kind kind, Optional<Path> initialDir, String suggestedName) {
        return Optional.empty();
    }

    @Override
    public Unsaved askUnsaved(String documentName) {
        return Unsaved.DONT_SAVE;
    }

    @Override
    public Restore offerRestore(String name, String when) {
        return Restore.LATER;
    }

    @Override
    public Optional<ExportOptions> askExportOptions(String format, ExportOptions last) {
        return Optional.empty();
    }

    @Override
    public void showError(String title, String message) {
        LOG.log(System.Logger.Level.WARNING, title + ": " + message);
    }
}
