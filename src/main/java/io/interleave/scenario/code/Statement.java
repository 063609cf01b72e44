package io.interleave.scenario.code;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One statement of a handler's body: a call (one step) or a gather of branches. */
public sealed interface Statement permits Statement.Call, Statement.Gather, Statement.Spawn {

    /** Where the statement starts (its first character); for statements built in code, line 1, column 1. */
    Position at();

    /**
     * A call: one compute, wait or block step.
     *
     * @param kind what it does, as its comment says
     * @param duration how long, as its comment says
     * @param on the resource named after {@code on} in the comment, if any
     * @param offload whether it runs on a pool thread ({@code asyncio.to_thread}, or {@code offload} in the comment)
     * @param label the step's caption: the quoted text of the comment, else the name called; empty for {@code unlabelled}
     * @param at where the statement starts
     * @param durationAt where its duration starts in the comment
     * @param onAt where its resource's name starts in the comment (= {@code at} without one)
     */
    record Call(StepKind kind, Duration duration, Optional<String> on, boolean offload, Optional<String> label,
                Position at, Position durationAt, Position onAt) implements Statement {
        private static final Position START = new Position(1, 1);

        public Call {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(duration, "duration");
            Objects.requireNonNull(on, "on");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(durationAt, "durationAt");
            Objects.requireNonNull(onAt, "onAt");
        }

        /** A call built in code (no place in a text). */
        public Call(StepKind kind, Duration duration, Optional<String> on, boolean offload, Optional<String> label) {
            this(kind, duration, on, offload, label, START, START, START);
        }
    }

    /**
     * A gather: {@code await asyncio.gather(...)} (or {@code gather(...)} in sync code) of branches,
     * each one call or a nested helper of several.
     *
     * @param label its caption: the quoted text of its comment, if any
     * @param branches at least one branch, each at least one call
     * @param at where the statement starts
     */
    record Gather(Optional<String> label, List<List<Call>> branches, Position at) implements Statement {
        public Gather {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(at, "at");
            List<List<Call>> copy = new ArrayList<>();
            for (List<Call> branch : branches) {
                if (branch.isEmpty()) {
                    throw new IllegalArgumentException("a branch holds at least one call");
                }
                copy.add(List.copyOf(branch));
            }
            branches = List.copyOf(copy);
            if (branches.isEmpty()) {
                throw new IllegalArgumentException("a gather holds at least one branch");
            }
        }

        public Gather(Optional<String> label, List<List<Call>> branches) {
            this(label, branches, new Position(1, 1));
        }
    }

    /**
     * A spawn: a background task of its own calls, started without waiting for it
     * ({@code asyncio.create_task(...)} in async code, {@code executor.submit(...)} in sync code).
     *
     * @param label its caption: the quoted text of its comment, if any
     * @param calls the task's calls, at least one
     * @param firstStep the index of the task's first call among the request's steps (a spawned task's
     *                  steps come after the request's own)
     * @param at where the statement starts
     */
    record Spawn(Optional<String> label, List<Call> calls, int firstStep, Position at) implements Statement {
        public Spawn {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(at, "at");
            calls = List.copyOf(calls);
            if (calls.isEmpty()) {
                throw new IllegalArgumentException("a spawn holds at least one call");
            }
        }

        public Spawn(Optional<String> label, List<Call> calls, int firstStep) {
            this(label, calls, firstStep, new Position(1, 1));
        }
    }
}
