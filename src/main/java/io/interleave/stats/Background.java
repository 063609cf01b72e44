package io.interleave.stats;

/**
 * What a run's background tasks did (the tasks its requests started with a
 * spawn segment), kept apart from the requests: their response times,
 * throughput and queue times leave the tasks out, while the CPU they used
 * counts in the run's utilisation.
 *
 * @param tasks background tasks that ran to their end (every one started does, unless the run deadlocked)
 * @param cpuMs their total compute (core time)
 * @param meanMs their mean duration, from the spawn to their last step (NaN without tasks)
 * @param maxMs their longest duration (NaN without tasks)
 * @param outlived how many of them ended after the response of the request that started them
 */
public record Background(long tasks, double cpuMs, double meanMs, double maxMs, long outlived) {
    /** A run without background tasks. */
    public static final Background NONE = new Background(0, 0, Double.NaN, Double.NaN, 0);

    /**
     * What the background tasks among {@code tasks} that ended by {@code atMs} did (a program's tasks are
     * left out, and so, as in {@code simulate --warmup}, are the tasks of the first {@code warmup} requests);
     * with {@code atMs} infinite, the whole run's figures, the same as simulate's background keys.
     */
    public static Background of(java.util.List<io.interleave.trace.TaskRecord> tasks, int warmup, double atMs) {
        SummaryCollector c = new SummaryCollector(warmup, 0);
        for (io.interleave.trace.TaskRecord t : tasks) {
            if (t.finishMs() <= atMs) {
                c.task(t);
            }
        }
        return c.background();
    }

    public Background {
        if (tasks < 0 || !(cpuMs >= 0) || outlived < 0 || outlived > tasks) {
            throw new IllegalArgumentException("background tasks: counts and CPU must be >= 0 (outlived <= tasks), were "
                    + tasks + ", " + cpuMs + ", " + outlived);
        }
    }
}
