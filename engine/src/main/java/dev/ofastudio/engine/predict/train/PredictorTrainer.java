package dev.ofastudio.engine.predict.train;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.accuracy.AccuracyRow;
import dev.ofastudio.engine.data.Splits;
import dev.ofastudio.engine.io.Json;
import dev.ofastudio.engine.predict.SpaceEncoding;
import dev.ofastudio.engine.predict.StudioAccuracyPredictor;
import dev.ofastudio.engine.progress.Cancellation;
import dev.ofastudio.engine.progress.Cancellation.CancelledException;
import dev.ofastudio.engine.progress.ProgressListener;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.supernet.TorchThreads;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Trains OFA's accuracy predictor (digest §3.2) in DJL: the MLP over the space's
 * {@link SpaceEncoding}, MSE on 0–1 targets, Adam, {@code base_acc} = mean training accuracy added
 * to an output layer without bias. After each epoch the weights are evaluated on the validation
 * split by the same plain-Java MLP that predicts later; the best epoch's weights are returned, so
 * the figures reported are those of the saved predictor.
 */
public final class PredictorTrainer {
    private final SearchSpace space;
    private final SpaceEncoding encoding;
    private final PredictorTraining config;

    /** The trained predictor (no file record yet) and the epoch whose weights it holds. */
    public record Result(StudioAccuracyPredictor predictor, int bestEpoch, double bestValidationRmse) {
    }

    public PredictorTrainer(SearchSpace space, PredictorTraining config) {
        this.space = space;
        this.encoding = SpaceEncoding.of(space);
        this.config = config;
    }

    public Result train(DatasetSplit split, ProgressListener progress, Cancellation cancel)
            throws OfaException, CancelledException {
        List<AccuracyRow> train = split.train();
        if (train.isEmpty() || split.validation().isEmpty()) {
            throw new OfaException("accuracy dataset: expected enough architectures for train and validation "
                    + "splits, found " + train.size() + " training and " + split.validation().size()
                    + " validation rows (build a larger dataset)");
        }
        float[] x = encode(train);
        float[] y = new float[train.size()];
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) train.get(i).top1();
            sum += y[i];
        }
        float baseAcc = (float) (sum / y.length);
        int in = encoding.size();
        // The studio trains on a job thread: grad mode is per thread (see TorchThreads).
        TorchThreads.prepare();
        Engine.getInstance().setRandomSeed((int) config.seed());
        SequentialBlock block = new SequentialBlock();
        for (int l = 0; l < config.hiddenLayers(); l++) {
            block.add(Linear.builder().setUnits(config.hidden()).build()).add(Activation::relu);
        }
        block.add(Linear.builder().setUnits(1).optBias(false).build());
        Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) config.lr()))
                .optWeightDecays((float) config.weightDecay()).build();
        Random rng = new Random(config.seed());
        int batch = Math.min(config.batch(), train.size());
        int steps = (train.size() + batch - 1) / batch;
        StudioAccuracyPredictor best = null;
        double bestRmse = Double.POSITIVE_INFINITY;
        int bestEpoch = -1;
        try (Model model = Model.newInstance("accuracy-predictor")) {
            model.setBlock(block);
            try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.l2Loss()).optOptimizer(adam))) {
                trainer.initialize(new Shape(batch, in));
                NDManager manager = trainer.getManager();
                initializeLikePyTorch(block, manager);
                for (int epoch = 0; epoch < config.epochs(); epoch++) {
                    cancel.throwIfCancelled();
                    int[] order = Splits.permutation(train.size(), rng);
                    for (int s = 0; s < steps; s++) {
                        int from = s * batch;
                        int to = Math.min(train.size(), from + batch);
                        step(trainer, manager, x, y, order, from, to, baseAcc);
                    }
                    StudioAccuracyPredictor p = snapshot(block, baseAcc);
                    double rmse = RankMetrics.rmse(p.predict(configs(split.validation())), truth(split.validation()));
                    if (rmse < bestRmse) {
                        bestRmse = rmse;
                        best = p;
                        bestEpoch = epoch + 1;
                    }
                    progress.progress(epoch + 1, config.epochs(), String.format(Locale.ROOT,
                            "epoch %d/%d, validation RMSE %.3f %% (best %.3f %% at epoch %d)", epoch + 1,
                            config.epochs(), 100 * rmse, 100 * bestRmse, bestEpoch));
                }
            }
        }
        return new Result(best, bestEpoch, bestRmse);
    }

    /**
     * PyTorch's {@code nn.Linear} initialisation, U(±1/√fan_in) for weights and biases, which OFA's
     * predictor starts from: the output starts near zero, so predictions start at base_acc. (DJL's
     * Xavier default put them several units away and training first had to undo that.)
     */
    private static void initializeLikePyTorch(SequentialBlock block, NDManager manager) {
        long fanIn = 0;
        for (Pair<String, Parameter> p : block.getParameters()) {
            NDArray a = p.getValue().getArray();
            if (a.getShape().dimension() == 2) {
                fanIn = a.getShape().get(1);
            }
            float bound = (float) (1 / Math.sqrt(fanIn));
            try (NDArray u = manager.randomUniform(-bound, bound, a.getShape())) {
                a.set(u.toFloatArray());
            }
        }
    }

    private void step(Trainer trainer, NDManager manager, float[] x, float[] y, int[] order, int from, int to,
            float baseAcc) {
        int n = to - from;
        int in = encoding.size();
        float[] bx = new float[n * in];
        float[] by = new float[n];
        for (int i = 0; i < n; i++) {
            int r = order[from + i];
            System.arraycopy(x, r * in, bx, i * in, in);
            by[i] = y[r];
        }
        try (NDManager scope = manager.newSubManager()) {
            NDArray xs = scope.create(bx, new Shape(n, in));
            NDArray ys = scope.create(by, new Shape(n));
            try (GradientCollector gc = trainer.newGradientCollector()) {
                NDArray pred = trainer.forward(new NDList(xs)).singletonOrThrow().reshape(n).add(baseAcc);
                NDArray loss = pred.sub(ys).square().mean();
                gc.backward(loss);
            }
            trainer.step();
        }
    }

    /** The block's current weights as the plain-Java predictor that will be saved. */
    private StudioAccuracyPredictor snapshot(SequentialBlock block, float baseAcc) {
        List<float[]> layers = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            layers.add(p.getValue().getArray().toFloatArray());
        }
        return new StudioAccuracyPredictor(space, config.hidden(), layers, baseAcc, Json.MAPPER.createObjectNode(),
                "OFA Studio accuracy predictor for " + space.id());
    }

    private float[] encode(List<AccuracyRow> rows) throws OfaException {
        int in = encoding.size();
        float[] x = new float[rows.size() * in];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(encoding.encode(rows.get(i).config()), 0, x, i * in, in);
        }
        return x;
    }

    static List<dev.ofastudio.engine.space.SubnetConfig> configs(List<AccuracyRow> rows) {
        return rows.stream().map(AccuracyRow::config).toList();
    }

    static double[] truth(List<AccuracyRow> rows) {
        return rows.stream().mapToDouble(AccuracyRow::top1).toArray();
    }
}
