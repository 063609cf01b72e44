package io.interleave.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.interleave.engine.Simulation;
import io.interleave.scenario.Presets;
import io.interleave.trace.Span;
import io.interleave.trace.SpanState;
import io.interleave.trace.Trace;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("The playback as an animated GIF: frames, delays, palette, and every frame the picture at its instant")
class TimelineAnimationTest {
    /** The three-requests lesson under both policies, narrow so the tests stay quick. */
    static final List<Trace> LESSON = Simulation.compare(Presets.load("three-requests").orElseThrow());
    static TimelineExport export;
    static Animation settings;
    static byte[] gif;
    static GifFrames read;

    @BeforeAll
    static void oneGif() {
        export = new TimelineExport(LESSON, ViewMode.REQUESTS, 800, 1, Palette.LIGHT);
        settings = new Animation(export.playFromMs(), export.playToMs(), 2, 10, 1, true);
        gif = new TimelineAnimation(export, settings).gif(1, TimelineAnimation.Progress.NONE);
        read = new GifFrames(gif);
    }

    @ParameterizedTest(name = "{0} s at {1} fps, hold {2} s: {3} frames")
    @CsvSource({"2, 10, 1, 21", "1, 25, 0, 26", "2, 5, 1.5, 11", "1, 50, 2, 51"})
    @DisplayName("frame count and delays follow the duration, the rate and the hold")
    void framesAndDelays(double seconds, int fps, double hold, int frames) {
        TimelineExport small = new TimelineExport(LESSON.subList(0, 1), ViewMode.REQUESTS, 480, 1, Palette.LIGHT);
        Animation a = new Animation(small.playFromMs(), small.playToMs(), seconds, fps, hold, true);
        GifFrames g = new GifFrames(new TimelineAnimation(small, a).gif(1, TimelineAnimation.Progress.NONE));

        assertThat(g.frames).hasSize(frames);
        for (int k = 0; k < frames - 1; k++) {
            assertThat(g.frames.get(k).delayCs()).as("frame %d", k).isEqualTo(100 / fps);
        }
        int last = g.frames.get(frames - 1).delayCs();
        assertThat(last).isEqualTo(hold == 0 ? 100 / fps : (int) Math.round(hold * 100));
        int total = g.frames.stream().mapToInt(GifFrames.Frame::delayCs).sum();
        assertThat(total).isEqualTo((int) Math.round(seconds * 100) + last);
    }

    @Test
    @DisplayName("it loops by default and plays once when asked")
    void loopOrOnce() {
        assertThat(read.loops).isTrue();
        TimelineExport small = new TimelineExport(LESSON.subList(0, 1), ViewMode.REQUESTS, 480, 1, Palette.LIGHT);
        Animation once = new Animation(small.playFromMs(), small.playToMs(), 1, 5, 0, false);
        assertThat(new GifFrames(new TimelineAnimation(small, once).gif(1, TimelineAnimation.Progress.NONE)).loops).isFalse();
    }

    @ParameterizedTest(name = "scale {0}")
    @CsvSource({"1", "2", "3"})
    @DisplayName("the GIF is the picture's size times the scale")
    void sizeAtEachScale(int scale) {
        TimelineExport small = new TimelineExport(LESSON.subList(0, 1), ViewMode.REQUESTS, 480, 1, Palette.LIGHT);
        Animation a = new Animation(small.playFromMs(), small.playToMs(), 1, 5, 0, true);
        GifFrames g = new GifFrames(new TimelineAnimation(small, a).gif(scale, TimelineAnimation.Progress.NONE));
        assertThat(g.width).isEqualTo(480 * scale);
        assertThat(g.height).isEqualTo((int) Math.ceil(small.height()) * scale);
        assertThat(g.frames.get(g.frames.size() - 1).shown().getWidth()).isEqualTo(480 * scale);
    }

    @Test
    @DisplayName("a middle frame shows a finished compute bar in the exact Okabe–Ito blue")
    void computeColourInAMiddleFrame() {
        int k = settings.playingFrames() / 2;
        double t = settings.frameTimeMs(k);
        TimelineLayout layout = export.layout();
        TimelineLayout.Section section = layout.sections().get(0);
        Span compute = section.trace().spans().stream()
                .filter(s -> s.state() == SpanState.COMPUTE && s.endMs() < t
                        && export.timeScale().toX(s.endMs()) - export.timeScale().toX(s.startMs()) >= 6)
                .findFirst().orElseThrow();
        double x = layout.plotLeft() + export.timeScale().toX((compute.startMs() + compute.endMs()) / 2);
        double y = export.timelineTop() + section.rowsTop() + (compute.requestId() - 1) * layout.rowHeight() + layout.rowHeight() / 2;
        int shown = read.frames.get(k).shown().getRGB((int) x, (int) y) & 0xFFFFFF;
        assertThat(Integer.toHexString(shown)).isEqualTo("72b2"); // #0072B2
        // and before the request arrived nothing was there
        int first = read.frames.get(0).shown().getRGB((int) x, (int) y) & 0xFFFFFF;
        assertThat(first).isNotEqualTo(0x0072B2);
    }

    @Test
    @DisplayName("frame k is the picture at playhead t_k after the GIF's colour reduction, pixel for pixel")
    void frameEqualsStillAtItsInstant() {
        GifPalette palette = new GifPalette(Arrays.copyOf(read.globalColours, GifPalette.COLOURS));
        for (int k : new int[] {0, 7, settings.playingFrames() / 2, settings.playingFrames() - 1}) {
            BufferedImage still = palette.reduce(export.raster(1, settings.frameTimeMs(k)).image());
            assertThat(GifFrames.rgb(read.frames.get(k).shown())).as("frame %d at %.3f ms", k, settings.frameTimeMs(k))
                    .isEqualTo(GifFrames.rgb(still));
        }
    }

    @Test
    @DisplayName("the last frame is the still export, and it holds")
    void lastFrameIsTheStill() {
        GifPalette palette = new GifPalette(Arrays.copyOf(read.globalColours, GifPalette.COLOURS));
        GifFrames.Frame last = read.frames.get(read.frames.size() - 1);
        assertThat(GifFrames.rgb(last.shown())).isEqualTo(GifFrames.rgb(palette.reduce(export.raster(1).image())));
        assertThat(last.delayCs()).isEqualTo(100);
    }

    @Test
    @DisplayName("after the first, frames store only the rectangle that changed and keep the frame before underneath")
    void framesStoreOnlyWhatChanged() {
        GifFrames.Frame first = read.frames.get(0);
        assertThat(first.width() * first.height()).isEqualTo(read.width * read.height);
        for (GifFrames.Frame f : read.frames.subList(1, read.frames.size() - 1)) {
            assertThat(f.disposal()).isEqualTo("doNotDispose");
            assertThat(f.width() * f.height()).isLessThan(read.width * read.height / 2);
        }
    }

    @Test
    @DisplayName("the palette holds every colour of the timeline's palette exactly, so bars and patterns are not dithered")
    void paletteKeepsOkabeItoExact() {
        int[] colours = Arrays.copyOf(read.globalColours, GifPalette.COLOURS);
        GifPalette palette = new GifPalette(colours);
        for (Rgb c : GifPalette.exactColours(Palette.LIGHT)) {
            int rgb = c.red() << 16 | c.green() << 8 | c.blue();
            assertThat(colours).as(c.hex()).contains(rgb);
            assertThat(palette.reduce(rgb)).isEqualTo(rgb);
        }
        // the heavy-tailed pattern colours are there too: the held wait's Okabe–Ito yellow stripes
        assertThat(colours).contains(0xF0E442, 0x009E73, 0x0072B2, 0xE69F00);
    }

    @Test
    @DisplayName("progress is told after each frame, and answering false stops the export")
    void progressAndCancel() {
        TimelineExport small = new TimelineExport(LESSON.subList(0, 1), ViewMode.REQUESTS, 480, 1, Palette.LIGHT);
        Animation a = new Animation(small.playFromMs(), small.playToMs(), 1, 10, 0, true);
        int[] seen = {0};
        new TimelineAnimation(small, a).gif(1, (done, total) -> {
            assertThat(total).isEqualTo(11);
            assertThat(done).isEqualTo(++seen[0]);
            return true;
        });
        assertThat(seen[0]).isEqualTo(11);
        assertThatThrownBy(() -> new TimelineAnimation(small, a).gif(1, (done, total) -> done < 3))
                .isInstanceOf(CancellationException.class).hasMessageContaining("3 of 11");
    }
}
