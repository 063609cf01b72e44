package io.interleave.stats;

/**
 * The statistics {@code simulate} prints (SPEC section 4), for the requests
 * after the warm-up.
 *
 * @param requests requests counted (after warm-up)
 * @param completed of those, completed
 * @param rejected of those, rejected
 * @param makespanMs from the first arrival to the last finish of the whole run
 * @param throughputPerSec requests completed in the whole run per second of makespan (warm-up included, like the makespan)
 * @param response response times of completed requests
 * @param queueMeanMs mean time from arrival to start
 * @param queueMaxMs longest time from arrival to start
 * @param cpuUtilization busy core time / (cores x makespan)
 * @param workerUtilization occupied thread or loop time / (workers x makespan)
 * @param maxInFlight most requests accepted and unfinished at once
 * @param events events processed by the engine
 */
public record Summary(long requests, long completed, long rejected, double makespanMs, double throughputPerSec,
                      Response response, double queueMeanMs, double queueMaxMs,
                      double cpuUtilization, double workerUtilization, int maxInFlight, long events) {

    /** Response-time statistics in milliseconds; NaN when nothing completed. */
    public record Response(double mean, double min, double p50, double p90, double p95, double p99, double max) {
    }
}
