package io.interleave.app.classroom;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** The application icon (interleaved bars in Okabe–Ito colours) at the sizes window managers ask for. */
public final class AppIcons {
    static final int[] SIZES = {16, 32, 48, 64, 128, 256};

    private AppIcons() {
    }

    /** Every size, smallest first. */
    public static List<Image> all() {
        List<Image> images = new ArrayList<>();
        for (int size : SIZES) {
            InputStream in = AppIcons.class.getResourceAsStream("/io/interleave/app/icons/icon-" + size + ".png");
            if (in != null) {
                images.add(new Image(in));
            }
        }
        return images;
    }

    /** Sets the icon on {@code stage} (the taskbar, the title bar, Alt+Tab). */
    public static void apply(Stage stage) {
        stage.getIcons().setAll(all());
    }
}
