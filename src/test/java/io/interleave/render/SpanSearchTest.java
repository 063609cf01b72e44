package io.interleave.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.scenario.Policy;
import io.interleave.trace.Span;
import io.interleave.trace.Trace;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SpanSearchTest {

    @Test
    @DisplayName("binary and galloping search find the first span ending after a time, from any start")
    void findsFirstEndingAfter() {
        Trace trace = Fixtures.many(Policy.SYNC, 300, 150, 2, OptionalInt.empty());
        List<Span> lane = trace.workerLane(0);
        assertThat(lane.size()).isGreaterThan(100);
        double end = lane.get(lane.size() - 1).endMs();
        for (double ms = -1; ms <= end + 1; ms += end / 997) {
            int expected = 0;
            while (expected < lane.size() && lane.get(expected).endMs() <= ms) {
                expected++;
            }
            assertThat(SpanSearch.firstEndingAfter(lane, ms)).as("at %s", ms).isEqualTo(expected);
            for (int from : new int[] {0, Math.max(0, expected - 7), expected}) {
                assertThat(SpanSearch.firstEndingAfter(lane, ms, from)).as("at %s from %s", ms, from).isEqualTo(expected);
            }
        }
        assertThat(SpanSearch.firstEndingAfter(List.of(), 5)).isZero();
        assertThat(SpanSearch.firstEndingAfter(lane, end + 1, lane.size())).isEqualTo(lane.size());
    }
}
