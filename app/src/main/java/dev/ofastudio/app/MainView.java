package dev.ofastudio.app;

import dev.ofastudio.app.diagram.DiagramView;
import dev.ofastudio.app.calibrate.CalibrationView;
import dev.ofastudio.app.claim.ClaimView;
import dev.ofastudio.app.heatmap.HeatmapView;
import dev.ofastudio.app.roofline.RooflineView;
import dev.ofastudio.app.inputs.InputsView;
import dev.ofastudio.app.pareto.ParetoView;
import dev.ofastudio.app.pareto.ParetoViewModel;
import dev.ofastudio.app.pareto.SelectionDetailsView;
import dev.ofastudio.app.present.PresentView;
import dev.ofastudio.app.render.ParetoRenderer;
import dev.ofastudio.app.project.ProjectSwitcher;
import dev.ofastudio.app.training.TrainingView;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.controlsfx.control.StatusBar;

/**
 * The main window's content: menu; a Design tab with the inputs panel, Pareto chart with board
 * toggles and the selection panes (diagram, heatmap, details); a Training tab; and a status bar
 * with progress and Cancel. The project switcher heads the inputs panel.
 */
public final class MainView extends BorderPane {
    private final Studio studio;
    private final ParetoView chart;
    private final TabPane selectionTabs = new TabPane();
    private final HBox boardToggles = new HBox(12);

    public MainView(Studio studio) {
        this.studio = studio;
        setId("mainView");
        ParetoViewModel pareto = studio.pareto();
        chart = new ParetoView(pareto, 1.0);

        setTop(menu());
        ScrollPane inputs = new ScrollPane(new VBox(new ProjectSwitcher(studio.project()),
                new InputsView(studio.inputs(), pareto)));
        inputs.setFitToWidth(true);
        inputs.setMinWidth(270);

        boardToggles.setId("boardToggles");
        boardToggles.setAlignment(Pos.CENTER_LEFT);
        FlowPane toggles = new FlowPane(12, 4, boardToggles);
        HBox.setHgrow(toggles, Priority.ALWAYS);
        toggles.setMinWidth(0);
        Button fit = new Button("Fit");
        fit.setId("fitChart");
        fit.setOnAction(e -> chart.fitAll());
        Button present = new Button("Present");
        present.setId("presentButton");
        present.setOnAction(e -> openPresentMode());
        // The how-to sits in a tooltip so the bar never squeezes the buttons or the board names.
        Label hint = new Label("?");
        hint.setId("chartHelp");
        hint.setStyle("-fx-text-fill: #555; -fx-border-color: #aaa; -fx-border-radius: 9; -fx-padding: 0 6 0 6;");
        hint.setTooltip(new Tooltip("drag: pan · wheel: zoom (Shift: latency only, Ctrl: accuracy only) · "
                + "drag the red line: budget · double-click: search here · 0: fit"));
        for (Button b : List.of(fit, present)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        Label boardsLabel = new Label("Boards:");
        boardsLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox chartBar = new HBox(10, boardsLabel, toggles, hint, fit, present);
        chartBar.setPadding(new Insets(6, 8, 6, 8));
        chartBar.setAlignment(Pos.CENTER_LEFT);
        pareto.tableProperty().addListener((o, a, t) -> rebuildToggles());

        BorderPane chartPane = new BorderPane(chart);
        chartPane.setTop(chartBar);
        StackPane center = new StackPane(chartPane);

        selectionTabs.setId("selectionTabs");
        selectionTabs.getTabs().addAll(tab("Diagram", new DiagramView(studio.diagram(), studio::chooseDiagramExport)),
                tab("Heatmap", new HeatmapView(studio.heatmap())), tab("Details", new SelectionDetailsView(pareto)),
                tab("Roofline", new RooflineView(studio.roofline())));
        SplitPane right = new SplitPane(center, selectionTabs);
        right.setOrientation(Orientation.VERTICAL);
        // The lower pane keeps room for the diagram's text; the inputs panel its buttons' width.
        right.setDividerPositions(0.6);
        SplitPane main = new SplitPane(inputs, right);
        main.setDividerPositions(0.22);
        SplitPane.setResizableWithParent(inputs, false);
        // Design is the studio's work on a predictor; Training makes supernets (and later predictors).
        TabPane pages = new TabPane(tab("Design", main), tab("Training", new TrainingView(studio.training())));
        pages.setId("mainTabs");
        setCenter(pages);
        setBottom(statusBar());
    }

    private static Tab tab(String name, Node content) {
        Tab t = new Tab(name, content);
        t.setClosable(false);
        return t;
    }

    private void rebuildToggles() {
        ParetoViewModel p = studio.pareto();
        boardToggles.getChildren().clear();
        var boards = p.tableProperty().get().boards();
        for (int b = 0; b < boards.size() && b < p.visibleBoards().size(); b++) {
            CheckBox cb = new CheckBox(boards.get(b));
            // Board and file names are shown as they are ("note10_lut" keeps its underscore).
            cb.setMnemonicParsing(false);
            cb.setId("toggle-" + b);
            cb.setGraphic(new Rectangle(10, 10, ParetoRenderer.boardColor(b)));
            cb.selectedProperty().bindBidirectional(p.visibleBoards().get(b));
            boardToggles.getChildren().add(cb);
        }
    }

    private MenuBar menu() {
        var in = studio.inputs();
        var ws = studio.workspace();
        var ex = studio.export();
        Menu file = new Menu("File", null,
                item("Open project folder…", "menuOpenProject", studio.project()::openFolder, null),
                item("Open predictor…", "menuOpenPredictor", in::openPredictor, null),
                item("Load latency profile or table…", "menuOpenLatency", in::openLatencyFile,
                        new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN)),
                item("Load OFA YAML folder…", "menuOpenFolder", in::openLatencyFolder, null),
                item("Calibrate a board profile…", "menuCalibrate", this::openCalibration, null),
                item("Open supernet weights…", "menuOpenSupernet", studio.weights()::openSupernet, null),
                new javafx.scene.control.SeparatorMenuItem(),
                item("Open workspace…", "menuOpenWorkspace", ws::open,
                        new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN)),
                item("Save workspace", "menuSaveWorkspace", ws::save,
                        new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN)),
                item("Save workspace as…", "menuSaveWorkspaceAs", ws::saveAs,
                        new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN)),
                new javafx.scene.control.SeparatorMenuItem(),
                item("Quit", "menuQuit", this::requestClose,
                        new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN)));
        Menu export = new Menu("Export", null,
                item("Selected sub-network…", "menuExportSelected", ex::exportSelected,
                        new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN)),
                item("Pareto table (CSV)…", "menuExportCsv", ex::exportParetoCsv, null),
                item("Chart (PNG)…", "menuExportPng", () -> ex.exportChartPng(() -> chart.snapshotPng(chartTitle())), null),
                weightsItem());
        Menu search = new Menu("Search", null,
                item("Run sweep", "menuRunSweep", studio.pareto()::runSweep,
                        new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN)),
                item("Cancel", "menuCancel", studio.pareto()::cancel, new KeyCodeCombination(KeyCode.ESCAPE)));
        Menu view = new Menu("View", null,
                item("Present mode", "menuPresent", this::openPresentMode, new KeyCodeCombination(KeyCode.F11)),
                item("Fit chart", "menuFit", chart::fitAll, null),
                item("The seed's claim…", "menuClaim", this::openClaim, null));
        Menu help = new Menu("Help", null, item("About and licences", "menuAbout", studio::showAbout, null));
        return new MenuBar(file, search, export, view, help);
    }

    /** The seed's claim against the model, in a window of its own. */
    private void openClaim() {
        Stage window = new Stage();
        window.setTitle("The seed's claim vs the DPU model");
        window.initOwner(getScene().getWindow());
        window.setScene(new javafx.scene.Scene(new ClaimView(studio.claim()), 1000, 520));
        window.show();
    }

    /** The calibration dialog, in a window of its own beside the main one. */
    private void openCalibration() {
        Stage dialog = new Stage();
        dialog.setTitle("Calibrate a board profile to your measurements");
        dialog.initOwner(getScene().getWindow());
        dialog.setScene(new javafx.scene.Scene(new CalibrationView(studio.calibration()), 900, 420));
        dialog.show();
    }

    /** Enabled once a supernet is loaded (File → Open supernet weights…) or the project ships one, while no export runs. */
    private MenuItem weightsItem() {
        var w = studio.weights();
        MenuItem m = item("Sub-network weights (ONNX / PyTorch)…", "menuExportWeights", w::exportWeights, null);
        m.disableProperty().bind(w.canExportBinding().not().or(w.busyProperty()));
        return m;
    }

    private static MenuItem item(String text, String id, Runnable action, KeyCombination key) {
        MenuItem m = new MenuItem(text);
        m.setId(id);
        m.setOnAction(e -> action.run());
        if (key != null) {
            m.setAccelerator(key);
        }
        return m;
    }

    private Node statusBar() {
        ParetoViewModel p = studio.pareto();
        StatusBar bar = new StatusBar();
        bar.setId("statusBar");
        // The latest message from any part wins.
        bar.setText("Ready");
        for (var source : List.of(p.messageProperty(), studio.export().statusProperty(),
                studio.weights().statusProperty(),
                studio.workspace().statusProperty(), studio.inputs().statusProperty())) {
            source.addListener((o, a, text) -> {
                if (text != null && !text.isEmpty()) {
                    bar.setText(text);
                }
            });
        }
        var in = studio.inputs();
        bar.progressProperty().bind(Bindings.when(p.runningProperty()).then(p.progressProperty())
                .otherwise(Bindings.when(in.busyProperty()).then(-1.0).otherwise(0.0)));
        Button cancel = new Button("Cancel");
        cancel.setId("cancelTask");
        cancel.visibleProperty().bind(p.runningProperty().or(in.busyProperty()));
        cancel.setOnAction(e -> {
            p.cancel();
            in.cancelLoading();
        });
        bar.getRightItems().add(cancel);
        return bar;
    }

    /**
     * Closes the window the way its close button does, so the same guard applies: a running
     * training job is first paused at a step boundary, then unsaved changes may be saved (the
     * studio asks).
     */
    private void requestClose() {
        Stage stage = (Stage) getScene().getWindow();
        stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST));
    }

    /**
     * Guards the window's close: while a training job runs, the studio asks to pause it and goes
     * on once it has stopped at a step boundary, so its run folder stays resumable; then, with
     * unsaved changes, it asks whether to save the workspace first (Cancel keeps the window).
     */
    public void guardClose(Stage stage) {
        var workspace = studio.workspace();
        Runnable closeIfSaved = () -> {
            if (workspace.allowClose(stage::close)) {
                stage.close();
            }
        };
        stage.setOnCloseRequest(e -> {
            if (!studio.training().allowClose(closeIfSaved) || !workspace.allowClose(stage::close)) {
                e.consume();
            }
        });
    }

    /** The window's title follows the workspace: its file name, marked "•" while changes are unsaved. */
    public void bindTitle(Stage stage) {
        stage.titleProperty().bind(studio.workspace().titleBinding());
    }

    /** Opens the full-screen demo view; Esc closes it. */
    public void openPresentMode() {
        Stage stage = new Stage();
        stage.initOwner(getScene().getWindow());
        stage.setTitle("OFA Studio — present");
        AppIcons.apply(stage);
        PresentView view = new PresentView(studio.pareto(), studio.present());
        // Sized to the screen, so it fills it even where full-screen is not granted (no window manager).
        var screen = javafx.stage.Screen.getPrimary().getBounds();
        Scene scene = new Scene(view, screen.getWidth(), screen.getHeight(), Color.WHITE);
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
            }
        });
        stage.setScene(scene);
        stage.setFullScreenExitHint("");
        stage.setFullScreen(true);
        stage.show();
    }

    /** The exported chart's title: the project and what the axes show. */
    String chartTitle() {
        var p = studio.project().currentProperty().get();
        return (p == null ? "" : p.name() + " — ") + "predicted top-1 vs latency";
    }

    public ParetoView chart() {
        return chart;
    }
}
