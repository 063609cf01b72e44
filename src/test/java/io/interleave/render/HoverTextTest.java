package io.interleave.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.render.TimelineLayout.Hit;
import io.interleave.scenario.Policy;
import io.interleave.trace.Span;
import io.interleave.trace.Trace;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HoverTextTest {
    private static final TextMeasure MEASURE = (text, style) -> text.length() * style.size() * 0.6;

    private static Hit hit(Trace trace, int requestId, int spanIndex) {
        TimelineLayout l = TimelineLayout.of(List.of(trace), ViewMode.REQUESTS, 1000, 600, 1, MEASURE);
        Span span = trace.spansOf(requestId).get(spanIndex);
        return new Hit(0, l.requestRow(0, requestId).orElseThrow(), trace.request(requestId), Optional.of(span));
    }

    @Test
    @DisplayName("a wait names the request, the state, the segment and its resource, the times and the thread")
    void waitUnderSync() {
        Trace sync = Fixtures.threeRequests(Policy.SYNC);
        assertThat(HoverText.describe(sync, hit(sync, 1, 1))).isEqualTo("""
                R1 report · Wait, holds thread
                db query (database)
                10 ms → 90 ms, 80 ms
                Thread 1
                response 100 ms (alone: 100 ms)""");
    }

    @Test
    @DisplayName("a compute under the event loop names the loop and the core")
    void computeUnderLoop() {
        Trace loop = Fixtures.threeRequests(Policy.EVENT_LOOP);
        assertThat(HoverText.describe(loop, hit(loop, 3, 0))).isEqualTo("""
                R3 lookup · Compute
                parse request
                70 ms → 74 ms, 4 ms
                Loop 1, Core 1
                response 36 ms (alone: 36 ms)""");
    }

    @Test
    @DisplayName("a queued span says what comes next, names no worker, and compares the response with the time alone")
    void queued() {
        Trace sync = Fixtures.threeRequests(Policy.SYNC);
        assertThat(HoverText.describe(sync, hit(sync, 3, 0))).isEqualTo("""
                R3 lookup · Queued
                next: parse request
                70 ms → 200 ms, 130 ms
                response 166 ms (alone: 36 ms)""");
    }

    @Test
    @DisplayName("a rejection says when it arrived")
    void rejected() {
        Trace trace = Fixtures.many(Policy.SYNC, 60, 400, 1, OptionalInt.of(2));
        var r = trace.requests().stream().filter(x -> !x.completed()).findFirst().orElseThrow();
        TimelineLayout l = TimelineLayout.of(List.of(trace), ViewMode.REQUESTS, 1000, 600, 1, MEASURE);
        Hit hit = new Hit(0, l.requestRow(0, r.id()).orElseThrow(), r, Optional.empty());
        assertThat(HoverText.describe(trace, hit)).startsWith(r.label() + " page · Rejected\narrived at ");
    }

    @Test
    @DisplayName("the loop's await says it frees the loop")
    void freeWait() {
        Trace loop = Fixtures.threeRequests(Policy.EVENT_LOOP);
        assertThat(HoverText.describe(loop, hit(loop, 1, 1))).startsWith("R1 report · Wait, frees loop\ndb query (database)");
    }
}
