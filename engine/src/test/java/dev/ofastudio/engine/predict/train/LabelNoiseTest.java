package dev.ofastudio.engine.predict.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ofastudio.engine.accuracy.AccuracyRow;
import dev.ofastudio.engine.space.SubnetConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LabelNoiseTest {
    private static final SubnetConfig C = SubnetConfig.uniform(3, 3, 2, 32);

    private static AccuracyRow row(double top1, int images) {
        return new AccuracyRow(0, C, top1, 1, 1, 0.5, images, 1);
    }

    @Test
    void twoRowsWorkedByHand() {
        // noise var = (0.8*0.2 + 0.9*0.1) / 100 / 2 = 0.00125; sample var = 2 * 0.05^2 / 1 = 0.005;
        // rho = sqrt(0.75) = sin(pi/3), so the ceiling is (2/pi) * (pi/3) = 2/3.
        LabelNoise n = LabelNoise.of(List.of(row(0.8, 100), row(0.9, 100)));
        assertEquals(100 * Math.sqrt(0.00125), n.sePct(), 1e-12);
        assertEquals(100 * Math.sqrt(0.005), n.spreadPct(), 1e-12);
        assertEquals(2.0 / 3, n.kendallTauCeiling(), 1e-12);
    }

    @Test
    void labelsThatAreAllNoiseHaveNoCeilingAndTooFewRowsHaveNoFigures() {
        assertEquals(0, LabelNoise.of(List.of(row(0.5, 10), row(0.51, 10))).kendallTauCeiling(), 1e-12);
        assertTrue(Double.isNaN(LabelNoise.of(List.of(row(0.5, 10))).kendallTauCeiling()));
    }

    /** The ceiling is what a perfect predictor (the true accuracies) actually reaches against noisy labels. */
    @Test
    void theCeilingMatchesThePerfectPredictorsTauOnSimulatedLabels() {
        Random rnd = new Random(7);
        int n = 3000;
        int images = 5000;
        double[] truth = new double[n];
        double[] measured = new double[n];
        List<AccuracyRow> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            truth[i] = 0.86 + 0.008 * rnd.nextGaussian();
            int correct = 0;
            for (int k = 0; k < images; k++) {
                correct += rnd.nextDouble() < truth[i] ? 1 : 0;
            }
            measured[i] = correct / (double) images;
            rows.add(row(measured[i], images));
        }
        double tau = RankMetrics.kendallTau(truth, measured);
        LabelNoise noise = LabelNoise.of(rows);
        assertEquals(tau, noise.kendallTauCeiling(), 0.03, "simulated tau " + tau);
        assertEquals(100 * RankMetrics.rmse(truth, measured), noise.sePct(), 0.03);
    }
}
