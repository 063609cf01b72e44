package io.interleave.app.editor;

import io.interleave.scenario.Segment;
import io.interleave.scenario.SegmentKind;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One editable row of the segment editor. A gather row's duration reads
 * {@code 3 x 100}: three branches, each one wait of 100 ms (any duration the
 * editor reads) on the row's resource, if any. A gather from a file whose
 * branches are not of that shape shows {@code 4 branches} and keeps them as
 * they are until that text is changed.
 *
 * <p>A spawn row's duration is its background task: {@code 50} is one wait of
 * 50 ms, {@code 15 + 50} a compute of 15 ms then a wait of 50 ms (the wait on
 * the row's resource, if any). A spawn from a file whose task is not of that
 * shape shows {@code 3 segments} and keeps them until that text is changed.
 */
public final class SegmentModel {
    /** The resource choice that means "none". */
    public static final String NO_RESOURCE = "(none)";
    /** Shown beside the field for a gather row. */
    public static final String GATHER_HINT = "gather: 3 x 100 (3 calls of 100 ms at once)";
    private static final java.util.regex.Pattern GATHER = java.util.regex.Pattern.compile("\\s*(\\d+)\\s*[x\u00d7]\\s*(.+)");
    /** Shown beside the field for a spawn row. */
    public static final String SPAWN_HINT = "spawn: 15 + 50 (a background task: compute 15 ms, then a 50 ms call)";

    private final ObjectProperty<SegmentKind> kind = new SimpleObjectProperty<>(this, "kind", SegmentKind.COMPUTE);
    private final StringProperty duration = new SimpleStringProperty(this, "duration", "10");
    private final StringProperty label = new SimpleStringProperty(this, "label", "");
    private final ObjectProperty<String> resource = new SimpleObjectProperty<>(this, "resource", NO_RESOURCE);

    private final javafx.beans.property.ReadOnlyBooleanWrapper durationValid =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "durationValid", true);
    /** What the row was loaded from: its offload mark, and a gather's branches with the text first shown for them. */
    private boolean offload;
    private java.util.List<java.util.List<Segment>> branches = java.util.List.of();
    private String branchesText = "";
    /** A spawn's task as loaded, with the text first shown for it. */
    private java.util.List<Segment> task = java.util.List.of();
    private String taskText = "";

    SegmentModel() {
    }

    /** False while the duration text cannot be read (the editor marks the field, not just the message). */
    public javafx.beans.property.ReadOnlyBooleanProperty durationValidProperty() {
        return durationValid.getReadOnlyProperty();
    }

    /** Checks the duration alone and says so in {@link #durationValidProperty()}. */
    void checkDuration() {
        try {
            if (kind.get() == SegmentKind.GATHER) {
                gatherBranches(Optional.empty());
            } else if (kind.get() == SegmentKind.SPAWN) {
                spawnTask(Optional.empty());
            } else {
                DurationText.parse("duration", duration.get());
            }
            durationValid.set(true);
        } catch (IllegalArgumentException e) {
            durationValid.set(false);
        }
    }

    SegmentModel(Segment s) {
        kind.set(s.kind());
        duration.set(DurationText.format(s.ms()));
        label.set(s.label().orElse(""));
        resource.set(s.on().orElse(NO_RESOURCE));
        offload = s.offload();
        if (s.isGather()) {
            branches = s.branches();
            Segment first = branches.get(0).get(0);
            boolean uniform = branches.stream().allMatch(b -> b.size() == 1 && b.get(0).kind() == SegmentKind.WAIT
                    && b.get(0).ms().equals(first.ms()) && b.get(0).on().equals(first.on()) && !b.get(0).offload()
                    && b.get(0).label().isEmpty());
            branchesText = uniform ? branches.size() + " x " + DurationText.format(first.ms()) : branches.size() + " branches";
            duration.set(branchesText);
            resource.set(uniform ? first.on().orElse(NO_RESOURCE) : NO_RESOURCE);
        }
        if (s.isSpawn()) {
            task = s.segments();
            Segment last = task.get(task.size() - 1);
            boolean plain = task.stream().allMatch(t -> t.label().isEmpty() && !t.offload())
                    && last.kind() == SegmentKind.WAIT
                    && (task.size() == 1 || task.size() == 2 && task.get(0).kind() == SegmentKind.COMPUTE);
            taskText = !plain ? task.size() + (task.size() == 1 ? " segment" : " segments")
                    : task.size() == 1 ? DurationText.format(last.ms())
                    : DurationText.format(task.get(0).ms()) + " + " + DurationText.format(last.ms());
            duration.set(taskText);
            resource.set(plain ? last.on().orElse(NO_RESOURCE) : NO_RESOURCE);
        }
    }

    /**
     * A spawn row's task: as loaded while its text is unchanged, else read from "WAIT" or
     * "COMPUTE + WAIT" (the wait on {@code on}).
     */
    private java.util.List<Segment> spawnTask(Optional<String> on) {
        String t = duration.get() == null ? "" : duration.get();
        if (!task.isEmpty() && t.equals(taskText)) {
            return task;
        }
        String[] parts = t.split("\\+", -1);
        if (parts.length > 2) {
            throw new IllegalArgumentException("duration: a spawn's task is written WAIT or COMPUTE + WAIT, e.g. 15 + 50, was '" + t.strip() + "'");
        }
        Segment call = new Segment(SegmentKind.WAIT, DurationText.parse("duration", parts[parts.length - 1]), Optional.empty(), on);
        if (parts.length == 1) {
            return java.util.List.of(call);
        }
        return java.util.List.of(new Segment(SegmentKind.COMPUTE, DurationText.parse("duration", parts[0]), Optional.empty(),
                Optional.empty()), call);
    }

    public ObjectProperty<SegmentKind> kindProperty() {
        return kind;
    }

    /** The duration as text, see {@link DurationText}. */
    public StringProperty durationProperty() {
        return duration;
    }

    public StringProperty labelProperty() {
        return label;
    }

    /** A resource name, or {@link #NO_RESOURCE}. */
    public ObjectProperty<String> resourceProperty() {
        return resource;
    }

    /**
     * A gather row's branches: as loaded while its text is unchanged, else
     * read from "N x DURATION" (N waits of that duration, on {@code on}).
     */
    private java.util.List<java.util.List<Segment>> gatherBranches(Optional<String> on) {
        String t = duration.get() == null ? "" : duration.get();
        if (!branches.isEmpty() && t.equals(branchesText)) {
            return branches;
        }
        java.util.regex.Matcher m = GATHER.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("duration: a gather is written N x DURATION, e.g. 3 x 100, was '" + t.strip() + "'");
        }
        int n;
        try {
            n = Integer.parseInt(m.group(1));
        } catch (NumberFormatException e) {
            n = Integer.MAX_VALUE;
        }
        if (n < 2 || n > Segment.MAX_BRANCHES) {
            throw new IllegalArgumentException("duration: a gather holds 2 to " + Segment.MAX_BRANCHES + " calls, was " + m.group(1));
        }
        Segment call = new Segment(SegmentKind.WAIT, DurationText.parse("duration", m.group(2)), Optional.empty(), on);
        return java.util.Collections.nCopies(n, java.util.List.of(call));
    }

    Observable[] observables() {
        return new Observable[] {kind, duration, label, resource};
    }

    /** The segment; IllegalArgumentException naming the row when invalid. */
    Segment toSegment(int index) {
        String path = "segment " + (index + 1);
        String on = resource.get();
        Optional<String> uses = on == null || on.equals(NO_RESOURCE) || kind.get() == SegmentKind.COMPUTE
                ? Optional.empty() : Optional.of(on);
        String text = label.get() == null ? "" : label.get().trim();
        Optional<String> caption = text.isEmpty() ? Optional.empty() : Optional.of(text);
        try {
            if (kind.get() == SegmentKind.GATHER) {
                return new Segment(SegmentKind.GATHER, null, caption, Optional.empty(), false, gatherBranches(uses));
            }
            if (kind.get() == SegmentKind.SPAWN) {
                return Segment.spawn(caption.orElse(null), spawnTask(uses));
            }
            return new Segment(kind.get(), DurationText.parse("duration", duration.get()), caption, uses,
                    offload && kind.get() != SegmentKind.WAIT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + " " + e.getMessage(), e);
        }
    }
}
