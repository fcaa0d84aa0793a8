package dev.ofastudio.engine.supernet;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-BN averages of batch means and biased batch variances, weighted by batch size, as OFA's
 * {@code set_running_statistics} collects them (the mean of per-batch variances, not a pooled
 * variance). Keyed by BN layer in first-run order.
 */
final class BnStatistics {
    private static final class Sums {
        double[] mean;
        double[] var;
        long count;
    }

    private final Map<ElasticBatchNorm, Sums> sums = new LinkedHashMap<>();

    void add(ElasticBatchNorm bn, NDArray batchMean, NDArray batchVar, long batchSize) {
        float[] m = batchMean.toFloatArray();
        float[] v = batchVar.toFloatArray();
        Sums s = sums.computeIfAbsent(bn, k -> new Sums());
        if (s.mean == null) {
            s.mean = new double[m.length];
            s.var = new double[v.length];
        } else if (s.mean.length != m.length) {
            throw new IllegalStateException(bn.key() + " ran at two widths during one recalibration");
        }
        for (int i = 0; i < m.length; i++) {
            s.mean[i] += (double) m[i] * batchSize;
            s.var[i] += (double) v[i] * batchSize;
        }
        s.count += batchSize;
    }

    /** The layers that ran, in order, with their averaged statistics. */
    Map<ElasticBatchNorm, float[][]> averages() {
        Map<ElasticBatchNorm, float[][]> out = new LinkedHashMap<>();
        sums.forEach((bn, s) -> {
            float[] m = new float[s.mean.length];
            float[] v = new float[s.var.length];
            for (int i = 0; i < m.length; i++) {
                m[i] = (float) (s.mean[i] / s.count);
                v[i] = (float) (s.var[i] / s.count);
            }
            out.put(bn, new float[][] {m, v});
        });
        return out;
    }
}
