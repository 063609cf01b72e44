package io.interleave.cli;

import io.interleave.scenario.Scenario;
import io.interleave.trace.CsvColumns;
import io.interleave.trace.RequestRecord;
import io.interleave.trace.SpanState;
import io.interleave.trace.TraceListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/** Streams the per-request and per-span CSV files of SPEC section 4 while the engine runs. */
public final class CsvWriters {
    public static final String REQUEST_HEADER = CsvColumns.REQUESTS;
    public static final String SPAN_HEADER = CsvColumns.SPANS;

    private CsvWriters() {
    }

    /** One line per request (completed or rejected), in the order they end. */
    public static TraceListener requests(Writer out, Scenario scenario) throws IOException {
        boolean timeouts = hasTimeout(scenario);
        out.write(REQUEST_HEADER + (timeouts ? ",gaveUpMs,wastedCpuMs" : ""));
        out.write('\n');
        return requestRows(out, scenario, "", timeouts);
    }

    /**
     * One line per request, without a header, each ending with a
     * {@code variant} cell holding {@code variant} (when compare runs write
     * every variant to one file under {@link #REQUEST_HEADER}{@code ,variant});
     * a null {@code variant} adds no cell (a single run).
     */
    public static TraceListener requests(Writer out, Scenario scenario, String variant) {
        return requests(out, scenario, variant, false);
    }

    /**
     * As {@link #requests(Writer, Scenario, String)}, then, with {@code timeoutColumns} (a run whose
     * scenario has a client timeout), two trailing cells: {@code gaveUpMs} (when the client gave up,
     * for a request that timed out or was cancelled; else empty) and {@code wastedCpuMs} (core time
     * spent on it after that).
     */
    public static TraceListener requests(Writer out, Scenario scenario, String variant, boolean timeoutColumns) {
        return requestRows(out, scenario, variant == null ? "" : "," + csvText(variant), timeoutColumns);
    }

    /** Whether a scenario has a client timeout anywhere (its CSV files then end with the timeout columns). */
    public static boolean hasTimeout(Scenario scenario) {
        return scenario.requestTypes().stream().anyMatch(io.interleave.scenario.RequestType::hasTimeout);
    }

    private static TraceListener requestRows(Writer out, Scenario scenario, String suffix, boolean timeoutColumns) {
        double[] timeouts = scenario.requestTypes().stream().mapToDouble(t -> t.timeoutMs().orElse(Double.NaN)).toArray();
        String[] typeNames = scenario.requestTypes().stream().map(t -> csvText(t.name())).toArray(String[]::new);
        StringBuilder line = new StringBuilder(128);
        return new TraceListener() {
            @Override
            public boolean wantsSpans() {
                return false;
            }

            @Override
            public void request(RequestRecord r) {
                line.setLength(0);
                line.append(r.id()).append(',').append(typeNames[r.type()]).append(',');
                Numbers.append(line, r.arrivalMs());
                line.append(',');
                if (!r.rejected()) {
                    Numbers.append(line, r.startMs());
                    line.append(',');
                    Numbers.append(line, r.finishMs());
                    line.append(',');
                    Numbers.append(line, r.responseMs());
                    line.append(',');
                    Numbers.append(line, r.queueMs());
                } else {
                    line.append(",,,");
                }
                line.append(',');
                Numbers.append(line, r.computeMs());
                line.append(',');
                Numbers.append(line, r.waitMs());
                line.append(',').append(r.status().csvName()).append(',');
                r.worker().ifPresent(line::append);
                line.append(suffix);
                if (timeoutColumns) {
                    line.append(',');
                    if (r.timedOut()) {
                        Numbers.append(line, r.arrivalMs() + timeouts[r.type()]);
                    }
                    line.append(',');
                    Numbers.append(line, r.wastedCpuMs());
                }
                line.append('\n');
                write(out, line);
            }
        };
    }

    /** One line per span, in the order they close. */
    public static TraceListener spans(Writer out) throws IOException {
        out.write(SPAN_HEADER);
        out.write('\n');
        return spanRows(out, "", false, false, false);
    }

    /** One line per span, without a header, each ending with a {@code variant} cell (compare runs). */
    public static TraceListener spans(Writer out, String variant) {
        return spans(out, variant, false);
    }

    /**
     * One line per span, without a header: a {@code variant} cell when
     * {@code variant} is not null, then, with {@code poolColumn}, a
     * trailing {@code poolThread} cell (the pool thread an offloaded call
     * held, from 0; empty for every other span).
     */
    public static TraceListener spans(Writer out, String variant, boolean poolColumn) {
        return spans(out, variant, poolColumn, false);
    }

    /**
     * As {@link #spans(Writer, String, boolean)}, then, with {@code branchColumn}
     * (a run whose scenario has a gather), a trailing {@code branch} cell: the
     * branch of the gather the span belongs to, from 0; empty for the
     * request's own spans.
     */
    public static TraceListener spans(Writer out, String variant, boolean poolColumn, boolean branchColumn) {
        return spans(out, variant, poolColumn, branchColumn, false);
    }

    /**
     * As {@link #spans(Writer, String, boolean, boolean)}, then, with {@code wastedColumn} (a run
     * whose scenario has a client timeout), a trailing {@code wasted} cell: {@code true} for a span
     * after the request's client gave up (work done for nobody), else {@code false}.
     */
    public static TraceListener spans(Writer out, String variant, boolean poolColumn, boolean branchColumn, boolean wastedColumn) {
        return spanRows(out, variant == null ? "" : "," + csvText(variant), poolColumn, branchColumn, wastedColumn);
    }

    /** Whether a scenario has a gather anywhere (its spans CSV then ends with a {@code branch} column). */
    public static boolean hasGather(io.interleave.scenario.Scenario scenario) {
        return scenario.requestTypes().stream().anyMatch(t -> t.segments().stream().anyMatch(io.interleave.scenario.Segment::isGather));
    }

    private static TraceListener spanRows(Writer out, String suffix, boolean poolColumn, boolean branchColumn, boolean wastedColumn) {
        StringBuilder line = new StringBuilder(96);
        return new TraceListener() {
            @Override
            public void span(int requestId, SpanState state, double startMs, double endMs,
                             int worker, int poolThread, int core, int segment, boolean holdsWorker) {
                span(requestId, state, startMs, endMs, worker, poolThread, core, segment, -1, holdsWorker, false);
            }

            @Override
            public void span(int requestId, SpanState state, double startMs, double endMs,
                             int worker, int poolThread, int core, int segment, int branch, boolean holdsWorker) {
                span(requestId, state, startMs, endMs, worker, poolThread, core, segment, branch, holdsWorker, false);
            }

            @Override
            public void span(int requestId, SpanState state, double startMs, double endMs,
                             int worker, int poolThread, int core, int segment, int branch, boolean holdsWorker, boolean wasted) {
                line.setLength(0);
                line.append(requestId).append(',').append(state.csvName()).append(',');
                Numbers.append(line, startMs);
                line.append(',');
                Numbers.append(line, endMs);
                line.append(',');
                if (worker >= 0) {
                    line.append(worker);
                }
                line.append(',');
                if (core >= 0) {
                    line.append(core);
                }
                line.append(suffix);
                if (poolColumn) {
                    line.append(',');
                    if (poolThread >= 0) {
                        line.append(poolThread);
                    }
                }
                if (branchColumn) {
                    line.append(',');
                    if (branch >= 0) {
                        line.append(branch);
                    }
                }
                if (wastedColumn) {
                    line.append(',').append(wasted);
                }
                line.append('\n');
                write(out, line);
            }
        };
    }

    /** Quotes a text cell if it holds a comma, quote or line break. */
    static String csvText(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    private static void write(Writer out, CharSequence line) {
        try {
            out.append(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
