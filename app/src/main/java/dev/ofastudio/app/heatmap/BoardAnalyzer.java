package dev.ofastudio.app.heatmap;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.arch.NetworkDescription;
import dev.ofastudio.engine.latency.dpu.BoardSpecs;
import dev.ofastudio.engine.latency.dpu.DpuLatencyModel;
import dev.ofastudio.engine.latency.dpu.NetworkAnalyzer;
import dev.ofastudio.engine.latency.dpu.NetworkReport;
import java.util.ArrayList;
import java.util.List;

/**
 * One board's per-layer analysis of a network: the heatmap's only view of the DPU model. The
 * report must list the network's layers in order, one {@code LayerReport} per layer.
 */
public interface BoardAnalyzer {
    /** Board id shown as the column header ({@code zcu102}, ...). */
    String boardId();

    /** Per-layer figures of {@code net} on this board. */
    NetworkReport analyze(NetworkDescription net) throws OfaException;

    /** Adapts an engine analyzer: the analytic DPU model or a measured board profile. */
    static BoardAnalyzer of(NetworkAnalyzer analyzer) {
        return named(analyzer.board().id(), analyzer);
    }

    /** Adapts an engine analyzer under a column name of its own (e.g. the file it was loaded from). */
    static BoardAnalyzer named(String id, NetworkAnalyzer analyzer) {
        return new BoardAnalyzer() {
            @Override
            public String boardId() {
                return id;
            }

            @Override
            public NetworkReport analyze(NetworkDescription net) throws OfaException {
                return analyzer.analyze(net);
            }

            @Override
            public String toString() {
                return "BoardAnalyzer[" + id + "]";
            }
        };
    }

    /** The analytic DPU model on the given shipped boards, e.g. {@code dpuModels("zcu102", "kv260")}. */
    static List<BoardAnalyzer> dpuModels(String... boardIds) throws OfaException {
        List<BoardAnalyzer> list = new ArrayList<>(boardIds.length);
        for (String id : boardIds) {
            list.add(of(new DpuLatencyModel(BoardSpecs.load(id))));
        }
        return list;
    }

    /** The analytic DPU model on every shipped board (zcu102, zcu104, kv260). */
    static List<BoardAnalyzer> shippedDpuModels() throws OfaException {
        return dpuModels(BoardSpecs.SHIPPED.toArray(String[]::new));
    }
}
