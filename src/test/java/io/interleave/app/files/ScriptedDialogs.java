package io.interleave.app.files;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** Answers the File menu's questions from queues and records what was asked, instead of showing dialogs. */
final class ScriptedDialogs implements FileDialogs {
    final Deque<Optional<Path>> files = new ArrayDeque<>();
    final Deque<Unsaved> unsaved = new ArrayDeque<>();
    final Deque<Restore> restores = new ArrayDeque<>();
    final Deque<Optional<ExportOptions>> options = new ArrayDeque<>();
    final Deque<Optional<AnimationOptions>> animationOptions = new ArrayDeque<>();
    /** Progress windows shown: each one's title, and whether it was closed. */
    final List<String> progress = new ArrayList<>();
    /** The Cancel button of the last progress window shown. */
    Runnable cancel = () -> { };
    final List<String> errors = new ArrayList<>();
    final List<String> asked = new ArrayList<>();

    ScriptedDialogs file(Path p) {
        files.add(Optional.of(p));
        return this;
    }

    @Override
    public Optional<Path> chooseOpen(Optional<Path> initialDir) {
        asked.add("open");
        return next(files, "open");
    }

    @Override
    public Optional<Path> chooseSave(Kind kind, Optional<Path> initialDir, String suggestedName) {
        asked.add("save " + kind + " " + suggestedName);
        return next(files, "save");
    }

    @Override
    public Unsaved askUnsaved(String documentName) {
        asked.add("unsaved " + documentName);
        return next(unsaved, "unsaved");
    }

    @Override
    public Restore offerRestore(String name, String when) {
        asked.add("restore " + name + " " + when);
        return next(restores, "restore");
    }

    @Override
    public Optional<ExportOptions> askExportOptions(String format, ExportOptions last) {
        asked.add("options " + format);
        return next(options, "options");
    }

    @Override
    public Optional<AnimationOptions> askAnimationOptions(AnimationOptions last) {
        asked.add("animation options");
        return next(animationOptions, "animation options");
    }

    @Override
    public Runnable showProgress(String title, javafx.beans.value.ObservableDoubleValue value, Runnable cancel) {
        int index = progress.size();
        progress.add(title);
        this.cancel = cancel;
        return () -> progress.set(index, title + " (closed)");
    }

    @Override
    public void showError(String title, String message) {
        errors.add(message);
    }

    private static <T> T next(Deque<T> answers, String what) {
        if (answers.isEmpty()) {
            throw new AssertionError("unexpected question: " + what);
        }
        return answers.removeFirst();
    }
}
