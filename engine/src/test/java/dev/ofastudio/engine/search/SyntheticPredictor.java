package dev.ofastudio.engine.search;

import dev.ofastudio.engine.predict.AccuracyPredictor;
import dev.ofastudio.engine.space.SubnetConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * A deterministic stand-in for the official predictor: bigger kernels, expands, depths and
 * resolutions score higher, with a small config-dependent wiggle so that ties are rare. It records
 * the size of every batch it is given.
 */
final class SyntheticPredictor implements AccuracyPredictor {
    final List<Integer> batchSizes = new ArrayList<>();

    @Override
    public double predict(SubnetConfig c) {
        double acc = 0.55 + 0.0004 * (c.r() - 160);
        for (int b = 0; b < SubnetConfig.BLOCKS; b++) {
            if (c.isActive(b)) {
                acc += 0.0005 * c.ks(b) + 0.001 * c.e(b) + 0.0001 * ((b * 7 + c.ks(b) * 3 + c.e(b)) % 5);
            }
        }
        return acc;
    }

    @Override
    public synchronized double[] predict(List<SubnetConfig> configs) {
        batchSizes.add(configs.size());
        return AccuracyPredictor.super.predict(configs);
    }

    @Override
    public List<Integer> resolutions() {
        return List.of(112, 128, 144, 160, 176, 192, 208, 224);
    }

    @Override
    public String describe() {
        return "synthetic test predictor";
    }
}
