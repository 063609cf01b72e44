package io.interleave.app.playback;

import io.interleave.trace.Trace;
import java.util.List;

/** Stepping through one or two traces: the nearest change of either. */
final class EventSteps {
    private EventSteps() {
    }

    /** The first change strictly after {@code t} in any trace, or the latest end if none. */
    static double next(List<Trace> traces, double t) {
        double best = Double.POSITIVE_INFINITY;
        double end = 0;
        for (Trace trace : traces) {
            double n = trace.nextEventAfter(t);
            if (n > t) {
                best = Math.min(best, n);
            }
            end = Math.max(end, trace.endMs());
        }
        return Double.isInfinite(best) ? end : best;
    }

    /** The last change strictly before {@code t} in any trace, or 0 if none. */
    static double previous(List<Trace> traces, double t) {
        double best = 0;
        for (Trace trace : traces) {
            double p = trace.previousEventBefore(t);
            if (p < t) {
                best = Math.max(best, p);
            }
        }
        return best;
    }
}
