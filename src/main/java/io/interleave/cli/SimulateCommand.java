package io.interleave.cli;

import io.interleave.files.AtomicOutput;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.interleave.engine.Simulation;
import io.interleave.scenario.Arrivals;
import io.interleave.scenario.Limits;
import io.interleave.scenario.Policy;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.Server;
import io.interleave.scenario.Variant;
import io.interleave.stats.Summary;
import io.interleave.stats.SummaryCollector;
import io.interleave.trace.RunTotals;
import io.interleave.trace.TraceListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code simulate}: runs a scenario and prints its summary as JSON. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Runs a scenario and prints a JSON summary on stdout.")
public final class SimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "A scenario file, or preset:NAME.")
    String scenarioArg;

    @Option(names = "--policy", paramLabel = "sync|event-loop|event-loop+pool", description = "Override the server's policy.")
    String policy;

    @Option(names = "--workers", paramLabel = "N", description = "Override threads (sync) or event loops.")
    Integer workers;

    @Option(names = "--cores", paramLabel = "N", description = "Override CPU cores.")
    Integer cores;

    @Option(names = "--processes", paramLabel = "N", description = "Override the worker processes (sync: each of --workers threads).")
    Integer processes;

    @Option(names = "--gil", paramLabel = "true|false", description = "Override whether each process has a GIL (true: CPython; false: free-threaded).")
    String gil;

    @Option(names = "--switch-interval", paramLabel = "MS", description = "Override the GIL's switch interval in milliseconds (CPython: 5).")
    Double switchInterval;

    @Option(names = "--seed", paramLabel = "N", description = "Override the random seed.")
    Long seed;

    @Option(names = "--count", paramLabel = "N", description = "Override the number of requests (not for explicit arrivals).")
    Integer count;

    @Option(names = "--rate", paramLabel = "R", description = "Override the arrival rate per second (poisson and uniform arrivals).")
    Double rate;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "0", description = "Leave the first N requests out of the statistics.")
    int warmup;

    @Option(names = "--compare", description = "Run every compare variant of the file (or sync and event-loop) on the same requests and print a JSON array of summaries, one per variant.")
    boolean compare;

    @Option(names = "--requests", paramLabel = "OUT.csv", description = "Write one CSV line per request.")
    Path requestsCsv;

    @Option(names = "--spans", paramLabel = "OUT.csv", description = "Write one CSV line per state span.")
    Path spansCsv;

    @Option(names = "--items", paramLabel = "OUT.csv", description = "Write one CSV line per item of a program of tasks.")
    Path itemsCsv;

    @Override
    public Integer call() throws IOException {
        if (compare) {
            refuseWithCompare("--policy", policy);
            refuseWithCompare("--workers", workers);
            refuseWithCompare("--cores", cores);
            refuseWithCompare("--processes", processes);
            refuseWithCompare("--gil", gil);
            refuseWithCompare("--switch-interval", switchInterval);
        }
        Scenario scenario = Overrides.interpreter(Overrides.apply(ScenarioSource.load(scenarioArg), policy, workers, cores, seed, count, rate),
                processes, gil, switchInterval);
        int total = scenario.arrivals().count();
        if (warmup < 0 || warmup >= total && !(total == 0 && warmup == 0)) { // a program of tasks may have no requests
            throw new UsageException("--warmup: must be at least 0 and less than the number of requests (" + total + "), was " + warmup);
        }
        if (requestsCsv != null) {
            OutputPaths.writable("--requests", requestsCsv);
            OutputPaths.notTheInput("--requests", requestsCsv, scenarioArg);
        }
        if (spansCsv != null) {
            OutputPaths.writable("--spans", spansCsv);
            OutputPaths.notTheInput("--spans", spansCsv, scenarioArg);
        }
        if (itemsCsv != null) {
            if (!scenario.hasTasks()) {
                throw new UsageException("--items: this scenario has no tasks, so no items; leave --items out");
            }
            OutputPaths.writable("--items", itemsCsv);
            OutputPaths.notTheInput("--items", itemsCsv, scenarioArg);
        }
        OutputPaths.distinct(requestsCsv, spansCsv, itemsCsv);

        // One run of the file's server, or one per compare variant on the same requests.
        List<Scenario> runs = compare ? scenario.compareVariants().stream().map(scenario::under).toList() : List.of(scenario);
        List<String> labels = compare ? scenario.compareVariants().stream().map(Variant::label).toList() : null;
        List<Summary> summaries = new ArrayList<>();
        List<io.interleave.stats.Background> backgrounds = new ArrayList<>();
        List<ProgramOutput> programs = new ArrayList<>();
        List<RunTotals> allTotals = new ArrayList<>();
        try (AtomicOutput requestsOut = requestsCsv == null ? null : AtomicOutput.open(requestsCsv);
             AtomicOutput spansOut = spansCsv == null ? null : AtomicOutput.open(spansCsv);
             AtomicOutput itemsOut = itemsCsv == null ? null : AtomicOutput.open(itemsCsv)) {
            if (itemsOut != null) {
                itemsOut.writer().write(ProgramOutput.ITEMS_HEADER + (compare ? ",variant" : "") + "\n");
            }
            // A scenario with a client timeout adds trailing gaveUpMs,wastedCpuMs (requests) and wasted (spans) columns.
            boolean timeoutColumns = runs.stream().anyMatch(CsvWriters::hasTimeout);
            if (requestsOut != null) {
                requestsOut.writer().write(CsvWriters.REQUEST_HEADER + (compare ? ",variant" : "")
                        + (timeoutColumns ? ",gaveUpMs,wastedCpuMs" : "") + "\n");
            }
            // A run with a thread pool adds a trailing poolThread column; other files stay as SPEC section 4 has them.
            boolean poolColumn = runs.stream().anyMatch(r -> r.server().policy().hasPool());
            // A scenario with a gather adds a trailing branch column after that.
            boolean branchColumn = runs.stream().anyMatch(CsvWriters::hasGather);
            if (spansOut != null) {
                spansOut.writer().write(CsvWriters.SPAN_HEADER + (compare ? ",variant" : "") + (poolColumn ? ",poolThread" : "")
                        + (branchColumn ? ",branch" : "") + (timeoutColumns ? ",wasted" : "") + "\n");
            }
            for (int i = 0; i < runs.size(); i++) {
                Scenario run = runs.get(i);
                String label = labels == null ? null : labels.get(i);
                SummaryCollector collector = new SummaryCollector(warmup, total);
                TraceListener listener = collector;
                if (requestsOut != null) {
                    listener = TraceListener.both(listener, CsvWriters.requests(requestsOut.writer(), run, label, timeoutColumns));
                }
                if (spansOut != null) {
                    listener = TraceListener.both(listener, CsvWriters.spans(spansOut.writer(), label, poolColumn, branchColumn, timeoutColumns));
                }
                ProgramOutput program = new ProgramOutput();
                if (run.hasTasks()) {
                    listener = TraceListener.both(listener, program);
                }
                RunTotals totals;
                try {
                    totals = Simulation.run(run, listener);
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
                summaries.add(collector.summarize(totals, run.server().workerCount(), run.server().cores()));
                backgrounds.add(collector.background());
                programs.add(program);
                allTotals.add(totals);
                if (itemsOut != null) {
                    program.writeCsv(itemsOut.writer(), run, label);
                }
            }
            StringWriter text = new StringWriter();
            try (JsonGenerator g = new JsonFactory().createGenerator(text)) {
                g.useDefaultPrettyPrinter();
                if (compare) {
                    g.writeStartArray();
                }
                for (int i = 0; i < runs.size(); i++) {
                    writeSummary(g, runs.get(i), summaries.get(i), labels == null ? null : labels.get(i),
                            runs.get(i).hasTasks() ? programs.get(i) : null, allTotals.get(i),
                            runs.get(i).hasSpawns() ? backgrounds.get(i) : null);
                }
                if (compare) {
                    g.writeEndArray();
                }
            }
            AtomicOutput.commitAll(java.util.Arrays.asList(requestsOut, spansOut, itemsOut));
            PrintWriter out = spec.commandLine().getOut();
            out.print(text + "\n");
            out.flush();
        }
        return 0;
    }

    private static void refuseWithCompare(String flag, Object value) {
        if (value != null) {
            throw new UsageException(flag + ": cannot be combined with --compare, which runs the server settings of each variant in the file; "
                    + "set them in the file's \"variants\" or drop --compare");
        }
    }

    /** One summary object with exactly the keys of SPEC section 4, in that order; with a compare variant, its label follows under {@code variant}. */
    private static void writeSummary(JsonGenerator g, Scenario scenario, Summary s, String variant, ProgramOutput program,
                                     RunTotals totals, io.interleave.stats.Background background) throws IOException {
        g.writeStartObject();
        g.writeStringField("scenario", scenario.name());
        g.writeStringField("policy", scenario.server().policy().jsonName());
        g.writeNumberField("workers", scenario.server().workers());
        g.writeNumberField("cores", scenario.server().cores());
        g.writeNumberField("seed", scenario.seed());
        g.writeNumberField("requests", s.requests());
        g.writeNumberField("completed", s.completed());
        g.writeNumberField("rejected", s.rejected());
        number(g, "makespanMs", s.makespanMs());
        number(g, "throughputPerSec", s.throughputPerSec());
        g.writeObjectFieldStart("responseMs");
        number(g, "mean", s.response().mean());
        number(g, "min", s.response().min());
        number(g, "p50", s.response().p50());
        number(g, "p90", s.response().p90());
        number(g, "p95", s.response().p95());
        number(g, "p99", s.response().p99());
        number(g, "max", s.response().max());
        g.writeEndObject();
        g.writeObjectFieldStart("queueMs");
        boolean none = s.requests() == 0; // a program of tasks without requests: no request figures
        number(g, "mean", none ? Double.NaN : s.queueMeanMs());
        number(g, "max", none ? Double.NaN : s.queueMaxMs());
        g.writeEndObject();
        number(g, "cpuUtilization", s.cpuUtilization());
        number(g, "workerUtilization", s.workerUtilization());
        g.writeNumberField("maxInFlight", s.maxInFlight());
        g.writeNumberField("events", s.events());
        g.writeNumberField("timedOut", s.timedOut());
        number(g, "goodputPerSec", s.goodputPerSec());
        number(g, "wastedCpuMs", s.wastedCpuMs());
        if (program != null) {
            program.writeJson(g, totals);
        }
        if (background != null) { // a scenario with spawn segments: its background tasks, apart from the requests
            g.writeNumberField("backgroundTasks", background.tasks());
            number(g, "backgroundCpuMs", background.cpuMs());
            number(g, "backgroundMeanMs", background.meanMs());
            number(g, "backgroundMaxMs", background.maxMs());
            g.writeNumberField("backgroundOutlived", background.outlived());
        }
        if (variant != null) {
            g.writeStringField("variant", variant);
        }
        g.writeEndObject();
    }

    /** JSON has no NaN: a statistic of nothing is null. */
    private static void number(JsonGenerator g, String name, double v) throws IOException {
        if (Double.isFinite(v)) {
            g.writeNumberField(name, v);
        } else {
            g.writeNullField(name);
        }
    }

    /** Applies the command-line overrides shared by the commands. */
    static final class Overrides {
        private Overrides() {
        }

        static Scenario apply(Scenario scenario, String policy, Integer workers, Integer cores,
                              Long seed, Integer count, Double rate) {
            Server server = scenario.server();
            if (policy != null) {
                Policy chosen = Policy.fromJson(policy).orElseThrow(() ->
                        new UsageException("--policy: must be " + policyNames() + ", was '" + policy + "'"));
                server = fits("--policy", chosen, server::withPolicy);
            }
            if (workers != null) {
                requireRange("--workers", workers, 1, Limits.MAX_WORKERS);
                server = fits("--workers", workers, server::withWorkers);
            }
            if (cores != null) {
                requireRange("--cores", cores, 1, Limits.MAX_CORES);
                server = fits("--cores", cores, server::withCores);
            }
            Scenario out;
            try {
                out = scenario.withServer(server);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--policy, --workers or --cores: the server they give does not fit this scenario ("
                        + e.getMessage() + ")");
            }
            if (seed != null) {
                out = fits("--seed", seed, out::withSeed);
            }
            if (count != null) {
                requireRange("--count", count, 1, Limits.MAX_REQUESTS);
                if (out.arrivals() instanceof Arrivals.Explicit) {
                    throw new UsageException("--count: this scenario lists its arrivals explicitly; --count applies to poisson, uniform, burst and closed arrivals");
                }
                Scenario before = out;
                out = fits("--count", count, n -> before.withArrivals(before.arrivals().withCount(n)));
            }
            if (rate != null) {
                if (!(rate >= Limits.MIN_RATE_PER_SEC && rate <= Limits.MAX_RATE_PER_SEC)) {
                    throw new UsageException("--rate: " + rateRule() + ", was " + Numbers.plain(rate));
                }
                Scenario before = out;
                out = fits("--rate", rate, r -> before.withArrivals(withRate(before.arrivals(), r)));
            }
            return out;
        }

        /** Applies --processes, --gil and --switch-interval (issue 14), each checked with the server's own rules. */
        static Scenario interpreter(Scenario scenario, Integer processes, String gil, Double switchInterval) {
            Server server = scenario.server();
            if (processes != null) {
                requireRange("--processes", processes, 1, Limits.MAX_WORKERS);
                server = fits("--processes", processes, server::withProcesses);
            }
            if (gil != null) {
                if (!gil.equals("true") && !gil.equals("false")) {
                    throw new UsageException("--gil: must be true or false, was '" + gil + "'");
                }
                server = fits("--gil", Boolean.parseBoolean(gil), server::withGil);
            }
            if (switchInterval != null) {
                server = fits("--switch-interval", switchInterval, server::withSwitchIntervalMs);
            }
            Server chosen = server;
            return fits("--processes, --gil or --switch-interval", chosen, scenario::withServer);
        }

        /**
         * A flag's value applied to the scenario; a rule of the scenario it
         * breaks (an {@link IllegalArgumentException} of a record, such as a
         * rate so low that the arrivals' interval passes its bound) is bad
         * input naming the flag, never an unexpected failure.
         */
        private static <V, T> T fits(String flag, V value, java.util.function.Function<V, T> apply) {
            try {
                return apply.apply(value);
            } catch (IllegalArgumentException e) {
                String shown = value instanceof Double d ? Numbers.plain(d) : String.valueOf(value);
                throw new UsageException(flag + ": " + shown + " does not fit this scenario (" + e.getMessage() + ")");
            }
        }

        /** "sync, event-loop or event-loop+pool": every policy's name, from the policies themselves. */
        static String policyNames() {
            java.util.List<String> names = java.util.Arrays.stream(Policy.values()).map(Policy::jsonName).toList();
            return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
        }

        /** "must be between 0.1 and 10000000 per second": the bounds of a rate, for --rate and --rates. */
        static String rateRule() {
            return "must be between " + Limits.MIN_RATE_PER_SEC + " and " + (long) Limits.MAX_RATE_PER_SEC + " per second";
        }

        static Arrivals withRate(Arrivals arrivals, double rate) {
            if (!arrivals.hasRate()) {
                throw new UsageException("--rate: applies to poisson and uniform arrivals; this scenario's arrivals are '" + arrivals.pattern() + "'");
            }
            return arrivals.withRatePerSec(rate);
        }

        private static void requireRange(String flag, long value, long min, long max) {
            if (value < min || value > max) {
                throw new UsageException(flag + ": must be between " + min + " and " + max + ", was " + value);
            }
        }
    }
}
