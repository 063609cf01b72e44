package io.interleave.app.classroom;

import io.interleave.render.Palette;
import java.util.Optional;

/** The window's look: its stylesheet on top of interleave.css, and the timeline's palette. */
public enum Theme {
    /** Dark ink on light panels; the default, and what exports use. */
    LIGHT("Light", Palette.LIGHT, Optional.empty()),
    /** Light ink on near-black, for dim rooms. */
    DARK("Dark", Palette.DARK, Optional.of("dark.css"));

    private final String displayName;
    private final Palette palette;
    private final Optional<String> stylesheet;

    Theme(String displayName, Palette palette, Optional<String> stylesheet) {
        this.displayName = displayName;
        this.palette = palette;
        this.stylesheet = stylesheet;
    }

    public String displayName() {
        return displayName;
    }

    /** The timeline's and charts' colours. */
    public Palette palette() {
        return palette;
    }

    /** The extra stylesheet's URL, if this theme has one. */
    public Optional<String> stylesheetUrl() {
        return stylesheet.map(name -> Theme.class.getResource(name).toExternalForm());
    }

    /** The style class the scene root carries ("theme-light", "theme-dark"). */
    public String styleClass() {
        return "theme-" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
