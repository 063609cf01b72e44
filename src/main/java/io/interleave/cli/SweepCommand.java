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

    @Option(names = "--rates", required = true, paramLabel = "START:STOP:STEP", description = "Arrival rates per second from START to STOP (inclusive) by STEP, e.g. 10:200:10;"
            + " at most " + MAX_RATES + " rates, STOP at most 10000000.")
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
        if (scenario.hasTasks()) {
            throw new UsageException("sweep does not sweep a program of tasks (its tasks have no arrival rate); use simulate");
        }
        Scenario swept = Sweep.prepare(scenario, requests != null ? requests : Sweep.defaultRequests(scenario));
        ratesFit(swept, rateList);
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

    /** The most rates one sweep runs. */
    static final int MAX_RATES = 10_000;

    /**
     * The rates of {@code --rates START:STOP:STEP}, checked as a grid before
     * anything runs: START > 0, STOP >= START, STOP at most
     * {@link Limits#MAX_RATE_PER_SEC}, STEP > 0 and large enough to move
     * from one rate to the next (START + STEP != START in a double), and at
     * most {@value #MAX_RATES} rates. Every message names {@code --rates} and
     * shows the numbers as written.
     */
    static List<Double> parseRates(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length != 3) {
            throw new UsageException("--rates: must be START:STOP:STEP such as 10:200:10, was '" + text + "'");
        }
        String[] names = {"START", "STOP", "STEP"};
        double[] v = new double[3];
        for (int i = 0; i < 3; i++) {
            try {
                v[i] = Numbers.number(parts[i].strip());
            } catch (IllegalArgumentException e) {
                throw new UsageException("--rates: " + names[i] + " " + e.getMessage() + " (in '" + text + "')");
            }
        }
        double start = v[0];
        double stop = v[1];
        double step = v[2];
        if (!(start > 0)) {
            throw new UsageException("--rates: START must be > 0, was " + parts[0].strip());
        }
        if (!(stop >= start)) {
            throw new UsageException("--rates: STOP must be at least START (" + parts[0].strip() + "), was " + parts[1].strip());
        }
        if (stop > Limits.MAX_RATE_PER_SEC) {
            throw new UsageException("--rates: STOP must be at most " + Numbers.format(Limits.MAX_RATE_PER_SEC)
                    + " per second, was " + parts[1].strip());
        }
        if (!(step > 0)) {
            throw new UsageException("--rates: STEP must be > 0, was " + parts[2].strip());
        }
        if (start + step == start) {
            throw new UsageException("--rates: STEP " + parts[2].strip() + " is too small to move from " + parts[0].strip()
                    + " to a next rate");
        }
        double points = Math.floor((stop - start) / step + 1e-9) + 1; // a double: never overflows
        if (points > MAX_RATES) {
            throw new UsageException("--rates: at most " + MAX_RATES + " rates, was "
                    + (points < 1e15 ? Long.toString((long) points) : "about " + String.format(java.util.Locale.ROOT, "%.1e", points))
                    + "; use a larger STEP");
        }
        List<Double> out;
        try {
            out = Sweep.rates(start, stop, step);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--rates: " + e.getMessage());
        }
        for (int i = 1; i < out.size(); i++) {
            if (!(out.get(i) > out.get(i - 1))) {
                throw new UsageException("--rates: STEP " + parts[2].strip() + " is too small: rates near "
                        + out.get(i) + " would repeat");
            }
        }
        return out;
    }

    /**
     * Fails naming {@code --rates} if some rate gives arrivals that break a
     * rule of the scenario (e.g. uniform arrivals so rare that their interval
     * passes its bound), before any run starts.
     */
    static void ratesFit(Scenario swept, List<Double> rates) {
        for (double rate : rates) {
            for (io.interleave.scenario.Variant v : swept.compareVariants()) {
                try {
                    Sweep.atRate(swept.under(v), rate);
                } catch (IllegalArgumentException e) {
                    throw new UsageException("--rates: the rate " + Numbers.plain(rate) + " per second does not fit this scenario ("
                            + e.getMessage() + ")");
                }
            }
        }
    }

    /** Every swept rate within the bounds of an arrival rate (SimulateCommand's --rate has the same). */
    static void requireRateBounds(List<Double> rateList) {
        for (double r : rateList) {
            if (!(r >= Limits.MIN_RATE_PER_SEC && r <= Limits.MAX_RATE_PER_SEC)) {
                throw new UsageException("--rates: every rate " + SimulateCommand.Overrides.rateRule() + ", was " + Numbers.plain(r));
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
