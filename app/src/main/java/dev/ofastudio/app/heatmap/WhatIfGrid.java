package dev.ofastudio.app.heatmap;

import java.util.List;

/**
 * The latency of one elastic block on one board for every kernel × expand choice, all else
 * unchanged. Each value is the block's own layer latency in the network described with that
 * block's (k, e) replaced.
 *
 * @param block          elastic block index 0..19
 * @param layerName      the block's layer name ({@code blocks.N})
 * @param board          board id
 * @param kernels        kernel choices (rows)
 * @param expands        expand choices (columns)
 * @param latencyMs      row-major latencies, {@code kernels.size() * expands.size()} values
 * @param currentKernel  the block's kernel in the selected sub-network
 * @param currentExpand  the block's expand ratio in the selected sub-network
 */
public record WhatIfGrid(int block, String layerName, String board, List<Integer> kernels, List<Integer> expands,
        List<Double> latencyMs, int currentKernel, int currentExpand) {

    public WhatIfGrid {
        kernels = List.copyOf(kernels);
        expands = List.copyOf(expands);
        latencyMs = List.copyOf(latencyMs);
        if (latencyMs.size() != kernels.size() * expands.size()) {
            throw new IllegalArgumentException("what-if grid needs " + kernels.size() * expands.size()
                    + " latencies, got " + latencyMs.size());
        }
    }

    public double latencyMs(int kernelIndex, int expandIndex) {
        return latencyMs.get(kernelIndex * expands.size() + expandIndex);
    }

    public boolean isCurrent(int kernelIndex, int expandIndex) {
        return kernels.get(kernelIndex) == currentKernel && expands.get(expandIndex) == currentExpand;
    }

    /** Range of the grid's own values, linear: the differences are what the grid is for. */
    public ColourScale colourScale() {
        double[] v = latencyMs.stream().mapToDouble(Double::doubleValue).toArray();
        return ColourScale.spanning(v, v.length, false);
    }
}
