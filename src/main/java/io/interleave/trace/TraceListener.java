package io.interleave.trace;

/**
 * Receives what the engine does as it happens. The engine calls it with
 * primitives so that a listener that keeps nothing costs nothing.
 */
public interface TraceListener {

    /**
     * A request spent {@code [startMs, endMs)} in one state.
     *
     * @param worker thread or loop index, or -1 when not bound to one
     * @param core core index, or -1 when not on a core
     */
    default void span(int requestId, SpanState state, double startMs, double endMs,
                      int worker, int core, int segment, boolean holdsWorker) {
    }

    /** A request completed or was rejected. */
    default void request(RequestRecord request) {
    }

    /** Whether {@link #span} should be called at all. */
    default boolean wantsSpans() {
        return true;
    }

    /** A listener that tells both of two listeners. */
    static TraceListener both(TraceListener a, TraceListener b) {
        return new TraceListener() {
            @Override
            public void span(int requestId, SpanState state, double startMs, double endMs,
                             int worker, int core, int segment, boolean holdsWorker) {
                a.span(requestId, state, startMs, endMs, worker, core, segment, holdsWorker);
                b.span(requestId, state, startMs, endMs, worker, core, segment, holdsWorker);
            }

            @Override
            public void request(RequestRecord request) {
                a.request(request);
                b.request(request);
            }

            @Override
            public boolean wantsSpans() {
                return a.wantsSpans() || b.wantsSpans();
            }
        };
    }
}
