package io.interleave.render;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.w3c.dom.Node;

/**
 * A GIF read back with ImageIO as a viewer plays it: each frame's delay,
 * position and size, the global colour table, whether it loops, and the
 * picture shown at each frame (frames composited over the ones before, as
 * "do not dispose" asks).
 */
final class GifFrames {
    record Frame(int x, int y, int width, int height, int delayCs, String disposal, BufferedImage shown) {
    }

    final int width;
    final int height;
    final int[] globalColours;
    final boolean loops;
    final List<Frame> frames = new ArrayList<>();

    GifFrames(byte[] gif) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(gif))) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in, false);
            IIOMetadataNode stream = (IIOMetadataNode) reader.getStreamMetadata().getAsTree("javax_imageio_gif_stream_1.0");
            IIOMetadataNode screen = child(stream, "LogicalScreenDescriptor");
            width = Integer.parseInt(screen.getAttribute("logicalScreenWidth"));
            height = Integer.parseInt(screen.getAttribute("logicalScreenHeight"));
            IIOMetadataNode table = child(stream, "GlobalColorTable");
            globalColours = new int[table.getChildNodes().getLength()];
            for (int i = 0; i < globalColours.length; i++) {
                IIOMetadataNode e = (IIOMetadataNode) table.getChildNodes().item(i);
                globalColours[i] = Integer.parseInt(e.getAttribute("red")) << 16 | Integer.parseInt(e.getAttribute("green")) << 8
                        | Integer.parseInt(e.getAttribute("blue"));
            }
            int count = reader.getNumImages(true);
            int[] canvas = new int[width * height];
            boolean loop = false;
            for (int k = 0; k < count; k++) {
                IIOMetadata meta = reader.getImageMetadata(k);
                IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree("javax_imageio_gif_image_1.0");
                IIOMetadataNode d = child(root, "ImageDescriptor");
                IIOMetadataNode gce = child(root, "GraphicControlExtension");
                IIOMetadataNode apps = child(root, "ApplicationExtensions");
                if (apps != null) {
                    for (Node n = apps.getFirstChild(); n != null; n = n.getNextSibling()) {
                        loop |= "NETSCAPE".equals(((IIOMetadataNode) n).getAttribute("applicationID"));
                    }
                }
                int x = Integer.parseInt(d.getAttribute("imageLeftPosition"));
                int y = Integer.parseInt(d.getAttribute("imageTopPosition"));
                int w = Integer.parseInt(d.getAttribute("imageWidth"));
                int h = Integer.parseInt(d.getAttribute("imageHeight"));
                boolean transparent = gce != null && "TRUE".equals(gce.getAttribute("transparentColorFlag"));
                int transparentIndex = gce == null ? -1 : Integer.parseInt(gce.getAttribute("transparentColorIndex"));
                BufferedImage part = reader.read(k);
                IndexColorModel icm = (IndexColorModel) part.getColorModel();
                for (int py = 0; py < h; py++) {
                    for (int px = 0; px < w; px++) {
                        int index = part.getRaster().getSample(px, py, 0);
                        if (transparent && index == transparentIndex) {
                            continue;
                        }
                        canvas[(y + py) * width + x + px] = icm.getRGB(index) & 0xFFFFFF;
                    }
                }
                BufferedImage shown = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
                shown.setRGB(0, 0, width, height, canvas, 0, width);
                frames.add(new Frame(x, y, w, h, gce == null ? 0 : Integer.parseInt(gce.getAttribute("delayTime")),
                        gce == null ? "none" : gce.getAttribute("disposalMethod"), shown));
            }
            loops = loop;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static IIOMetadataNode child(IIOMetadataNode parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeName().equals(name)) {
                return (IIOMetadataNode) n;
            }
        }
        return null;
    }

    /** The pixels of {@code image} as 0xRRGGBB. */
    static int[] rgb(BufferedImage image) {
        int[] p = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        for (int i = 0; i < p.length; i++) {
            p[i] &= 0xFFFFFF;
        }
        return p;
    }
}
