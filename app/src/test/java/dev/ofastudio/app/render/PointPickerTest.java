package dev.ofastudio.app.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PointPickerTest {
    private final Viewport vp = new Viewport(0, 10, 0, 100, 0, 0, 1000, 1000);

    private PlotData data(boolean[] visible) {
        double[][] lat = {{1, 2, 3}, {5, 6, 7}};
        return new PlotData(List.of("a", "b"), visible, lat, new double[] {10, 20, 30}, new int[] {-1, 0, 1},
                new int[][] {{}, {}}, List.of(), 0, Double.NaN, -1, -1);
    }

    @Test
    void findsTheNearestDrawnPointWithinTheRadius() {
        PlotData d = data(new boolean[] {true, true});
        // Row 1 (board 0 history) sits at (200, 800).
        assertEquals(1, PointPicker.nearest(d, vp, 203, 797, 8));
        assertEquals(-1, PointPicker.nearest(d, vp, 230, 797, 8));
    }

    @Test
    void ignoresHiddenBoardsAndOtherBoardsHistories() {
        PlotData d = data(new boolean[] {true, false});
        // Row 2 is board 1's history at (700, 700) on board 1 and (300, 700) on board 0 (not drawn there).
        assertEquals(-1, PointPicker.nearest(d, vp, 700, 700, 8));
        assertEquals(-1, PointPicker.nearest(d, vp, 300, 700, 8));
        assertEquals(0, PointPicker.nearest(d, vp, 100, 900, 8));
    }
}
