package io.interleave.trace.narration;

import java.util.List;

/**
 * The narration of one trace: its lines in time order, one per instant at
 * which something happened.
 *
 * @param lines the lines, ascending by time
 * @param truncated whether the run goes on past the last narrated instant (its last line says so)
 */
public record Narration(List<NarrationLine> lines, boolean truncated) {
    public static final Narration EMPTY = new Narration(List.of(), false);

    public Narration {
        lines = List.copyOf(lines);
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).timeMs() < lines.get(i - 1).timeMs()) {
                throw new IllegalArgumentException("lines must be in time order; line " + i + " is at "
                        + lines.get(i).timeMs() + " after " + lines.get(i - 1).timeMs());
            }
        }
    }

    /**
     * The line the playhead is on: the last one at or before {@code timeMs};
     * -1 before the first. Infinity (a run played out) is on the last line.
     */
    public int indexAt(double timeMs) {
        if (Double.isNaN(timeMs)) {
            return -1;
        }
        int lo = 0;
        int hi = lines.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (lines.get(mid).timeMs() <= timeMs) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** The line at exactly {@code timeMs}, or -1. */
    public int indexOf(double timeMs) {
        int i = indexAt(timeMs);
        return i >= 0 && lines.get(i).timeMs() == timeMs ? i : -1;
    }
}
