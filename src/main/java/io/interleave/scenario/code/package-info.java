/**
 * A request type's handler as Python: the small subset of Python that the
 * code view writes and that a scenario's {@code "code"} field is read from.
 * This package knows Python's syntax and the trailing-comment form
 * ({@code # wait 80 ms on database}); it knows nothing else of the project,
 * so the scenario reader can use it without a cycle
 * ({@code io.interleave.scenario.HandlerCode} maps it to segments).
 */
package io.interleave.scenario.code;
