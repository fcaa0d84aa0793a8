/**
 * The per-layer DPU latency heatmap: one row per layer of the selected sub-network (and of the
 * MobileNetV2 baseline beside it), one column per board, cells coloured by latency, arithmetic
 * intensity or fraction of peak. Beside it, the "what if" grid shows a hovered block's latency
 * for every kernel × expand choice. {@link dev.ofastudio.app.heatmap.HeatmapViewModel} holds the
 * state and calls the per-board analyzers; {@link dev.ofastudio.app.heatmap.HeatmapView} only draws
 * and forwards the pointer.
 */
package dev.ofastudio.app.heatmap;
