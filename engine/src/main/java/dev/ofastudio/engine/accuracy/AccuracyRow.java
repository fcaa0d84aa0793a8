package dev.ofastudio.engine.accuracy;

import dev.ofastudio.engine.space.SubnetConfig;

/**
 * One evaluated sub-network of an accuracy dataset.
 *
 * @param index   position in the build's sample plan (rows finish out of order with several workers)
 * @param top1    holdout top-1 on a 0–1 scale (correct / images)
 * @param loss    mean holdout cross-entropy
 * @param seconds wall time of the recalibration and evaluation
 */
public record AccuracyRow(int index, SubnetConfig config, double top1, long macs, long params, double loss,
        int images, double seconds) {
}
