package io.interleave.render;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes an animated GIF frame by frame with the JDK's ImageIO GIF writer.
 * Every frame is reduced to one {@link GifPalette} (a global colour table);
 * after the first, a frame stores only the rectangle that changed, with the
 * pixels inside it that did not change left transparent, and the frame
 * before stays underneath (disposal "do not dispose"). Delays are in
 * hundredths of a second, as GIF stores them.
 */
public final class GifWriter implements AutoCloseable {
    private static final String IMAGE_FORMAT = "javax_imageio_gif_image_1.0";
    private static final String STREAM_FORMAT = "javax_imageio_gif_stream_1.0";

    private final ImageWriter writer;
    private final ImageOutputStream stream;
    private final GifPalette palette;
    private final int width;
    private final int height;
    private final boolean loop;
    private int[] previous;
    private int frames;
    private IIOMetadataNode localTable;

    /**
     * @param out where the GIF goes (not closed)
     * @param loop whether viewers play it again and again (a NETSCAPE2.0 loop block); false plays it once
     */
    public GifWriter(OutputStream out, int width, int height, GifPalette palette, boolean loop) throws IOException {
        if (width < 1 || height < 1 || width > 65_535 || height > 65_535) {
            throw new IllegalArgumentException("a GIF is 1 to 65535 pixels each way, was " + width + "x" + height);
        }
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("gif");
        if (!writers.hasNext()) {
            throw new IllegalStateException("no GIF writer available in this Java runtime");
        }
        this.writer = writers.next();
        this.stream = ImageIO.createImageOutputStream(out);
        this.palette = palette;
        this.width = width;
        this.height = height;
        this.loop = loop;
        writer.setOutput(stream);
        writer.prepareWriteSequence(streamMetadata());
    }

    /** How many frames were added so far. */
    public int frames() {
        return frames;
    }

    /**
     * Adds a frame, the full picture ({@code width} by {@code height}),
     * shown for {@code delayCs} hundredths of a second.
     */
    public void add(BufferedImage picture, int delayCs) throws IOException {
        if (picture.getWidth() != width || picture.getHeight() != height) {
            throw new IllegalArgumentException("every frame must be " + width + "x" + height + ", was "
                    + picture.getWidth() + "x" + picture.getHeight());
        }
        if (delayCs < 1 || delayCs > 65_535) {
            throw new IllegalArgumentException("a frame's delay must be 1 to 65535 hundredths of a second, was " + delayCs);
        }
        int[] now = GifPalette.pixels(picture).clone();
        for (int i = 0; i < now.length; i++) {
            now[i] &= 0xFFFFFF;
        }
        int x0 = 0;
        int y0 = 0;
        int x1 = width - 1;
        int y1 = height - 1;
        if (previous != null) {
            int[] box = changed(previous, now);
            if (box == null) {
                box = new int[] {0, 0, 0, 0}; // nothing changed: one transparent pixel
            }
            x0 = box[0];
            y0 = box[1];
            x1 = box[2];
            y1 = box[3];
        }
        int w = x1 - x0 + 1;
        int h = y1 - y0 + 1;
        BufferedImage part = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, palette.colorModel());
        byte[] data = ((DataBufferByte) part.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < h; y++) {
            int row = (y0 + y) * width;
            for (int x = 0; x < w; x++) {
                int i = row + x0 + x;
                int c = now[i];
                boolean same = previous != null && previous[i] == c;
                data[y * w + x] = (byte) (same ? GifPalette.TRANSPARENT : palette.index(c));
            }
        }
        IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(part), null);
        IIOMetadataNode root = new IIOMetadataNode(IMAGE_FORMAT);
        IIOMetadataNode descriptor = new IIOMetadataNode("ImageDescriptor");
        descriptor.setAttribute("imageLeftPosition", Integer.toString(x0));
        descriptor.setAttribute("imageTopPosition", Integer.toString(y0));
        descriptor.setAttribute("imageWidth", Integer.toString(w));
        descriptor.setAttribute("imageHeight", Integer.toString(h));
        descriptor.setAttribute("interlaceFlag", "FALSE");
        root.appendChild(descriptor);
        if (localTable == null) {
            localTable = colourTable("LocalColorTable");
        }
        root.appendChild(localTable); // moved from the last frame's tree: built once
        IIOMetadataNode control = new IIOMetadataNode("GraphicControlExtension");
        control.setAttribute("disposalMethod", "doNotDispose");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", previous == null ? "FALSE" : "TRUE");
        control.setAttribute("delayTime", Integer.toString(delayCs));
        control.setAttribute("transparentColorIndex", Integer.toString(GifPalette.TRANSPARENT));
        root.appendChild(control);
        if (frames == 0 && loop) {
            IIOMetadataNode apps = new IIOMetadataNode("ApplicationExtensions");
            IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
            app.setAttribute("applicationID", "NETSCAPE");
            app.setAttribute("authenticationCode", "2.0");
            app.setUserObject(new byte[] {1, 0, 0}); // loop for ever
            apps.appendChild(app);
            root.appendChild(apps);
        }
        meta.mergeTree(IMAGE_FORMAT, root);
        ImageWriteParam param = writer.getDefaultWriteParam();
        writer.writeToSequence(new IIOImage(part, null, meta), param);
        // What the viewer shows now: unchanged pixels kept theirs, changed ones took the new colour.
        previous = now;
        frames++;
    }

    /** Ends the GIF. */
    public void finish() throws IOException {
        if (frames == 0) {
            throw new IllegalStateException("a GIF needs at least one frame");
        }
        writer.endWriteSequence();
        stream.flush();
    }

    @Override
    public void close() throws IOException {
        writer.dispose();
        stream.close();
    }

    /** The smallest rectangle {x0, y0, x1, y1} holding every pixel that differs, or null (pixels as 0x00RRGGBB). */
    static int[] changed(int[] a, int[] b, int width, int height) {
        int x0 = Integer.MAX_VALUE;
        int y0 = -1;
        int x1 = -1;
        int y1 = -1;
        for (int y = 0; y < height; y++) {
            int row = y * width;
            int first = java.util.Arrays.mismatch(a, row, row + width, b, row, row + width);
            if (first < 0) {
                continue;
            }
            int last = first;
            for (int x = width - 1; x > first; x--) {
                if (a[row + x] != b[row + x]) {
                    last = x;
                    break;
                }
            }
            if (y0 < 0) {
                y0 = y;
            }
            y1 = y;
            x0 = Math.min(x0, first);
            x1 = Math.max(x1, last);
        }
        return y0 < 0 ? null : new int[] {x0, y0, x1, y1};
    }

    private int[] changed(int[] a, int[] b) {
        return changed(a, b, width, height);
    }

    private IIOMetadata streamMetadata() throws IOException {
        IIOMetadata meta = writer.getDefaultStreamMetadata(null);
        IIOMetadataNode root = new IIOMetadataNode(STREAM_FORMAT);
        IIOMetadataNode version = new IIOMetadataNode("Version");
        version.setAttribute("value", "89a");
        root.appendChild(version);
        IIOMetadataNode screen = new IIOMetadataNode("LogicalScreenDescriptor");
        screen.setAttribute("logicalScreenWidth", Integer.toString(width));
        screen.setAttribute("logicalScreenHeight", Integer.toString(height));
        screen.setAttribute("colorResolution", "8");
        screen.setAttribute("pixelAspectRatio", "0");
        root.appendChild(screen);
        IIOMetadataNode table = colourTable("GlobalColorTable");
        table.setAttribute("backgroundColorIndex", "0");
        root.appendChild(table);
        meta.mergeTree(STREAM_FORMAT, root);
        return meta;
    }

    /** The palette as a colour table node; as a frame's local table it equals the global one, so the writer leaves it out. */
    private IIOMetadataNode colourTable(String name) {
        IIOMetadataNode table = new IIOMetadataNode(name);
        table.setAttribute(name.equals("GlobalColorTable") ? "sizeOfGlobalColorTable" : "sizeOfLocalColorTable", "256");
        table.setAttribute("sortFlag", "FALSE");
        int[] colours = palette.colours();
        for (int i = 0; i < 256; i++) {
            int c = i < colours.length ? colours[i] : 0;
            IIOMetadataNode entry = new IIOMetadataNode("ColorTableEntry");
            entry.setAttribute("index", Integer.toString(i));
            entry.setAttribute("red", Integer.toString(c >> 16 & 0xFF));
            entry.setAttribute("green", Integer.toString(c >> 8 & 0xFF));
            entry.setAttribute("blue", Integer.toString(c & 0xFF));
            table.appendChild(entry);
        }
        return table;
    }
}
