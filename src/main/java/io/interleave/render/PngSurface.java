package io.interleave.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.TexturePaint;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A raster drawing surface on a Java2D image, for PNG export. It needs no
 * display and no JavaFX: set {@code java.awt.headless=true} (the command
 * line does) and it runs in a plain terminal. Drawing happens in logical
 * pixels; {@code scale} multiplies the image's size for projectors and
 * slides.
 */
public final class PngSurface implements DrawingSurface {
    private final BufferedImage image;
    private final Graphics2D g;
    private final double scale;
    private final AwtFonts fonts = new AwtFonts();
    private final Map<Rgb, Color> colours = new HashMap<>();
    private final Map<Fill, Paint> paints = new HashMap<>();
    private final Deque<Shape> clips = new ArrayDeque<>();

    /**
     * @param width logical width in pixels
     * @param height logical height in pixels
     * @param scale 1, 2 or 3: the image is width*scale by height*scale
     * @param background the colour the image starts with
     */
    public PngSurface(int width, int height, double scale, Rgb background) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image size must be at least 1x1, was " + width + "x" + height);
        }
        if (!(scale >= 1 && scale <= 4)) {
            throw new IllegalArgumentException("scale must be between 1 and 4, was " + scale);
        }
        long pixels = Math.round(width * scale) * Math.round(height * scale);
        if (pixels > 400_000_000L) {
            throw new IllegalArgumentException("image of " + Math.round(width * scale) + "x" + Math.round(height * scale)
                    + " pixels is too large; use a smaller --scale or --width");
        }
        this.scale = scale;
        this.image = new BufferedImage((int) Math.round(width * scale), (int) Math.round(height * scale), BufferedImage.TYPE_INT_RGB);
        this.g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(scale, scale);
        g.setColor(colour(background));
        g.fill(new Rectangle2D.Double(0, 0, width, height));
    }

    /** Starts again: every pixel {@code background}, no clip, so the same image can take the next frame. */
    public void clear(Rgb background) {
        if (!clips.isEmpty()) {
            throw new IllegalStateException("clear inside a save");
        }
        g.setClip(null);
        g.setPaint(colour(background));
        g.fill(new Rectangle2D.Double(0, 0, image.getWidth() / scale + 1, image.getHeight() / scale + 1));
    }

    /** The image drawn so far. */
    public BufferedImage image() {
        return image;
    }

    /** The scale factor from logical to image pixels. */
    public double scale() {
        return scale;
    }

    /** The image encoded as PNG. */
    public byte[] toPng() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer available");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    public void fillRect(double x, double y, double width, double height, Fill fill) {
        if (!(width > 0) || !(height > 0)) {
            return;
        }
        g.setPaint(paint(fill));
        g.fill(new Rectangle2D.Double(x, y, width, height));
    }

    @Override
    public void strokeRect(double x, double y, double width, double height, Rgb color, double lineWidth) {
        if (width < 0 || height < 0) {
            return;
        }
        g.setPaint(colour(color));
        g.setStroke(new BasicStroke((float) lineWidth, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        g.draw(new Rectangle2D.Double(x, y, width, height));
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Rgb color, double lineWidth) {
        g.setPaint(colour(color));
        g.setStroke(new BasicStroke((float) lineWidth, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        g.draw(new Line2D.Double(x1, y1, x2, y2));
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, Rgb color) {
        if (xs.length != ys.length) {
            throw new IllegalArgumentException("polygon needs as many ys as xs: " + xs.length + " vs " + ys.length);
        }
        if (xs.length < 3) {
            return;
        }
        Path2D.Double path = new Path2D.Double();
        path.moveTo(xs[0], ys[0]);
        for (int i = 1; i < xs.length; i++) {
            path.lineTo(xs[i], ys[i]);
        }
        path.closePath();
        g.setPaint(colour(color));
        g.fill(path);
    }

    @Override
    public void text(String text, double x, double y, TextStyle style, Rgb color, TextAlign align) {
        g.setFont(fonts.font(style));
        g.setPaint(colour(color));
        FontMetrics metrics = g.getFontMetrics();
        double width = fonts.textWidth(text, style);
        double left = switch (align) {
            case LEFT -> x;
            case CENTER -> x - width / 2;
            case RIGHT -> x - width;
        };
        double baseline = y + (metrics.getAscent() - metrics.getDescent()) / 2.0;
        g.drawString(text, (float) left, (float) baseline);
    }

    @Override
    public double textWidth(String text, TextStyle style) {
        return fonts.textWidth(text, style);
    }

    @Override
    public void save() {
        clips.push(g.getClip() == null ? new Rectangle2D.Double(-1e7, -1e7, 2e7, 2e7) : g.getClip());
    }

    @Override
    public void restore() {
        if (clips.isEmpty()) {
            throw new IllegalStateException("restore without a matching save");
        }
        g.setClip(clips.pop());
    }

    @Override
    public void clip(double x, double y, double width, double height) {
        g.clip(new Rectangle2D.Double(x, y, Math.max(0, width), Math.max(0, height)));
    }

    private Color colour(Rgb rgb) {
        return colours.computeIfAbsent(rgb, c -> new Color(c.red(), c.green(), c.blue()));
    }

    private Paint paint(Fill fill) {
        if (fill.pattern() == FillPattern.SOLID) {
            return colour(fill.color());
        }
        return paints.computeIfAbsent(fill, f -> {
            int n = PatternTile.SIZE;
            BufferedImage tile = new BufferedImage(n, n, BufferedImage.TYPE_INT_RGB);
            int base = colour(f.color()).getRGB();
            int ink = colour(f.ink()).getRGB();
            for (int ty = 0; ty < n; ty++) {
                for (int tx = 0; tx < n; tx++) {
                    tile.setRGB(tx, ty, PatternTile.inked(f.pattern(), tx, ty) ? ink : base);
                }
            }
            return new TexturePaint(tile, new Rectangle2D.Double(0, 0, n, n));
        });
    }
}
