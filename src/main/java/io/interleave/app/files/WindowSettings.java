package io.interleave.app.files;

import io.interleave.app.classroom.ClassroomViewModel;
import io.interleave.app.classroom.Panels;
import io.interleave.app.classroom.Theme;
import io.interleave.files.AtomicOutput;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.InvalidationListener;

/**
 * What the window remembers between runs, beside the recent-files list:
 * projector mode (F5), the theme and the folded panels. Kept in
 * {@value #FILE_NAME} as {@code key=value} lines, rewritten atomically on
 * every change; a file that cannot be read or written is a lost
 * convenience, never an error the user must handle.
 */
public final class WindowSettings {
    /** The file's name in the configuration directory. */
    public static final String FILE_NAME = "window.properties";

    private static final System.Logger LOG = System.getLogger(WindowSettings.class.getName());

    /** The remembered values. */
    public record Values(boolean projector, Theme theme, Set<Panels.Panel> folded) {
        public Values {
            folded = Set.copyOf(folded);
        }

        /** What the window shows on its first start. */
        public static Values defaults() {
            return new Values(false, Theme.LIGHT, Set.of());
        }
    }

    private final Path file;

    private WindowSettings(Path file) {
        this.file = file;
    }

    /** The settings kept in {@code dir}. */
    public static WindowSettings in(Path dir) {
        return new WindowSettings(dir.resolve(FILE_NAME));
    }

    public Path file() {
        return file;
    }

    /** The remembered values; the defaults for anything missing or unreadable. */
    public Values read() {
        Properties p = new Properties();
        try (Reader in = new java.io.StringReader(FileText.readSmall(file, 64 * 1024))) {
            p.load(in);
        } catch (NoSuchFileException e) {
            return Values.defaults();
        } catch (IOException | IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read the window settings " + file + ": " + e);
            return Values.defaults();
        }
        boolean projector = Boolean.parseBoolean(p.getProperty("projector", "false").strip());
        Theme theme = Arrays.stream(Theme.values())
                .filter(t -> t.name().equalsIgnoreCase(p.getProperty("theme", "").strip()))
                .findFirst().orElse(Theme.LIGHT);
        Set<Panels.Panel> folded = EnumSet.noneOf(Panels.Panel.class);
        for (String id : p.getProperty("folded", "").split(",")) {
            Panels.Panel.byId(id).ifPresent(folded::add);
        }
        return new Values(projector, theme, folded);
    }

    /** Writes the values (atomically). */
    public void write(Values v) {
        Properties p = new Properties();
        p.setProperty("projector", Boolean.toString(v.projector()));
        p.setProperty("theme", v.theme().name().toLowerCase(Locale.ROOT));
        p.setProperty("folded", v.folded().stream().sorted().map(Panels.Panel::id).collect(Collectors.joining(",")));
        try {
            StringWriter text = new StringWriter();
            p.store(text, "Interleave window: projector mode, theme, folded panels");
            Files.createDirectories(file.getParent());
            AtomicOutput.write(file, text.toString());
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot write the window settings " + file + ": " + e);
        }
    }

    /**
     * Applies the remembered values to the window, then remembers every
     * change of projector mode, theme or panels.
     */
    public void follow(ClassroomViewModel classroom, Panels panels) {
        Values v = read();
        classroom.projectorProperty().set(v.projector());
        classroom.themeProperty().set(v.theme());
        panels.fold(v.folded());
        InvalidationListener save = obs -> write(new Values(classroom.projectorProperty().get(),
                Optional.ofNullable(classroom.themeProperty().get()).orElse(Theme.LIGHT), panels.folded(true)));
        classroom.projectorProperty().addListener(save);
        classroom.themeProperty().addListener(save);
        for (Panels.Panel panel : Panels.Panel.values()) {
            panels.shownProperty(panel).addListener(save);
        }
    }
}
