package dev.ofastudio.app.pareto;

import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.space.SubnetConfig;
import java.util.List;

/**
 * The sub-network the user picked, with everything the export, the tooltip and present mode show.
 *
 * @param row        row in the result table
 * @param space      the search space it belongs to
 * @param config     OFA config (ks, e, d, r)
 * @param accuracy   predicted top-1 accuracy, %
 * @param macs       multiply-accumulates
 * @param params     parameters
 * @param opsPerByte arithmetic intensity (int8)
 * @param boards     board labels
 * @param latencyMs  latency per board, same order
 */
public record SelectedNet(int row, SearchSpace space, SubnetConfig config, double accuracy, long macs, long params,
        double opsPerByte, List<String> boards, double[] latencyMs) {

    public static SelectedNet of(ResultTable t, int row, SearchSpace space) {
        double[] lat = new double[t.boards().size()];
        for (int b = 0; b < lat.length; b++) {
            lat[b] = t.latency(b, row);
        }
        return new SelectedNet(row, space, t.config(row), t.accuracy(row), t.macs(row), t.params(row),
                t.opsPerByte(row), t.boards(), lat);
    }

    /** Achieved throughput on board {@code b}: 2 ops per MAC over the latency, in GOPS/s. */
    public double gopsPerS(int b) {
        return 2.0 * macs / (latencyMs[b] * 1e-3) / 1e9;
    }

    public double latencyOn(String board) {
        int b = boards.indexOf(board);
        return b < 0 ? Double.NaN : latencyMs[b];
    }
}
