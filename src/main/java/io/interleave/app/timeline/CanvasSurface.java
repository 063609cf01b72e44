package io.interleave.app.timeline;

import io.interleave.render.DrawingSurface;
import io.interleave.render.Fill;
import io.interleave.render.FillPattern;
import io.interleave.render.PatternTile;
import io.interleave.render.Rgb;
import io.interleave.render.TextAlign;
import io.interleave.render.TextStyle;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.paint.ImagePattern;
import javafx.scene.paint.Paint;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * The timeline's drawing surface on a JavaFX Canvas. Patterns are small
 * tiles anchored at the canvas origin, so hatching lines up across bars.
 * Must be used on the FX thread.
 */
public final class CanvasSurface implements DrawingSurface {
    private static final int TILE = PatternTile.SIZE;

    private final GraphicsContext gc;
    private final Text measurer = new Text();
    private final Map<Rgb, Color> colours = new HashMap<>();
    private final Map<Fill, Paint> paints = new HashMap<>();
    private final Map<TextStyle, Font> fonts = new HashMap<>();

    public CanvasSurface(GraphicsContext gc) {
        this.gc = Objects.requireNonNull(gc, "gc");
        gc.setLineCap(StrokeLineCap.BUTT);
        gc.setTextBaseline(VPos.CENTER);
    }

    @Override
    public void fillRect(double x, double y, double width, double height, Fill fill) {
        if (!(width > 0) || !(height > 0)) {
            return;
        }
        gc.setFill(paint(fill));
        gc.fillRect(x, y, width, height);
    }

    @Override
    public void strokeRect(double x, double y, double width, double height, Rgb color, double lineWidth) {
        if (width < 0 || height < 0) {
            return;
        }
        gc.setStroke(colour(color));
        gc.setLineWidth(lineWidth);
        gc.strokeRect(x, y, width, height);
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Rgb color, double lineWidth) {
        gc.setStroke(colour(color));
        gc.setLineWidth(lineWidth);
        gc.strokeLine(x1, y1, x2, y2);
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, Rgb color) {
        if (xs.length != ys.length) {
            throw new IllegalArgumentException("polygon needs as many ys as xs: " + xs.length + " vs " + ys.length);
        }
        gc.setFill(colour(color));
        gc.fillPolygon(xs, ys, xs.length);
    }

    @Override
    public void text(String text, double x, double y, TextStyle style, Rgb color, TextAlign align) {
        gc.setFont(font(style));
        gc.setFill(colour(color));
        gc.setTextBaseline(VPos.CENTER);
        gc.setTextAlign(switch (align) {
            case LEFT -> TextAlignment.LEFT;
            case CENTER -> TextAlignment.CENTER;
            case RIGHT -> TextAlignment.RIGHT;
        });
        gc.fillText(text, x, y);
    }

    @Override
    public double textWidth(String text, TextStyle style) {
        measurer.setFont(font(style));
        measurer.setText(text);
        return measurer.getLayoutBounds().getWidth();
    }

    @Override
    public void save() {
        gc.save();
    }

    @Override
    public void restore() {
        gc.restore();
    }

    @Override
    public void clip(double x, double y, double width, double height) {
        gc.beginPath();
        gc.rect(x, y, Math.max(0, width), Math.max(0, height));
        gc.closePath();
        gc.clip();
    }

    private Font font(TextStyle style) {
        return fonts.computeIfAbsent(style, s -> Font.font(Font.getDefault().getFamily(),
                s.bold() ? FontWeight.BOLD : FontWeight.NORMAL, s.size()));
    }

    private Color colour(Rgb rgb) {
        return colours.computeIfAbsent(rgb, c -> Color.rgb(c.red(), c.green(), c.blue()));
    }

    private Paint paint(Fill fill) {
        if (fill.pattern() == FillPattern.SOLID) {
            return colour(fill.color());
        }
        return paints.computeIfAbsent(fill, CanvasSurface::tile);
    }

    /** A tile of the pattern, repeated from the canvas origin. */
    private static Paint tile(Fill fill) {
        WritableImage image = new WritableImage(TILE, TILE);
        PixelWriter w = image.getPixelWriter();
        Color base = Color.rgb(fill.color().red(), fill.color().green(), fill.color().blue());
        Color ink = Color.rgb(fill.ink().red(), fill.ink().green(), fill.ink().blue());
        for (int y = 0; y < TILE; y++) {
            for (int x = 0; x < TILE; x++) {
                w.setColor(x, y, PatternTile.inked(fill.pattern(), x, y) ? ink : base);
            }
        }
        return new ImagePattern(image, 0, 0, TILE, TILE, false);
    }
}
