package io.interleave.app.fxml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.util.Callback;

/** Loads the window's FXML layouts, giving each controller what it needs through its constructor. */
public final class Fxml {
    private Fxml() {
    }

    /**
     * Loads {@code resource} (relative to {@code owner}'s package). Each
     * controller, including those of {@code fx:include}d files, is built by
     * its constructor that takes {@code argument}'s class, or else by its
     * no-argument constructor.
     */
    public static <T extends Parent> T load(Class<?> owner, String resource, Object argument) {
        FXMLLoader loader = new FXMLLoader(owner.getResource(resource));
        loader.setControllerFactory(factory(argument));
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + resource, e);
        }
    }

    static Callback<Class<?>, Object> factory(Object argument) {
        return type -> {
            try {
                for (var c : type.getConstructors()) {
                    if (c.getParameterCount() == 1 && c.getParameterTypes()[0].isInstance(argument)) {
                        return c.newInstance(argument);
                    }
                }
                return type.getConstructor().newInstance();
            } catch (InstantiationException | IllegalAccessException | NoSuchMethodException e) {
                throw new IllegalStateException("cannot create controller " + type.getName(), e);
            } catch (InvocationTargetException e) {
                throw new IllegalStateException("controller " + type.getName() + " failed: " + e.getCause(), e.getCause());
            }
        };
    }
}
