package dev.ofastudio.app.heatmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.space.SubnetConfig;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class HeatmapViewTest {
    private static final SearchSpace SPACE = SearchSpace.mobileNetV3(1.0);
    private static final SubnetConfig CONFIG = SPACE.maxConfig(224).withDepth(1, 2);

    private final HeatmapViewModel vm = new HeatmapViewModel(FakeBoardAnalyzer.threeBoards());
    private HeatmapView view;

    @Start
    void start(Stage stage) {
        vm.setSubnet(SPACE, CONFIG);
        vm.setBaseline(SPACE.describe(SPACE.minConfig(224)));
        view = new HeatmapView(vm);
        stage.setScene(new Scene(view, 1200, 800));
        stage.show();
    }

    @Test
    void cellsAreFilledWithTheScaleColourOfTheirValue(FxRobot robot) throws Exception {
        Canvas canvas = robot.lookup("#heatmap-subnet").queryAs(Canvas.class);
        WritableImage shot = WaitForAsyncUtils.asyncFx(() -> canvas.snapshot(null, null)).get(10, java.util.concurrent.TimeUnit.SECONDS);
        HeatmapTable t = vm.subnetTableProperty().get();
        double[] c = view.subnetCellCentre(5, 1);
        // sample near the cell's left edge, away from the printed value
        int argb = shot.getPixelReader().getArgb((int) (c[0] - HeatmapTableCanvas.COL_W / 2 + 4), (int) c[1]);
        int expected = vm.colourScaleProperty().get().argb(t.value(5, 1, HeatmapMetric.LATENCY));
        assertEquals(expected & 0xffffff, argb & 0xffffff, String.format("#%06x", argb & 0xffffff));
        assertTrue(robot.lookup("#heatmap-legend").tryQuery().isPresent());
        assertTrue(robot.lookup("#heatmap-baseline").queryAs(Canvas.class).isVisible());
    }

    @Test
    void hoverShowsTheCellValuesAndTheBlocksWhatIf(FxRobot robot) throws Exception {
        HeatmapTable t = vm.subnetTableProperty().get();
        int row = t.rowOfBlock(8);
        double[] c = view.subnetCellCentre(row, 2);
        Canvas canvas = robot.lookup("#heatmap-subnet").queryAs(Canvas.class);
        robot.moveTo(robot.point(canvas).atPosition(Pos.TOP_LEFT).atOffset(new Point2D(c[0], c[1])));
        WaitForAsyncUtils.waitForFxEvents();
        String expected = HeatmapMetric.LATENCY.formatWithUnit(t.value(row, 2, HeatmapMetric.LATENCY));
        assertTrue(view.tooltip().getText().startsWith("blocks.9  k7 e6 on kv260"), view.tooltip().getText());
        assertTrue(view.tooltip().getText().contains(expected), view.tooltip().getText());
        assertTrue(robot.lookup("#heatmap-hover").queryAs(Label.class).getText().contains(expected));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> view.tooltip().isShowing());
        WhatIfGrid g = vm.whatIfProperty().get();
        assertNotNull(g);
        assertEquals(8, g.block());
        assertEquals("kv260", g.board());
    }

    @Test
    void hoveringTheTotalRowShowsTheTotals(FxRobot robot) {
        HeatmapTable t = vm.subnetTableProperty().get();
        double[] c = view.subnetCellCentre(t.rows().size(), 0);
        robot.moveTo(robot.point(robot.lookup("#heatmap-subnet").queryAs(Canvas.class)).atPosition(Pos.TOP_LEFT).atOffset(new Point2D(c[0], c[1])));
        WaitForAsyncUtils.waitForFxEvents();
        String text = vm.hoverTextProperty().get();
        assertTrue(text.startsWith("Total of"), text);
        assertTrue(text.contains(HeatmapMetric.LATENCY.formatWithUnit(t.total(0, HeatmapMetric.LATENCY))), text);
    }

    @Test
    void metricChoiceSwitchesTheViewModel(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ChoiceBox<HeatmapMetric> choice = robot.lookup("#heatmap-metric").queryAs(ChoiceBox.class);
        robot.interact(() -> choice.setValue(HeatmapMetric.PEAK_FRACTION));
        assertEquals(HeatmapMetric.PEAK_FRACTION, vm.metricProperty().get());
        assertEquals(false, vm.colourScaleProperty().get().log());
        robot.interact(() -> vm.metricProperty().set(HeatmapMetric.OPS_PER_BYTE));
        assertEquals(HeatmapMetric.OPS_PER_BYTE, choice.getValue());
    }

    @Test
    void hoveringTheBaselineShowsItsValues(FxRobot robot) {
        HeatmapTable base = vm.baselineTableProperty().get();
        Canvas canvas = robot.lookup("#heatmap-baseline").queryAs(Canvas.class);
        robot.moveTo(robot.point(canvas).atPosition(Pos.TOP_LEFT).atOffset(new Point2D(
                HeatmapTableCanvas.LABEL_W + HeatmapTableCanvas.COL_W * 1.5,
                HeatmapTableCanvas.TITLE_H + HeatmapTableCanvas.HEADER_H + HeatmapTableCanvas.ROW_H * 3.5)));
        WaitForAsyncUtils.waitForFxEvents();
        String text = vm.hoverTextProperty().get();
        assertTrue(text.startsWith(base.rows().get(3).label() + " on zcu104"), text);
    }
}
