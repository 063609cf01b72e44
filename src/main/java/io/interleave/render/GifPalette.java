package io.interleave.render;

import io.interleave.trace.SpanState;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.IndexColorModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The 255 colours an animated GIF is reduced to, plus one transparent index
 * for the pixels a frame leaves as they were. Every colour of the
 * {@link Palette} (the Okabe–Ito state colours, their pattern inks and
 * outlines, text, grid, now line) is in it exactly; the remaining entries
 * are the most frequent other colours of sample frames (the shades of
 * smoothed text). Each pixel becomes its nearest entry, with no dithering,
 * so bars and their patterns stay crisp and exact.
 */
public final class GifPalette {
    /** The index that means "leave this pixel as it was". */
    public static final int TRANSPARENT = 255;
    /** Colours besides the transparent index. */
    public static final int COLOURS = 255;

    private final int[] rgb;
    private final ColourMap cache = new ColourMap();

    /** A palette of exactly these colours (at most 255, as 0xRRGGBB). */
    public GifPalette(int[] colours) {
        if (colours.length < 1 || colours.length > COLOURS) {
            throw new IllegalArgumentException("a GIF palette holds 1 to " + COLOURS + " colours, was " + colours.length);
        }
        this.rgb = new int[colours.length];
        for (int i = 0; i < colours.length; i++) {
            rgb[i] = colours[i] & 0xFFFFFF;
        }
    }

    /** The palette for pictures drawn with {@code palette}: its colours first, then the sample images' most frequent others. */
    public static GifPalette of(Palette palette, List<BufferedImage> samples) {
        Set<Integer> colours = new LinkedHashSet<>();
        for (Rgb c : exactColours(palette)) {
            colours.add(c.red() << 16 | c.green() << 8 | c.blue());
        }
        ColourMap counts = new ColourMap();
        for (BufferedImage image : samples) {
            for (int p : pixels(image)) {
                counts.add(p & 0xFFFFFF, 1);
            }
        }
        long[] byCount = counts.entries(); // count << 24 | colour
        Arrays.sort(byCount);
        for (int i = byCount.length - 1; i >= 0 && colours.size() < COLOURS; i--) {
            colours.add((int) (byCount[i] & 0xFFFFFF));
        }
        return new GifPalette(colours.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Every colour {@code palette} paints with, which the GIF must keep exact. */
    static List<Rgb> exactColours(Palette p) {
        List<Rgb> out = new ArrayList<>(List.of(p.background(), p.stripe(), p.laneBackground(), p.grid(), p.axis(), p.text(),
                p.mutedText(), p.sectionBand(), p.nowLine(), p.nowLabelText(), p.rejected(), p.ghost()));
        List<Fill> fills = new ArrayList<>();
        for (SpanState s : SpanState.values()) {
            fills.add(p.fill(s));
        }
        fills.add(p.heldWait());
        for (Fill f : fills) {
            out.add(f.color());
            out.add(f.ink());
            out.add(f.outline());
            out.add(p.textOn(f.color()));
        }
        return out;
    }

    /** The colours, as 0xRRGGBB; index {@link #TRANSPARENT} is not among them. */
    public int[] colours() {
        return rgb.clone();
    }

    /** The palette as a 256-entry colour model whose last index is transparent. */
    public IndexColorModel colorModel() {
        byte[] r = new byte[256];
        byte[] g = new byte[256];
        byte[] b = new byte[256];
        for (int i = 0; i < rgb.length; i++) {
            r[i] = (byte) (rgb[i] >> 16);
            g[i] = (byte) (rgb[i] >> 8);
            b[i] = (byte) rgb[i];
        }
        return new IndexColorModel(8, 256, r, g, b, TRANSPARENT);
    }

    /** The index of the entry nearest to {@code colour} (0xRRGGBB). */
    public int index(int colour) {
        int c = colour & 0xFFFFFF;
        int known = cache.get(c);
        if (known >= 0) {
            return known;
        }
        int best = 0;
        long bestDistance = Long.MAX_VALUE;
        int r = c >> 16 & 0xFF;
        int g = c >> 8 & 0xFF;
        int b = c & 0xFF;
        for (int i = 0; i < rgb.length; i++) {
            int dr = r - (rgb[i] >> 16 & 0xFF);
            int dg = g - (rgb[i] >> 8 & 0xFF);
            int db = b - (rgb[i] & 0xFF);
            // weighted towards green, as the eye is
            long d = 3L * dr * dr + 4L * dg * dg + 2L * db * db;
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        cache.put(c, best);
        return best;
    }

    /** {@code colour} as the GIF shows it: its nearest entry, 0xRRGGBB. */
    public int reduce(int colour) {
        return rgb[index(colour)];
    }

    /** A copy of {@code image} with every pixel reduced to this palette, as the GIF shows it. */
    public BufferedImage reduce(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        int[] src = pixels(image);
        int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < src.length; i++) {
            dst[i] = reduce(src[i]);
        }
        return out;
    }

    /** The image's pixels as 0x..RRGGBB, row by row. */
    static int[] pixels(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB && image.getRaster().getDataBuffer() instanceof DataBufferInt d
                && image.getRaster().getParent() == null) {
            return d.getData();
        }
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    /** An int-to-int hash map with open addressing: colours to indices or counts, without boxing. */
    private static final class ColourMap {
        private int[] keys = new int[1 << 12];
        private int[] values = new int[1 << 12];
        private int size;

        ColourMap() {
            Arrays.fill(keys, -1);
        }

        int get(int key) {
            int mask = keys.length - 1;
            for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
                if (keys[i] == key) {
                    return values[i];
                }
                if (keys[i] == -1) {
                    return -1;
                }
            }
        }

        void put(int key, int value) {
            slot(key, value, false);
        }

        void add(int key, int amount) {
            slot(key, amount, true);
        }

        private void slot(int key, int value, boolean add) {
            if (size * 2 >= keys.length) {
                grow();
            }
            int mask = keys.length - 1;
            for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
                if (keys[i] == key) {
                    values[i] = add ? values[i] + value : value;
                    return;
                }
                if (keys[i] == -1) {
                    keys[i] = key;
                    values[i] = value;
                    size++;
                    return;
                }
            }
        }

        private void grow() {
            int[] oldKeys = keys;
            int[] oldValues = values;
            keys = new int[oldKeys.length * 2];
            values = new int[oldKeys.length * 2];
            Arrays.fill(keys, -1);
            size = 0;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != -1) {
                    slot(oldKeys[i], oldValues[i], false);
                }
            }
        }

        /** Every entry as {@code value << 24 | key}. */
        long[] entries() {
            long[] out = new long[size];
            int n = 0;
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] != -1) {
                    out[n++] = (long) values[i] << 24 | keys[i];
                }
            }
            return out;
        }

        private static int mix(int key) {
            int h = key * 0x9E3779B9;
            return h ^ (h >>> 16);
        }
    }
}
