package io.interleave.app.files;

import io.interleave.trace.CsvColumns;
import io.interleave.trace.RequestRecord;
import io.interleave.trace.Trace;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The per-request results of the traces shown, as CSV: the command line's
 * columns ({@link CsvColumns#REQUESTS}) then {@code policy},
 * {@code aloneMs} (the response time alone on the server),
 * {@code slowdown} (response over alone; empty for rejected requests) and
 * {@code variant} (the run's label: a compare variant's, else the policy's
 * name). In compare mode each variant's rows follow in the variants' order.
 */
public final class ResultsCsv {
    public static final String HEADER = CsvColumns.REQUESTS + ",policy,aloneMs,slowdown,variant";

    private ResultsCsv() {
    }

    /** The whole file: the header and one line per request per trace, by request id. */
    public static String of(List<Trace> traces) {
        // a scenario with a client timeout adds gaveUpMs,wastedCpuMs at the end, as the command line does
        boolean timeouts = traces.stream().anyMatch(t -> t.scenario().requestTypes().stream().anyMatch(io.interleave.scenario.RequestType::hasTimeout));
        StringBuilder out = new StringBuilder(HEADER).append(timeouts ? ",gaveUpMs,wastedCpuMs" : "").append('\n');
        for (Trace trace : traces) {
            List<String> typeNames = trace.scenario().requestTypes().stream().map(t -> text(t.name())).toList();
            String policy = trace.scenario().server().policy().jsonName();
            String variant = text(trace.label());
            for (RequestRecord r : trace.requests()) {
                out.append(r.id()).append(',').append(typeNames.get(r.type())).append(',').append(number(r.arrivalMs())).append(',');
                if (!r.rejected()) {
                    out.append(number(r.startMs())).append(',').append(number(r.finishMs())).append(',')
                            .append(number(r.responseMs())).append(',').append(number(r.queueMs()));
                } else {
                    out.append(",,,");
                }
                out.append(',').append(number(r.computeMs())).append(',').append(number(r.waitMs()))
                        .append(',').append(r.status().csvName()).append(',');
                r.worker().ifPresent(out::append);
                out.append(',').append(policy).append(',').append(number(r.aloneMs())).append(',')
                        .append(number(r.slowdown())).append(',').append(variant);
                if (timeouts) {
                    double timeout = trace.scenario().requestTypes().get(r.type()).timeoutMs().orElse(Double.NaN);
                    out.append(',').append(r.timedOut() ? number(r.arrivalMs() + timeout) : "").append(',').append(number(r.wastedCpuMs()));
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** At most six decimals, no trailing zeros, no exponent (as the command line writes); empty for NaN. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (Double.isInfinite(v)) {
            return Double.toString(v);
        }
        BigDecimal d = BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.signum() == 0 ? "0" : d.toPlainString();
    }

    /** Quotes a text cell that holds a comma, quote or line break. */
    static String text(String s) {
        if (s.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
