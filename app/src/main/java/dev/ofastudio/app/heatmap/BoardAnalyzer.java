package dev.ofastudio.app.heatmap;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.arch.NetworkDescription;
import dev.ofastudio.engine.latency.dpu.NetworkReport;

/**
 * One board's per-layer analysis of a network: the heatmap's only view of the DPU model. The
 * report must list the network's layers in order, one {@code LayerReport} per layer.
 */
public interface BoardAnalyzer {
    /** Board id shown as the column header ({@code zcu102}, ...). */
    String boardId();

    /** Per-layer figures of {@code net} on this board. */
    NetworkReport analyze(NetworkDescription net) throws OfaException;
}
