package io.interleave.render;

import io.interleave.trace.Span;
import java.util.List;

/** Searches over a row's spans, which are in time order and do not overlap (so their ends are sorted too). */
final class SpanSearch {
    private SpanSearch() {
    }

    /** Index of the first span that ends after {@code ms}; the size if none. */
    static int firstEndingAfter(List<Span> spans, double ms) {
        return firstEndingAfter(spans, ms, 0, spans.size());
    }

    /**
     * Index of the first span at or after {@code from} that ends after
     * {@code ms}, found by galloping forward from {@code from}: cheap when the
     * answer is near, as it is when skipping through one pixel column.
     */
    static int firstEndingAfter(List<Span> spans, double ms, int from) {
        int n = spans.size();
        int step = 1;
        int lo = from;
        int hi = from;
        while (hi < n && spans.get(hi).endMs() <= ms) {
            lo = hi + 1;
            hi = Math.min(n, hi + step);
            step <<= 1;
        }
        return firstEndingAfter(spans, ms, lo, Math.min(n, hi));
    }

    private static int firstEndingAfter(List<Span> spans, double ms, int lo, int hi) {
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (spans.get(mid).endMs() <= ms) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
