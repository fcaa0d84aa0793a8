package dev.ofastudio.engine.predict.train;

import java.util.Arrays;

/** The figures that judge an accuracy predictor against measured accuracies. */
public final class RankMetrics {
    private RankMetrics() {
    }

    /** Root mean squared error; NaN for no values. */
    public static double rmse(double[] predicted, double[] truth) {
        requireSameLength(predicted, truth);
        double s = 0;
        for (int i = 0; i < truth.length; i++) {
            double d = predicted[i] - truth[i];
            s += d * d;
        }
        return truth.length == 0 ? Double.NaN : Math.sqrt(s / truth.length);
    }

    /**
     * Kendall's τ-b (ties in either list handled as scipy's {@code kendalltau} does): (concordant −
     * discordant) / √((pairs − ties in a)(pairs − ties in b)). NaN when either list is constant or
     * shorter than two. O(n²), fine for test splits of thousands.
     */
    public static double kendallTau(double[] a, double[] b) {
        requireSameLength(a, b);
        long concordant = 0;
        long discordant = 0;
        long tiesA = 0;
        long tiesB = 0;
        long pairs = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = i + 1; j < a.length; j++) {
                int da = Double.compare(a[i], a[j]);
                int db = Double.compare(b[i], b[j]);
                pairs++;
                if (da == 0) {
                    tiesA++;
                }
                if (db == 0) {
                    tiesB++;
                }
                if (da != 0 && db != 0) {
                    if (da == db) {
                        concordant++;
                    } else {
                        discordant++;
                    }
                }
            }
        }
        double denominator = Math.sqrt((double) (pairs - tiesA) * (pairs - tiesB));
        return denominator == 0 ? Double.NaN : (concordant - discordant) / denominator;
    }

    /** The q-quantile with linear interpolation between order statistics (numpy's default). */
    public static double quantile(double[] values, double q) {
        if (values.length == 0 || !(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("quantile " + q + " of " + values.length + " values");
        }
        double[] v = values.clone();
        Arrays.sort(v);
        double h = (v.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, v.length - 1);
        return v[lo] + (h - lo) * (v[hi] - v[lo]);
    }

    /**
     * Picking by the predictor under a MACs budget: among the rows with {@code macs ≤ budget}, the
     * true accuracy of the one predicted best against the best true accuracy.
     *
     * @param candidates rows within the budget (0: no pick, the other fields NaN and -1)
     * @param picked     index of the predicted-best row
     * @param regret     {@code bestTrue − pickedTrue}, same scale as the accuracies (≥ 0)
     */
    public record Regret(double budgetMacs, int candidates, int picked, double pickedTrue, double bestTrue,
            double regret) {
    }

    public static Regret regret(double[] predicted, double[] truth, long[] macs, double budgetMacs) {
        requireSameLength(predicted, truth);
        if (macs.length != truth.length) {
            throw new IllegalArgumentException("lengths differ: " + macs.length + " and " + truth.length);
        }
        int picked = -1;
        int count = 0;
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < truth.length; i++) {
            if (macs[i] > budgetMacs) {
                continue;
            }
            count++;
            best = Math.max(best, truth[i]);
            // Ties in the prediction go to the earlier row, so the pick is deterministic.
            if (picked < 0 || predicted[i] > predicted[picked]) {
                picked = i;
            }
        }
        if (picked < 0) {
            return new Regret(budgetMacs, 0, -1, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Regret(budgetMacs, count, picked, truth[picked], best, best - truth[picked]);
    }

    private static void requireSameLength(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("lengths differ: " + a.length + " and " + b.length);
        }
    }
}
