package dev.ofastudio.app.heatmap;

import dev.ofastudio.engine.arch.Layer;
import dev.ofastudio.engine.arch.NetworkDescription;
import dev.ofastudio.engine.arch.Op;
import dev.ofastudio.engine.latency.dpu.LayerReport;
import dev.ofastudio.engine.latency.dpu.NetworkReport;
import java.util.ArrayList;
import java.util.List;

/**
 * A test stand-in for the DPU model: a plain roofline over the layer description (2 ops per MAC,
 * int8 weights + input + output bytes), so values differ per layer and per (k, e) the way real
 * ones do, and every figure can be recomputed by a test from the layer alone.
 */
public final class FakeBoardAnalyzer implements BoardAnalyzer {
    private final String board;
    private final double peakOpsPerMs;
    private final double bytesPerMs;
    private int calls;

    public FakeBoardAnalyzer(String board, double peakGops, double gbPerS) {
        this.board = board;
        this.peakOpsPerMs = peakGops * 1e6;
        this.bytesPerMs = gbPerS * 1e6;
    }

    /** Three boards with distinct peaks, like zcu102/zcu104/kv260. */
    public static List<BoardAnalyzer> threeBoards() {
        return List.of(new FakeBoardAnalyzer("zcu102", 1150, 19), new FakeBoardAnalyzer("zcu104", 1230, 17),
                new FakeBoardAnalyzer("kv260", 1080, 12));
    }

    @Override
    public String boardId() {
        return board;
    }

    public int calls() {
        return calls;
    }

    @Override
    public NetworkReport analyze(NetworkDescription net) {
        calls++;
        List<LayerReport> layers = new ArrayList<>();
        double total = 0;
        long ops = 0;
        long bytes = 0;
        for (Layer l : net.layers()) {
            LayerReport r = layer(l);
            layers.add(r);
            total += r.latencyMs();
            ops += r.ops();
            bytes += r.bytes();
        }
        double gops = ops / total / 1e6;
        return new NetworkReport(net.name(), board, total + 0.5, ops, bytes, (double) ops / bytes, gops,
                gops * 1e6 / peakOpsPerMs, layers);
    }

    /** The fake's figures for one layer. */
    public LayerReport layer(Layer l) {
        long ops = 2 * l.macs() + l.out().elements();
        long weights = 0;
        for (Op op : l.ops()) {
            weights += op.weightCount();
        }
        long bytes = weights + l.in().elements() + l.out().elements();
        double compute = ops / peakOpsPerMs;
        double memory = bytes / bytesPerMs;
        double latency = Math.max(compute, memory) + 0.002;
        return new LayerReport(l.name(), latency, ops, bytes, (double) ops / bytes, ops / latency / 1e6,
                ops / latency / peakOpsPerMs, compute >= memory ? LayerReport.Bound.COMPUTE : LayerReport.Bound.MEMORY);
    }
}
