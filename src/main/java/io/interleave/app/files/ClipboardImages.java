package io.interleave.app.files;

import java.awt.image.BufferedImage;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/** Puts an exported picture on the system clipboard as an image (javafx-swing is not needed). */
public final class ClipboardImages {
    private ClipboardImages() {
    }

    /** A JavaFX image with the same pixels, copied row by row through a PixelWriter. */
    public static WritableImage toFx(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        WritableImage out = new WritableImage(w, h);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            out.getPixelWriter().setPixels(0, y, w, 1, PixelFormat.getIntArgbInstance(), row, 0, w);
        }
        return out;
    }

    /** Replaces the clipboard's content with {@code image} (on the FX thread). */
    public static void put(BufferedImage image) {
        Image fx = toFx(image);
        ClipboardContent content = new ClipboardContent();
        content.putImage(fx);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
