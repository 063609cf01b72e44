package io.interleave.app.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConfigDirTest {
    @AfterEach
    void clear() {
        System.clearProperty(ConfigDir.PROPERTY);
    }

    @Test
    @DisplayName("Linux: $XDG_CONFIG_HOME/interleave, else ~/.config/interleave (a relative XDG_CONFIG_HOME is ignored)")
    void linux() {
        assertThat(ConfigDir.platformDefault("Linux", Map.of("XDG_CONFIG_HOME", "/x/conf"), "/home/ann"))
                .isEqualTo(Path.of("/x/conf/interleave"));
        assertThat(ConfigDir.platformDefault("Linux", Map.of(), "/home/ann")).isEqualTo(Path.of("/home/ann/.config/interleave"));
        assertThat(ConfigDir.platformDefault("Linux", Map.of("XDG_CONFIG_HOME", "conf"), "/home/ann"))
                .isEqualTo(Path.of("/home/ann/.config/interleave"));
    }

    @Test
    @DisplayName("Windows: %APPDATA%\\Interleave; macOS: ~/Library/Application Support/Interleave")
    void windowsAndMac() {
        assertThat(ConfigDir.platformDefault("Windows 11", Map.of("APPDATA", "/appdata"), "/home/ann"))
                .isEqualTo(Path.of("/appdata", "Interleave"));
        assertThat(ConfigDir.platformDefault("Windows 11", Map.of(), "/home/ann"))
                .isEqualTo(Path.of("/home/ann", "AppData", "Roaming", "Interleave"));
        assertThat(ConfigDir.platformDefault("Mac OS X", Map.of(), "/Users/ann"))
                .isEqualTo(Path.of("/Users/ann/Library/Application Support/Interleave"));
    }

    @Test
    @DisplayName("-Dinterleave.configDir overrides the platform's directory")
    void override() {
        assertThat(ConfigDir.override()).isEmpty();
        System.setProperty(ConfigDir.PROPERTY, "/tmp/elsewhere");
        assertThat(ConfigDir.override()).contains(Path.of("/tmp/elsewhere"));
        assertThat(ConfigDir.resolve()).isEqualTo(Path.of("/tmp/elsewhere"));
    }
}
