package dev.ofastudio.engine.predict.train;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ofastudio.engine.accuracy.AccuracyRow;
import dev.ofastudio.engine.io.Json;
import dev.ofastudio.engine.predict.AccuracyPredictor;
import java.util.List;

/**
 * A predictor's figures on each split of its dataset: RMSE in % top-1 and Kendall τ, and on the
 * test split the regret of picking by the predictor under MACs budgets at the
 * {@link #BUDGET_QUANTILES} of the whole dataset's MACs, and how far the test labels' own noise
 * lets those figures go ({@link LabelNoise}).
 */
public record PredictorFigures(SplitFigures train, SplitFigures validation, SplitFigures test,
        List<BudgetRegret> regret, LabelNoise testNoise) {
    public static final List<Double> BUDGET_QUANTILES = List.of(0.25, 0.5, 0.75);

    /** RMSE (percentage points of top-1) and Kendall τ-b over one split's rows. */
    public record SplitFigures(int rows, double rmsePct, double kendallTau) {
    }

    /** Regret (percentage points) at the budget {@code quantile} of the dataset's MACs. */
    public record BudgetRegret(double quantile, RankMetrics.Regret regret) {
        public double regretPct() {
            return 100 * regret.regret();
        }
    }

    public static PredictorFigures of(AccuracyPredictor p, DatasetSplit split, List<AccuracyRow> all) {
        double[] macsAll = all.stream().mapToDouble(AccuracyRow::macs).toArray();
        List<AccuracyRow> test = split.test();
        double[] pred = p.predict(PredictorTrainer.configs(test));
        double[] truth = PredictorTrainer.truth(test);
        long[] macs = test.stream().mapToLong(AccuracyRow::macs).toArray();
        List<BudgetRegret> regrets = macsAll.length == 0 ? List.of() : BUDGET_QUANTILES.stream()
                .map(q -> new BudgetRegret(q, RankMetrics.regret(pred, truth, macs, RankMetrics.quantile(macsAll, q))))
                .toList();
        return new PredictorFigures(split(p, split.train()), split(p, split.validation()), split(p, test), regrets,
                LabelNoise.of(test));
    }

    static SplitFigures split(AccuracyPredictor p, List<AccuracyRow> rows) {
        if (rows.isEmpty()) {
            return new SplitFigures(0, Double.NaN, Double.NaN);
        }
        double[] pred = p.predict(PredictorTrainer.configs(rows));
        double[] truth = PredictorTrainer.truth(rows);
        return new SplitFigures(rows.size(), 100 * RankMetrics.rmse(pred, truth), RankMetrics.kendallTau(pred, truth));
    }

    /**
     * The JSON form (in predictor files and {@code ofa predictor train --json}):
     * {@code {"train": {"rows", "rmse_pct", "kendall_tau"}, "validation": {...}, "test": {...,
     * "regret": [{"macs_quantile", "max_macs", "candidates", "picked_top1", "best_top1",
     * "regret_pct"}], "label_noise": {"se_pct", "spread_pct", "kendall_tau_ceiling"}}}}; NaN is
     * written as null.
     */
    public ObjectNode toJson() {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.set("train", json(train));
        n.set("validation", json(validation));
        ObjectNode t = json(test);
        ArrayNode a = t.putArray("regret");
        for (BudgetRegret b : regret) {
            ObjectNode o = a.addObject();
            o.put("macs_quantile", b.quantile());
            o.put("max_macs", Math.round(b.regret().budgetMacs()));
            o.put("candidates", b.regret().candidates());
            number(o, "picked_top1", b.regret().pickedTrue());
            number(o, "best_top1", b.regret().bestTrue());
            number(o, "regret_pct", b.regretPct());
        }
        ObjectNode noise = t.putObject("label_noise");
        number(noise, "se_pct", testNoise.sePct());
        number(noise, "spread_pct", testNoise.spreadPct());
        number(noise, "kendall_tau_ceiling", testNoise.kendallTauCeiling());
        n.set("test", t);
        return n;
    }

    private static ObjectNode json(SplitFigures f) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("rows", f.rows());
        number(o, "rmse_pct", f.rmsePct());
        number(o, "kendall_tau", f.kendallTau());
        return o;
    }

    private static void number(ObjectNode o, String field, double v) {
        if (Double.isFinite(v)) {
            o.put(field, v);
        } else {
            o.putNull(field);
        }
    }
}
