package dev.ofastudio.app.pareto;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.arch.NetworkDescription;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.space.SubnetConfig;
import dev.ofastudio.engine.study.HardwareFigures;
import dev.ofastudio.engine.study.LatencySource;
import dev.ofastudio.engine.study.ResultTable;
import java.util.ArrayList;
import java.util.List;

/**
 * The sub-network the user picked, with everything the export, the tooltip and present mode show.
 * Its hardware figures per board are the engine's ({@link HardwareFigures}), as {@code ofa latency}
 * and {@code ofa compare} print them.
 *
 * @param row      row in the result table
 * @param space    the search space it belongs to
 * @param config   OFA config (ks, e, d, r)
 * @param accuracy predicted top-1 accuracy, %
 * @param macs     multiply-accumulates
 * @param params   parameters
 * @param boards   board labels
 * @param figures  hardware figures per board, same order (latency only for lookup tables)
 */
public record SelectedNet(int row, SearchSpace space, SubnetConfig config, double accuracy, long macs, long params,
        List<String> boards, List<HardwareFigures> figures) {

    public SelectedNet {
        boards = List.copyOf(boards);
        figures = List.copyOf(figures);
    }

    /** Row {@code row} with its figures on every source; a source that cannot time it gets NaN figures. */
    public static SelectedNet of(ResultTable t, int row, SearchSpace space, List<LatencySource> sources) {
        NetworkDescription net = space.describe(t.config(row));
        List<HardwareFigures> figs = new ArrayList<>();
        for (int b = 0; b < t.boards().size(); b++) {
            figs.add(figures(b < sources.size() ? sources.get(b) : null, net, t.boards().get(b), t.latency(b, row)));
        }
        return new SelectedNet(row, space, t.config(row), t.accuracy(row), t.macs(row), t.params(row), t.boards(),
                figs);
    }

    static HardwareFigures figures(LatencySource source, NetworkDescription net, String label, double latencyMs) {
        if (source != null && !Double.isNaN(latencyMs)) {
            try {
                return HardwareFigures.of(source, net);
            } catch (OfaException | RuntimeException e) {
                // Falls through: the table's latency is all this source can say.
            }
        }
        return new HardwareFigures(label, latencyMs, Double.NaN, Double.NaN, -1, -1, Double.NaN, Double.NaN,
                Double.NaN);
    }

    public double[] latencyMs() {
        return figures.stream().mapToDouble(HardwareFigures::latencyMs).toArray();
    }

    /** Achieved throughput on board {@code b} over the DPU time (the engine's figure), GOPS/s. */
    public double gopsPerS(int b) {
        return figures.get(b).gopsPerS();
    }

    /** Arithmetic intensity on board {@code b} (the engine's ops and bytes). */
    public double opsPerByte(int b) {
        return figures.get(b).opsPerByte();
    }

    public double latencyOn(String board) {
        int b = boards.indexOf(board);
        return b < 0 ? Double.NaN : figures.get(b).latencyMs();
    }
}
