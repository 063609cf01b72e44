package io.interleave.trace;

/**
 * The column headers of the per-request and per-span CSV files (SPEC section 4),
 * shared by the command line's writers and the window's results export so both
 * name the same columns in the same order.
 */
public final class CsvColumns {
    /** The per-request file's header: one row per request, in the order they end. */
    public static final String REQUESTS = "id,type,arrivalMs,startMs,finishMs,responseMs,queueMs,computeMs,waitMs,status,worker";
    /** The per-span file's header: one row per span, in the order they close. */
    public static final String SPANS = "id,state,startMs,endMs,worker,core";

    private CsvColumns() {
    }
}
