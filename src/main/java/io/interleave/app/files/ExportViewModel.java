package io.interleave.app.files;

import io.interleave.files.AtomicOutput;
import io.interleave.render.Palette;
import io.interleave.render.TimeScale;
import io.interleave.render.TimelineAnimation;
import io.interleave.render.TimelineExport;
import io.interleave.render.ViewMode;
import io.interleave.trace.Trace;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;

/**
 * File ▸ Export: the timeline as PNG or SVG (whole run or the current view,
 * at 1x, 2x or 3x), its playback as an animated GIF or SVG, as an image on
 * the clipboard, and the per-request results as CSV. Exports what the window shows: one policy, or both in
 * compare mode, in the window's view mode, palette and text size.
 */
public final class ExportViewModel {
    private Consumer<String> notices = text -> { };
    /** The picture's logical width, as the render command's default. */
    public static final double WIDTH = 1600;

    private final ReadOnlyObjectProperty<List<Trace>> traces;
    private final ObservableValue<ViewMode> mode;
    private final ObjectProperty<TimeScale> visible = new SimpleObjectProperty<>(this, "visible");
    private final ObjectProperty<Palette> palette = new SimpleObjectProperty<>(this, "palette", Palette.LIGHT);
    private final DoubleProperty textScale = new SimpleDoubleProperty(this, "textScale", 1);
    private final BooleanBinding canExport;
    private FileDialogs dialogs = new NoDialogs();
    private Consumer<BufferedImage> clipboard = ClipboardImages::put;
    private Supplier<Optional<Path>> directory = Optional::empty;
    private Consumer<Path> usedDirectory = p -> { };
    private ExportOptions last = ExportOptions.DEFAULT;
    private AnimationOptions lastAnimation = AnimationOptions.DEFAULT;
    private final javafx.beans.property.BooleanProperty codeShown = new javafx.beans.property.SimpleBooleanProperty(this, "codeShown");
    private final AnimationExport animations = new AnimationExport();

    public ExportViewModel(ReadOnlyObjectProperty<List<Trace>> traces, ObservableValue<ViewMode> mode) {
        this.traces = traces;
        this.mode = mode;
        this.canExport = javafx.beans.binding.Bindings.createBooleanBinding(
                () -> traces.get() != null && !traces.get().isEmpty(), traces);
    }

    /** Follows the timeline: its visible time range, palette and text size. */
    public void bindView(ObservableValue<TimeScale> visibleRange, ObservableValue<Palette> palette, ObservableValue<? extends Number> textScale) {
        this.visible.bind(visibleRange);
        this.palette.bind(palette.orElse(Palette.LIGHT));
        this.textScale.bind(textScale.map(Number::doubleValue).orElse(1.0));
    }

    public void useDialogs(FileDialogs dialogs) {
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
    }

    /** Where the file choosers start and where a chosen folder is remembered (shared with the document). */
    public void useDirectories(Supplier<Optional<Path>> directory, Consumer<Path> usedDirectory) {
        this.directory = directory;
        this.usedDirectory = usedDirectory;
    }

    void useClipboard(Consumer<BufferedImage> clipboard) {
        this.clipboard = clipboard;
    }

    /** The time range the timeline shows, for "current view" exports. */
    public ObjectProperty<TimeScale> visibleProperty() {
        return visible;
    }

    public ObjectProperty<Palette> paletteProperty() {
        return palette;
    }

    public DoubleProperty textScaleProperty() {
        return textScale;
    }

    /** False until there is something to export. */
    public BooleanBinding canExportProperty() {
        return canExport;
    }

    /** Whether the code view is open: Copy Image then puts the handlers' code under the picture. */
    public javafx.beans.property.BooleanProperty codeShownProperty() {
        return codeShown;
    }

    /** The options the last picture was exported with (also used by Copy Image). */
    public ExportOptions lastOptions() {
        return last;
    }

    // ------------------------------------------------------------ commands

    /** Where a brief confirmation goes ("Saved three-requests.png (1600 x 900)"); nowhere by default. */
    public void useNotices(Consumer<String> notices) {
        this.notices = java.util.Objects.requireNonNull(notices, "notices");
    }

    /** File ▸ Export PNG…: asks scale and range, then where. */
    public boolean exportPng() {
        return askPicture("PNG").flatMap(o -> choose(FileDialogs.Kind.PNG, o))
                .map(c -> {
                    ExportPicture picture = picture(c.options());
                    return write(c.path(), () -> picture.png(c.options().scale()), size(picture, c.options().scale()));
                }).orElse(false);
    }

    /** File ▸ Export SVG…: asks scale and range, then where. */
    public boolean exportSvg() {
        return askPicture("SVG").flatMap(o -> choose(FileDialogs.Kind.SVG, o))
                .map(c -> {
                    ExportPicture picture = picture(c.options());
                    return write(c.path(), () -> picture.svg(c.options().scale()).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                            size(picture, c.options().scale()));
                }).orElse(false);
    }

    /**
     * File ▸ Export Animation…: asks format, size, range and timing, then
     * where, and writes the playback as a GIF or animated SVG in the
     * background with a progress dialog that can cancel it.
     *
     * @return whether an export started
     */
    public boolean exportAnimation() {
        if (!canExport.get() || animations.runningProperty().get()) {
            return false;
        }
        Optional<AnimationOptions> asked = dialogs.askAnimationOptions(lastAnimation);
        if (asked.isEmpty()) {
            return false;
        }
        AnimationOptions o = asked.get();
        lastAnimation = o;
        FileDialogs.Kind kind = o.svg() ? FileDialogs.Kind.SVG : FileDialogs.Kind.GIF;
        Optional<Path> chosen = dialogs.chooseSave(kind, directory.get(), baseName() + "-animation." + kind.extension())
                .map(p -> FileText.withExtension(p, kind.extension()));
        if (chosen.isEmpty()) {
            return false;
        }
        Path path = chosen.get();
        TimelineAnimation animation;
        try {
            ExportPicture picture = picture(new ExportOptions(o.scale(), o.currentView()));
            TimelineExport export = o.captions() ? picture.export().withCaptions() : picture.export();
            animation = new TimelineAnimation(export, o.over(export.playFromMs(),
                    Math.max(export.playToMs(), export.playFromMs() + TimeScale.MIN_SPAN_MS)));
        } catch (RuntimeException e) {
            dialogs.showError("Cannot export " + path.getFileName(), FileText.reason(e));
            return false;
        }
        Runnable close = dialogs.showProgress("Exporting " + path.getFileName(), animations.progressProperty(), animations::cancel);
        String size = Math.round(Math.ceil(animation.export().width()) * o.scale()) + " x "
                + Math.round(Math.ceil(animation.export().height()) * o.scale());
        animations.start(animation, o.svg(), o.scale(), path, result -> {
            close.run();
            switch (result.outcome()) {
                case WRITTEN -> {
                    usedDirectory.accept(path);
                    notices.accept("Saved " + path.getFileName() + " (" + size + (o.svg() ? ", animated" : ", "
                            + animation.animation().frameCount() + " frames, " + kilobytes(result.bytes())) + ")");
                }
                case CANCELLED -> notices.accept("Export of " + path.getFileName() + " cancelled; nothing was written");
                case FAILED -> dialogs.showError("Cannot export " + path.getFileName(), path + ": " + result.reason());
            }
        });
        return true;
    }

    /** The animation being exported: its progress, whether one runs, and Cancel. */
    public AnimationExport animations() {
        return animations;
    }

    /** The options the last animation was exported with. */
    public AnimationOptions lastAnimationOptions() {
        return lastAnimation;
    }

    private static String kilobytes(long bytes) {
        return bytes >= 1_000_000 ? String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1e6)
                : String.format(java.util.Locale.ROOT, "%d kB", Math.max(1, Math.round(bytes / 1e3)));
    }

    /** "1600 x 900": a picture's size in pixels at {@code scale}. */
    static String size(ExportPicture picture, double scale) {
        return Math.round(Math.ceil(picture.width()) * scale) + " x " + Math.round(Math.ceil(picture.height()) * scale);
    }

    /** File ▸ Export Results CSV…: every request of the traces shown, both policies in compare mode. */
    public boolean exportCsv() {
        if (!canExport.get()) {
            return false;
        }
        return dialogs.chooseSave(FileDialogs.Kind.CSV, directory.get(), baseName() + "-results.csv")
                .map(p -> write(FileText.withExtension(p, "csv"), () -> ResultsCsv.of(traces.get()).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        String.format(java.util.Locale.ROOT, "%,d requests", traces.get().stream().mapToLong(t -> t.requests().size()).sum())))
                .orElse(false);
    }

    /**
     * File ▸ Copy Image: the PNG picture with the last export options, onto the clipboard; with the handlers'
     * code under it when the last export had Code ticked or the code view is open.
     */
    public boolean copyImage() {
        if (!canExport.get()) {
            return false;
        }
        try {
            ExportOptions options = codeShown.get() && !last.code() ? new ExportOptions(last.scale(), last.currentView(), true) : last;
            ExportPicture picture = picture(options);
            clipboard.accept(picture.raster(options.scale()).image());
            notices.accept("Copied the picture" + (options.code() ? " with the code" : "") + " ("
                    + size(picture, options.scale()) + ") to the clipboard");
            return true;
        } catch (RuntimeException e) {
            dialogs.showError("Cannot copy the image", FileText.reason(e));
            return false;
        }
    }

    /** The picture of what is shown, with these options. */
    public ExportPicture picture(ExportOptions options) {
        return new ExportPicture(traces.get(), mode.getValue(), WIDTH, textScale.get(), palette.get(),
                options.currentView(), Optional.ofNullable(visible.get()), options.code());
    }

    // ------------------------------------------------------------- helpers

    private record Choice(Path path, ExportOptions options) {
    }

    private Optional<ExportOptions> askPicture(String format) {
        if (!canExport.get()) {
            return Optional.empty();
        }
        Optional<ExportOptions> options = dialogs.askExportOptions(format, last);
        options.ifPresent(o -> last = o);
        return options;
    }

    private Optional<Choice> choose(FileDialogs.Kind kind, ExportOptions options) {
        return dialogs.chooseSave(kind, directory.get(), baseName() + "." + kind.extension())
                .map(p -> new Choice(FileText.withExtension(p, kind.extension()), options));
    }

    private interface Bytes {
        byte[] get() throws IOException;
    }

    private boolean write(Path path, Bytes bytes, String what) {
        try {
            FileText.refuseSpecial(path);
            AtomicOutput.write(path, bytes.get());
            usedDirectory.accept(path);
            notices.accept("Saved " + path.getFileName() + " (" + what + ")");
            return true;
        } catch (IOException | RuntimeException e) {
            dialogs.showError("Cannot export " + path.getFileName(), path + ": " + FileText.reason(e));
            return false;
        }
    }

    /** "three-requests" or "three-requests-compare", for suggested file names. */
    private String baseName() {
        List<Trace> shown = traces.get();
        String name = FileText.slug(shown.get(0).scenario().name());
        return shown.size() >= 2 ? name + "-compare" : name;
    }
}
