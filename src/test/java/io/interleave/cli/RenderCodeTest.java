package io.interleave.cli;

import static io.interleave.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.cli.CliRunner.Result;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("render --code: the handlers drawn under the timeline, in PNG and SVG")
class RenderCodeTest {

    @Test
    @DisplayName("SVG: the first two variants' handlers side by side, each line's code and comment as text")
    void svgHoldsBothHandlers(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("offload.svg");
        Result r = run("render", "preset:offload-blocking-call", "--compare", "--code", "--out", svg.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        String text = Files.readString(svg, StandardCharsets.UTF_8);
        assertThat(text).contains("Handlers · 1 event loop", "Handlers · event loop + pool",
                ">time.sleep()<", "># block 150 ms offload<",
                ">await asyncio.to_thread(time.sleep)<", "># block 150 ms<", ">async def handle_legacy(request):<");
    }

    @Test
    @DisplayName("PNG: the picture grows by the panel, and the line printed says its size")
    void pngIsTallerWithCode(@TempDir Path dir) throws Exception {
        Path plain = dir.resolve("plain.png");
        Path code = dir.resolve("code.png");
        assertThat(run("render", "preset:three-requests", "--out", plain.toString()).code()).isZero();
        Result r = run("render", "preset:three-requests", "--code", "--out", code.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        BufferedImage a = ImageIO.read(plain.toFile());
        BufferedImage b = ImageIO.read(code.toFile());
        assertThat(b.getWidth()).isEqualTo(a.getWidth());
        // two handlers of 6 lines and a blank line each, at 14 px × 1.45, under a 56 px heading
        assertThat(b.getHeight() - a.getHeight()).isBetween(56 + 14 * 20, 56 + 14 * 21);
        assertThat(r.out()).isEqualTo("wrote " + code + " (1600 x " + b.getHeight() + ")\n");
    }

    @Test
    @DisplayName("a program of tasks: sync's thread functions beside asyncio's coroutines, each put and get on its line")
    void svgHoldsTheTasks(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("producer-consumer.svg");
        Result r = run("render", "preset:producer-consumer", "--compare", "--code", "--out", svg.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        String text = Files.readString(svg, StandardCharsets.UTF_8);
        assertThat(text).contains("Handlers · Sync (one thread)", "Handlers · asyncio (one loop)",
                ">def producer(items):<", ">items.put(item)<", ">item = items.get()<",
                ">async def producer(items):<", ">await items.put(item)<", ">item = await items.get()<",
                ">await process_item()<", "># wait 250 ms &quot;process item&quot;<",
                ">items = asyncio.Queue()<", ">with ThreadPoolExecutor(max_workers=1) as pool:<");
    }
}
