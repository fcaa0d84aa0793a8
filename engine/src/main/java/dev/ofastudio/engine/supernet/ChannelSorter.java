package dev.ofastudio.engine.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * OFA's {@code re_organize_middle_weights} (digest §1.3), run once before each elastic-expand
 * phase: the mid channels of every elastic block are sorted by importance (L1 norm of the
 * pointwise weights that read them), so that narrower sub-networks keep the most important
 * channels. Every tensor indexed by a mid channel is permuted the same way, so the maximum
 * sub-network computes exactly the same function; SE mid channels get their own sort.
 */
public final class ChannelSorter {
    private ChannelSorter() {
    }

    /**
     * Sorts every elastic block of {@code net}.
     *
     * @param expandStage 0 before the first expand phase; k &gt; 0 keeps the prefixes trained in
     *     the k earlier phases in front (by demoting channels beyond each smaller width)
     */
    public static void reorganize(OfaSupernet net, int expandStage) {
        for (int b = 0; b < dev.ofastudio.engine.space.SubnetConfig.BLOCKS; b++) {
            reorganize(net.block(b), expandStage);
        }
    }

    static void reorganize(ElasticMBConvBlock block, int expandStage) {
        NDArray pw = block.pointWeight().getArray();
        try (NDManager m = pw.getManager().newSubManager()) {
            float[] importance = l1PerInputChannel(pw.get(m, new NDIndex()));
            if (expandStage > 0) {
                List<Integer> targets = block.midWidthsDesc();
                double base = -targets.size() * 1e5;
                int right = importance.length;
                for (int i = 0; i <= expandStage && i < targets.size(); i++) {
                    int left = targets.get(i);
                    for (int c = left; c < right; c++) {
                        importance[c] += (float) base;
                    }
                    base += 1e5;
                    right = left;
                }
            }
            long[] idx = descendingOrder(importance);
            permute(block.pointWeight(), idx, 1);
            permuteBn(block.depthBn(), idx);
            permute(block.depthWeight(), idx, 0);
            if (block.hasSe()) {
                SqueezeExcite se = block.se();
                permute(se.expandWeight(), idx, 0);
                permute(se.expandBias(), idx, 0);
                permute(se.reduceWeight(), idx, 1);
                float[] seImportance = l1PerInputChannel(se.expandWeight().getArray().get(m, new NDIndex()));
                long[] seIdx = descendingOrder(seImportance);
                permute(se.expandWeight(), seIdx, 1);
                permute(se.reduceWeight(), seIdx, 0);
                permute(se.reduceBias(), seIdx, 0);
            }
            permute(block.expandWeight(), idx, 0);
            permuteBn(block.expandBn(), idx);
        }
    }

    /** Σ |W[o, c, ...]| over every axis but 1. */
    private static float[] l1PerInputChannel(NDArray w) {
        return w.abs().sum(new int[] {3}).sum(new int[] {2}).sum(new int[] {0}).toFloatArray();
    }

    /** Indices sorting {@code v} descending; ties keep their order. */
    private static long[] descendingOrder(float[] v) {
        return IntStream.range(0, v.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> v[i]).reversed())
                .mapToLong(Integer::longValue).toArray();
    }

    /** out[.., i, ..] = in[.., order[i], ..] along {@code axis} (0 or 1), done on a host copy. */
    private static void permute(Parameter p, long[] order, int axis) {
        NDArray w = p.getArray();
        long[] shape = w.getShape().getShape();
        float[] in = w.toFloatArray();
        float[] out = new float[in.length];
        int outer = axis == 0 ? 1 : (int) shape[0];
        int n = (int) shape[axis];
        int inner = in.length / (outer * n);
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < n; i++) {
                System.arraycopy(in, (o * n + (int) order[i]) * inner, out, (o * n + i) * inner, inner);
            }
        }
        w.set(out);
    }

    private static void permuteBn(ElasticBatchNorm bn, long[] idx) {
        permute(bn.gamma(), idx, 0);
        permute(bn.beta(), idx, 0);
        permute(bn.runningMean(), idx, 0);
        permute(bn.runningVar(), idx, 0);
    }

}
