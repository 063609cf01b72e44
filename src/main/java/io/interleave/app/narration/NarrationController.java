package io.interleave.app.narration;

import io.interleave.trace.narration.NarrationLine;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;

/**
 * The "What happens" panel beside the timeline: the narration synced to the
 * playhead, a policy switch when comparing, and the "Pause at" breakpoints.
 */
public final class NarrationController {
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    private final NarrationViewModel vm;

    @FXML private HBox policySwitch;
    @FXML private ToggleGroup policyGroup;
    @FXML private ListView<NarrationLine> log;
    @FXML private ComboBox<Integer> pauseRequest;
    @FXML private CheckBox pauseRejection;
    @FXML private CheckBox pauseTimeout;
    @FXML private CheckBox pauseQueueFull;
    @FXML private CheckBox pauseTaskStarts;
    @FXML private CheckBox pauseTaskEnds;
    @FXML private CheckBox pauseGatherStarts;
    @FXML private CheckBox pauseGatherEnds;
    @FXML private TextField pauseTime;
    @FXML private Label pauseStatus;

    /** One daemon thread tells the stories of the window's runs, off the FX thread. */
    private static final java.util.concurrent.Executor NARRATOR = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "narrator");
        t.setDaemon(true);
        return t;
    });

    /** In the window: narrates the app's traces (in the background) and drives its playback. */
    public NarrationController(NarrationSource app) {
        this(new NarrationViewModel(app.tracesProperty(), app.playback(),
                NarrationViewModel.Teller.inBackground(NARRATOR, javafx.application.Platform::runLater)));
    }

    public NarrationController(NarrationViewModel vm) {
        this.vm = vm;
    }

    public NarrationViewModel viewModel() {
        return vm;
    }

    @FXML
    private void initialize() {
        log.setItems(vm.lines());
        log.setCellFactory(list -> new NarrationCell(vm.currentProperty(), vm::seekTo));
        log.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                vm.seekTo(log.getSelectionModel().getSelectedIndex());
                e.consume();
            }
        });
        vm.currentProperty().addListener((obs, old, now) -> NarrationCell.reveal(log, now.intValue()));

        policySwitch.visibleProperty().bind(vm.labelsProperty().map(p -> p.size() >= 2));
        policySwitch.managedProperty().bind(policySwitch.visibleProperty());
        vm.labelsProperty().addListener((obs, old, now) -> nameVariants(now));
        nameVariants(vm.labelsProperty().get());
        policyGroup.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true);
            } else {
                vm.shownProperty().set((Integer) now.getUserData());
            }
        });
        vm.shownProperty().addListener((obs, old, now) -> selectShown(now.intValue()));

        pauseRequest.setItems(vm.requestChoices());
        pauseRequest.setConverter(new RequestConverter(vm.programProperty().get()));
        pauseRequest.valueProperty().bindBidirectional(vm.pauseRequestProperty());
        pauseRejection.selectedProperty().bindBidirectional(vm.pauseOnRejectionProperty());
        pauseTimeout.selectedProperty().bindBidirectional(vm.pauseOnTimeoutProperty());
        pauseQueueFull.selectedProperty().bindBidirectional(vm.pauseOnQueueFullProperty());
        // a program of tasks has no requests to reject or time out, but queues that fill
        pauseQueueFull.visibleProperty().bind(vm.programProperty());
        for (CheckBox box : List.of(pauseRejection, pauseTimeout)) {
            box.visibleProperty().bind(vm.programProperty().not());
        }
        bindMoment(pauseTaskStarts, io.interleave.trace.narration.Breakpoints.Moment.BACKGROUND_STARTS, vm.spawnsProperty());
        bindMoment(pauseTaskEnds, io.interleave.trace.narration.Breakpoints.Moment.BACKGROUND_ENDS, vm.spawnsProperty());
        bindMoment(pauseGatherStarts, io.interleave.trace.narration.Breakpoints.Moment.GATHER_STARTS, vm.gathersProperty());
        bindMoment(pauseGatherEnds, io.interleave.trace.narration.Breakpoints.Moment.GATHER_ENDS, vm.gathersProperty());
        for (CheckBox box : List.of(pauseRejection, pauseTimeout, pauseQueueFull, pauseTaskStarts, pauseTaskEnds, pauseGatherStarts, pauseGatherEnds)) {
            box.managedProperty().bind(box.visibleProperty());
        }
        vm.programProperty().addListener((obs, was, now) -> {
            pauseRequest.setConverter(new RequestConverter(now)); // "item 7" rather than "R7"
            String tip = now ? "Pause when this item is consumed" : "Pause when this request is done";
            pauseRequest.setAccessibleText(tip);
            pauseRequest.getTooltip().setText(tip);
        });
        pauseTime.textProperty().bindBidirectional(vm.pauseTimeProperty());
        vm.pauseTimeValidProperty().addListener((obs, was, ok) -> pauseTime.pseudoClassStateChanged(INVALID, !ok));
        pauseStatus.textProperty().bind(vm.statusProperty());
        Tooltip statusTip = new Tooltip();
        statusTip.textProperty().bind(vm.statusProperty());
        pauseStatus.setTooltip(statusTip);
        pauseStatus.visibleProperty().bind(vm.statusProperty().isNotEmpty());
        pauseStatus.managedProperty().bind(pauseStatus.visibleProperty());
    }

    /** A moment's box: shown only when the runs have such moments (a spawn, a gather). */
    private void bindMoment(CheckBox box, io.interleave.trace.narration.Breakpoints.Moment moment,
                            javafx.beans.value.ObservableBooleanValue shown) {
        box.selectedProperty().bindBidirectional(vm.pauseOnProperty(moment));
        box.visibleProperty().bind(shown);
        box.setTooltip(new Tooltip("Pause whenever " + moment.words()));
    }

    private static final String[] IDS = {"narrateFirst", "narrateSecond", "narrateThird", "narrateFourth"};

    /** One pill per compare variant, named by its label. */
    private void nameVariants(List<String> labels) {
        boolean same = policySwitch.getChildren().size() == labels.size();
        for (int i = 0; same && i < labels.size(); i++) {
            same = ((ToggleButton) policySwitch.getChildren().get(i)).getText().equals(labels.get(i));
        }
        if (same) {
            return;
        }
        policyGroup.getToggles().clear();
        policySwitch.getChildren().clear();
        for (int i = 0; i < labels.size() && labels.size() >= 2; i++) {
            ToggleButton b = new ToggleButton(labels.get(i));
            b.setId(i < IDS.length ? IDS[i] : "narrate" + i);
            b.setUserData(i);
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            b.getStyleClass().addAll("small-button", i == 0 ? "left-pill" : i == labels.size() - 1 ? "right-pill" : "middle-pill");
            b.setToggleGroup(policyGroup);
            policySwitch.getChildren().add(b);
        }
        selectShown(vm.shownProperty().get());
    }

    private void selectShown(int index) {
        if (index >= 0 && index < policySwitch.getChildren().size()) {
            ((ToggleButton) policySwitch.getChildren().get(index)).setSelected(true);
        }
    }

    /** 0 reads "none"; others "R7". */
    private static final class RequestConverter extends StringConverter<Integer> {
        /** Items of a program of tasks ("item 7") rather than requests ("R7"). */
        private final boolean items;

        RequestConverter(boolean items) {
            this.items = items;
        }

        @Override
        public String toString(Integer id) {
            return id == null || id <= 0 ? "none" : items ? "item " + id : "R" + id;
        }

        @Override
        public Integer fromString(String text) {
            String s = text == null ? "" : text.strip().replaceFirst("^(?i)(item\\s*|R)", "");
            try {
                return Integer.parseInt(s);
            } catch (NumberFormatException e) {
                return 0;
            }
        }
    }
}
