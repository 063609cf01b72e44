package io.interleave.app;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import java.awt.image.BufferedImage;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Screenshot driver for looking at the window under Xvfb: starts it, runs
 * the actions one second apart and writes a snapshot of the scene. Actions:
 * {@code size WxH}, {@code lesson ID}, {@code compare}, {@code projector},
 * {@code dark}, {@code fold}, {@code key NAME} (a View ▸ fold key: controls,
 * notice, metrics, narration), {@code play MS}, {@code shot PATH}, {@code quit}.
 */
public final class WindowShots {
    private WindowShots() {
    }

    /** The window, with the actions run after it opens. */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
            new InterleaveApp().start(stage);
            AppViewModel vm = (AppViewModel) stage.getScene().getRoot().getProperties().get(AppViewModel.class);
            List<String> args = getParameters().getRaw();
            Thread t = new Thread(() -> {
                for (int i = 0; i < args.size(); i++) {
                    sleep(1500);
                    String action = args.get(i);
                    String arg = i + 1 < args.size() ? args.get(i + 1) : "";
                    if (List.of("size", "lesson", "shot", "key", "play").contains(action)) {
                        i++;
                    }
                    Platform.runLater(() -> run(stage, vm, action, arg));
                }
            });
            t.setDaemon(true);
            t.start();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void run(Stage stage, AppViewModel vm, String action, String arg) {
        switch (action) {
            case "size" -> {
                String[] wh = arg.split("x");
                stage.setWidth(Double.parseDouble(wh[0]));
                stage.setHeight(Double.parseDouble(wh[1]));
            }
            case "lesson" -> vm.presetProperty().set(vm.presets().stream().filter(p -> p.id().equals(arg)).findFirst().orElseThrow());
            case "compare" -> vm.compareProperty().set(true);
            case "projector" -> vm.classroom().projectorProperty().set(true);
            case "dark" -> vm.classroom().toggleTheme();
            case "fold" -> vm.panels().toggleFocus();
            case "key" -> vm.panels().toggle(io.interleave.app.classroom.Panels.Panel.byId(arg).orElseThrow());
            case "play" -> vm.playback().seek(Double.parseDouble(arg));
            case "shot" -> {
                WritableImage image = stage.getScene().snapshot(null);
                try {
                    int w = (int) image.getWidth();
                    int h = (int) image.getHeight();
                    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
                    for (int y = 0; y < h; y++) {
                        for (int x = 0; x < w; x++) {
                            out.setRGB(x, y, image.getPixelReader().getArgb(x, y));
                        }
                    }
                    ImageIO.write(out, "png", new File(arg));
                    System.out.println("wrote " + arg + " " + w + "x" + h);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            case "quit" -> Platform.exit();
            default -> throw new IllegalArgumentException("unknown action " + action);
        }
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }
}
