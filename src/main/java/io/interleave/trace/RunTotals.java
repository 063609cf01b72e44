package io.interleave.trace;

/**
 * Whole-run figures the engine accumulates as it goes.
 *
 * @param firstArrivalMs the first arrival
 * @param endMs the last finish (or rejection)
 * @param busyCoreMs core time spent computing, summed over cores
 * @param busyWorkerMs time threads or loops were occupied, summed over workers
 * @param maxInFlight most requests accepted and not yet finished at one instant
 * @param events events the engine processed
 */
public record RunTotals(double firstArrivalMs, double endMs, double busyCoreMs, double busyWorkerMs,
                        int maxInFlight, long events) {

    /** The observed window, from the first arrival to the last finish. */
    public double makespanMs() {
        return Math.max(0, endMs - firstArrivalMs);
    }
}
