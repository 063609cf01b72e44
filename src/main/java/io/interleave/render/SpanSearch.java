package io.interleave.render;

import io.interleave.trace.Span;
import java.util.List;

/** Binary search over a row's spans, which are in time order and do not overlap (so their ends are sorted too). */
final class SpanSearch {
    private SpanSearch() {
    }

    /** Index of the first span that ends after {@code ms}; the size if none. */
    static int firstEndingAfter(List<Span> spans, double ms) {
        int lo = 0;
        int hi = spans.size();
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
