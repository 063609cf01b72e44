package io.interleave.app;

import io.interleave.app.classroom.ClassroomLook;
import io.interleave.app.classroom.ClassroomViewModel;
import io.interleave.app.classroom.Theme;
import io.interleave.app.editor.TypeEditorDialog;
import io.interleave.app.playback.PlaybackViewModel;
import io.interleave.app.timeline.TimelineView;
import io.interleave.render.ViewMode;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;

/**
 * The window: binds the toolbar, timeline, notice and playback bar to
 * {@link AppViewModel}. Each handler is one call on a view model.
 */
public final class MainController {
    private final AppViewModel vm;
    private final PlaybackViewModel playback;
    private final PlaybackDriver driver;

    @FXML private BorderPane root;
    @FXML private HBox toolbar;
    /** The lesson list is open from Ctrl+Shift+O: the toolbar shows even with every panel folded. */
    private final BooleanProperty choosingLesson = new SimpleBooleanProperty(this, "choosingLesson");
    @FXML private ToggleGroup viewGroup;
    @FXML private ToggleGroup viewMenuGroup;
    @FXML private RadioMenuItem requestsMenuItem;
    @FXML private RadioMenuItem workersMenuItem;
    @FXML private CheckMenuItem compareMenuItem;
    @FXML private MenuBar menuBar;
    @FXML private CheckMenuItem projectorMenuItem;
    @FXML private CheckMenuItem narrationMenuItem;
    @FXML private javafx.scene.control.MenuItem reloadMenuItem;
    @FXML private javafx.scene.Node narration;
    /** The narration panel's controller (the fx:include's, injected by FXML). */
    @FXML private io.interleave.app.narration.NarrationController narrationController;
    @FXML private CheckMenuItem controlsMenuItem;
    @FXML private CheckMenuItem notesMenuItem;
    @FXML private CheckMenuItem metricsMenuItem;
    @FXML private CheckMenuItem focusMenuItem;
    @FXML private javafx.scene.control.MenuItem undoSwitchMenuItem;
    @FXML private javafx.scene.control.MenuItem restoreTweakMenuItem;
    @FXML private javafx.scene.control.SplitPane mainSplit;
    @FXML private ScrollPane metricsScroll;
    @FXML private javafx.scene.layout.VBox panelRail;
    @FXML private javafx.scene.layout.VBox notice;
    @FXML private HBox toast;
    @FXML private Label toastText;
    @FXML private Button toastAction;
    @FXML private ToggleGroup themeGroup;
    @FXML private RadioMenuItem lightThemeMenuItem;
    @FXML private RadioMenuItem darkThemeMenuItem;
    private ClassroomWindows windows;
    @FXML private ComboBox<AppViewModel.PresetChoice> presetChoice;
    @FXML private HBox statusBox;
    @FXML private ProgressIndicator progress;
    @FXML private Label statusLabel;
    @FXML private ToggleButton viewRequests;
    @FXML private ToggleButton viewWorkers;
    @FXML private ToggleButton compareToggle;
    @FXML private Button fitButton;
    @FXML private ScrollPane controlsScroll;
    @FXML private TimelineView timeline;
    @FXML private Label scenarioName;
    @FXML private Label description;
    @FXML private Label suggestion;
    @FXML private Button restartButton;
    @FXML private Button stepBackButton;
    @FXML private Button playButton;
    @FXML private Button stepForwardButton;
    @FXML private ComboBox<Double> speedChoice;
    @FXML private Slider scrubber;
    @FXML private Label timeLabel;

    public MainController(AppViewModel vm) {
        this.vm = vm;
        this.playback = vm.playback();
        this.driver = new PlaybackDriver(playback);
    }

    @FXML
    private void initialize() {
        presetChoice.getItems().setAll(vm.presets());
        presetChoice.valueProperty().bindBidirectional(vm.presetProperty());
        reloadMenuItem.disableProperty().bind(vm.presetProperty().isNull()); // nothing to reload once a file is open
        undoSwitchMenuItem.disableProperty().bind(vm.lessons().canUndoProperty().not());
        restoreTweakMenuItem.disableProperty().bind(vm.lessons().canRestoreProperty().not());
        PanelLayout layout = new PanelLayout(vm.panels(), panelRail, controlsScroll, notice, narration, mainSplit, metricsScroll);
        layout.bindMenu(controlsMenuItem, notesMenuItem, narrationMenuItem, metricsMenuItem, focusMenuItem);
        layout.foldWithAll(toolbar, choosingLesson);
        presetChoice.showingProperty().addListener((obs, was, showing) -> {
            if (!showing) {
                choosingLesson.set(false);
            }
        });
        Toast.bind(vm.notices(), toast, toastText, toastAction);
        // Projector type leaves little height: turning it on folds the narration (F8 brings it back).
        vm.classroom().projectorProperty().addListener((o, was, on) -> {
            if (on) {
                vm.panels().shownProperty(io.interleave.app.classroom.Panels.Panel.NARRATION).set(false);
            }
        });
        // A lesson chosen or a file opened: Space, the arrows and Home drive playback, as from the timeline.
        vm.loadsProperty().addListener((obs, old, now) -> focusTimelineAfterLoad());
        presetChoice.setOnHidden(e -> Platform.runLater(timeline::requestFocus));
        presetChoice.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER || e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                timeline.requestFocus();
            }
        });

        statusLabel.textProperty().bind(vm.statusProperty());
        progress.visibleProperty().bind(vm.runner().runningProperty());
        progress.progressProperty().bind(vm.runner().progressProperty());
        statusBox.visibleProperty().bind(vm.statusProperty().isNotEmpty().or(vm.runner().runningProperty()));

        viewRequests.setUserData(ViewMode.REQUESTS);
        viewWorkers.setUserData(ViewMode.WORKERS);
        requestsMenuItem.setUserData(ViewMode.REQUESTS);
        workersMenuItem.setUserData(ViewMode.WORKERS);
        Toggles.bind(viewGroup, vm.viewModeProperty());
        Toggles.bind(viewMenuGroup, vm.viewModeProperty());
        compareToggle.selectedProperty().bindBidirectional(vm.compareProperty());
        compareMenuItem.selectedProperty().bindBidirectional(vm.compareProperty());

        timeline.tracesProperty().bind(vm.tracesProperty());
        timeline.modeProperty().bind(vm.viewModeProperty());
        timeline.playheadMsProperty().bind(playback.playheadMsProperty());
        vm.export().bindView(timeline.timeScaleProperty(), timeline.paletteProperty(), timeline.textScaleProperty());
        // A loaded lesson or file starts fitted; an edit keeps the zoom, pan and scroll (the timeline keeps them itself).
        vm.loadsProperty().addListener((obs, old, now) -> timeline.newDocument());
        vm.viewModeProperty().addListener((obs, old, now) -> Platform.runLater(timeline::fit));
        scenarioName.textProperty().bind(vm.scenarioProperty().map(s -> s.name()));
        description.textProperty().bind(vm.scenarioProperty().map(AppViewModel::notice));
        suggestion.textProperty().bind(vm.presetProperty().map(AppViewModel::suggestion).orElse(""));
        suggestion.visibleProperty().bind(suggestion.textProperty().isNotEmpty());
        suggestion.managedProperty().bind(suggestion.visibleProperty());

        playButton.textProperty().bind(playback.playingProperty().map(p -> p ? "❚❚ Pause" : "▶ Play"));
        speedChoice.getItems().setAll(PlaybackViewModel.SPEEDS);
        speedChoice.setConverter(new SpeedConverter());
        speedChoice.setValue(playback.speedProperty().get());
        speedChoice.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                playback.setSpeed(now);
            }
        });
        playback.speedProperty().addListener((obs, old, now) -> speedChoice.setValue(now.doubleValue()));
        Scrubbing.bind(scrubber, playback);
        timeLabel.textProperty().bind(playback.timeTextProperty());
        playback.playingProperty().addListener((obs, was, now) -> driver.follow(now));

        ClassroomViewModel classroom = vm.classroom();
        projectorMenuItem.selectedProperty().bindBidirectional(classroom.projectorProperty());
        lightThemeMenuItem.setUserData(Theme.LIGHT);
        darkThemeMenuItem.setUserData(Theme.DARK);
        Toggles.bind(themeGroup, classroom.themeProperty());
        timeline.textScaleProperty().bind(classroom.textScaleProperty());
        timeline.paletteProperty().bind(classroom.paletteProperty());
        windows = new ClassroomWindows(root, menuBar, vm.scenarioProperty(), classroom);

        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                PlaybackKeys.install(scene, playback, scrubber);
                ClassroomLook.attach(scene, classroom);
            }
        });
    }

    /**
     * After a new scenario is shown, focus goes to the timeline, unless the
     * lesson list has it and is being browsed with its own arrow keys.
     */
    private void focusTimelineAfterLoad() {
        javafx.scene.Scene scene = root.getScene();
        if (scene != null && !(scene.getFocusOwner() == presetChoice && !presetChoice.isShowing())) {
            Platform.runLater(timeline::requestFocus);
        }
    }

    /** View ▸ Code (F12): the handlers as Python, in step with the playhead, in a window beside the timeline. */
    @FXML
    private void showCode() {
        if (codeWindow == null) {
            ClassroomViewModel classroom = vm.classroom();
            io.interleave.app.code.CodeViewModel code = new io.interleave.app.code.CodeViewModel(vm);
            // hovering a bar in the timeline highlights its line
            timeline.hoveredProperty().addListener((obs, old, hit) -> code.hover(hit.map(h -> h.traceIndex()).orElse(-1),
                    hit.flatMap(h -> h.request()).map(r -> r.type()).orElse(-1), hit.flatMap(h -> h.span())));
            // clicking a line outlines its bars (the requests' time on it) in that variant's section
            code.selectedSpansProperty().addListener((obs, old, spans) -> timeline.choose(
                    code.selectedProperty().get() == null ? -1 : code.selectedProperty().get().column(), spans));
            codeWindow = io.interleave.app.code.CodeWindow.create(root.getScene() == null ? null : root.getScene().getWindow(),
                    code, classroom.textScaleProperty(), classroom.paletteProperty());
            vm.export().codeShownProperty().bind(codeWindow.showingProperty()); // Copy Image takes the code along
            if (narrationController != null) { // while the code is open, the narration names each step's line
                narrationController.viewModel().namesCodeProperty().bind(codeWindow.showingProperty());
            }
            javafx.scene.Scene codeScene = codeWindow.getScene();
            if (root.getScene() != null) {
                codeScene.getStylesheets().setAll(root.getScene().getStylesheets());
            }
            ClassroomLook.attach(codeScene, classroom); // the theme and projector mode, as the main window's
            PlaybackKeys.install(codeScene, playback, null); // Space, arrows and Home drive playback from the code too
        }
        codeWindow.show();
        codeWindow.toFront();
    }

    private javafx.stage.Stage codeWindow;

    @FXML
    private void toggleFocus() {
        vm.panels().toggleFocus();
    }

    @FXML
    private void undoLessonSwitch() {
        vm.undoLessonSwitch();
    }

    @FXML
    private void restoreTweak() {
        vm.restoreTweak();
    }

    @FXML
    private void toastAction() {
        Toast.act(vm.notices());
    }

    @FXML
    private void togglePlay() {
        playback.togglePlay();
    }

    @FXML
    private void stepForward() {
        playback.stepForward();
    }

    @FXML
    private void stepBack() {
        playback.stepBack();
    }

    @FXML
    private void restart() {
        playback.restart();
    }

    @FXML
    private void faster() {
        playback.faster();
    }

    @FXML
    private void slower() {
        playback.slower();
    }

    @FXML
    private void showRequests() {
        vm.viewModeProperty().set(ViewMode.REQUESTS);
    }

    @FXML
    private void showWorkers() {
        vm.viewModeProperty().set(ViewMode.WORKERS);
    }

    @FXML
    private void fit() {
        timeline.fit();
    }

    @FXML
    private void rerollSeed() {
        vm.controls().rerollSeed();
    }

    @FXML
    private void reloadPreset() {
        vm.reloadPreset();
    }

    @FXML
    private void addType() {
        TypeEditorDialog.add(vm, root);
    }

    @FXML
    private void focusPresets() {
        choosingLesson.set(true);
        root.applyCss();
        root.layout(); // the toolbar may just have come back: place the list before it opens
        presetChoice.requestFocus();
        presetChoice.show();
    }

    @FXML
    private void focusControls() {
        controlsScroll.getContent().lookup("#workersField").requestFocus();
    }

    @FXML
    private void showSweep() {
        windows.showSweep();
    }

    @FXML
    private void toggleTheme() {
        vm.classroom().toggleTheme();
    }

    @FXML
    private void showShortcuts() {
        windows.showShortcuts();
    }

    @FXML
    private void showAbout() {
        windows.showAbout();
    }

    /** "1x", "0.25x". */
    private static final class SpeedConverter extends StringConverter<Double> {
        @Override
        public String toString(Double speed) {
            return speed == null ? "" : io.interleave.app.editor.Numbers.format(speed) + "x";
        }

        @Override
        public Double fromString(String text) {
            return Double.valueOf(text.replace("x", "").trim());
        }
    }
}
