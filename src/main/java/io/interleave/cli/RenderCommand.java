package io.interleave.cli;

import io.interleave.files.AtomicOutput;
import io.interleave.engine.Simulation;
import io.interleave.render.CodePanel;
import io.interleave.render.Palette;
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

/** {@code render}: the timeline of a scenario as a PNG or SVG picture, with no display. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Draws the scenario's timeline to a PNG or SVG file (title, legend, axis, rows or lanes, metrics).")
public final class RenderCommand implements Callable<Integer> {
    /** The largest run {@code render} draws: its trace is kept in memory. */
    public static final int MAX_REQUESTS = 200_000;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "A scenario file, or preset:NAME.")
    String scenarioArg;

    @Option(names = "--out", required = true, paramLabel = "FILE.png|FILE.svg", description = "The picture to write; the extension picks the format.")
    Path out;

    @Option(names = "--compare", description = "Draw the same requests under each compare variant of the file (or sync and event-loop), stacked on one time axis.")
    boolean compare;

    @Option(names = "--view", paramLabel = "requests|workers", defaultValue = "requests", description = "One row per request, or one lane per thread, loop and core.")
    String view;

    @Option(names = "--width", paramLabel = "PX", defaultValue = "1600", description = "Logical width in pixels (480 to 20000).")
    int width;

    @Option(names = "--scale", paramLabel = "S", defaultValue = "1", description = "Pixel density for slides and projectors: 1, 2 or 3 (1 to 4).")
    double scale;

    @Option(names = "--code", description = "Add the request types' handlers as Python under the timeline (the first two variants side by side with --compare).")
    boolean code;

    @Override
    public Integer call() throws IOException {
        String format = OutputPaths.pictureFormat("--out", out);
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
        byte[] bytes;
        try {
            bytes = code ? withCode(export, traces, format)
                    : format.equals("png") ? export.png(scale) : export.svg(scale).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        AtomicOutput.write(out, bytes);
        double pictureHeight = code ? Math.ceil(export.height() + codePanel(traces).height()) : export.height();
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(Locale.ROOT, "wrote %s (%d x %d)%n", out, Math.round(export.width() * scale), Math.round(pictureHeight * scale));
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
