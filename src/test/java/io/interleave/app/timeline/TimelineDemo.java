package io.interleave.app.timeline;

import io.interleave.render.Fixtures;
import io.interleave.render.Palette;
import io.interleave.render.ViewMode;
import io.interleave.scenario.Policy;
import io.interleave.trace.Trace;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.List;
import java.util.OptionalInt;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.util.Duration;
import javax.imageio.ImageIO;

/**
 * Shows the timeline in a real window and saves a snapshot of the scene, to
 * look at the picture by eye. Not a test.
 *
 * <p>Arguments: OUT.png requests|workers single|compare|many|manycompare|PRESET-ID PLAYHEAD|inf WIDTH HEIGHT [light|dark] [textScale]
 * (a preset id draws that lesson's compare variants)
 */
public final class TimelineDemo extends Application {
    @Override
    public void start(Stage stage) {
        List<String> a = getParameters().getRaw();
        String out = a.get(0);
        ViewMode mode = ViewMode.valueOf(a.get(1).toUpperCase());
        String what = a.get(2);
        double playhead = a.get(3).equals("inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(a.get(3));
        double w = Double.parseDouble(a.get(4));
        double h = Double.parseDouble(a.get(5));
        List<Trace> traces = switch (what) {
            case "single" -> List.of(Fixtures.threeRequests(Policy.SYNC));
            case "loop" -> List.of(Fixtures.threeRequests(Policy.EVENT_LOOP));
            case "compare" -> List.of(Fixtures.threeRequests(Policy.SYNC), Fixtures.threeRequests(Policy.EVENT_LOOP));
            case "many" -> List.of(Fixtures.many(Policy.SYNC, 2000, 120, 4, OptionalInt.of(20)));
            case "manyloop" -> List.of(Fixtures.many(Policy.EVENT_LOOP, 400, 120, 2, OptionalInt.empty()));
            case "manycompare" -> List.of(Fixtures.many(Policy.SYNC, 1000, 120, 4, OptionalInt.empty()),
                    Fixtures.many(Policy.EVENT_LOOP, 1000, 120, 4, OptionalInt.empty()));
            default -> io.interleave.engine.Simulation.compare(io.interleave.scenario.Presets.load(what).orElseThrow());
        };
        TimelineView view = new TimelineView();
        view.tracesProperty().set(traces);
        view.modeProperty().set(mode);
        view.playheadMsProperty().set(playhead);
        if (a.size() > 6 && a.get(6).equals("dark")) {
            view.paletteProperty().set(Palette.DARK);
        }
        if (a.size() > 7) {
            view.textScaleProperty().set(Double.parseDouble(a.get(7)));
        }
        Scene scene = new Scene(view, w, h);
        stage.setScene(scene);
        stage.show();
        PauseTransition wait = new PauseTransition(Duration.millis(700));
        wait.setOnFinished(e -> {
            if (a.size() > 8) {
                String[] hoverAt = a.get(8).split(",");
                double ms = Double.parseDouble(hoverAt[0]);
                int id = Integer.parseInt(hoverAt[1]);
                double x = view.xOf(ms);
                double y = view.rowCenterY(0, id).orElseThrow();
                javafx.event.Event.fireEvent(view.canvas(), new javafx.scene.input.MouseEvent(
                        javafx.scene.input.MouseEvent.MOUSE_MOVED, x, y, x, y, javafx.scene.input.MouseButton.NONE, 0,
                        false, false, false, false, false, false, false, false, false, false, null));
            }
            WritableImage img = scene.snapshot(null);
            save(img, new File(out));
            Platform.exit();
        });
        wait.play();
    }

    private static void save(WritableImage img, File file) {
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        BufferedImage bi = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        PixelReader r = img.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                bi.setRGB(x, y, r.getArgb(x, y));
            }
        }
        try {
            ImageIO.write(bi, "png", file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Entry point on the class path (a main class that extends Application needs the module path). */
    public static final class Run {
        private Run() {
        }

        public static void main(String[] args) {
            Application.launch(TimelineDemo.class, args);
        }
    }
}
