package io.interleave.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.interleave.scenario.Scenario;
import io.interleave.stats.ItemSummary;
import io.interleave.trace.ItemRecord;
import io.interleave.trace.RunTotals;
import io.interleave.trace.TaskRecord;
import io.interleave.trace.TraceListener;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code simulate} says about a program of tasks: the {@code items}
 * object of the summary and the lines of {@code --items FILE.csv}. As a
 * listener it keeps the run's items and the names of its tasks.
 */
final class ProgramOutput implements TraceListener {
    /** The header of {@code --items}: one line per item, in the order the items were put. */
    static final String ITEMS_HEADER = "item,queue,producer,consumer,madeMs,putMs,gotMs,doneMs,latencyMs,queuedMs";

    private final List<ItemRecord> items = new ArrayList<>();
    private final Map<Integer, String> names = new HashMap<>();

    @Override
    public boolean wantsSpans() {
        return false;
    }

    @Override
    public void item(ItemRecord item) {
        items.add(item);
    }

    @Override
    public void task(TaskRecord task) {
        names.put(task.id(), task.name());
    }

    /** The run's items, in id order. */
    List<ItemRecord> items() {
        List<ItemRecord> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparingInt(ItemRecord::id));
        return sorted;
    }

    /** The {@code items} object of one summary: counts, item latency and the run's makespan. */
    void writeJson(JsonGenerator g, RunTotals totals) throws IOException {
        ItemSummary s = ItemSummary.of(items());
        g.writeObjectFieldStart("items");
        g.writeNumberField("made", s.made());
        g.writeNumberField("consumed", s.consumed());
        g.writeNumberField("left", s.left());
        g.writeObjectFieldStart("latencyMs");
        number(g, "mean", s.meanMs());
        number(g, "min", s.minMs());
        number(g, "p50", s.p50Ms());
        number(g, "p95", s.p95Ms());
        number(g, "max", s.maxMs());
        number(g, "first", s.firstMs());
        number(g, "last", s.lastMs());
        g.writeEndObject();
        number(g, "makespanMs", totals.endMs());
        g.writeEndObject();
    }

    /** The lines of {@code --items} for this run ({@code variant} appended with {@code --compare}, else null). */
    void writeCsv(Writer out, Scenario scenario, String variant) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (ItemRecord i : items()) {
            sb.setLength(0);
            sb.append(i.id()).append(',').append(CsvWriters.csvText(scenario.queues().get(i.queue()).name())).append(',')
                    .append(CsvWriters.csvText(names.getOrDefault(i.producer(), "task " + i.producer()))).append(',')
                    .append(i.consumed() ? CsvWriters.csvText(names.getOrDefault(i.consumer(), "task " + i.consumer())) : "").append(',')
                    .append(ms(i.madeMs())).append(',').append(ms(i.putMs())).append(',').append(ms(i.gotMs())).append(',')
                    .append(ms(i.doneMs())).append(',').append(ms(i.latencyMs())).append(',').append(ms(i.queuedMs()));
            if (variant != null) {
                sb.append(',').append(CsvWriters.csvText(variant));
            }
            out.write(sb.append('\n').toString());
        }
    }

    private static String ms(double v) {
        if (!Double.isFinite(v)) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        Numbers.append(b, v);
        return b.toString();
    }

    private static void number(JsonGenerator g, String name, double v) throws IOException {
        if (Double.isFinite(v)) {
            g.writeNumberField(name, v);
        } else {
            g.writeNullField(name);
        }
    }
}
