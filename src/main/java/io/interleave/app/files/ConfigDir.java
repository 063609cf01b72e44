package io.interleave.app.files;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where the window keeps its own files (the autosave and the recent-files
 * list): {@code $XDG_CONFIG_HOME/interleave} or {@code ~/.config/interleave}
 * on Linux, {@code %APPDATA%\Interleave} on Windows and
 * {@code ~/Library/Application Support/Interleave} on macOS. The system
 * property {@value #PROPERTY} overrides it (tests point it at a temporary
 * directory).
 */
public final class ConfigDir {
    /** Names the directory to use instead of the platform's. */
    public static final String PROPERTY = "interleave.configDir";

    private ConfigDir() {
    }

    /** The directory named by {@value #PROPERTY}, if set. */
    public static Optional<Path> override() {
        String dir = System.getProperty(PROPERTY);
        return dir == null || dir.isBlank() ? Optional.empty() : Optional.of(Path.of(dir));
    }

    /** The override if set, else this platform's configuration directory. */
    public static Path resolve() {
        return override().orElseGet(() ->
                platformDefault(System.getProperty("os.name", ""), System.getenv(), System.getProperty("user.home", ".")));
    }

    /** The configuration directory for an operating system, environment and home directory. */
    static Path platformDefault(String osName, Map<String, String> env, String home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            return (present(appData) ? Path.of(appData) : Path.of(home, "AppData", "Roaming")).resolve("Interleave");
        }
        if (os.startsWith("mac")) {
            return Path.of(home, "Library", "Application Support", "Interleave");
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        // The XDG rules ignore a relative XDG_CONFIG_HOME.
        return (present(xdg) && Path.of(xdg).isAbsolute() ? Path.of(xdg) : Path.of(home, ".config")).resolve("interleave");
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
