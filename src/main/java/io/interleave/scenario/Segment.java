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
 *                 does not hold another gather)
 */
public record Segment(SegmentKind kind,
                      @Format(orElse = "null") Distribution ms,
                      @Format(nullIsNone = true) Optional<String> label,
                      @Format(nullIsNone = true) Optional<String> on,
                      @Format(orElse = "false") boolean offload,
                      @Format(orElse = "[]") List<List<Segment>> branches) {
    /** The most branches a gather may hold. */
    public static final int MAX_BRANCHES = 64;
    private static final Distribution NONE = new Distribution.Constant(0);

    public Segment {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(on, "on");
        Objects.requireNonNull(branches, "branches");
        if (kind == SegmentKind.GATHER) {
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

    /** Whether this is a gather. */
    public boolean isGather() {
        return kind == SegmentKind.GATHER;
    }

    /** This segment with another duration (a gather has none: it stays as it is). */
    public Segment withMs(Distribution newMs) {
        return isGather() ? this : new Segment(kind, newMs, label, on, offload, branches);
    }

    /** This segment, marked to run on a pool thread (or not). */
    public Segment withOffload(boolean off) {
        return new Segment(kind, ms, label, on, off, branches);
    }

    /** This gather with other branches. */
    public Segment withBranches(List<List<Segment>> newBranches) {
        return new Segment(kind, ms, label, on, offload, newBranches);
    }

    /**
     * The segments a request actually steps through, in order: {@code segments}
     * with each gather replaced by its branches, one after another. The engine,
     * the spans' segment index and the sampled durations all count in this list.
     */
    public static List<Step> steps(List<Segment> segments) {
        List<Step> out = new ArrayList<>(segments.size());
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
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
        return out;
    }

    /**
     * One segment a request steps through.
     *
     * @param segment a compute, wait or block segment
     * @param gather the index of the gather it is in among the type's segments, or -1
     * @param branch its branch in that gather (0-based), or -1
     */
    public record Step(Segment segment, int gather, int branch) {
        public Step {
            Objects.requireNonNull(segment, "segment");
            if (segment.isGather()) {
                throw new IllegalArgumentException("a step is never a gather");
            }
        }
    }
}
