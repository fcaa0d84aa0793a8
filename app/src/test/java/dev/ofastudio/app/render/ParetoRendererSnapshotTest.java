package dev.ofastudio.app.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** Paints a tiny chart off screen and checks a few known pixels. */
@ExtendWith(ApplicationExtension.class)
class ParetoRendererSnapshotTest {
    @Test
    void drawsPointsBudgetLineAndHidesToggledOffBoards() throws Exception {
        // Board 0: a search point at (2 ms, 71.3 %); board 1 (hidden): one at (7.3 ms, 71.3 %), off the grid lines.
        PlotData d = new PlotData(List.of("A", "B"), new boolean[] {true, false},
                new double[][] {{2, 7.3}, {7.3, 2}}, new double[] {71.3, 71.3}, new int[] {0, 1}, new int[][] {{}, {}},
                List.of(), 0, 5.0, -1, -1);
        Viewport vp = new Viewport(0, 10, 60, 80, 0, 0, 100, 100);
        ParetoRenderer r = new ParetoRenderer(1.0);
        WritableImage img = WaitForAsyncUtils.asyncFx(() -> {
            Canvas c = new Canvas(300, 200);
            Viewport laid = r.layout(vp, 300, 200);
            r.render(c.getGraphicsContext2D(), laid, d, 300, 200);
            double[] p0 = {laid.screenX(2), laid.screenY(71.3)};
            double[] p1 = {laid.screenX(7.3), laid.screenY(71.3)};
            double bx = laid.screenX(5);
            WritableImage shot = c.snapshot(null, null);
            coords = new double[] {p0[0], p0[1], p1[0], p1[1], bx, laid.top() + laid.height() * 0.25};
            return shot;
        }).get(10, TimeUnit.SECONDS);
        Color point = img.getPixelReader().getColor((int) coords[0], (int) coords[1]);
        Color hidden = img.getPixelReader().getColor((int) coords[2], (int) coords[3]);
        Color budget = img.getPixelReader().getColor((int) coords[4], (int) coords[5]);
        Color boardA = ParetoRenderer.boardColor(0);
        assertTrue(point.getBlue() > point.getRed() && point.getBrightness() < 0.9, "board A's point is drawn: " + point);
        assertTrue(Math.abs(point.getHue() - boardA.getHue()) < 20, point + " vs " + boardA);
        assertEquals(1.0, hidden.getBrightness(), 0.05, "hidden board leaves the background: " + hidden);
        assertTrue(budget.getRed() > 0.6 && budget.getGreen() < 0.3, "the budget line is red: " + budget);
    }

    private static double[] coords;
}
