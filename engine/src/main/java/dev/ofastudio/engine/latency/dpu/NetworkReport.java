package dev.ofastudio.engine.latency.dpu;

import java.util.List;

/**
 * The DPU model's verdict on a whole network on one board.
 *
 * @param network      network name
 * @param board        board id ({@code zcu102}, ...)
 * @param latencyMs    single-thread end-to-end latency a Vitis AI user would measure (one core, batch 1):
 *                     the layers plus the fixed per-frame CPU overhead
 * @param ops          total operations
 * @param bytes        total bytes moved
 * @param opsPerByte   arithmetic intensity of the whole network
 * @param gopsPerS     achieved throughput over the DPU time
 * @param peakFraction achieved / peak of one core
 * @param layers       per-layer reports in network order
 */
public record NetworkReport(String network, String board, double latencyMs, long ops, long bytes,
        double opsPerByte, double gopsPerS, double peakFraction, List<LayerReport> layers) {
    public NetworkReport {
        layers = List.copyOf(layers);
    }

    /** Time on the DPU (CPU fallbacks included): the sum of the layers. */
    public double dpuMs() {
        double sum = 0;
        for (LayerReport l : layers) {
            sum += l.latencyMs();
        }
        return sum;
    }

    /** The fixed per-frame CPU overhead included in {@link #latencyMs()}. */
    public double frameOverheadMs() {
        return latencyMs - dpuMs();
    }
}
