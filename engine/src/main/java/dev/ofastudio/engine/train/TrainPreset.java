package dev.ofastudio.engine.train;

import java.nio.file.Path;
import java.util.List;

/**
 * A whole training recipe: the space's shape (width, resolutions), the data, the phases and the
 * hyper-parameters shared by every phase (digest §2.2).
 *
 * @param resolutions      elastic resolutions, one drawn per batch
 * @param evalResolution   resolution of the per-phase max/min reports
 * @param holdout          images taken from train for BN recalibration and validation
 * @param calibImages      images per BN recalibration (OFA: 2,000 in batches of 200)
 * @param checkpointEvery  steps between checkpoints (at most this many are lost on a kill)
 */
public record TrainPreset(String name, Path defaultData, double widthMult, List<Integer> resolutions,
        int evalResolution, int batchSize, List<PhaseSpec> phases, int holdout, int calibImages, int checkpointEvery,
        double momentum, double weightDecay, double labelSmoothing, double kdRatio, float dropout, long seed) {
    public TrainPreset {
        resolutions = List.copyOf(resolutions);
        phases = List.copyOf(phases);
    }

    public TrainPreset withCheckpointEvery(int steps) {
        return new TrainPreset(name, defaultData, widthMult, resolutions, evalResolution, batchSize, phases, holdout,
                calibImages, steps, momentum, weightDecay, labelSmoothing, kdRatio, dropout, seed);
    }

    public TrainPreset withBatchSize(int batch) {
        return new TrainPreset(name, defaultData, widthMult, resolutions, evalResolution, batch, phases, holdout,
                calibImages, checkpointEvery, momentum, weightDecay, labelSmoothing, kdRatio, dropout, seed);
    }

    public TrainPreset withHoldout(int images, int calib) {
        return new TrainPreset(name, defaultData, widthMult, resolutions, evalResolution, batchSize, phases, images,
                calib, checkpointEvery, momentum, weightDecay, labelSmoothing, kdRatio, dropout, seed);
    }
}
