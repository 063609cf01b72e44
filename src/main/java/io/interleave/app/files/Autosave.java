package io.interleave.app.files;

import io.interleave.files.AtomicOutput;
import io.interleave.files.InputFiles;
import io.interleave.scenario.InvalidScenarioException;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.ScenarioJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One session's working scenario, saved to the configuration directory while
 * it has unsaved changes so that a crash loses nothing. Each session (each
 * running window) has its own copy: {@code autosave-<id>.json} (an ordinary
 * scenario file), {@code autosave-<id>.source.txt} (the file it was opened
 * from, if any) and {@code autosave-<id>.lock}, locked for as long as the
 * session lives (see {@link InstanceLock}). A copy whose lock nobody holds
 * was left by a session that crashed: the next start {@linkplain #claimUnclaimed
 * claims} it and offers it back. A copy that cannot be read is never deleted:
 * it is set aside as {@code autosave-<id>.unreadable-<time>.json}.
 */
public final class Autosave {
    /** The single autosave of versions before autosaves were per session; taken in as an unclaimed copy. */
    public static final String LEGACY_NAME = "autosave.json";
    static final String LEGACY_SOURCE_NAME = "autosave-source.txt";
    /** The longest autosave the window reads back (scenario files have the same cap). */
    private static final long MAX_SOURCE_BYTES = 64 * 1024;

    private static final Pattern COPY = Pattern.compile("autosave-([0-9a-f]{8})\\.json");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final System.Logger LOG = System.getLogger(Autosave.class.getName());

    /** What reading a copy found. */
    public sealed interface Found permits Saved, Unreadable {
    }

    /** What an earlier session left: the scenario, the file it came from and when it was saved. */
    public record Saved(Scenario scenario, Optional<Path> source, Instant time) implements Found {
    }

    /** A copy that could not be read, now kept as {@code keptAs} (or where it was, if it could not be moved). */
    public record Unreadable(Path keptAs, String reason) implements Found {
    }

    private final Path dir;
    private final String id;
    private final InstanceLock lock;

    private Autosave(Path dir, String id, InstanceLock lock) {
        this.dir = dir;
        this.id = id;
        this.lock = lock;
    }

    /** A new, empty copy for this session, its lock held until {@link #release}. */
    public static Autosave claimNew(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (int attempt = 0; ; attempt++) {
            String id = HexFormat.of().toHexDigits(RANDOM.nextInt());
            try {
                Optional<InstanceLock> lock = InstanceLock.tryTake(lockFile(dir, id), true);
                if (lock.isPresent()) {
                    return new Autosave(dir, id, lock.get());
                }
            } catch (FileAlreadyExistsException e) {
                // another session's id: draw again
            }
            if (attempt >= 100) {
                throw new IOException("cannot create a lock file in " + dir);
            }
        }
    }

    /**
     * Claims every copy in {@code dir} that no running session holds (the
     * crash copies), newest first; the caller owns their locks. An autosave
     * of an older version ({@value #LEGACY_NAME}) becomes such a copy first.
     */
    public static List<Autosave> claimUnclaimed(Path dir) {
        List<Autosave> claimed = new ArrayList<>();
        migrateLegacy(dir).ifPresent(claimed::add);
        List<Path> copies;
        try (Stream<Path> files = Files.list(dir)) {
            copies = files.filter(f -> COPY.matcher(f.getFileName().toString()).matches()).toList();
        } catch (IOException e) {
            copies = List.of();
        }
        for (Path copy : copies) {
            Matcher m = COPY.matcher(copy.getFileName().toString());
            if (!m.matches() || InstanceLock.heldHere(lockFile(dir, m.group(1)))) {
                continue;
            }
            try {
                Optional<InstanceLock> lock = InstanceLock.tryTake(lockFile(dir, m.group(1)), false);
                if (lock.isEmpty()) {
                    continue; // a running session's copy
                }
                if (Files.isRegularFile(copy)) {
                    claimed.add(new Autosave(dir, m.group(1), lock.get()));
                } else {
                    lock.get().release(true); // its session removed it meanwhile
                }
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot lock the autosave " + copy + ": " + e);
            }
        }
        claimed.sort(Comparator.comparing(Autosave::time).reversed());
        return claimed;
    }

    /** Moves {@value #LEGACY_NAME} to a new copy's name (keeping its time), claimed by the caller. */
    private static Optional<Autosave> migrateLegacy(Path dir) {
        Path legacy = dir.resolve(LEGACY_NAME);
        if (!Files.isRegularFile(legacy)) {
            return Optional.empty();
        }
        try {
            Autosave copy = claimNew(dir);
            try {
                // the move of the scenario decides which of two starting sessions takes it
                Files.move(legacy, copy.file(), StandardCopyOption.ATOMIC_MOVE);
            } catch (NoSuchFileException e) {
                copy.release();
                return Optional.empty();
            }
            Path source = dir.resolve(LEGACY_SOURCE_NAME);
            if (Files.isRegularFile(source)) {
                Files.move(source, copy.sourceFile(), StandardCopyOption.ATOMIC_MOVE);
            }
            return Optional.of(copy);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot take in the autosave " + legacy + ": " + e);
            return Optional.empty();
        }
    }

    private static Path lockFile(Path dir, String id) {
        return dir.resolve("autosave-" + id + ".lock");
    }

    /** Where the scenario is kept. */
    public Path file() {
        return dir.resolve("autosave-" + id + ".json");
    }

    private Path sourceFile() {
        return dir.resolve("autosave-" + id + ".source.txt");
    }

    /** When the copy was last written; the epoch if it does not exist. */
    Instant time() {
        try {
            return Files.getLastModifiedTime(file()).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    /** Saves {@code scenario}, opened from {@code source} (or from none). */
    public void write(Scenario scenario, Optional<Path> source) throws IOException {
        Files.createDirectories(dir);
        if (source.isPresent()) {
            AtomicOutput.write(sourceFile(), source.get().toAbsolutePath().toString());
        } else {
            Files.deleteIfExists(sourceFile());
        }
        AtomicOutput.write(file(), ScenarioJson.write(scenario));
    }

    /**
     * What the copy holds: empty if there is none. A copy that cannot be read
     * (broken, or written by a newer version) is set aside under a name that
     * says so and reported; it is never deleted.
     */
    public Optional<Found> read() {
        Path file = file();
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Scenario scenario;
        Instant time;
        try {
            scenario = ScenarioJson.read(file);
            time = Files.getLastModifiedTime(file).toInstant();
        } catch (InvalidScenarioException | IOException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (reason.startsWith(file + ": ")) {
                reason = reason.substring(file.toString().length() + 2);
            }
            return Optional.of(new Unreadable(setAside(), reason));
        }
        return Optional.of(new Saved(scenario, source(), time));
    }

    /** The file the scenario was opened from; none if the note of it is missing or unreadable. */
    private Optional<Path> source() {
        try {
            String text = new String(InputFiles.read(sourceFile(), MAX_SOURCE_BYTES), StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? Optional.empty() : Optional.of(Path.of(text));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | InvalidPathException e) {
            LOG.log(System.Logger.Level.WARNING, "ignoring the unreadable note " + sourceFile() + ": " + e);
            return Optional.empty();
        }
    }

    /** Renames the copy to {@code autosave-<id>.unreadable-<time>.json}: where it is kept now. */
    private Path setAside() {
        String stamp = STAMP.format(Instant.now());
        Path kept = dir.resolve("autosave-" + id + ".unreadable-" + stamp + ".json");
        try {
            Files.move(file(), kept, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot set aside the unreadable autosave " + file() + ": " + e);
            return file();
        }
        try {
            if (Files.exists(sourceFile())) {
                Files.move(sourceFile(), dir.resolve("autosave-" + id + ".unreadable-" + stamp + ".source.txt"),
                        StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot set aside " + sourceFile() + ": " + e);
        }
        return kept;
    }

    /** Removes the saved scenario (after a save, or when the user discards it); the lock stays held. */
    public void clear() {
        try {
            Files.deleteIfExists(file());
            Files.deleteIfExists(sourceFile());
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot remove the autosave " + file() + ": " + e);
        }
    }

    /**
     * Lets go of the copy: another session (or the next start) may claim what
     * it holds. The lock file goes too once the copy is gone.
     */
    public void release() {
        lock.release(!Files.exists(file()));
    }

    /** Removes the copy and lets go of it: the user saved it, discarded it, or closed cleanly. */
    public void discard() {
        clear();
        release();
    }
}
