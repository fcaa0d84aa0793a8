package dev.ofastudio.engine.predict.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Each figure against a small example worked by hand. */
class RankMetricsTest {
    @Test
    void kendallTauCountsConcordantAndDiscordantPairs() {
        // 6 pairs; only (2, 3) is swapped: (5 - 1) / 6.
        assertEquals(4.0 / 6, RankMetrics.kendallTau(new double[] {1, 2, 3, 4}, new double[] {1, 3, 2, 4}), 1e-12);
        assertEquals(1.0, RankMetrics.kendallTau(new double[] {1, 2, 3}, new double[] {10, 20, 30}), 1e-12);
        assertEquals(-1.0, RankMetrics.kendallTau(new double[] {1, 2, 3}, new double[] {3, 2, 1}), 1e-12);
    }

    @Test
    void kendallTauBCorrectsForTies() {
        // Pairs: (1,2) (1,3) (1,4) (2,4) concordant; (2,3) tied in a; (3,4) tied in b.
        // tau-b = 4 / sqrt((6 - 1)(6 - 1)) = 0.8 (scipy.stats.kendalltau gives 0.8 as well).
        assertEquals(0.8, RankMetrics.kendallTau(new double[] {1, 2, 2, 3}, new double[] {1, 2, 3, 3}), 1e-12);
        assertTrue(Double.isNaN(RankMetrics.kendallTau(new double[] {1, 1}, new double[] {1, 2})));
    }

    @Test
    void rmseAndLinearQuantiles() {
        // errors 0.3, -0.4 -> sqrt((0.09 + 0.16) / 2) = sqrt(0.125)
        assertEquals(Math.sqrt(0.125), RankMetrics.rmse(new double[] {1.3, 0.6}, new double[] {1.0, 1.0}), 1e-12);
        double[] v = {50, 10, 40, 20, 30};
        assertEquals(20, RankMetrics.quantile(v, 0.25), 1e-12); // h = 4 * 0.25 = 1 -> 20
        assertEquals(22, RankMetrics.quantile(v, 0.3), 1e-12); // h = 1.2 -> 20 + 0.2 * 10
        assertEquals(30, RankMetrics.quantile(v, 0.5), 1e-12);
        assertEquals(50, RankMetrics.quantile(v, 1.0), 1e-12);
    }

    @Test
    void regretIsTheBestTrueMinusTheTrueOfThePredictedBestWithinTheBudget() {
        double[] pred = {0.90, 0.80, 0.70, 0.95};
        double[] truth = {0.60, 0.80, 0.70, 0.99};
        long[] macs = {10, 20, 30, 40};
        RankMetrics.Regret r = RankMetrics.regret(pred, truth, macs, 25);
        assertEquals(2, r.candidates());
        assertEquals(0, r.picked());
        assertEquals(0.60, r.pickedTrue(), 1e-12);
        assertEquals(0.80, r.bestTrue(), 1e-12);
        assertEquals(0.20, r.regret(), 1e-12);
        RankMetrics.Regret all = RankMetrics.regret(pred, truth, macs, 40);
        assertEquals(3, all.picked());
        assertEquals(0.0, all.regret(), 1e-12);
        RankMetrics.Regret none = RankMetrics.regret(pred, truth, macs, 5);
        assertEquals(0, none.candidates());
        assertTrue(Double.isNaN(none.regret()));
    }
}
