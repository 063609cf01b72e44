package io.interleave.app.code;

import io.interleave.trace.Span;
import io.interleave.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The code view's state: the handlers of the first two traces (one column
 * each: in compare the two handlers stand side by side), the requests on each
 * line at the playhead, and the line a click chose with the bars it stands for.
 */
public final class CodeViewModel {
    /** A line of a handler of a column. */
    public record LineRef(int column, int handler, int line) {
    }

    private final CodeSource source;
    private final ReadOnlyObjectWrapper<List<CodeBadges>> columns = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<List<List<List<List<CodeBadges.Badge>>>>> badges = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<LineRef> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<List<Span>> selectedSpans = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<LineRef> hovered = new ReadOnlyObjectWrapper<>();
    /** Why the last code typed was refused, or empty. */
    private final javafx.beans.property.ReadOnlyStringWrapper codeError = new javafx.beans.property.ReadOnlyStringWrapper("");
    /** Whether the view is shown: a hidden view does no work as the playhead moves. */
    private boolean active = true;

    public CodeViewModel(CodeSource source) {
        this.source = source;
        source.tracesProperty().addListener((obs, old, now) -> rebuild(now));
        source.playback().playheadMsProperty().addListener((obs, old, now) -> refreshBadges());
        rebuild(source.tracesProperty().get());
    }

    private void rebuild(List<Trace> traces) {
        List<CodeBadges> cs = new ArrayList<>();
        if (traces != null) {
            for (Trace t : traces.subList(0, Math.min(2, traces.size()))) {
                cs.add(new CodeBadges(t));
            }
        }
        selected.set(null);
        selectedSpans.set(List.of());
        hovered.set(null);
        columns.set(List.copyOf(cs));
        refreshBadges();
    }

    /** The request types' names, in the scenario's order. */
    public List<String> typeNames() {
        io.interleave.scenario.Scenario s = source.scenarioProperty().get();
        return s == null ? List.of() : s.requestTypes().stream().map(io.interleave.scenario.RequestType::name).toList();
    }

    /** Whether the scenario has a program of tasks (shown in the code view, not typed in it). */
    public boolean hasTasks() {
        io.interleave.scenario.Scenario s = source.scenarioProperty().get();
        return s != null && s.hasTasks();
    }

    /**
     * The handler of request type {@code typeIndex} as code to edit, as the first column's server runs it
     * (or the scenario's own server without a run).
     */
    public String codeOf(int typeIndex) {
        io.interleave.scenario.Scenario s = source.scenarioProperty().get();
        List<Trace> traces = source.tracesProperty().get();
        io.interleave.scenario.Server server = traces == null || traces.isEmpty() ? s.server() : traces.get(0).scenario().server();
        return io.interleave.scenario.HandlerCode.text(s.requestTypes().get(typeIndex), server, s.resources());
    }

    /**
     * Request type {@code typeIndex} typed as {@code code}: on success the type becomes that code (its segments
     * read from it) and the error is cleared; otherwise the type stays as it was and {@link #codeErrorProperty()}
     * says where the code is wrong ("line 3, column 5: expected ...").
     *
     * @return whether the code was taken
     */
    public boolean applyCode(int typeIndex, String code) {
        io.interleave.scenario.Scenario s = source.scenarioProperty().get();
        try {
            source.replaceType(typeIndex, s.requestTypes().get(typeIndex).withCode(code));
            codeError.set("");
            return true;
        } catch (IllegalArgumentException e) {
            String m = e.getMessage() == null ? "invalid" : e.getMessage();
            codeError.set(m.startsWith("code: ") ? m.substring("code: ".length()) : m);
            return false;
        }
    }

    /** Why the last code typed was refused, or empty. */
    public javafx.beans.property.ReadOnlyStringProperty codeErrorProperty() {
        return codeError.getReadOnlyProperty();
    }

    /** Shown or hidden: a hidden code view stops following the playhead, and catches up when shown again. */
    public void setActive(boolean shown) {
        active = shown;
        if (shown) {
            refreshBadges();
        }
    }

    private void refreshBadges() {
        if (!active) {
            return;
        }
        double t = source.playback().playheadMsProperty().get();
        badges.set(columns.get().stream().map(c -> c.at(t)).toList());
    }

    /** One {@link CodeBadges} per column shown. */
    public ReadOnlyObjectProperty<List<CodeBadges>> columnsProperty() {
        return columns.getReadOnlyProperty();
    }

    /** Per column, handler and line: the requests on it at the playhead. */
    public ReadOnlyObjectProperty<List<List<List<List<CodeBadges.Badge>>>>> badgesProperty() {
        return badges.getReadOnlyProperty();
    }

    /** The line a click chose, or null. */
    public ReadOnlyObjectProperty<LineRef> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The bars of the chosen line (every request's time on it), empty without one. */
    public ReadOnlyObjectProperty<List<Span>> selectedSpansProperty() {
        return selectedSpans.getReadOnlyProperty();
    }

    /** A click on a line: chooses it (a second click on it lets go). */
    public void toggleLine(int column, int handler, int line) {
        LineRef ref = new LineRef(column, handler, line);
        if (ref.equals(selected.get())) {
            selected.set(null);
            selectedSpans.set(List.of());
        } else {
            selected.set(ref);
            selectedSpans.set(columns.get().get(column).spansOf(handler, line));
        }
    }

    /** The line of the bar the pointer rests on in the timeline, or null. */
    public ReadOnlyObjectProperty<LineRef> hoveredProperty() {
        return hovered.getReadOnlyProperty();
    }

    /**
     * The pointer rests on a bar of trace {@code traceIndex}: its line is highlighted (a request's in its
     * handler, a task's in the program); a trace beyond the two columns shown, or no bar, highlights none.
     * {@code type} (the request's type, -1 for a task) is not needed: the bar's owner says where it stands.
     */
    public void hover(int traceIndex, int type, java.util.Optional<Span> span) {
        if (span.isEmpty() || traceIndex < 0 || traceIndex >= columns.get().size()) {
            hovered.set(null);
        } else {
            hovered.set(lineOf(traceIndex, span.get()));
        }
    }

    /** The line a bar of column {@code column}'s trace stands on, for hovering the timeline; null for none. */
    public LineRef lineOf(int column, Span span) {
        return columns.get().get(column).place(span).map(p -> new LineRef(column, p.handler(), p.line())).orElse(null);
    }
}
