package io.interleave.stats;

/**
 * Closed-form results for simple queues, in milliseconds and per-second
 * rates. Each method requires a stable queue (utilisation below 1).
 */
public final class QueueingTheory {
    private QueueingTheory() {
    }

    /** M/M/1 mean response time 1 / (mu - lambda). */
    public static double mm1MeanResponseMs(double arrivalsPerSec, double meanServiceMs) {
        double mu = 1000.0 / meanServiceMs;
        requireStable(arrivalsPerSec / mu);
        return 1000.0 / (mu - arrivalsPerSec);
    }

    /** M/M/1 response time is exponential with rate mu - lambda: its p-th percentile. */
    public static double mm1ResponsePercentileMs(double arrivalsPerSec, double meanServiceMs, double p) {
        double mu = 1000.0 / meanServiceMs;
        requireStable(arrivalsPerSec / mu);
        return -Math.log(1 - p / 100.0) * 1000.0 / (mu - arrivalsPerSec);
    }

    /** Erlang C: the probability that an arrival must wait, for c servers at offered load a = lambda / mu. */
    public static double erlangC(int c, double offeredLoad) {
        double rho = offeredLoad / c;
        requireStable(rho);
        // Erlang B by the stable recurrence, then C from B.
        double b = 1;
        for (int k = 1; k <= c; k++) {
            b = offeredLoad * b / (k + offeredLoad * b);
        }
        return b / (1 - rho * (1 - b));
    }

    /** M/M/c mean response time: Erlang C / (c mu - lambda) + 1 / mu. */
    public static double mmcMeanResponseMs(int c, double arrivalsPerSec, double meanServiceMs) {
        double mu = 1000.0 / meanServiceMs;
        double a = arrivalsPerSec / mu;
        double waitSec = erlangC(c, a) / (c * mu - arrivalsPerSec);
        return waitSec * 1000.0 + meanServiceMs;
    }

    /** M/G/1 mean response time by Pollaczek-Khinchine: E[S] + lambda E[S^2] / (2 (1 - rho)). */
    public static double mg1MeanResponseMs(double arrivalsPerSec, double meanServiceMs, double serviceVarianceMs2) {
        double lambdaPerMs = arrivalsPerSec / 1000.0;
        double rho = lambdaPerMs * meanServiceMs;
        requireStable(rho);
        double secondMoment = serviceVarianceMs2 + meanServiceMs * meanServiceMs;
        return meanServiceMs + lambdaPerMs * secondMoment / (2 * (1 - rho));
    }

    private static void requireStable(double rho) {
        if (!(rho >= 0 && rho < 1)) {
            throw new IllegalArgumentException("utilisation must be in [0, 1) for a steady state, was " + rho);
        }
    }
}
