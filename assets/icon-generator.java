// Draws Interleave's icon once: java assets/icon-generator.java assets
// Three requests share one worker: each row's bright slices (compute) fall
// between the others', its dim stretches are waits. Okabe–Ito colours
// on a dark tile, so it reads on light and dark task bars alike.
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

public class IconGenerator {
    static final String TILE = "#16191D";
    static final double WAIT_H = 44;
    static final String[] COLOURS = {"#E69F00", "#56B4E9", "#009E73"};
    static final int[] SLOT_ROW = {0, 1, 2, 0, 1, 2};
    static final double LEFT = 64;
    static final double SLOT = 64;
    static final double ROW_TOP = 92;
    static final double ROW_H = 88;
    static final double ROW_GAP = 32;

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "assets");
        Files.writeString(out.resolve("icon.svg"), svg());
        for (int size : new int[] {16, 32, 48, 64, 128, 256, 512}) {
            ImageIO.write(png(size), "png", out.resolve("icon-" + size + ".png").toFile());
        }
    }

    /** The row's colour 60% of the way to the tile: its waits. */
    static String dim(String hex) {
        Color c = Color.decode(hex);
        Color t = Color.decode(TILE);
        double k = 0.6;
        return String.format("#%02X%02X%02X", (int) Math.round(c.getRed() + (t.getRed() - c.getRed()) * k),
                (int) Math.round(c.getGreen() + (t.getGreen() - c.getGreen()) * k), (int) Math.round(c.getBlue() + (t.getBlue() - c.getBlue()) * k));
    }

    static double rowY(int r) {
        return ROW_TOP + r * (ROW_H + ROW_GAP);
    }

    static double[] span(int row) {
        int first = -1;
        int last = -1;
        for (int s = 0; s < SLOT_ROW.length; s++) {
            if (SLOT_ROW[s] == row) {
                first = first < 0 ? s : first;
                last = s;
            }
        }
        return new double[] {LEFT + first * SLOT, LEFT + (last + 1) * SLOT};
    }

    static String svg() {
        StringBuilder b = new StringBuilder();
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"512\" height=\"512\" viewBox=\"0 0 512 512\">\n");
        b.append("  <title>Interleave</title>\n");
        b.append("  <rect x=\"16\" y=\"16\" width=\"480\" height=\"480\" rx=\"96\" fill=\"" + TILE + "\"/>\n");
        for (int r = 0; r < COLOURS.length; r++) {
            double[] s = span(r);
            double cy = rowY(r) + ROW_H / 2;
            b.append(String.format(java.util.Locale.ROOT, "  <rect x=\"%.0f\" y=\"%.0f\" width=\"%.0f\" height=\"%.0f\" rx=\"8\" fill=\"%s\"/>\n",
                    s[0] + 2, cy - WAIT_H / 2, s[1] - s[0] - 4, WAIT_H, dim(COLOURS[r])));
        }
        for (int slot = 0; slot < SLOT_ROW.length; slot++) {
            int r = SLOT_ROW[slot];
            b.append(String.format(java.util.Locale.ROOT, "  <rect x=\"%.0f\" y=\"%.0f\" width=\"%.0f\" height=\"%.0f\" rx=\"8\" fill=\"%s\"/>\n",
                    LEFT + slot * SLOT + 2, rowY(r), SLOT - 4, ROW_H, COLOURS[r]));
        }
        return b.append("</svg>\n").toString();
    }

    static BufferedImage png(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        double k = size / 512.0;
        g.scale(k, k);
        g.setColor(Color.decode(TILE));
        g.fill(new RoundRectangle2D.Double(16, 16, 480, 480, 192, 192));
        for (int r = 0; r < COLOURS.length; r++) {
            double[] s = span(r);
            double cy = rowY(r) + ROW_H / 2;
            g.setColor(Color.decode(dim(COLOURS[r])));
            g.fill(new RoundRectangle2D.Double(s[0] + 2, cy - WAIT_H / 2, s[1] - s[0] - 4, WAIT_H, 16, 16));
        }
        for (int slot = 0; slot < SLOT_ROW.length; slot++) {
            int r = SLOT_ROW[slot];
            g.setColor(Color.decode(COLOURS[r]));
            g.fill(new RoundRectangle2D.Double(LEFT + slot * SLOT + 2, rowY(r), SLOT - 4, ROW_H, 16, 16));
        }
        g.dispose();
        return img;
    }
}
