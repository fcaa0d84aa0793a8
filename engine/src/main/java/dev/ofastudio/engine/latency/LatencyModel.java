package dev.ofastudio.engine.latency;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.arch.NetworkDescription;
import java.util.List;

/**
 * Predicts a network's latency as the sum of its layers' latencies, which holds for a DPU (or a
 * phone) that runs layer by layer. Sources: an OFA YAML lookup table, a CSV of measurements, a
 * board profile, or the analytic DPU model.
 */
public interface LatencyModel {
    /** Per-layer latencies of {@code net}, in the net's layer order. */
    List<LayerLatency> layers(NetworkDescription net) throws OfaException;

    /** Network latency in ms: the sum of {@link #layers}. */
    default double latencyMs(NetworkDescription net) throws OfaException {
        double sum = 0;
        for (LayerLatency l : layers(net)) {
            sum += l.latencyMs();
        }
        return sum;
    }

    /** Resolutions this source covers; empty means any. */
    List<Integer> resolutions();

    /** A short name for the UI and for provenance (board, file). */
    String name();

    /**
     * The latency of one layer.
     *
     * @param name      layer name from the network description
     * @param key       the lookup key used (LUT key), or the layer name for analytic models
     * @param latencyMs milliseconds
     */
    record LayerLatency(String name, String key, double latencyMs) {
    }
}
