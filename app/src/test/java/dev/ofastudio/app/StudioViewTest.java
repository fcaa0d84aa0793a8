package dev.ofastudio.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ofastudio.app.diagram.DiagramLayout;
import dev.ofastudio.app.heatmap.BoardAnalyzer;
import dev.ofastudio.app.inputs.EngineInputLoaders;
import dev.ofastudio.engine.study.EvolutionBudgetSearch;
import dev.ofastudio.engine.study.ResultTable;
import dev.ofastudio.app.pareto.SelectedNet;
import dev.ofastudio.app.service.ImmediateTaskExecutor;
import dev.ofastudio.app.settings.StudioSettings;
import dev.ofastudio.app.testing.BuiltIn;
import dev.ofastudio.app.testing.FakeDialogService;
import dev.ofastudio.engine.io.Json;
import dev.ofastudio.engine.io.SubnetConfigJson;
import dev.ofastudio.engine.latency.dpu.BoardSpecs;
import dev.ofastudio.engine.latency.dpu.DpuLatencyModel;
import dev.ofastudio.engine.project.BuiltInProjects;
import dev.ofastudio.engine.search.EvolutionConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Drives the real main window, opened on the built-in ImageNet project (official predictor) with
 * the shipped boards, through the fake dialog service and the immediate executor: every click
 * ends in assertable state.
 */
@ExtendWith(ApplicationExtension.class)
class StudioViewTest {
    static final Path PREDICTOR = BuiltIn.imagenet().predictor();

    @TempDir
    Path tmp;
    private final FakeDialogService dialogs = new FakeDialogService();
    private Studio studio;
    private MainView view;

    @Start
    void start(Stage stage) throws Exception {
        StudioSettings settings = BuiltIn.openingImageNet();
        // A small evolution keeps the test quick; the sweep logic is the same.
        studio = new Studio(new EngineInputLoaders(), dialogs, new ImmediateTaskExecutor(), settings,
                new EvolutionBudgetSearch(EvolutionConfig.defaults().withPopulation(16, 5)),
                BoardAnalyzer.shippedDpuModels());
        view = new MainView(studio);
        stage.setScene(new Scene(view, 1260, 780));
        stage.show();
        studio.pareto().cloudSizeProperty().set(600);
        studio.pareto().budgetCountProperty().set(2);
        // Opening a project sweeps it (ProjectViewModelTest); here each test sweeps when it needs to,
        // so that start-up stays within TestFX's set-up time on a loaded machine.
        studio.project().sweepOnOpenProperty().set(false);
        studio.start();
    }

    @Test
    void opensTheRememberedImageNetProjectReadyToSweep(FxRobot robot) {
        assertTrue(robot.lookup("#welcomePane").queryAll().isEmpty(), "no welcome pane");
        assertEquals(BuiltInProjects.IMAGENET, studio.project().currentProperty().get().id());
        assertEquals(PREDICTOR, studio.inputs().predictorPathProperty().get());
        assertEquals(1.2, studio.inputs().spaceProperty().get().widthMult());
        assertFalse(robot.lookup("#runSweep").queryButton().isDisabled(), "ready: no file to open first");
        runSweep(robot);
        assertEquals(List.of("ZCU102", "ZCU104", "KV260"), studio.pareto().tableProperty().get().boards());
        // The project's Note10 table is offered, unchecked; the shipped boards stay the sweep's default.
        var note10 = studio.inputs().sources().stream().filter(s -> s.source().label().contains("note10_lut"))
                .findFirst().orElseThrow();
        assertFalse(note10.isEnabled());
        var combo = robot.lookup("#projectChoice").queryComboBox();
        assertEquals("ImageNet (official OFA predictor)", combo.getValue().toString());
        assertTrue(dialogs.errors.isEmpty(), () -> "errors: " + dialogs.errors);
    }

    @Test
    void theSwitcherOpensAProjectFolderAndSwitchesBackToImageNet(FxRobot robot) throws Exception {
        Path dir = tmp.resolve("mine");
        Files.createDirectories(dir);
        Files.copy(PREDICTOR, dir.resolve("acc.pth"));
        Files.writeString(dir.resolve("project.json"), "{\"format\": \"ofa-studio-project\", \"version\": 1, "
                + "\"name\": \"My project\", \"space\": {\"kind\": \"ofa_mbv3\", \"width_mult\": 1.0}, "
                + "\"predictor\": \"acc.pth\"}");
        int sourcesBefore = studio.inputs().sources().size();
        dialogs.answer(dir);
        robot.clickOn("#openProjectFolder");
        assertEquals("My project", studio.project().currentProperty().get().name(), () -> "errors: " + dialogs.errors);
        assertEquals(1.0, studio.inputs().spaceProperty().get().widthMult());
        assertEquals(dir.resolve("acc.pth").toAbsolutePath(), studio.inputs().predictorPathProperty().get());
        assertEquals(sourcesBefore - 1, studio.inputs().sources().size(), "the ImageNet project's table goes");
        var combo = robot.lookup("#projectChoice").queryComboBox();
        assertEquals(3, combo.getItems().size(), "Fashion-MNIST, ImageNet and the folder");
        assertEquals("My project", combo.getValue().toString());

        // With unsaved changes the studio asks first; Cancel keeps the project, and the combo shows it.
        robot.interact(() -> studio.pareto().budgetMsProperty().set(3.25));
        robot.clickOn("#projectChoice").clickOn("ImageNet (official OFA predictor)");
        assertEquals(List.of("Save changes to the workspace before switching to project ImageNet (official OFA "
                + "predictor)?"), dialogs.saveQuestions);
        assertEquals("My project", studio.project().currentProperty().get().name());
        assertEquals("My project", combo.getValue().toString());

        dialogs.saveAnswer = dev.ofastudio.app.service.SaveChoice.DONT_SAVE;
        robot.clickOn("#projectChoice").clickOn("ImageNet (official OFA predictor)");
        assertEquals(BuiltInProjects.IMAGENET, studio.project().currentProperty().get().id());
        assertEquals(1.2, studio.inputs().spaceProperty().get().widthMult());
        assertEquals(PREDICTOR, studio.inputs().predictorPathProperty().get());
        assertEquals(sourcesBefore, studio.inputs().sources().size(), "its table comes back once");
    }

    @Test
    void aboutListsTheOfficialPredictorsLicence(FxRobot robot) {
        robot.clickOn("Help").clickOn("About and licences");
        assertEquals(1, dialogs.texts.size());
        assertTrue(dialogs.texts.get(0).contains("ImageNet (official OFA predictor)"), dialogs.texts.get(0));
        assertTrue(dialogs.texts.get(0).contains("MIT License"), dialogs.texts.get(0));
    }

    private void loadPredictor(FxRobot robot) {
        dialogs.answer(PREDICTOR);
        robot.clickOn("#openPredictor");
        assertNotNull(studio.inputs().predictorProperty().get(), () -> "errors: " + dialogs.errors);
    }

    private void runSweep(FxRobot robot) {
        robot.clickOn("#runSweep");
        assertTrue(studio.pareto().tableProperty().get().size() > 600, () -> "errors: " + dialogs.errors);
    }

    @Test
    void loadsAProfileRunsASweepAndTheSelectionDrivesDiagramHeatmapAndExport(FxRobot robot) throws Exception {
        loadPredictor(robot);
        Path board = tmp.resolve("myboard.json");
        Json.write(board, BoardSpecs.toJson(BoardSpecs.load("zcu104")));
        dialogs.answer(board);
        robot.clickOn("#openLatencyFile");
        assertEquals(5, studio.inputs().sources().size(), () -> "errors: " + dialogs.errors);
        assertEquals(board.toAbsolutePath().toString(), studio.inputs().chosenProperty().get().source().id());

        runSweep(robot);
        ResultTable t = studio.pareto().tableProperty().get();
        assertEquals(4, t.boards().size());
        int chosen = studio.pareto().chosenBoardProperty().get();
        assertEquals(3, chosen, "the loaded profile is the chosen board");

        // Click a point of the chosen board's front.
        int[] front = studio.pareto().front(chosen);
        int row = front[front.length / 2];
        robot.interact(() -> studio.pareto().selectedRowProperty().set(-1));
        double[] xy = view.chart().screenOf(chosen, row);
        Point2D onScreen = view.chart().canvas().localToScreen(xy[0], xy[1]);
        robot.clickOn(onScreen);
        SelectedNet sel = studio.pareto().selectedProperty().get();
        assertNotNull(sel, "a click on a point selects it");
        double[] selXy = view.chart().screenOf(chosen, sel.row());
        assertTrue(Math.hypot(selXy[0] - xy[0], selXy[1] - xy[1]) <= 8, "the selected point is under the cursor");

        // Hovering a point shows its figures.
        robot.moveTo(onScreen.add(1, 0));
        var tip = robot.lookup("#paretoTooltip").queryAs(javafx.scene.control.Label.class);
        assertTrue(tip.isVisible());
        assertTrue(tip.getText().contains("top-1") && tip.getText().contains("MACs")
                && tip.getText().contains("frame overhead") && tip.getText().contains("ops/B"), tip.getText());

        // The diagram and the heatmap show the selected sub-network.
        var space = studio.pareto().resultSpaceProperty().get();
        assertEquals(DiagramLayout.of(space, sel.config()), studio.diagram().layoutProperty().get());
        assertEquals(space.describe(sel.config()),
                studio.heatmap().subnetTableProperty().get().network());
        // The loaded board spec is a fourth heatmap column, analyzed with its own model.
        var heat = studio.heatmap().subnetTableProperty().get();
        assertEquals(List.of("zcu102", "zcu104", "kv260", "myboard"), heat.boards());
        assertEquals(new DpuLatencyModel(BoardSpecs.load("zcu104")).analyze(heat.network()), heat.reports().get(3));
        assertEquals(4, studio.heatmap().baselineTableProperty().get().boards().size());
        // The roofline follows the selection too: its layers, the first board's front, MobileNetV2.
        var roof = studio.roofline().plotProperty().get();
        assertEquals(space.describe(sel.config()).layers().size(),
                roof.of(dev.ofastudio.app.roofline.RooflineViewModel.Kind.LAYER).size());
        assertEquals(1, roof.of(dev.ofastudio.app.roofline.RooflineViewModel.Kind.BASELINE).size());
        assertEquals(studio.pareto().front(Studio.boardColumn(t, "zcu102")).length,
                roof.of(dev.ofastudio.app.roofline.RooflineViewModel.Kind.FRONT_NET).size());
        robot.clickOn("Roofline");
        assertTrue(robot.lookup("#roofline-canvas").queryAs(javafx.scene.canvas.Canvas.class).isVisible());
        robot.clickOn("Heatmap");
        // Unchecking the source in the inputs list drops its column; checking it brings it back.
        var myCheckBox = robot.lookup("#sourcesList .list-cell").queryAllAs(javafx.scene.control.ListCell.class)
                .stream().filter(c -> c.getItem() != null && c.getItem().toString().contains("myboard.json"))
                .findFirst().orElseThrow().lookup(".check-box");
        robot.clickOn(myCheckBox);
        assertFalse(studio.inputs().find(board.toAbsolutePath().toString()).orElseThrow().isEnabled());
        assertEquals(List.of("zcu102", "zcu104", "kv260"), studio.heatmap().subnetTableProperty().get().boards());
        robot.clickOn(myCheckBox);
        assertEquals(4, studio.heatmap().subnetTableProperty().get().boards().size());

        // Export the selection and read the files back.
        dialogs.answer(tmp.resolve("pick.config.json"));
        robot.clickOn("Export").clickOn("Selected sub-network…");
        assertEquals(sel.config(), SubnetConfigJson.read(tmp.resolve("pick.config.json")));
        JsonNode meta = Json.read(tmp.resolve("pick.meta.json"));
        assertEquals(sel.accuracy(), meta.get("predicted_top1").asDouble(), 1e-9);
        assertEquals(sel.macs(), meta.get("macs").asLong());
        assertEquals(sel.latencyMs()[chosen], meta.get("latency_ms").get(t.boards().get(chosen)).asDouble(), 1e-9);
        assertTrue(meta.hasNonNull("engine_version"));
        JsonNode net = Json.read(tmp.resolve("pick.net.config.json"));
        assertEquals(sel.config().activeBlockCount(), net.get("blocks").size());

        dialogs.answer(tmp.resolve("pareto.csv"));
        robot.clickOn("Export").clickOn("Pareto table (CSV)…");
        List<String> csv = Files.readAllLines(tmp.resolve("pareto.csv"));
        int frontRows = 0;
        for (int b = 0; b < t.boards().size(); b++) {
            frontRows += studio.pareto().front(b).length;
        }
        assertEquals(frontRows + 1, csv.size());
        assertTrue(csv.get(0).startsWith("board,rank,top1,latency_ms_"));

        dialogs.answer(tmp.resolve("chart.png"));
        robot.clickOn("Export").clickOn("Chart (PNG)…");
        var png = ImageIO.read(tmp.resolve("chart.png").toFile());
        // Exported at twice the on-screen size, with a title strip above the chart.
        assertEquals((int) Math.round(2 * view.chart().canvas().getWidth()), png.getWidth());
        assertTrue(png.getHeight() > 2 * view.chart().canvas().getHeight());

        // The diagram tab exports the selected net as SVG and PNG through the dialog service.
        robot.clickOn("Diagram");
        dialogs.answer(tmp.resolve("net.svg"));
        robot.clickOn("#diagram-export-svg");
        String svg = Files.readString(tmp.resolve("net.svg"));
        assertTrue(svg.startsWith("<?xml") || svg.startsWith("<svg"), svg.substring(0, 40));
        for (int b = 0; b < 20; b++) {
            if (sel.config().isActive(b)) {
                assertTrue(svg.contains("k" + sel.config().ks(b)), "kernel label of block " + b);
            }
        }
        dialogs.answer(tmp.resolve("net.png"));
        robot.clickOn("#diagram-export-png");
        var diagramPng = ImageIO.read(tmp.resolve("net.png").toFile());
        assertEquals((int) Math.ceil(studio.diagram().layoutProperty().get().width() * 2), diagramPng.getWidth());
    }

    @Test
    void exportAsksBeforeReplacingAFileAndKeepsItWhenTheAnswerIsNo(FxRobot robot) throws Exception {
        loadPredictor(robot);
        runSweep(robot);
        Path csv = tmp.resolve("pareto.csv");
        Files.writeString(csv, "keep me");
        dialogs.confirmAnswer = false;
        dialogs.answer(csv);
        robot.clickOn("Export").clickOn("Pareto table (CSV)…");
        assertEquals(1, dialogs.questions.size());
        assertEquals("keep me", Files.readString(csv));
    }

    @Test
    void aBrokenProfileOpensAnErrorDialogAndChangesNothing(FxRobot robot) throws Exception {
        Path broken = tmp.resolve("broken.json");
        Files.writeString(broken, "{\"format\": \"ofa-studio-fpga-profile\", \"version\": 1}");
        var before = List.copyOf(studio.inputs().sources());
        var chosenBefore = studio.inputs().chosenProperty().get();
        dialogs.answer(broken);
        robot.clickOn("#openLatencyFile");
        assertEquals(1, dialogs.errors.size());
        FakeDialogService.ShownError e = dialogs.errors.get(0);
        assertEquals("Cannot load the latency source", e.title());
        assertFalse(e.problems().isEmpty());
        assertTrue(e.problems().get(0).contains("broken.json"), e.problems().get(0));
        assertTrue(e.problems().get(0).contains("expected"), e.problems().get(0));
        assertEquals(before, studio.inputs().sources());
        assertSame(chosenBefore, studio.inputs().chosenProperty().get());
    }

    @Test
    void cancellingARunningSweepKeepsThePreviousResults(FxRobot robot) {
        loadPredictor(robot);
        runSweep(robot);
        ResultTable before = studio.pareto().tableProperty().get();
        // The immediate executor runs the sweep inside the click; the user presses Cancel as soon
        // as the first progress arrives.
        Button cancel = robot.lookup("#cancelTask").queryButton();
        studio.pareto().progressProperty().addListener((o, a, p) -> {
            if (p.doubleValue() > 0 && cancel.isVisible()) {
                cancel.fire();
            }
        });
        studio.pareto().seedProperty().set(99);
        robot.clickOn("#runSweep");
        assertFalse(studio.pareto().runningProperty().get());
        assertSame(before, studio.pareto().tableProperty().get());
        assertTrue(studio.pareto().messageProperty().get().contains("cancelled"));
    }

    @Test
    void keyboardAndWheelZoomAndPanTheChart(FxRobot robot) {
        loadPredictor(robot);
        runSweep(robot);
        var c = view.chart().canvas();
        var before = view.chart().viewport();
        robot.clickOn(c.localToScreen(before.left() + 3, before.top() + 3));
        robot.type(javafx.scene.input.KeyCode.EQUALS);
        var zoomed = view.chart().viewport();
        assertEquals(0.8 * (before.xMax() - before.xMin()), zoomed.xMax() - zoomed.xMin(), 1e-9);
        robot.type(javafx.scene.input.KeyCode.LEFT);
        var panned = view.chart().viewport();
        assertTrue(panned.xMin() < zoomed.xMin(), "left arrow shows lower latencies");
        robot.moveTo(c.localToScreen(zoomed.left() + zoomed.width() / 2, zoomed.top() + zoomed.height() / 2));
        robot.scroll(javafx.geometry.VerticalDirection.DOWN);
        assertTrue(view.chart().viewport().xMax() - view.chart().viewport().xMin() != panned.xMax() - panned.xMin(),
                "the wheel zooms");
        robot.type(javafx.scene.input.KeyCode.DIGIT0);
        robot.interact(view.chart()::paint);
        assertEquals(before.xMin(), view.chart().viewport().xMin(), 1e-9);
    }

    /** A front row well inside the fitted chart (the shipped boards now reach r = 128, so 3x the fastest may not be). */
    private int middleOfFront(int board) {
        int[] front = studio.pareto().front(board);
        return front[front.length / 2];
    }

    @Test
    void draggingTheBudgetLineSearchesThatBudgetAndSelectsTheWinner(FxRobot robot) {
        loadPredictor(robot);
        runSweep(robot);
        int chosen = studio.pareto().chosenBoardProperty().get();
        int size = studio.pareto().tableProperty().get().size();
        robot.interact(() -> studio.pareto().budgetMsProperty().set(
                studio.pareto().tableProperty().get().latency(chosen, middleOfFront(chosen))));
        // Paint now so the viewport is the fitted one the line is drawn in, not the one before the next pulse.
        robot.interact(() -> view.chart().paint());
        var vp = view.chart().viewport();
        double bx = vp.screenX(studio.pareto().budgetMsProperty().get());
        double y = vp.top() + vp.height() / 2;
        var c = view.chart().canvas();
        robot.drag(c.localToScreen(bx, y)).moveTo(c.localToScreen(bx + 40, y)).release(javafx.scene.input.MouseButton.PRIMARY);
        double budget = studio.pareto().budgetMsProperty().get();
        assertNotEquals(size, studio.pareto().tableProperty().get().size(), () -> "the search added its history; "
                + "errors: " + dialogs.errors + ", budget " + budget + " (line at x " + bx + "), status "
                + studio.pareto().messageProperty().get());
        SelectedNet sel = studio.pareto().selectedProperty().get();
        assertNotNull(sel);
        assertTrue(sel.latencyMs()[chosen] <= budget, sel.latencyMs()[chosen] + " > " + budget);
    }
}
