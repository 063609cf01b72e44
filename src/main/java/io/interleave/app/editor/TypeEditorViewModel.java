package io.interleave.app.editor;

import io.interleave.scenario.RequestType;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.Segment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The request type editor: name, colour, weight and the segments one by
 * one. After every keystroke it rebuilds the type and checks it against the
 * whole scenario, so the dialog's OK is enabled only for a type the
 * scenario accepts, and the message says what is wrong.
 */
public final class TypeEditorViewModel {
    /** Okabe–Ito colours offered to new types (scenario data, not window styling). */
    public static final List<String> TYPE_COLORS = List.of("#0072B2", "#E69F00", "#009E73", "#CC79A7",
            "#56B4E9", "#D55E00", "#F0E442", "#000000");

    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty color = new SimpleStringProperty(this, "color", TYPE_COLORS.get(0));
    private final StringProperty weight = new SimpleStringProperty(this, "weight", "1");
    /** The client's timeout in ms; blank for a client that waits for ever. */
    private final StringProperty timeout = new SimpleStringProperty(this, "timeout", "");
    private final BooleanProperty cancelOnTimeout = new SimpleBooleanProperty(this, "cancelOnTimeout", false);
    private final ObservableList<SegmentModel> segments = FXCollections.observableArrayList(SegmentModel::observables);
    private final List<String> resources;
    private final Function<RequestType, Scenario> check;
    private final ReadOnlyObjectWrapper<RequestType> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    /**
     * @param start the type to edit
     * @param resources the scenario's resource names, offered to waits
     * @param check the scenario with the edited type in place; throws when the scenario would be invalid
     */
    public TypeEditorViewModel(RequestType start, List<String> resources, Function<RequestType, Scenario> check) {
        this.resources = List.copyOf(resources);
        this.check = check;
        name.set(start.name());
        color.set(start.color().toUpperCase(java.util.Locale.ROOT));
        weight.set(Numbers.format(start.weight()));
        timeout.set(start.timeoutMs().isPresent() ? Numbers.format(start.timeoutMs().getAsDouble()) : "");
        cancelOnTimeout.set(start.cancelOnTimeout());
        start.segments().forEach(s -> segments.add(new SegmentModel(s)));
        InvalidationListener revalidate = o -> validate();
        name.addListener(revalidate);
        color.addListener(revalidate);
        weight.addListener(revalidate);
        timeout.addListener(revalidate);
        cancelOnTimeout.addListener(revalidate);
        segments.addListener(revalidate);
        validate();
    }

    /** A fresh type for the "Add" button: one compute, one database-style wait. */
    public static RequestType newType(Scenario s) {
        int n = s.requestTypes().size() + 1;
        String name = "type " + n;
        while (s.typeIndex(name).isPresent()) {
            name = "type " + ++n;
        }
        String color = newColor(s);
        return new RequestType(name, color, 1, List.of(Segment.compute(5, "handler"), Segment.waitFor(20, "io")));
    }

    /**
     * A colour for a new type that no state of the timeline uses (so a type is
     * never mistaken for waiting or computing) and no other type has: vermillion,
     * black, yellow, then any Okabe–Ito colour not taken (never the wait green).
     */
    static String newColor(Scenario s) {
        java.util.Set<String> taken = new java.util.HashSet<>();
        s.requestTypes().forEach(t -> taken.add(t.color().toUpperCase(java.util.Locale.ROOT)));
        List<String> preferred = new ArrayList<>(List.of("#D55E00", "#000000", "#F0E442"));
        TYPE_COLORS.stream().filter(c -> !c.equals(WAIT_GREEN) && !preferred.contains(c)).forEach(preferred::add);
        return preferred.stream().filter(c -> !taken.contains(c)).findFirst().orElse(preferred.get(s.requestTypes().size() % preferred.size()));
    }

    /** The colour of a wait in the timeline; a new type never gets it. */
    static final String WAIT_GREEN = "#009E73";

    public StringProperty nameProperty() {
        return name;
    }

    /** #RRGGBB. */
    public StringProperty colorProperty() {
        return color;
    }

    public StringProperty weightProperty() {
        return weight;
    }

    /** The client's timeout (ms) as typed; blank: the client waits for ever. */
    public StringProperty timeoutProperty() {
        return timeout;
    }

    /** Whether the server cancels the task of a client that gave up (event loop; a sync thread runs on). */
    public BooleanProperty cancelOnTimeoutProperty() {
        return cancelOnTimeout;
    }

    public ObservableList<SegmentModel> segments() {
        return segments;
    }

    /** What a wait or block may use: {@link SegmentModel#NO_RESOURCE} and each resource. */
    public List<String> resourceChoices() {
        List<String> out = new ArrayList<>();
        out.add(SegmentModel.NO_RESOURCE);
        out.addAll(resources);
        return out;
    }

    /** The edited type when valid, else null. */
    public ReadOnlyObjectProperty<RequestType> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** What is wrong, or "". */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public void addSegment() {
        segments.add(new SegmentModel());
    }

    public void removeSegment(SegmentModel s) {
        segments.remove(s);
    }

    public void moveUp(SegmentModel s) {
        int i = segments.indexOf(s);
        if (i > 0) {
            Collections.swap(segments, i, i - 1);
        }
    }

    public void moveDown(SegmentModel s) {
        int i = segments.indexOf(s);
        if (i >= 0 && i < segments.size() - 1) {
            Collections.swap(segments, i, i + 1);
        }
    }

    private void validate() {
        segments.forEach(SegmentModel::checkDuration);
        try {
            List<Segment> built = new ArrayList<>();
            for (int i = 0; i < segments.size(); i++) {
                built.add(segments.get(i).toSegment(i));
            }
            String trimmed = name.get() == null ? "" : name.get().trim();
            String t = timeout.get() == null ? "" : timeout.get().strip();
            java.util.OptionalDouble timeoutMs = t.isEmpty() ? java.util.OptionalDouble.empty()
                    : java.util.OptionalDouble.of(Numbers.parseDouble("timeoutMs", t));
            if (cancelOnTimeout.get() && timeoutMs.isEmpty()) {
                throw new IllegalArgumentException("cancelOnTimeout: needs a timeout (a client that never gives up is never cancelled)");
            }
            RequestType type = new RequestType(trimmed, color.get(), Numbers.parseDouble("weight", weight.get()), built,
                    timeoutMs, cancelOnTimeout.get());
            check.apply(type);
            error.set("");
            result.set(type);
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            result.set(null);
        }
    }
}
