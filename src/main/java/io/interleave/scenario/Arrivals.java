package io.interleave.scenario;

import java.util.List;
import java.util.Objects;

/** When requests arrive: the {@code arrivals} object of a scenario file. */
@Format(name = "pattern")
public sealed interface Arrivals {

    /** The total number of requests sent. */
    int count();

    /** The name used in the {@code pattern} field. */
    String pattern();

    /** The same pattern with another request count; explicit lists cannot change their count. */
    Arrivals withCount(int newCount);

    /** Whether the pattern has an arrival rate: poisson and uniform do. */
    default boolean hasRate() {
        return false;
    }

    /**
     * The same pattern and count at {@code ratePerSec} requests a second; only
     * for patterns that {@link #hasRate()}.
     */
    default Arrivals withRatePerSec(double ratePerSec) {
        throw new IllegalArgumentException("ratePerSec: the " + pattern() + " pattern has no rate");
    }

    /** One entry of an explicit arrival list. */
    record At(double atMs, String type) {
        public At {
            Checks.timeMs("atMs", atMs);
            Checks.name("type", type);
        }
    }

    /**
     * Requests at the listed times, of the listed types. The list may be empty
     * only in a scenario with tasks (the scenario checks it): a program of
     * tasks without requests.
     */
    @Format(name = "explicit")
    record Explicit(@Bounds(max = Limits.MAX_EXPLICIT_ARRIVALS) List<At> at) implements Arrivals {
        /** No requests at all: what a scenario with tasks reads when it leaves {@code arrivals} out. */
        public static final Explicit NONE = new Explicit(List.of());

        public Explicit {
            at = List.copyOf(at);
            if (at.size() > Limits.MAX_EXPLICIT_ARRIVALS) {
                throw new IllegalArgumentException("at: at most " + Limits.MAX_EXPLICIT_ARRIVALS + " entries allowed, was " + at.size());
            }
        }

        @Override
        public int count() {
            return at.size();
        }

        @Override
        public String pattern() {
            return "explicit";
        }

        @Override
        public Arrivals withCount(int newCount) {
            if (newCount == at.size()) {
                return this;
            }
            throw new IllegalArgumentException("count: an explicit arrival list has exactly " + at.size() + " requests");
        }
    }

    /** A Poisson process: exponential gaps with mean 1000 / ratePerSec ms. */
    @Format(name = "poisson")
    record Poisson(double ratePerSec, @Bounds(min = 1, max = Limits.MAX_REQUESTS) int count) implements Arrivals {
        public Poisson {
            Checks.ratePerSec("ratePerSec", ratePerSec);
            Checks.inRange("count", count, 1, Limits.MAX_REQUESTS);
        }

        @Override
        public String pattern() {
            return "poisson";
        }

        @Override
        public Arrivals withCount(int newCount) {
            return new Poisson(ratePerSec, newCount);
        }

        @Override
        public boolean hasRate() {
            return true;
        }

        @Override
        public Arrivals withRatePerSec(double newRate) {
            return new Poisson(newRate, count);
        }
    }

    /** Evenly spaced arrivals from time 0. */
    @Format(name = "uniform")
    record Uniform(double intervalMs, @Bounds(min = 1, max = Limits.MAX_REQUESTS) int count) implements Arrivals {
        public Uniform {
            Checks.intervalMs("intervalMs", intervalMs);
            Checks.inRange("count", count, 1, Limits.MAX_REQUESTS);
        }

        @Override
        public String pattern() {
            return "uniform";
        }

        @Override
        public Arrivals withCount(int newCount) {
            return new Uniform(intervalMs, newCount);
        }

        @Override
        public boolean hasRate() {
            return true;
        }

        /** Evenly spaced at {@code newRate} a second: an interval of 1000 / rate ms. */
        @Override
        public Arrivals withRatePerSec(double newRate) {
            return new Uniform(1000.0 / Checks.ratePerSec("ratePerSec", newRate), count);
        }
    }

    /** Every request at the same instant. */
    @Format(name = "burst")
    record Burst(@Bounds(min = 1, max = Limits.MAX_REQUESTS) int count,
                 @Format(orElse = "0") double atMs) implements Arrivals {
        public Burst {
            Checks.inRange("count", count, 1, Limits.MAX_REQUESTS);
            Checks.timeMs("atMs", atMs);
        }

        @Override
        public String pattern() {
            return "burst";
        }

        @Override
        public Arrivals withCount(int newCount) {
            return new Burst(newCount, atMs);
        }
    }

    /**
     * A closed loop: each user sends a request at time 0, waits for its
     * response, thinks, and sends the next, until {@code count} requests were
     * sent in total.
     */
    @Format(name = "closed")
    record Closed(@Bounds(min = 1, max = Limits.MAX_USERS) int users, Distribution thinkMs,
                  @Bounds(min = 1, max = Limits.MAX_REQUESTS) int count) implements Arrivals {
        public Closed {
            Checks.inRange("users", users, 1, Limits.MAX_USERS);
            Objects.requireNonNull(thinkMs, "thinkMs");
            Checks.inRange("count", count, 1, Limits.MAX_REQUESTS);
        }

        @Override
        public String pattern() {
            return "closed";
        }

        @Override
        public Arrivals withCount(int newCount) {
            return new Closed(users, thinkMs, newCount);
        }
    }
}
