package dev.ofastudio.engine.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.progress.ProgressListener;
import dev.ofastudio.engine.space.SubnetConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Recomputes the BN running statistics of one sub-network, as OFA's {@code set_running_statistics}
 * (digest §2.5): every BN that runs normalises with its batch statistics while the batches pass
 * (eval mode otherwise), the per-batch means and biased variances are averaged weighted by batch
 * size, and the averages replace {@code running_mean[:C]} and {@code running_var[:C]}. BNs of
 * skipped blocks, channels beyond C and {@code num_batches_tracked} stay as they were.
 */
public final class BnRecalibration {
    /** The new statistics of one BN layer. */
    public record LayerStats(String module, int channels, float[] runningMean, float[] runningVar) {
    }

    private BnRecalibration() {
    }

    /**
     * Activates {@code config} and recalibrates it with {@code batches} ({@code [N, 3, r, r]} each).
     *
     * @return the updated layers in execution order
     */
    public static List<LayerStats> recalibrate(OfaSupernet net, SubnetConfig config, List<NDArray> batches,
            ProgressListener progress) throws OfaException {
        if (batches.isEmpty()) {
            throw new OfaException("BN recalibration needs at least one batch of images");
        }
        net.setActiveSubnet(config);
        BnStatistics stats = new BnStatistics();
        List<ElasticBatchNorm> all = net.allBatchNorms();
        all.forEach(bn -> bn.attachCalibration(stats));
        try {
            for (int i = 0; i < batches.size(); i++) {
                NDArray batch = batches.get(i);
                try (NDManager scope = batch.getManager().newSubManager()) {
                    NDArray x = batch.duplicate();
                    x.attach(scope);
                    net.forward(new ParameterStore(scope, false), x, false);
                }
                progress.progress(i + 1, batches.size(), "BN recalibration");
            }
        } finally {
            all.forEach(bn -> bn.attachCalibration(null));
        }
        List<LayerStats> out = new ArrayList<>();
        try (NDManager tmp = batches.get(0).getManager().newSubManager()) {
            stats.averages().forEach((bn, mv) -> {
                bn.setRunningStats(tmp.create(mv[0]), tmp.create(mv[1]));
                out.add(new LayerStats(bn.key(), mv[0].length, mv[0], mv[1]));
            });
        }
        return out;
    }
}
