package dev.ofastudio.app.pareto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

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
}
