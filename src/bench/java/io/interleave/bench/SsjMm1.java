package io.interleave.bench;

import java.util.ArrayDeque;
import java.util.Arrays;
import umontreal.ssj.randvar.ExponentialGen;
import umontreal.ssj.randvar.RandomVariateGen;
import umontreal.ssj.rng.MRG32k3a;
import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.Simulator;

/**
 * The benchmark's SSJ reference: the M/M/1 queue of examples/mm1.json
 * (Poisson arrivals at 900/s, exponential service of mean 1 ms, one server,
 * FIFO, a fixed number of customers) written the way SSJ's own QueueEv
 * example writes it, with its Simulator/Event API and MRG32k3a streams,
 * keeping every response time and sorting them for exact nearest-rank
 * percentiles (SSJ's TallyStore does the same, but needs colt to compile).
 *
 * <p>Usage: {@code SsjMm1 [count]} (default 10,000,000). Prints the mean and
 * percentiles of the response time in milliseconds.
 */
public final class SsjMm1 {
    private final Simulator simulator = new Simulator();
    private final RandomVariateGen arrivalGaps = new ExponentialGen(new MRG32k3a(), 0.9); // per ms
    private final RandomVariateGen services = new ExponentialGen(new MRG32k3a(), 1.0); // mean 1 ms
    private final ArrayDeque<Customer> waiting = new ArrayDeque<>();
    private final double[] responses;
    private int departed;
    private final int count;
    private int arrived;
    private boolean busy;

    private SsjMm1(int count) {
        this.count = count;
        this.responses = new double[count];
    }

    private static final class Customer {
        final double arrivalTime;
        final double serviceTime;

        Customer(double arrivalTime, double serviceTime) {
            this.arrivalTime = arrivalTime;
            this.serviceTime = serviceTime;
        }
    }

    private final class Arrival extends Event {
        Arrival() {
            super(simulator);
        }

        @Override
        public void actions() {
            if (++arrived < count) {
                new Arrival().schedule(arrivalGaps.nextDouble());
            }
            Customer c = new Customer(sim.time(), services.nextDouble());
            if (busy) {
                waiting.addLast(c);
            } else {
                busy = true;
                new Departure(c).schedule(c.serviceTime);
            }
        }
    }

    private final class Departure extends Event {
        private final Customer customer;

        Departure(Customer customer) {
            super(simulator);
            this.customer = customer;
        }

        @Override
        public void actions() {
            responses[departed++] = sim.time() - customer.arrivalTime;
            Customer next = waiting.pollFirst();
            if (next == null) {
                busy = false;
            } else {
                new Departure(next).schedule(next.serviceTime);
            }
        }
    }

    private void run() {
        simulator.init();
        new Arrival().schedule(arrivalGaps.nextDouble());
        simulator.start();
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        long start = System.nanoTime();
        SsjMm1 model = new SsjMm1(count);
        model.run();
        long simulated = System.nanoTime();
        int n = model.departed;
        double[] sorted = model.responses;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += sorted[i];
        }
        Arrays.sort(sorted, 0, n);
        long sortedAt = System.nanoTime();
        System.out.printf("ssj: %d customers, mean %.4f ms, p50 %.4f, p90 %.4f, p95 %.4f, p99 %.4f, max %.4f%n",
                n, sum / n, rank(sorted, n, 50), rank(sorted, n, 90), rank(sorted, n, 95),
                rank(sorted, n, 99), sorted[n - 1]);
        phases(start, simulated, sortedAt);
    }

    /** On stderr, so the benchmark can show where the time goes: simulating, then sorting for percentiles. */
    static void phases(long start, long simulated, long sorted) {
        System.err.printf("phases: simulate %.2f s, sort %.2f s%n", (simulated - start) / 1e9, (sorted - simulated) / 1e9);
    }

    /** Nearest rank: the value at rank ceil(p n / 100) of the sorted values. */
    static double rank(double[] sorted, int n, int p) {
        long r = (p * (long) n + 99) / 100;
        return sorted[(int) Math.max(0, r - 1)];
    }
}
