package io.interleave.cli;

import io.interleave.files.AtomicOutput;
import io.interleave.render.Palette;
import io.interleave.render.SweepChart;
import io.interleave.scenario.Limits;
import io.interleave.scenario.Scenario;
import java.nio.charset.StandardCharsets;
import io.interleave.stats.Sweep;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sweep}: the current mix at each arrival rate under each compare variant. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Runs the scenario's mix at each arrival rate under each compare variant (the file's variants, or sync"
                + " and the event loop) and writes a CSV.")
public final class SweepCommand implements Callable<Integer> {
    public static final String HEADER = "policy,ratePerSec,meanResponseMs,ciLowMs,ciHighMs,p95Ms,throughputPerSec,cpuUtilization,rejected,variant";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "A scenario file, or preset:NAME. Explicit, burst and closed"
            + " arrivals are swept as Poisson arrivals with the same mix.")
    String scenarioArg;

    @Option(names = "--rates", required = true, paramLabel = "START:STOP:STEP", description = "Arrival rates per second, e.g. 10:200:10.")
    String rates;

    @Option(names = "--replications", paramLabel = "R", defaultValue = "1", description = "Independent runs per point (seeds seed..seed+R-1); 2 or more give a 95%% confidence interval.")
    int replications;

    @Option(names = "--requests", paramLabel = "N", description = "Requests per run (default: the scenario's count for poisson or"
            + " uniform arrivals but at least " + Sweep.DEFAULT_REQUESTS + ", else " + Sweep.DEFAULT_REQUESTS + ").")
    Integer requests;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "The CSV to write.")
    Path out;

    @Option(names = "--chart", paramLabel = "FILE.png|FILE.svg", description = "Also draw response time against rate for each variant, marking where each saturates.")
    Path chart;

    @Override
    public Integer call() throws IOException {
        List<Double> rateList = parseRates(rates);
        requireRateBounds(rateList);
        if (replications < 1 || replications > 1000) {
            throw new UsageException("--replications: must be between 1 and 1000, was " + replications);
        }
        if (requests != null && (requests < 1 || requests > Limits.MAX_REQUESTS)) {
            throw new UsageException("--requests: must be between 1 and " + Limits.MAX_REQUESTS + ", was " + requests);
        }
        if (!"csv".equals(OutputPaths.extension(out))) {
            throw new UsageException("--out: must name a .csv file, was " + out);
        }
        OutputPaths.writable("--out", out);
        OutputPaths.notTheInput("--out", out, scenarioArg);
        if (chart != null) {
            OutputPaths.pictureFormat("--chart", chart);
            OutputPaths.writable("--chart", chart);
            OutputPaths.notTheInput("--chart", chart, scenarioArg);
            OutputPaths.distinct(out, chart);
        }
        Scenario scenario = ScenarioSource.load(scenarioArg);
        Scenario swept = Sweep.prepare(scenario, requests != null ? requests : Sweep.defaultRequests(scenario));
        Sweep.Result result = Sweep.run(swept, rateList, replications, Runtime.getRuntime().availableProcessors());
        byte[] picture = chart == null ? null : chartBytes(swept, result);
        if (picture == null) {
            AtomicOutput.write(out, toCsv(result));
        } else {
            AtomicOutput.writeAll(List.of(out, chart), List.of(toCsv(result).getBytes(StandardCharsets.UTF_8), picture));
        }
        PrintWriter stdout = spec.commandLine().getOut();
        if (!scenario.arrivals().hasRate()) {
            stdout.printf("%s arrivals have no rate: swept as Poisson arrivals with the same mix (%s), %d requests per run%n",
                    scenario.arrivals().pattern(), Sweep.mixText(scenario), swept.arrivals().count());
        }
        for (Sweep.Series s : result.series()) {
            stdout.println(s.saturationText());
        }
        stdout.printf("wrote %d points to %s%s%n", result.points().size(), out, chart == null ? "" : " and the chart to " + chart);
        stdout.flush();
        return 0;
    }

    private byte[] chartBytes(Scenario scenario, Sweep.Result result) {
        SweepChart picture = new SweepChart(result, scenario.name(), 1200, 720, Palette.LIGHT);
        return OutputPaths.pictureFormat("--chart", chart).equals("png") ? picture.png(1) : picture.svg().getBytes(StandardCharsets.UTF_8);
    }

    static List<Double> parseRates(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length != 3) {
            throw new UsageException("--rates: must be START:STOP:STEP such as 10:200:10, was '" + text + "'");
        }
        double[] v = new double[3];
        for (int i = 0; i < 3; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new UsageException("--rates: '" + parts[i] + "' is not a number in '" + text + "'");
            }
        }
        try {
            return Sweep.rates(v[0], v[1], v[2]);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--rates: " + e.getMessage());
        }
    }

    /** Every swept rate within the bounds of an arrival rate (SimulateCommand's --rate has the same). */
    static void requireRateBounds(List<Double> rateList) {
        for (double r : rateList) {
            if (!(r >= Limits.MIN_RATE_PER_SEC && r <= Limits.MAX_RATE_PER_SEC)) {
                throw new UsageException("--rates: every rate " + SimulateCommand.Overrides.rateRule() + ", was " + r);
            }
        }
    }

    /** One row per variant and rate, variants in the scenario's order; {@code variant} (the label) last, quoted if needed. */
    static String toCsv(Sweep.Result result) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (Sweep.Point p : result.points()) {
            sb.append(p.policy().jsonName()).append(',');
            cell(sb, p.ratePerSec());
            cell(sb, p.meanResponseMs().mean());
            cell(sb, p.meanResponseMs().low());
            cell(sb, p.meanResponseMs().high());
            cell(sb, p.p95Ms());
            cell(sb, p.throughputPerSec());
            cell(sb, p.cpuUtilization());
            Numbers.append(sb, p.rejected());
            sb.append(',').append(CsvWriters.csvText(p.label())).append('\n');
        }
        return sb.toString();
    }

    private static void cell(StringBuilder sb, double v) {
        if (Double.isFinite(v)) {
            Numbers.append(sb, v);
        }
        sb.append(',');
    }
}
