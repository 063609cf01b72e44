package io.interleave.render;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;

/**
 * The playback of a {@link TimelineExport} as an animated GIF or an
 * animated SVG. Every frame is the export's picture at a playhead, drawn by
 * the same painter as the window and {@code render --at}: frame {@code k}
 * of the GIF is {@code export.raster(scale, animation.frameTimeMs(k))}
 * reduced to the GIF's palette, and the last frame is the still picture.
 */
public final class TimelineAnimation {
    /** Told after each frame; answers false to stop the export (it then throws {@link CancellationException}). */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total) -> true;

        boolean frameDone(int done, int total);
    }

    private final TimelineExport export;
    private final Animation animation;

    public TimelineAnimation(TimelineExport export, Animation animation) {
        this.export = Objects.requireNonNull(export, "export");
        this.animation = Objects.requireNonNull(animation, "animation");
    }

    /** The default playback settings over the whole range the export shows. */
    public static Animation defaults(TimelineExport export) {
        return Animation.over(export.playFromMs(), export.playToMs());
    }

    public Animation animation() {
        return animation;
    }

    public TimelineExport export() {
        return export;
    }

    /** The picture at frame {@code k}, before the GIF's colour reduction. */
    public BufferedImage frame(int k, double scale) {
        return export.raster(scale, animation.frameTimeMs(k)).image();
    }

    /** Frame {@code k} painted over {@code surface} (cleared first): one image serves every frame. */
    private BufferedImage frame(int k, PngSurface surface) {
        surface.clear(export.palette().background());
        export.paint(surface, animation.frameTimeMs(k));
        return surface.image();
    }

    /**
     * The palette the GIF is reduced to: the palette's colours exactly, then
     * the most frequent others of the finished picture and of the middle
     * frame (which has the now line).
     */
    public GifPalette gifPalette(double scale) {
        List<BufferedImage> samples = new ArrayList<>();
        samples.add(frame(animation.playingFrames(), scale));
        samples.add(frame(animation.playingFrames() / 2, scale));
        return GifPalette.of(export.palette(), samples);
    }

    /** The animation as GIF bytes, {@code scale} times the picture's logical size. */
    public byte[] gif(double scale, Progress progress) {
        GifPalette palette = gifPalette(scale);
        int total = animation.frameCount();
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        try (GifWriter gif = new GifWriter(out, (int) Math.round(Math.ceil(export.width()) * scale),
                (int) Math.round(Math.ceil(export.height()) * scale), palette, animation.loop())) {
            PngSurface surface = export.raster(scale, animation.frameTimeMs(0));
            for (int k = 0; k < total; k++) {
                gif.add(k == 0 ? surface.image() : frame(k, surface), animation.frameDelayCs(k));
                if (!progress.frameDone(k + 1, total)) {
                    throw new CancellationException("export cancelled after " + (k + 1) + " of " + total + " frames");
                }
            }
            gif.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The animation as one SVG document: the still picture whose bars grow
     * with SMIL animations (one per bar, starting when its span starts on the
     * playback's clock and lasting as long as the span), whose markers and
     * time-alone outlines appear on arrival, response times on finishing,
     * and a now line that sweeps across; it plays in browsers and stays a
     * vector for print.
     */
    public String svg(double scale) {
        SvgSurface surface = new SvgSurface(Math.ceil(export.width()), Math.ceil(export.height()), export.palette().background());
        surface.displayScale(scale);
        surface.title(export.title());
        surface.animate(animation);
        export.paintAnimated(surface, animation);
        return surface.toSvg();
    }
}
