package io.interleave.app.files;

import io.interleave.scenario.InvalidScenarioException;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.ScenarioJson;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Reads files off the FX thread and hands what it read back on the FX
 * thread, so that a slow disk, a network share that hangs, or a large file
 * never freezes the window. Each read runs on its own daemon thread: one
 * that never ends neither blocks the next nor keeps the program alive. The
 * scenario reader itself refuses what is not a regular file (a FIFO, a
 * device such as {@code /dev/zero}) and counts bytes against its cap.
 */
final class ScenarioReads {
    /** Reads a scenario file; a seam so tests can make a read slow. */
    @FunctionalInterface
    interface Reader {
        /** @throws InvalidScenarioException with a message that starts with the path */
        Scenario read(Path file);
    }

    /** What reading a file gave: a scenario, or the one-line reason it cannot open (and whether it is missing). */
    record Outcome(Scenario scenario, String error, boolean missing) {
    }

    private Reader reader = ScenarioJson::read;
    private Executor background = ScenarioReads::newThread;
    private Executor fx = Platform::runLater;
    private long tickets;
    private final ReadOnlyBooleanWrapper reading = new ReadOnlyBooleanWrapper(this, "reading");

    void useExecutors(Executor background, Executor fx) {
        this.background = background;
        this.fx = fx;
    }

    void useReader(Reader reader) {
        this.reader = reader;
    }

    /** True while a file is being read. */
    ReadOnlyBooleanProperty readingProperty() {
        return reading.getReadOnlyProperty();
    }

    /**
     * Reads {@code path} off the FX thread, then gives the outcome to
     * {@code then} on the FX thread, unless a later read has started since
     * (then the result is false and {@code then} does not run).
     */
    CompletableFuture<Boolean> read(Path path, Function<Outcome, Boolean> then) {
        long ticket = ++tickets;
        reading.set(true);
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        background.execute(() -> {
            Outcome outcome = readNow(path);
            fx.execute(() -> {
                if (ticket != tickets) {
                    done.complete(false);
                    return;
                }
                reading.set(false);
                done.complete(then.apply(outcome));
            });
        });
        return done;
    }

    /** Runs {@code work} off the FX thread and gives its result to {@code then} on the FX thread. */
    <T> void offThread(Supplier<T> work, Consumer<T> then) {
        background.execute(() -> {
            T result = work.get();
            fx.execute(() -> then.accept(result));
        });
    }

    private Outcome readNow(Path path) {
        try {
            return new Outcome(reader.read(path), null, false);
        } catch (InvalidScenarioException e) {
            return new Outcome(null, e.getMessage(), e.getCause() instanceof NoSuchFileException);
        } catch (RuntimeException e) {
            return new Outcome(null, path + ": " + FileText.reason(e), false);
        }
    }

    private static void newThread(Runnable read) {
        Thread t = new Thread(read, "interleave-read");
        t.setDaemon(true);
        t.start();
    }
}
