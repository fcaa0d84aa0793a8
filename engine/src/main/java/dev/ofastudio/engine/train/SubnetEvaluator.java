package dev.ofastudio.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.data.Batch;
import dev.ofastudio.engine.data.BatchMaker;
import dev.ofastudio.engine.progress.ProgressListener;
import dev.ofastudio.engine.space.SubnetConfig;
import dev.ofastudio.engine.supernet.BnRecalibration;
import dev.ofastudio.engine.supernet.OfaSupernet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Top-1 of a sub-network after BN recalibration (digest §2.5): the BN statistics are re-estimated
 * on a fixed calibration subset with training augmentation at the sub-network's resolution, then
 * the split is evaluated in eval mode.
 */
public final class SubnetEvaluator {
    /** OFA's {@code SUB_SEED} of the calibration subset. */
    static final long CALIB_SEED = 937162211L;
    static final int CALIB_BATCH = 200;
    static final int EVAL_BATCH = 250;

    private final BatchMaker calibration;
    private final int[] calibIndices;

    /** @param calibration images to recalibrate on; the first {@code calibImages} of a seeded draw */
    public SubnetEvaluator(BatchMaker calibration, int calibImages) {
        this.calibration = calibration;
        int n = Math.min(calibImages, calibration.set().size());
        int[] perm = dev.ofastudio.engine.data.Splits.permutation(calibration.set().size(), new Random(CALIB_SEED));
        this.calibIndices = java.util.Arrays.copyOf(perm, n);
    }

    /** Result of one evaluation. */
    public record Result(SubnetConfig config, double top1, double loss, int images) {
    }

    /** Recalibrates {@code config}'s BN statistics (written into the supernet) and evaluates it on {@code split}. */
    public Result evaluate(OfaSupernet net, SubnetConfig config, BatchMaker split, NDManager manager,
            ProgressListener progress) throws OfaException {
        try (NDManager scope = manager.newSubManager()) {
            List<NDArray> batches = new ArrayList<>();
            Random aug = new Random(CALIB_SEED + config.r());
            for (int from = 0; from < calibIndices.length; from += CALIB_BATCH) {
                Batch b = calibration.make(calibIndices, from, Math.min(calibIndices.length, from + CALIB_BATCH),
                        config.r(), aug);
                batches.add(scope.create(b.images(), new Shape(b.shape())));
            }
            BnRecalibration.recalibrate(net, config, batches, ProgressListener.NONE);
        }
        int n = split.set().size();
        int[] all = java.util.stream.IntStream.range(0, n).toArray();
        long correct = 0;
        double lossSum = 0;
        for (int from = 0; from < n; from += EVAL_BATCH) {
            int to = Math.min(n, from + EVAL_BATCH);
            Batch b = split.make(all, from, to, config.r(), null);
            try (NDManager scope = manager.newSubManager()) {
                NDArray x = scope.create(b.images(), new Shape(b.shape()));
                NDArray logits = net.forward(new ParameterStore(scope, false), x, false);
                NDArray labels = scope.create(b.labels());
                correct += logits.argMax(1).toType(ai.djl.ndarray.types.DataType.INT32, false).eq(labels)
                        .sum().toType(ai.djl.ndarray.types.DataType.INT64, false).getLong();
                lossSum += Losses.labelSmoothedCe(logits, labels, 0).getFloat() * (to - from);
            }
            progress.progress(to, n, "evaluating");
        }
        return new Result(config, (double) correct / n, lossSum / n, n);
    }
}
