package io.interleave.cli;

import io.interleave.files.AtomicOutput;
import io.interleave.engine.Simulation;
import io.interleave.render.Animation;
import io.interleave.render.CodePanel;
import io.interleave.render.Palette;
import io.interleave.render.TimeScale;
import io.interleave.render.TimelineAnimation;
import io.interleave.render.TimelineExport;
import io.interleave.render.ViewMode;
import io.interleave.scenario.Scenario;
import io.interleave.trace.Trace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code render}: the timeline of a scenario as a PNG or SVG picture, with no
 * display; at one playhead instant ({@code --at}); or the playback itself as
 * an animated GIF or SVG.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Draws the scenario's timeline to a PNG or SVG file (title, legend, axis, rows or lanes, metrics), "
                + "or its playback to an animated GIF (FILE.gif) or SVG (--animate).")
public final class RenderCommand implements Callable<Integer> {
    /** The largest run {@code render} draws: its trace is kept in memory. */
    public static final int MAX_REQUESTS = 200_000;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "A scenario file, or preset:NAME.")
    String scenarioArg;

    @Option(names = "--out", required = true, paramLabel = "FILE.png|FILE.svg|FILE.gif", description = "The picture to write; the extension picks the format (.gif: the playback, animated).")
    Path out;

    @Option(names = "--compare", description = "Draw the same requests under each compare variant of the file (or sync and event-loop), stacked on one time axis.")
    boolean compare;

    @Option(names = "--view", paramLabel = "requests|workers", defaultValue = "requests", description = "One row per request, or one lane per thread, loop and core.")
    String view;

    @Option(names = "--width", paramLabel = "PX", defaultValue = "1600", description = "Logical width in pixels (480 to 20000).")
    int width;

    @Option(names = "--scale", paramLabel = "S", defaultValue = "1", description = "Pixel density for slides and projectors: 1, 2 or 3 (1 to 4).")
    double scale;

    // ------------------------------------------------------------ playback: --at and animations

    @Option(names = "--at", paramLabel = "MS", description = "Draw the timeline as the window shows it with the playhead at MS milliseconds (PNG or SVG).")
    Double atMs;

    @Option(names = "--animate", description = "With an .svg output: one SVG whose bars grow with SMIL animations (plays in browsers, stays a vector).")
    boolean animate;

    @Option(names = "--duration", paramLabel = "S", defaultValue = "8", description = "Animation: seconds the playback of the whole run takes (1 to 120; default 8).")
    double durationSeconds;

    @Option(names = "--fps", paramLabel = "N", defaultValue = "10", description = "Animation: frames per second, 5, 10, 20, 25 or 50 (GIF stores delays in hundredths of a second; default 10).")
    int fps;

    @Option(names = "--hold", paramLabel = "S", defaultValue = "2", description = "Animation: seconds the finished picture stays before it starts again (0 to 60; default 2).")
    double holdSeconds;

    @Option(names = "--once", description = "Animation: play once and stop on the finished picture instead of looping.")
    boolean once;

    @Option(names = "--captions", description = "Show the narration line the playhead is on in a band under the timeline.")
    boolean captions;

    @Option(names = "--progress", description = "Animation: report the frames drawn on standard error.")
    boolean progress;

    /** The output's format: png, svg or gif, from its extension. */
    private String outputFormat() {
        String name = out.getFileName() == null ? "" : out.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String format = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (!List.of("png", "svg", "gif").contains(format)) {
            throw new UsageException("--out: must end in .png, .svg or .gif, was " + out);
        }
        return format;
    }

    /** Whether this run writes an animation (a GIF, or an SVG with --animate); checks the playback flags fit the output. */
    private boolean checkPlaybackFlags(String format) {
        if (animate && format.equals("png")) {
            throw new UsageException("--animate: a PNG cannot move; write FILE.gif or FILE.svg");
        }
        boolean animation = format.equals("gif") || animate;
        if (atMs != null) {
            if (animation) {
                throw new UsageException("--at: draws one instant; an animation (" + (animate ? "--animate" : out) + ") plays the whole run");
            }
            if (!(atMs >= 0) || atMs.isInfinite()) {
                throw new UsageException("--at: must be a time in milliseconds of at least 0, was " + Numbers.plain(atMs));
            }
        }
        if (!animation) {
            for (String flag : List.of("--duration", "--fps", "--hold", "--once", "--progress")) {
                if (spec.commandLine().getParseResult().hasMatchedOption(flag)) {
                    throw new UsageException(flag + ": only for animations (--out FILE.gif, or FILE.svg with --animate)");
                }
            }
            return false;
        }
        if (!(durationSeconds >= 1 && durationSeconds <= Animation.MAX_SECONDS)) {
            throw new UsageException("--duration: must be between 1 and 120 seconds, was " + Numbers.plain(durationSeconds));
        }
        if (!Animation.RATES.contains(fps)) {
            throw new UsageException("--fps: must be 5, 10, 20, 25 or 50 (GIF stores frame delays in hundredths of a second), was " + fps);
        }
        if (!(holdSeconds >= 0 && holdSeconds <= Animation.MAX_HOLD)) {
            throw new UsageException("--hold: must be between 0 and 60 seconds, was " + Numbers.plain(holdSeconds));
        }
        return true;
    }

    /** The animation's bytes: a GIF, or an animated SVG. */
    private byte[] animationBytes(TimelineExport export, String format) {
        Animation settings = new Animation(export.playFromMs(), Math.max(export.playToMs(), export.playFromMs() + TimeScale.MIN_SPAN_MS),
                durationSeconds, fps, holdSeconds, !once);
        TimelineAnimation animation = new TimelineAnimation(export, settings);
        if (format.equals("svg")) {
            return animation.svg(scale).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        PrintWriter err = spec.commandLine().getErr();
        int[] reported = {-1};
        return animation.gif(scale, (done, total) -> {
            int tenth = done * 10 / total;
            if (progress && tenth != reported[0]) {
                reported[0] = tenth;
                err.printf(Locale.ROOT, "frame %d of %d (%d%%)%n", done, total, done * 100 / total);
                err.flush();
            }
            return true;
        });
    }

    /** ", 81 frames, 412 kB" after a GIF's size; ", animated" after an SVG's. */
    private String animationSummary(String format, long bytes) {
        if (format.equals("svg")) {
            return ", animated";
        }
        int frames = (int) Math.max(1, Math.round(durationSeconds * fps)) + 1;
        return String.format(Locale.ROOT, ", %d frames, %d kB", frames, Math.max(1, Math.round(bytes / 1e3)));
    }

    /** The still picture's bytes, of the whole run or at the playhead {@code --at}. */
    private byte[] stillBytes(TimelineExport export, String format) {
        double playhead = atMs == null ? Double.POSITIVE_INFINITY : atMs;
        return format.equals("png") ? export.raster(scale, playhead).toPng()
                : export.svg(scale, playhead).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Option(names = "--code", description = "Add the request types' handlers as Python under the timeline (the first two variants side by side with --compare).")
    boolean code;

    @Override
    public Integer call() throws IOException {
        String format = outputFormat();
        boolean animation = checkPlaybackFlags(format);
        if (code && (animation || atMs != null)) {
            throw new UsageException("--code: draws the handlers under the finished picture; leave it out with "
                    + (atMs != null ? "--at" : "an animation"));
        }
        ViewMode mode = switch (view.toLowerCase(Locale.ROOT)) {
            case "requests" -> ViewMode.REQUESTS;
            case "workers" -> ViewMode.WORKERS;
            default -> throw new UsageException("--view: must be requests or workers, was '" + view + "'");
        };
        if (width < 480 || width > 20_000) {
            throw new UsageException("--width: must be between 480 and 20000, was " + width);
        }
        if (!(scale >= 1 && scale <= 4)) {
            throw new UsageException("--scale: must be between 1 and 4, was " + scale);
        }
        OutputPaths.writable("--out", out);
        OutputPaths.notTheInput("--out", out, scenarioArg);
        Scenario scenario = ScenarioSource.load(scenarioArg);
        if (scenario.arrivals().count() > MAX_REQUESTS) {
            throw new UsageException("render draws at most " + MAX_REQUESTS + " requests; this scenario sends "
                    + scenario.arrivals().count() + " (lower its count)");
        }
        List<Trace> traces = compare ? Simulation.compare(scenario) : List.of(Simulation.trace(scenario));
        TimelineExport export = new TimelineExport(traces, mode, width, 1, Palette.LIGHT);
        if (captions) {
            export = export.withCaptions();
        }
        byte[] bytes;
        try {
            bytes = code ? withCode(export, traces, format) : animation ? animationBytes(export, format) : stillBytes(export, format);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        AtomicOutput.write(out, bytes);
        double pictureHeight = code ? Math.ceil(export.height() + codePanel(traces).height()) : export.height();
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(Locale.ROOT, "wrote %s (%d x %d%s)%n", out, Math.round(export.width() * scale), Math.round(pictureHeight * scale),
                animation ? animationSummary(format, bytes.length) : "");
        stdout.flush();
        return 0;
    }

    /** {@code --code}: the picture with the handlers' panel under the timeline. */
    private byte[] withCode(TimelineExport export, List<Trace> traces, String format) {
        CodePanel panel = codePanel(traces);
        return format.equals("png") ? panel.png(export, scale) : panel.svg(export, scale).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private CodePanel codePanel(List<Trace> traces) {
        return CodePanel.forPicture(traces, width, 1, Palette.LIGHT);
    }
}
