package dev.ofastudio.engine.predict.train;

import dev.ofastudio.engine.accuracy.AccuracyRow;
import java.util.List;

/**
 * How much of a split's spread in measured top-1 is evaluation noise. Each row's accuracy was
 * counted on a finite holdout, so it carries a binomial standard error of sqrt(p(1-p)/images);
 * a perfect predictor still shows that much RMSE against the measured labels, and its Kendall τ
 * against them is capped. With a true spread σ_t and noise σ_n (both roughly normal), the
 * correlation of truth and measurement is ρ = σ_t / sqrt(σ_t² + σ_n²) and Kendall's τ of a
 * bivariate normal is (2/π)·asin(ρ) (Greiner's relation). When the goal asks for more than the
 * ceiling, the fix is more holdout images per row, not a better predictor.
 *
 * @param sePct           root-mean-square binomial standard error of the labels, % top-1 (the RMSE floor)
 * @param spreadPct       standard deviation of the measured labels, % top-1
 * @param kendallTauCeiling Kendall τ a perfect predictor would reach against the measured labels
 */
public record LabelNoise(double sePct, double spreadPct, double kendallTauCeiling) {

    public static LabelNoise of(List<AccuracyRow> rows) {
        if (rows.size() < 2) {
            return new LabelNoise(Double.NaN, Double.NaN, Double.NaN);
        }
        double noiseVar = 0;
        double mean = 0;
        for (AccuracyRow r : rows) {
            noiseVar += r.top1() * (1 - r.top1()) / Math.max(1, r.images());
            mean += r.top1();
        }
        noiseVar /= rows.size();
        mean /= rows.size();
        double var = 0;
        for (AccuracyRow r : rows) {
            var += (r.top1() - mean) * (r.top1() - mean);
        }
        var /= rows.size() - 1;
        double rho = var > 0 ? Math.sqrt(Math.max(0, var - noiseVar) / var) : 0;
        return new LabelNoise(100 * Math.sqrt(noiseVar), 100 * Math.sqrt(var), 2 / Math.PI * Math.asin(rho));
    }
}
