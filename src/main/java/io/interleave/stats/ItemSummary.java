package io.interleave.stats;

import io.interleave.trace.ItemRecord;
import java.util.List;

/**
 * The items of a program of tasks in figures: how many were made, consumed
 * and left in their queues, and the item latency (from the moment an item is
 * made to the moment its consumer finishes processing it) of the consumed
 * ones: mean, min, p50, p95, max, and the latency of the first and of the
 * last item (in the order they were put). NaN where there is nothing to
 * measure.
 *
 * @param made items put on a queue
 * @param consumed items a consumer got
 * @param left items nobody got
 */
public record ItemSummary(int made, int consumed, int left, double meanMs, double minMs, double p50Ms, double p95Ms,
                          double maxMs, double firstMs, double lastMs) {

    /** The figures of {@code items} (in id order). */
    public static ItemSummary of(List<ItemRecord> items) {
        List<ItemRecord> consumed = items.stream().filter(ItemRecord::consumed).toList();
        double[] latencies = consumed.stream().mapToDouble(ItemRecord::latencyMs).toArray();
        int left = items.size() - consumed.size();
        if (latencies.length == 0) {
            return new ItemSummary(items.size(), 0, left, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN);
        }
        double sum = 0;
        for (double l : latencies) {
            sum += l;
        }
        Percentiles p = Percentiles.of(latencies.clone());
        return new ItemSummary(items.size(), consumed.size(), left, sum / latencies.length, p.min(), p.at(50), p.at(95), p.max(),
                latencies[0], latencies[latencies.length - 1]);
    }
}
