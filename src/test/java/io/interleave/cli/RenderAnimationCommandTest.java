package io.interleave.cli;

import static io.interleave.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.cli.CliRunner.Result;
import io.interleave.engine.Simulation;
import io.interleave.render.Animation;
import io.interleave.render.GifPalette;
import io.interleave.render.Palette;
import io.interleave.render.TimelineExport;
import io.interleave.render.ViewMode;
import io.interleave.scenario.Presets;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("render: --at an instant, FILE.gif and --animate SVG from the command line")
class RenderAnimationCommandTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("frame k of the GIF equals render --at t_k after the GIF's colour reduction, pixel for pixel")
    void gifFrameEqualsRenderAt() throws Exception {
        Path gif = dir.resolve("three.gif");
        Result made = run("render", "preset:three-requests", "--compare", "--width", "800", "--out", gif.toString(),
                "--duration", "1", "--fps", "10", "--hold", "0");
        assertThat(made.code()).as(made.toString()).isZero();
        assertThat(made.out()).contains("11 frames");

        TimelineExport export = new TimelineExport(Simulation.compare(Presets.load("three-requests").orElseThrow()),
                ViewMode.REQUESTS, 800, 1, Palette.LIGHT);
        Animation clock = new Animation(export.playFromMs(), export.playToMs(), 1, 10, 0, true);
        int k = 6;
        double t = clock.frameTimeMs(k);
        Path png = dir.resolve("at.png");
        Result at = run("render", "preset:three-requests", "--compare", "--width", "800", "--out", png.toString(),
                "--at", String.format(Locale.ROOT, "%.17g", t));
        assertThat(at.code()).as(at.toString()).isZero();

        byte[] bytes = Files.readAllBytes(gif);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in, false);
            assertThat(reader.getNumImages(true)).isEqualTo(11);
            int[] global = globalColours(reader);
            BufferedImage still = ImageIO.read(png.toFile());
            int w = still.getWidth();
            int h = still.getHeight();
            int[] canvas = new int[w * h];
            for (int f = 0; f <= k; f++) {
                composite(reader, f, canvas, w);
            }
            GifPalette palette = new GifPalette(Arrays.copyOf(global, GifPalette.COLOURS));
            int[] expected = palette.reduce(still).getRGB(0, 0, w, h, null, 0, w);
            for (int i = 0; i < expected.length; i++) {
                expected[i] &= 0xFFFFFF;
            }
            assertThat(canvas).isEqualTo(expected);
        }
    }

    private static int[] globalColours(ImageReader reader) throws Exception {
        IIOMetadataNode stream = (IIOMetadataNode) reader.getStreamMetadata().getAsTree("javax_imageio_gif_stream_1.0");
        IIOMetadataNode table = (IIOMetadataNode) stream.getElementsByTagName("GlobalColorTable").item(0);
        int[] out = new int[table.getChildNodes().getLength()];
        for (int i = 0; i < out.length; i++) {
            IIOMetadataNode e = (IIOMetadataNode) table.getChildNodes().item(i);
            out[i] = Integer.parseInt(e.getAttribute("red")) << 16 | Integer.parseInt(e.getAttribute("green")) << 8
                    | Integer.parseInt(e.getAttribute("blue"));
        }
        return out;
    }

    private static void composite(ImageReader reader, int f, int[] canvas, int width) throws Exception {
        IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(f).getAsTree("javax_imageio_gif_image_1.0");
        IIOMetadataNode d = (IIOMetadataNode) root.getElementsByTagName("ImageDescriptor").item(0);
        IIOMetadataNode gce = (IIOMetadataNode) root.getElementsByTagName("GraphicControlExtension").item(0);
        int x0 = Integer.parseInt(d.getAttribute("imageLeftPosition"));
        int y0 = Integer.parseInt(d.getAttribute("imageTopPosition"));
        boolean transparent = "TRUE".equals(gce.getAttribute("transparentColorFlag"));
        int clear = Integer.parseInt(gce.getAttribute("transparentColorIndex"));
        BufferedImage part = reader.read(f);
        java.awt.image.IndexColorModel icm = (java.awt.image.IndexColorModel) part.getColorModel();
        for (int y = 0; y < part.getHeight(); y++) {
            for (int x = 0; x < part.getWidth(); x++) {
                int index = part.getRaster().getSample(x, y, 0);
                if (!(transparent && index == clear)) {
                    canvas[(y0 + y) * width + x0 + x] = icm.getRGB(index) & 0xFFFFFF;
                }
            }
        }
    }

    @Test
    @DisplayName("--at draws what the window shows at that playhead: bars only up to it, and a now line")
    void atAnInstant() throws Exception {
        Path early = dir.resolve("early.svg");
        Path whole = dir.resolve("whole.svg");
        assertThat(run("render", "preset:three-requests", "--out", early.toString(), "--at", "50").code()).isZero();
        assertThat(run("render", "preset:three-requests", "--out", whole.toString()).code()).isZero();
        String at = Files.readString(early, StandardCharsets.UTF_8);
        String all = Files.readString(whole, StandardCharsets.UTF_8);
        assertThat(at).contains("class=\"now\"", ">50.0 ms<");
        assertThat(all).doesNotContain("class=\"now\"");
        assertThat(count(at, "class=\"span ")).isLessThan(count(all, "class=\"span "));
    }

    @Test
    @DisplayName("--animate writes one SVG with SMIL animations; --once plays it once; --progress reports frames of a GIF")
    void animatedSvgAndProgress() throws Exception {
        Path svg = dir.resolve("three.svg");
        Result r = run("render", "preset:three-requests", "--out", svg.toString(), "--animate", "--once", "--captions");
        assertThat(r.code()).as(r.toString()).isZero();
        String text = Files.readString(svg, StandardCharsets.UTF_8);
        assertThat(text).contains("<animate attributeName=\"width\"", "class=\"caption\"").doesNotContain("cycle.begin");

        Path gif = dir.resolve("p.gif");
        Result p = run("render", "preset:three-requests", "--width", "480", "--out", gif.toString(), "--duration", "1", "--fps", "5", "--progress");
        assertThat(p.code()).as(p.toString()).isZero();
        assertThat(p.errLines()).isNotEmpty().allMatch(l -> l.matches("frame \\d+ of 6 \\(\\d+%\\)")).contains("frame 6 of 6 (100%)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--fps 7|x.gif|--fps: must be 5, 10, 20, 25 or 50 (GIF stores frame delays in hundredths of a second), was 7",
        "--fps 30|x.gif|--fps: must be 5, 10, 20, 25 or 50 (GIF stores frame delays in hundredths of a second), was 30",
        "--duration 0|x.gif|--duration: must be between 1 and 120 seconds, was 0",
        "--hold -1|x.gif|--hold: must be between 0 and 60 seconds, was -1",
        "--at 10|x.gif|--at: draws one instant; an animation",
        "--at -5|x.png|--at: must be a time in milliseconds of at least 0, was -5",
        "--animate|x.png|--animate: a PNG cannot move; write FILE.gif or FILE.svg",
        "--fps 10|x.png|--fps: only for animations (--out FILE.gif, or FILE.svg with --animate)",
        "--once|x.svg|--once: only for animations (--out FILE.gif, or FILE.svg with --animate)",
        "--hold 1|x.bmp|--out: must end in .png, .svg or .gif, was"})
    @DisplayName("bad playback flags: exit 2, one line naming the flag and value, nothing written")
    void badFlags(String flags, String file, String message) throws Exception {
        Path out = dir.resolve(file);
        String[] extra = flags.split(" ");
        String[] args = new String[4 + extra.length];
        args[0] = "render";
        args[1] = "preset:three-requests";
        args[2] = "--out";
        args[3] = out.toString();
        System.arraycopy(extra, 0, args, 4, extra.length);
        Result r = run(args);
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).startsWith("interleave: " + message);
        assertThat(out).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
