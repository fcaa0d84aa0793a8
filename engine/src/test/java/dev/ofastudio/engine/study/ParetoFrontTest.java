package dev.ofastudio.engine.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ParetoFrontTest {
    @Test
    void keepsOnlyPointsNoOtherPointBeatsOnBothAxes() {
        double[] lat = {1, 2, 3, 4, 2.5, Double.NaN};
        double[] acc = {70, 72, 71, 75, 73, 99};
        // (3, 71) is beaten by (2, 72); (2, 72) by (2.5, 73)? no: 2.5 is slower. NaN latency is skipped.
        assertArrayEquals(new int[] {0, 1, 4, 3}, ParetoFront.of(lat, acc));
    }

    @Test
    void equalLatencyKeepsTheMoreAccurate() {
        assertArrayEquals(new int[] {1}, ParetoFront.of(new double[] {1, 1}, new double[] {70, 71}));
    }

    @Test
    void aTableBuiltInStepsHasTheFrontsOfTheWholeTable() {
        // The builder folds each batch of rows into the fronts so far; the result must equal a front
        // over every row, for the cloud plus each board's own searches.
        Random rnd = new Random(5);
        ResultTable.Builder b = new ResultTable.Builder(java.util.List.of("A", "B"));
        ResultTable t = null;
        dev.ofastudio.engine.space.SubnetConfig c = dev.ofastudio.engine.space.SubnetConfig.uniform(3, 3, 2, 160);
        for (int step = 0; step < 6; step++) {
            for (int i = 0; i < 300; i++) {
                double lat = 1 + 9 * rnd.nextDouble();
                double[] l = {lat, rnd.nextInt(10) == 0 ? Double.NaN : lat * (0.5 + rnd.nextDouble())};
                b.add(c, 60 + 20 * Math.sqrt(lat / 10) + 3 * rnd.nextGaussian(), 1, 1, l, rnd.nextInt(3) - 1, 5);
            }
            t = b.build();
            ResultTable.Builder again = t.toBuilder();
            assertArrayEquals(t.front(0), again.build().front(0));
            b = again;
        }
        for (int board = 0; board < 2; board++) {
            int[] whole = ParetoFront.ofBoard(t.latencyColumn(board), t.accuracyColumn(), t.originColumn(), board);
            assertArrayEquals(whole, t.front(board), "board " + board);
            for (int i : whole) {
                int origin = t.origin(i);
                assertTrue(origin < 0 || origin == board, Arrays.toString(whole));
            }
        }
    }
}
