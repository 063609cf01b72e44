package io.interleave.app.classroom;

import io.interleave.render.Palette;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * How the window looks in the room: projector mode (larger type, thicker
 * bars, higher contrast) and the theme. The timeline binds its text scale
 * and palette here; {@link ClassroomLook} applies the rest to each scene.
 */
public final class ClassroomViewModel {
    /** The timeline's text scale in projector mode; rows and bars grow with it. */
    public static final double PROJECTOR_TEXT_SCALE = 1.6;

    private final BooleanProperty projector = new SimpleBooleanProperty(this, "projector", false);
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    private final DoubleBinding textScale = Bindings.createDoubleBinding(
            () -> projector.get() ? PROJECTOR_TEXT_SCALE : 1.0, projector);
    private final ObjectBinding<Palette> palette = Bindings.createObjectBinding(
            () -> (theme.get() == null ? Theme.LIGHT : theme.get()).palette(), theme);

    public BooleanProperty projectorProperty() {
        return projector;
    }

    public void toggleProjector() {
        projector.set(!projector.get());
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** Light to dark and back. */
    public void toggleTheme() {
        theme.set(theme.get() == Theme.DARK ? Theme.LIGHT : Theme.DARK);
    }

    /** 1, or {@value #PROJECTOR_TEXT_SCALE} in projector mode. */
    public DoubleBinding textScaleProperty() {
        return textScale;
    }

    public ObjectBinding<Palette> paletteProperty() {
        return palette;
    }
}
