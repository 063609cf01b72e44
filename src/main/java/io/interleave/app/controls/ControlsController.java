package io.interleave.app.controls;

import io.interleave.app.editor.TypeEditorDialog;
import io.interleave.app.fxml.Fxml;
import io.interleave.scenario.Policy;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The left panel: binds the controls to {@link ControlsViewModel}; no logic of its own. */
public final class ControlsController {
    private final ControlsSource app;
    private final ControlsViewModel vm;

    @FXML private ToggleGroup policyGroup;
    @FXML private HBox policyButtons;
    @FXML private Label compareNote;
    @FXML private javafx.scene.layout.GridPane variantsGrid;
    @FXML private Slider workersSlider;
    @FXML private TextField workersField;
    @FXML private Label workersError;
    @FXML private Slider coresSlider;
    @FXML private TextField coresField;
    @FXML private Label coresError;
    @FXML private Slider timeSliceSlider;
    @FXML private TextField timeSliceField;
    @FXML private Label timeSliceError;
    @FXML private Label poolThreadsLabel;
    @FXML private Slider poolThreadsSlider;
    @FXML private TextField poolThreadsField;
    @FXML private Label poolThreadsError;
    @FXML private javafx.scene.layout.GridPane serverForm;
    @FXML private Label processesLabel;
    @FXML private Slider processesSlider;
    @FXML private TextField processesField;
    @FXML private Label processesError;
    @FXML private ToggleGroup gilGroup;
    @FXML private ToggleButton gilOn;
    @FXML private ToggleButton gilOff;
    @FXML private Label switchIntervalLabel;
    @FXML private Slider switchIntervalSlider;
    @FXML private TextField switchIntervalField;
    @FXML private Label switchIntervalError;
    @FXML private Label resourcesTitle;
    @FXML private VBox resourcesBox;
    @FXML private ComboBox<String> patternChoice;
    @FXML private Label arrivalsTitle;
    @FXML private javafx.scene.layout.GridPane arrivalsForm;
    @FXML private Label patternError;
    @FXML private Label arrivalsNote;
    @FXML private Slider countSlider;
    @FXML private TextField countField;
    @FXML private Label countError;
    @FXML private Slider rateSlider;
    @FXML private TextField rateField;
    @FXML private Label rateError;
    @FXML private Slider usersSlider;
    @FXML private TextField usersField;
    @FXML private Label usersError;
    @FXML private Button rerollButton;
    @FXML private TextField seedField;
    @FXML private Label seedError;
    @FXML private VBox typesBox;
    @FXML private Button addTypeButton;
    @FXML private Label mixError;
    @FXML private Label mixNote;
    @FXML private Button undoRemoveButton;

    public ControlsController(ControlsSource app) {
        this.app = app;
        this.vm = app.controls();
    }

    @FXML
    private void initialize() {
        for (javafx.scene.Node arrivals : List.of(arrivalsTitle, arrivalsForm)) {
            arrivals.visibleProperty().bind(vm.hasArrivalsProperty());
            arrivals.managedProperty().bind(vm.hasArrivalsProperty());
        }
        policyButtons.getChildren().setAll(policyToggles(vm.policies()));
        selectPolicy(vm.policyProperty().get());
        vm.policyProperty().addListener((obs, old, now) -> selectPolicy(now));
        policyGroup.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true);
            } else {
                vm.policyProperty().set((Policy) now.getUserData());
            }
        });
        policyButtons.getChildren().forEach(b -> b.disableProperty().bind(app.compareProperty()));
        compareNote.visibleProperty().bind(app.compareProperty());
        compareNote.managedProperty().bind(compareNote.visibleProperty());
        variantsGrid.visibleProperty().bind(app.compareProperty());
        variantsGrid.managedProperty().bind(variantsGrid.visibleProperty());
        showVariants();
        vm.variants().addListener((javafx.collections.ListChangeListener<VariantModel>) c -> showVariants());

        FieldBinding.bind(vm.workers(), workersSlider, workersField, workersError, 1);
        FieldBinding.bind(vm.cores(), coresSlider, coresField, coresError, 1);
        FieldBinding.bind(vm.timeSlice(), timeSliceSlider, timeSliceField, timeSliceError, 1);
        FieldBinding.bind(vm.poolThreads(), poolThreadsSlider, poolThreadsField, poolThreadsError, 1);
        for (javafx.scene.Node n : List.of(poolThreadsLabel, poolThreadsSlider, poolThreadsField)) {
            n.visibleProperty().bind(vm.poolThreads().enabledProperty());
            n.managedProperty().bind(n.visibleProperty());
        }
        FieldBinding.bind(vm.processes(), processesSlider, processesField, processesError, 1);
        showWhenEnabled(vm.processes(), processesLabel, processesSlider, processesField);
        FieldBinding.bind(vm.switchInterval(), switchIntervalSlider, switchIntervalField, switchIntervalError, 1);
        showWhenEnabled(vm.switchInterval(), switchIntervalLabel, switchIntervalSlider, switchIntervalField);
        FormRows.closeUp(serverForm, List.of(vm.poolThreads(), vm.processes(), vm.switchInterval()),
                List.of(poolThreadsField, processesField, switchIntervalField));
        gilOn.setTooltip(new javafx.scene.control.Tooltip("At most one thread of a process computes at a time (CPython)"));
        gilOff.setTooltip(new javafx.scene.control.Tooltip("Threads of a process compute in parallel (free-threaded 3.13t)"));
        selectGil(vm.gilProperty().get());
        vm.gilProperty().addListener((obs, old, now) -> selectGil(now));
        gilGroup.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true);
            } else {
                vm.gilProperty().set(now == gilOn);
            }
        });
        FieldBinding.bind(vm.count(), countSlider, countField, countError, 1);
        FieldBinding.bind(vm.rate(), rateSlider, rateField, rateError, 1);
        FieldBinding.bind(vm.users(), usersSlider, usersField, usersError, 1);
        FieldBinding.bind(vm.seed(), null, seedField, seedError, 1);
        seedField.setPrefColumnCount(7);

        patternChoice.setItems(vm.patterns());
        patternChoice.valueProperty().bindBidirectional(vm.patternProperty());
        patternError.textProperty().bind(vm.patternErrorProperty());
        patternError.visibleProperty().bind(vm.patternErrorProperty().isNotEmpty());
        patternError.managedProperty().bind(patternError.visibleProperty());
        arrivalsNote.textProperty().bind(vm.arrivalsNoteProperty());
        arrivalsNote.visibleProperty().bind(vm.arrivalsNoteProperty().isNotEmpty());
        arrivalsNote.managedProperty().bind(arrivalsNote.visibleProperty());
        mixError.textProperty().bind(app.mixErrorProperty());
        mixError.visibleProperty().bind(app.mixErrorProperty().isNotEmpty());
        mixError.managedProperty().bind(mixError.visibleProperty());
        mixNote.textProperty().bind(app.mixNoteProperty());
        mixNote.visibleProperty().bind(app.mixNoteProperty().isNotEmpty());
        mixNote.managedProperty().bind(mixNote.visibleProperty());
        undoRemoveButton.visibleProperty().bind(app.canUndoRemoveProperty());
        undoRemoveButton.managedProperty().bind(undoRemoveButton.visibleProperty());

        showResources();
        vm.resources().addListener((javafx.collections.ListChangeListener<ResourceModel>) c -> showResources());
        showTypes();
        vm.types().addListener((javafx.collections.ListChangeListener<TypeModel>) c -> showTypes());
    }

    /**
     * One toggle per policy, side by side as pills (the first and last
     * rounded on their outer side), each named by its policy: "policySync",
     * "policyEventLoop", "policyEventLoopPool".
     */
    private List<ToggleButton> policyToggles(List<Policy> policies) {
        List<ToggleButton> buttons = new java.util.ArrayList<>();
        for (int i = 0; i < policies.size(); i++) {
            Policy p = policies.get(i);
            ToggleButton b = new ToggleButton(p.shortName());
            b.setUserData(p);
            b.setToggleGroup(policyGroup);
            b.setId(policyButtonId(p));
            b.setAccessibleText(p.displayName());
            b.setTooltip(new javafx.scene.control.Tooltip(p.displayName()));
            b.getStyleClass().add(i == 0 ? "left-pill" : i == policies.size() - 1 ? "right-pill" : "middle-pill");
            b.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(b, javafx.scene.layout.Priority.ALWAYS);
            buttons.add(b);
        }
        return buttons;
    }

    /** "policySync", "policyEventLoop", "policyEventLoopPool": the toggle's id, from the policy's style key. */
    static String policyButtonId(Policy p) {
        StringBuilder id = new StringBuilder("policy");
        for (String word : p.styleKey().split("-")) {
            id.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return id.toString();
    }

    /** Shows a field's label, slider and text only while its value means something for the scenario. */
    private static void showWhenEnabled(FieldModel field, javafx.scene.Node... nodes) {
        for (javafx.scene.Node n : nodes) {
            n.visibleProperty().bind(field.enabledProperty());
            n.managedProperty().bind(n.visibleProperty());
        }
    }

    private void selectGil(boolean on) {
        (on ? gilOn : gilOff).setSelected(true);
    }

    /** Shows {@code p} on its toggle. */
    private void selectPolicy(Policy p) {
        policyGroup.getToggles().stream().filter(b -> b.getUserData() == p).findFirst().ifPresent(b -> b.setSelected(true));
    }

    private void showResources() {
        resourcesBox.getChildren().setAll(vm.resources().stream()
                .map(r -> Fxml.<javafx.scene.Parent>load(ControlsController.class, "ResourceRow.fxml", r)).toList());
        resourcesTitle.setVisible(!vm.resources().isEmpty());
        resourcesTitle.setManaged(!vm.resources().isEmpty());
    }

    /**
     * A block per compare variant: its label, then workers, cores and time
     * slice, each typed as a number; below them its policy and, where that
     * policy has one, the size of its thread pool; then its GIL with, when
     * on, the switch interval; then, under sync, its processes.
     */
    private void showVariants() {
        variantsGrid.getChildren().clear();
        String[] heads = {"Variant", "Workers", "Cores", "Slice ms"};
        for (int c = 0; c < heads.length; c++) {
            Label head = new Label(heads[c]);
            head.getStyleClass().add("variant-head");
            head.setMinWidth(Label.USE_PREF_SIZE);
            variantsGrid.add(head, c, 0);
        }
        int row = 1;
        for (VariantModel v : vm.variants()) {
            Label name = new Label(v.label());
            name.getStyleClass().add("variant-name");
            name.setWrapText(true);
            variantsGrid.add(name, 0, row);
            FieldModel[] fields = {v.workers(), v.cores(), v.timeSlice(), v.poolThreads(), v.switchInterval(), v.processes()};
            String[] ids = {"Workers", "Cores", "Slice", "Pool", "Switch", "Processes"};
            String[] names = {"Workers", "Cores", "Slice ms", "Pool threads", "GIL switch interval ms", "Processes"};
            int[][] places = {{1, row}, {2, row}, {3, row}, {3, row + 1}, {3, row + 2}, {1, row + 3}};
            TextField[] typed = new TextField[fields.length];
            for (int c = 0; c < fields.length; c++) {
                TextField field = new TextField();
                typed[c] = field;
                field.setId("variant" + v.index() + ids[c]);
                field.setAccessibleText(v.label() + ": " + names[c]);
                Label error = new Label();
                error.getStyleClass().add("field-error");
                error.setWrapText(true);
                FieldBinding.bind(fields[c], null, field, error, 1);
                field.setPrefColumnCount(2);
                field.getStyleClass().add("variant-field");
                variantsGrid.add(field, places[c][0], places[c][1]);
                variantsGrid.add(error, 0, row + 4 + c, 4, 1);
            }
            ComboBox<Policy> policy = new ComboBox<>(javafx.collections.FXCollections.observableList(v.policies()));
            policy.setId("variant" + v.index() + "Policy");
            policy.setAccessibleText(v.label() + ": policy");
            policy.setConverter(new javafx.util.StringConverter<>() {
                @Override
                public String toString(Policy p) {
                    return p == null ? "" : p.shortName();
                }

                @Override
                public Policy fromString(String text) {
                    return v.policies().stream().filter(p -> p.shortName().equals(text)).findFirst().orElse(null);
                }
            });
            policy.valueProperty().bindBidirectional(v.policyProperty());
            policy.setMaxWidth(Double.MAX_VALUE);
            policy.getStyleClass().add("variant-policy");
            variantsGrid.add(policy, 0, row + 1, 2, 1);
            Label pool = new Label("Pool");
            pool.getStyleClass().add("variant-head");
            pool.setMinWidth(Label.USE_PREF_SIZE);
            variantsGrid.add(pool, 2, row + 1);
            for (javafx.scene.Node n : List.of(pool, typed[3])) {
                n.visibleProperty().bind(v.poolThreads().enabledProperty());
            }
            javafx.scene.control.CheckBox gil = new javafx.scene.control.CheckBox("GIL");
            gil.setId("variant" + v.index() + "Gil");
            gil.setAccessibleText(v.label() + ": GIL (CPython); clear for free-threaded");
            gil.selectedProperty().bindBidirectional(v.gilProperty());
            variantsGrid.add(gil, 0, row + 2, 2, 1);
            Label interval = new Label("Switch ms");
            interval.getStyleClass().add("variant-head");
            interval.setMinWidth(Label.USE_PREF_SIZE);
            variantsGrid.add(interval, 2, row + 2);
            for (javafx.scene.Node n : List.of(interval, typed[4])) {
                n.visibleProperty().bind(v.switchInterval().enabledProperty());
            }
            Label processes = new Label("Processes");
            processes.getStyleClass().add("variant-head");
            processes.setMinWidth(Label.USE_PREF_SIZE);
            variantsGrid.add(processes, 0, row + 3);
            for (javafx.scene.Node n : List.of(processes, typed[5])) {
                n.visibleProperty().bind(v.processes().enabledProperty());
                n.managedProperty().bind(n.visibleProperty());
            }
            row += 4 + fields.length;
        }
    }

    private void showTypes() {
        typesBox.getChildren().setAll(vm.types().stream()
                .map(t -> Fxml.<javafx.scene.Parent>load(ControlsController.class, "TypeCard.fxml", new TypeCardController.Card(t, app))).toList());
    }

    @FXML
    private void reroll() {
        vm.rerollSeed();
    }

    @FXML
    private void undoRemove() {
        app.undoRemove();
    }

    @FXML
    private void addType() {
        TypeEditorDialog.add(app, addTypeButton);
    }
}
