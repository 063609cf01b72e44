package io.interleave.trace;

/**
 * The length of a queue from {@code timeMs} on (until its next change).
 *
 * @param queue index into the scenario's queues
 * @param timeMs when it changed
 * @param length how many items it holds from then on
 */
public record QueueChange(int queue, double timeMs, int length) {
    public QueueChange {
        if (length < 0) {
            throw new IllegalArgumentException("length: must be >= 0, was " + length);
        }
    }
}
