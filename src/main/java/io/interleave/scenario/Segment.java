package io.interleave.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a request: compute, wait or block for a duration, or a gather
 * of branches.
 *
 * @param kind what the step does
 * @param ms its duration in milliseconds; a gather has none of its own (it is
 *           left out of the file and reads as 0)
 * @param label an optional caption such as "db query"
 * @param on for waits and blocks, the resource whose slot it must first take
 * @param offload for blocks and computes: under {@link Policy#EVENT_LOOP_POOL} it runs on a pool
 *                thread while the loop goes on; other policies run it in place, as if it were not marked
 * @param branches for a gather only: 2 to {@value #MAX_BRANCHES} branches, each a
 *                 non-empty list of compute, wait and block segments (a gather
 *                 does not hold another gather, nor a spawn)
 * @param segments for a spawn only: the background task it starts (as {@code asyncio.create_task}),
 *                 a non-empty list of compute, wait and block segments (a task does not hold a
 *                 gather or another spawn); the request goes on at once without waiting for it
 */
public record Segment(SegmentKind kind,
                      @Format(orElse = "null") Distribution ms,
                      @Format(nullIsNone = true) Optional<String> label,
                      @Format(nullIsNone = true) Optional<String> on,
                      @Format(orElse = "false") boolean offload,
                      @Format(orElse = "[]") List<List<Segment>> branches,
                      @Format(orElse = "[]") List<Segment> segments) {
    /** The most branches a gather may hold. */
    public static final int MAX_BRANCHES = 64;
    private static final Distribution NONE = new Distribution.Constant(0);

    public Segment {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(on, "on");
        Objects.requireNonNull(branches, "branches");
        Objects.requireNonNull(segments, "segments");
        if (kind == SegmentKind.SPAWN) {
            if (ms != null && !NONE.equals(ms)) {
                throw new IllegalArgumentException("ms: a spawn goes on at once (its task takes the time of its segments); leave ms out");
            }
            ms = NONE;
            if (on.isPresent()) {
                throw new IllegalArgumentException("on: a spawn uses no resource itself (its task's segments can)");
            }
            if (offload) {
                throw new IllegalArgumentException("offload: a spawn cannot be offloaded (its task's segments can)");
            }
            if (segments.isEmpty()) {
                throw new IllegalArgumentException("segments: a spawn's task must hold at least one segment");
            }
            if (segments.size() > Limits.MAX_SEGMENTS) {
                throw new IllegalArgumentException("segments: at most " + Limits.MAX_SEGMENTS + " segments allowed, was " + segments.size());
            }
            for (int s = 0; s < segments.size(); s++) {
                Segment inner = Objects.requireNonNull(segments.get(s), "segments[" + s + "]");
                if (inner.kind() == SegmentKind.GATHER || inner.kind() == SegmentKind.SPAWN) {
                    throw new IllegalArgumentException("segments[" + s + "].kind: a background task holds compute, wait and block segments only (no "
                            + inner.kind().jsonName() + ")");
                }
            }
            segments = List.copyOf(segments);
        } else if (!segments.isEmpty()) {
            throw new IllegalArgumentException("segments: only a spawn holds segments");
        }
        if (kind == SegmentKind.SPAWN) {
            if (!branches.isEmpty()) {
                throw new IllegalArgumentException("branches: only a gather has branches");
            }
        } else if (kind == SegmentKind.GATHER) {
            if (ms != null && !NONE.equals(ms)) {
                throw new IllegalArgumentException("ms: a gather takes its time from its branches; leave ms out");
            }
            ms = NONE;
            if (on.isPresent()) {
                throw new IllegalArgumentException("on: a gather uses no resource itself (its branches' segments can)");
            }
            if (offload) {
                throw new IllegalArgumentException("offload: a gather cannot be offloaded (its branches' segments can)");
            }
            if (branches.size() < 2 || branches.size() > MAX_BRANCHES) {
                throw new IllegalArgumentException("branches: must hold 2 to " + MAX_BRANCHES + " branches, was " + branches.size());
            }
            List<List<Segment>> copy = new ArrayList<>(branches.size());
            for (int b = 0; b < branches.size(); b++) {
                List<Segment> branch = Objects.requireNonNull(branches.get(b), "branches[" + b + "]");
                if (branch.isEmpty()) {
                    throw new IllegalArgumentException("branches[" + b + "]: must not be empty");
                }
                if (branch.size() > Limits.MAX_SEGMENTS) {
                    throw new IllegalArgumentException("branches[" + b + "]: at most " + Limits.MAX_SEGMENTS + " segments allowed, was " + branch.size());
                }
                for (int s = 0; s < branch.size(); s++) {
                    if (branch.get(s).kind() == SegmentKind.GATHER) {
                        throw new IllegalArgumentException("branches[" + b + "][" + s + "].kind: a gather cannot hold another gather");
                    }
                    if (branch.get(s).kind() == SegmentKind.SPAWN) {
                        throw new IllegalArgumentException("branches[" + b + "][" + s
                                + "].kind: a gather's branch cannot start a background task; put the spawn before or after the gather");
                    }
                }
                copy.add(List.copyOf(branch));
            }
            branches = List.copyOf(copy);
        } else {
            if (ms == null) {
                throw new IllegalArgumentException("ms: is required");
            }
            if (!branches.isEmpty()) {
                throw new IllegalArgumentException("branches: only a gather has branches");
            }
        }
        if (kind == SegmentKind.COMPUTE && on.isPresent()) {
            throw new IllegalArgumentException("on: only wait and block segments can use a resource");
        }
        label.ifPresent(text -> Checks.label("label", text));
        on.ifPresent(name -> Checks.name("on", name));
        if (offload && kind == SegmentKind.WAIT) {
            throw new IllegalArgumentException("offload: only block and compute segments can be offloaded (a wait already lets go of the loop)");
        }
    }

    /** A segment that is not a spawn. */
    public Segment(SegmentKind kind, Distribution ms, Optional<String> label, Optional<String> on, boolean offload,
                   List<List<Segment>> branches) {
        this(kind, ms, label, on, offload, branches, List.of());
    }

    /** A segment that is not a gather. */
    public Segment(SegmentKind kind, Distribution ms, Optional<String> label, Optional<String> on, boolean offload) {
        this(kind, ms, label, on, offload, List.of());
    }

    /** A segment that is not offloaded. */
    public Segment(SegmentKind kind, Distribution ms, Optional<String> label, Optional<String> on) {
        this(kind, ms, label, on, false);
    }

    public static Segment compute(double ms, String label) {
        return new Segment(SegmentKind.COMPUTE, new Distribution.Constant(ms), Optional.ofNullable(label), Optional.empty());
    }

    public static Segment waitFor(double ms, String label) {
        return new Segment(SegmentKind.WAIT, new Distribution.Constant(ms), Optional.ofNullable(label), Optional.empty());
    }

    /** A gather of {@code branches} (2 to {@value #MAX_BRANCHES}), with an optional caption. */
    public static Segment gather(String label, List<List<Segment>> branches) {
        return new Segment(SegmentKind.GATHER, null, Optional.ofNullable(label), Optional.empty(), false, branches);
    }

    /** A spawn of a background task made of {@code task}'s segments, with an optional caption. */
    public static Segment spawn(String label, List<Segment> task) {
        return new Segment(SegmentKind.SPAWN, null, Optional.ofNullable(label), Optional.empty(), false, List.of(), task);
    }

    /** Whether this is a gather. */
    public boolean isGather() {
        return kind == SegmentKind.GATHER;
    }

    /** Whether this is a spawn (it starts a background task). */
    public boolean isSpawn() {
        return kind == SegmentKind.SPAWN;
    }

    /** This segment with another duration (a gather or a spawn has none: it stays as it is). */
    public Segment withMs(Distribution newMs) {
        return isGather() || isSpawn() ? this : new Segment(kind, newMs, label, on, offload, branches, segments);
    }

    /** This segment, marked to run on a pool thread (or not). */
    public Segment withOffload(boolean off) {
        return new Segment(kind, ms, label, on, off, branches, segments);
    }

    /** This gather with other branches. */
    public Segment withBranches(List<List<Segment>> newBranches) {
        return new Segment(kind, ms, label, on, offload, newBranches, segments);
    }

    /** This spawn with another task. */
    public Segment withSegments(List<Segment> newSegments) {
        return new Segment(kind, ms, label, on, offload, branches, newSegments);
    }

    /**
     * The segments a request actually steps through, in order: {@code segments}
     * with each gather replaced by its branches, one after another, and each
     * spawn kept as one step (it takes no time: it starts its task); then,
     * after the request's own steps, the steps of each spawn's background
     * task, spawn by spawn ({@link Step#spawn} tells them apart). The engine,
     * the spans' segment index (a spawned task's spans too) and the sampled
     * durations all count in this list, so the same seed gives a task the
     * same durations under every policy.
     */
    public static List<Step> steps(List<Segment> segments) {
        List<Step> out = new ArrayList<>(segments.size());
        List<Step> tasks = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            if (s.isSpawn()) {
                out.add(new Step(s, -1, -1, -1));
                for (Segment inner : s.segments()) {
                    tasks.add(new Step(inner, -1, -1, i));
                }
                continue;
            }
            if (!s.isGather()) {
                out.add(new Step(s, -1, -1));
                continue;
            }
            for (int b = 0; b < s.branches().size(); b++) {
                for (Segment inner : s.branches().get(b)) {
                    out.add(new Step(inner, i, b));
                }
            }
        }
        out.addAll(tasks);
        return out;
    }

    /** How many of {@link #steps} are the request's own (the spawned tasks' steps come after them). */
    public static int ownSteps(List<Segment> segments) {
        int n = 0;
        for (Segment s : segments) {
            n += s.isGather() ? s.branches().stream().mapToInt(List::size).sum() : 1;
        }
        return n;
    }

    /**
     * One segment a request steps through.
     *
     * @param segment a compute, wait or block segment, or a spawn (the step that starts its task)
     * @param gather the index of the gather it is in among the type's segments, or -1
     * @param branch its branch in that gather (0-based), or -1
     * @param spawn for a step of a spawned background task: the index of its spawn among the type's
     *              segments; -1 for the request's own steps
     */
    public record Step(Segment segment, int gather, int branch, int spawn) {
        public Step {
            Objects.requireNonNull(segment, "segment");
            if (segment.isGather()) {
                throw new IllegalArgumentException("a step is never a gather");
            }
        }

        /** A step of the request itself. */
        public Step(Segment segment, int gather, int branch) {
            this(segment, gather, branch, -1);
        }
    }
}
