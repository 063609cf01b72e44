package io.interleave.bench;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.PriorityQueue;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * The benchmark's floor: a minimal hand-written M/M/1 event loop with a
 * {@link PriorityQueue} of events (Poisson arrivals at 900/s, exponential
 * service of mean 1 ms, one server, FIFO, a fixed number of customers),
 * collecting every response time and sorting them for exact nearest-rank
 * percentiles. No framework, no validation, no trace: what you would type
 * in ten minutes.
 *
 * <p>Usage: {@code HandLoopMm1 [count]} (default 10,000,000).
 */
public final class HandLoopMm1 {
    private HandLoopMm1() {
    }

    /** An event: an arrival (customer < 0) or the departure of a customer; ties FIFO by seq. */
    private record Event(double time, long seq, int customer) implements Comparable<Event> {
        @Override
        public int compareTo(Event o) {
            int c = Double.compare(time, o.time);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        long start = System.nanoTime();
        RandomGenerator.SplittableGenerator root =
                (RandomGenerator.SplittableGenerator) RandomGeneratorFactory.of("L64X128MixRandom").create(42);
        RandomGenerator gaps = root.split();
        RandomGenerator services = root.split();
        double[] arrivalTime = new double[count];
        double[] responses = new double[count];
        PriorityQueue<Event> events = new PriorityQueue<>();
        ArrayDeque<Integer> waiting = new ArrayDeque<>();
        long seq = 0;
        int arrived = 0;
        int done = 0;
        boolean busy = false;
        events.add(new Event(-Math.log(1 - gaps.nextDouble()) / 0.9, seq++, -1));
        while (!events.isEmpty()) {
            Event e = events.poll();
            double now = e.time();
            if (e.customer() < 0) {
                int c = arrived++;
                arrivalTime[c] = now;
                if (arrived < count) {
                    events.add(new Event(now - Math.log(1 - gaps.nextDouble()) / 0.9, seq++, -1));
                }
                if (busy) {
                    waiting.add(c);
                } else {
                    busy = true;
                    events.add(new Event(now - Math.log(1 - services.nextDouble()), seq++, c));
                }
            } else {
                responses[done++] = now - arrivalTime[e.customer()];
                Integer next = waiting.poll();
                if (next == null) {
                    busy = false;
                } else {
                    events.add(new Event(now - Math.log(1 - services.nextDouble()), seq++, next));
                }
            }
        }
        long simulated = System.nanoTime();
        double sum = 0;
        for (double r : responses) {
            sum += r;
        }
        Arrays.sort(responses);
        long sorted = System.nanoTime();
        System.out.printf("hand loop: %d customers, mean %.4f ms, p50 %.4f, p90 %.4f, p95 %.4f, p99 %.4f, max %.4f%n",
                done, sum / done, SsjMm1.rank(responses, done, 50), SsjMm1.rank(responses, done, 90),
                SsjMm1.rank(responses, done, 95), SsjMm1.rank(responses, done, 99), responses[done - 1]);
        SsjMm1.phases(start, simulated, sorted);
    }
}
