package dev.ofastudio.engine.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.accuracy.AccuracyDatasetFile;
import dev.ofastudio.engine.accuracy.AccuracyRow;
import dev.ofastudio.engine.io.Json;
import dev.ofastudio.engine.predict.PredictorFile;
import dev.ofastudio.engine.predict.StudioAccuracyPredictor;
import dev.ofastudio.engine.predict.train.DatasetSplit;
import dev.ofastudio.engine.predict.train.LabelNoise;
import dev.ofastudio.engine.predict.train.PredictorFigures;
import dev.ofastudio.engine.predict.train.PredictorTrainer;
import dev.ofastudio.engine.predict.train.PredictorTraining;
import dev.ofastudio.engine.progress.Cancellation;
import dev.ofastudio.engine.progress.ConsoleProgressBar;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.space.SearchSpaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ofa predictor train}: OFA's accuracy predictor on an accuracy dataset, saved in our format. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train OFA's accuracy predictor (the space's one-hot encoding: resolution, then kernel and "
                + "expand per block, skipped blocks all zero; 3 hidden ReLU layers of 400; output without bias plus "
                + "base_acc = mean training top-1; Adam lr 1e-3, weight decay 1e-4, batch 256; MSE on 0-1 targets) "
                + "on a dataset of 'ofa dataset build'. The dataset's architectures are split 70/15/15 into train, "
                + "validation (picks the epoch kept) and test (reported).",
                "",
                "Reports on the test split: RMSE in % top-1, Kendall tau, and the regret of picking by the predictor "
                + "(best true top-1 minus the true top-1 of the predicted best) under MACs budgets at the 25/50/75 % "
                + "quantiles of the dataset's MACs. Goal: RMSE <= 0.5 %, tau >= 0.9.",
                "",
                "--json prints {\"out\", \"dataset\", \"dataset_sha256\", \"rows\", \"space\", \"epochs\", "
                + "\"best_epoch\", \"seed\", \"figures\": {\"train\"|\"validation\"|\"test\": {\"rows\", \"rmse_pct\", "
                + "\"kendall_tau\"}, test.\"regret\": [{\"macs_quantile\", \"max_macs\", \"candidates\", "
                + "\"picked_top1\", \"best_top1\", \"regret_pct\"}], \"label_noise\": {\"se_pct\", \"spread_pct\", \"kendall_tau_ceiling\"}}, \"goal_met\"}.",
                ""})
final class PredictorTrainCommand implements Callable<Integer> {
    static final double GOAL_RMSE_PCT = 0.5;
    static final double GOAL_TAU = 0.9;

    @Option(names = "--dataset", required = true, paramLabel = "FILE.csv", description = "Accuracy dataset.")
    Path dataset;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "Predictor file to write (our format, atomically; replaces only an earlier predictor file).")
    Path out;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the split, the shuffles and the "
            + "initial weights (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--epochs", defaultValue = "" + PredictorTraining.DEFAULT_EPOCHS,
            description = "Epochs (default ${DEFAULT-VALUE}); the epoch with the lowest validation RMSE is kept.")
    int epochs;

    @Option(names = "--batch", defaultValue = "256", description = "Batch size (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--lr", defaultValue = "0.001", description = "Adam learning rate (default ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--weight-decay", defaultValue = "0.0001", description = "Adam weight decay (default ${DEFAULT-VALUE}).")
    double weightDecay;

    @Option(names = "--json", description = "Print JSON (fields above).")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PredictorTraining base = PredictorTraining.ofa(seed, epochs);
        PredictorTraining cfg = new PredictorTraining(seed, epochs, batch, lr, weightDecay, base.hidden(),
                base.hiddenLayers()).validate();
        if (Files.exists(out) && !PredictorFile.isPredictorFile(out)) {
            throw new OfaException(out + ": exists and is not an accuracy predictor file (nothing was changed; "
                    + "choose another --out)");
        }
        AccuracyDatasetFile.Content content = AccuracyDatasetFile.read(dataset);
        SearchSpace space = SearchSpaces.fromJson(content.header().get("space"), dataset + " line 1");
        List<AccuracyRow> rows = AccuracyDatasetFile.sortedRows(content);
        DatasetSplit split = DatasetSplit.of(rows, seed);
        PredictorTrainer.Result r;
        try (ConsoleProgressBar bar = new ConsoleProgressBar(System.err)) {
            r = new PredictorTrainer(space, cfg).train(split, bar, Cancellation.NEVER);
        }
        PredictorFigures fig = PredictorFigures.of(r.predictor(), split, rows);
        ObjectNode info = Json.MAPPER.createObjectNode();
        ObjectNode ds = info.putObject("dataset");
        ds.put("file", dataset.toAbsolutePath().toString());
        ds.put("sha256", content.sha256());
        ds.put("rows", rows.size());
        ds.put("supernet_sha256", content.header().path("supernet_sha256").asText(""));
        ds.put("holdout_images", content.header().path("holdout_images").asInt());
        ObjectNode tr = info.putObject("training");
        tr.put("seed", seed);
        tr.put("epochs", epochs);
        tr.put("best_epoch", r.bestEpoch());
        tr.put("batch", batch);
        tr.put("lr", lr);
        tr.put("weight_decay", weightDecay);
        tr.put("optimizer", "adam");
        tr.put("loss", "mse");
        tr.put("split", "by architecture 70/15/15");
        tr.put("train_rows", split.train().size());
        tr.put("validation_rows", split.validation().size());
        tr.put("test_rows", split.test().size());
        info.set("figures", fig.toJson());
        ObjectNode prov = info.putObject("provenance");
        prov.put("command", "ofa " + String.join(" ", spec.commandLine().getParseResult().originalArgs()));
        prov.put("created", Instant.now().toString());
        prov.put("engine_version", EngineVersion.get());
        StudioAccuracyPredictor saved = new StudioAccuracyPredictor(space, r.predictor().hidden(),
                r.predictor().layers(), r.predictor().baseAcc(), info, r.predictor().describe());
        PredictorFile.write(saved, out);
        boolean goal = fig.test().rmsePct() <= GOAL_RMSE_PCT && fig.test().kendallTau() >= GOAL_TAU;
        var o = spec.commandLine().getOut();
        if (json) {
            ObjectNode m = Json.MAPPER.createObjectNode();
            m.put("out", out.toString());
            m.put("dataset", dataset.toString());
            m.put("dataset_sha256", content.sha256());
            m.put("rows", rows.size());
            m.set("space", SearchSpaces.toJson(space));
            m.put("epochs", epochs);
            m.put("best_epoch", r.bestEpoch());
            m.put("seed", seed);
            m.set("figures", fig.toJson());
            m.put("goal_met", goal);
            JsonOutput.print(o, m);
            return 0;
        }
        o.printf("dataset %s: %d rows (train %d, validation %d, test %d), space %s%n", dataset, rows.size(),
                split.train().size(), split.validation().size(), split.test().size(), space.id());
        o.printf("kept epoch %d of %d (validation RMSE %.3f %% top-1)%n", r.bestEpoch(), epochs,
                fig.validation().rmsePct());
        o.printf("test: RMSE %.3f %% top-1, Kendall tau %.3f (%d rows; goal RMSE <= %.1f %%, tau >= %.1f: %s)%n",
                fig.test().rmsePct(), fig.test().kendallTau(), fig.test().rows(), GOAL_RMSE_PCT, GOAL_TAU,
                goal ? "met" : "not met");
        LabelNoise noise = fig.testNoise();
        o.printf("test labels: spread %.2f %% top-1, evaluation noise %.2f %% (binomial, from the holdout size): "
                + "a perfect predictor would show RMSE %.2f %% and tau %.2f against them%n", noise.spreadPct(),
                noise.sePct(), noise.sePct(), noise.kendallTauCeiling());
        for (PredictorFigures.BudgetRegret b : fig.regret()) {
            if (b.regret().candidates() == 0) {
                o.printf("regret at MACs <= %.2fM (%.0f %% quantile): no test net fits%n",
                        b.regret().budgetMacs() / 1e6, 100 * b.quantile());
            } else {
                o.printf("regret at MACs <= %.2fM (%.0f %% quantile): %.2f %% top-1 (picked %.2f %%, best %.2f %%, "
                        + "%d candidates)%n", b.regret().budgetMacs() / 1e6, 100 * b.quantile(), b.regretPct(),
                        100 * b.regret().pickedTrue(), 100 * b.regret().bestTrue(), b.regret().candidates());
            }
        }
        o.printf("saved %s%n", out);
        return 0;
    }
}
