package io.interleave.app.files;

import io.interleave.files.AtomicOutput;
import io.interleave.render.TimelineAnimation;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;

/**
 * Writes an animation off the FX thread, so the window stays responsive:
 * its progress (0 to 1) and whether one is running are properties for the
 * progress dialog, and {@link #cancel()} stops it after the current frame
 * with nothing written.
 */
public final class AnimationExport {
    /** How an export ended. */
    public enum Outcome { WRITTEN, CANCELLED, FAILED }

    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private volatile boolean cancelled;

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Stops the running export after its current frame; the file is not written. */
    public void cancel() {
        cancelled = true;
    }

    /**
     * Starts writing {@code animation} to {@code path} (a GIF, or an SVG when
     * {@code svg}) on a background thread; {@code done} is told on the FX
     * thread how it ended, with the failure's reason when it failed.
     */
    void start(TimelineAnimation animation, boolean svg, double scale, Path path, Consumer<Result> done) {
        if (running.get()) {
            throw new IllegalStateException("an animation is already being exported");
        }
        cancelled = false;
        progress.set(0);
        running.set(true);
        Thread worker = new Thread(() -> {
            Result result;
            try {
                byte[] bytes = svg ? animation.svg(scale).getBytes(java.nio.charset.StandardCharsets.UTF_8)
                        : animation.gif(scale, (n, total) -> {
                            double f = (double) n / total;
                            Platform.runLater(() -> progress.set(f));
                            return !cancelled;
                        });
                if (cancelled) {
                    throw new CancellationException();
                }
                FileText.refuseSpecial(path);
                AtomicOutput.write(path, bytes);
                result = new Result(Outcome.WRITTEN, "", bytes.length);
            } catch (CancellationException e) {
                result = new Result(Outcome.CANCELLED, "", 0);
            } catch (Exception e) {
                result = new Result(Outcome.FAILED, FileText.reason(e), 0);
            } catch (OutOfMemoryError e) {
                result = new Result(Outcome.FAILED, "out of memory; try a smaller scale or a shorter duration", 0);
            }
            Result r = result;
            Platform.runLater(() -> {
                running.set(false);
                progress.set(r.outcome() == Outcome.WRITTEN ? 1 : 0);
                done.accept(r);
            });
        }, "export-animation");
        worker.setDaemon(true);
        worker.start();
    }

    /** How an export ended: the reason of a failure, the size of a written file. */
    record Result(Outcome outcome, String reason, long bytes) {
    }
}
