package io.interleave.stats;

/**
 * The statistics {@code simulate} prints (SPEC section 4), for the requests
 * after the warm-up.
 *
 * @param requests requests counted (after warm-up)
 * @param completed of those, completed (within their timeout, for a type that has one)
 * @param rejected of those, rejected
 * @param makespanMs from the first arrival to the last finish of the whole run
 * @param throughputPerSec responses sent in the whole run per second of makespan (warm-up included, like the
 *                         makespan): the completed requests and those whose handler ended after the client gave
 *                         up (timed out, not cancelled)
 * @param response response times of completed requests (timed-out ones are left out: their clients had gone)
 * @param queueMeanMs mean time from arrival to start
 * @param queueMaxMs longest time from arrival to start
 * @param cpuUtilization busy core time / (cores x makespan)
 * @param workerUtilization occupied thread or loop time / (workers x makespan)
 * @param maxInFlight most requests accepted and unfinished at once
 * @param events events processed by the engine
 * @param timedOut of the requests counted, those whose client gave up (timed out or cancelled)
 * @param goodputPerSec requests completed within their timeout in the whole run per second of makespan (equal to
 *                      the throughput when no request timed out)
 * @param wastedCpuMs core time spent on the counted requests after their clients gave up
 */
public record Summary(long requests, long completed, long rejected, double makespanMs, double throughputPerSec,
                      Response response, double queueMeanMs, double queueMaxMs,
                      double cpuUtilization, double workerUtilization, int maxInFlight, long events,
                      long timedOut, double goodputPerSec, double wastedCpuMs) {

    /** A summary of a run where no client gave up: goodput is the throughput. */
    public Summary(long requests, long completed, long rejected, double makespanMs, double throughputPerSec,
                   Response response, double queueMeanMs, double queueMaxMs,
                   double cpuUtilization, double workerUtilization, int maxInFlight, long events) {
        this(requests, completed, rejected, makespanMs, throughputPerSec, response, queueMeanMs, queueMaxMs,
                cpuUtilization, workerUtilization, maxInFlight, events, 0, throughputPerSec, 0);
    }

    /** Response-time statistics in milliseconds; NaN when nothing completed. */
    public record Response(double mean, double min, double p50, double p90, double p95, double p99, double max) {
    }
}
