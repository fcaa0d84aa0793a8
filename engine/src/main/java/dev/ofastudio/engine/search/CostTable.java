package dev.ofastudio.engine.search;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.arch.Layer;
import dev.ofastudio.engine.arch.NetworkDescription;
import dev.ofastudio.engine.latency.LatencyModel;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.space.SubnetConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A latency model and the MAC count compiled into per-(resolution, block, kernel, expand) tables
 * plus a per-resolution fixed cost, so that the search evaluates a candidate with ~20 array reads
 * instead of building a {@link NetworkDescription}.
 *
 * <p>This is exact because stage widths and strides are fixed: the input shape of elastic block
 * {@code b} depends only on the resolution and {@code b}, never on the other blocks' choices or on
 * the depths, and a {@link LatencyModel} is a sum over layers. {@link #compile} checks the second
 * assumption on random configs and refuses a model that is not a per-layer sum.
 */
final class CostTable {
    private static final int VERIFY_CONFIGS = 8;
    private static final double VERIFY_TOLERANCE = 1e-9;

    private final GenomeLayout layout;
    private final int nK;
    private final int nE;
    private final boolean hasLatency;
    private final double[] latencyFixed;
    private final double[] latencyBlock;
    private final long[] macsFixed;
    private final long[] macsBlock;
    private final long[] paramsFixed;
    private final long[] paramsBlock;

    private CostTable(GenomeLayout layout, boolean hasLatency, double[] latencyFixed, double[] latencyBlock,
            long[] macsFixed, long[] macsBlock, long[] paramsFixed, long[] paramsBlock) {
        this.layout = layout;
        this.nK = layout.kernels.length;
        this.nE = layout.expands.length;
        this.hasLatency = hasLatency;
        this.latencyFixed = latencyFixed;
        this.latencyBlock = latencyBlock;
        this.macsFixed = macsFixed;
        this.macsBlock = macsBlock;
        this.paramsFixed = paramsFixed;
        this.paramsBlock = paramsBlock;
    }

    /**
     * Compiles MACs and, when {@code model} is not null, latency for every resolution of
     * {@code space}.
     *
     * @throws OfaException if the model lacks a resolution or a key, or is not a per-layer sum, or a
     *     choice list of the space is longer than {@link GenomeLayout#MAX_CHOICES}
     */
    static CostTable compile(SearchSpace space, LatencyModel model) throws OfaException {
        GenomeLayout.requireFitsBytes(space);
        GenomeLayout layout = new GenomeLayout(space);
        int nR = layout.resolutions.length;
        int nK = layout.kernels.length;
        int nE = layout.expands.length;
        int blocks = GenomeLayout.BLOCKS;
        double[] latFixed = new double[nR];
        double[] latBlock = new double[nR * blocks * nK * nE];
        long[] macFixed = new long[nR];
        long[] macBlock = new long[nR * blocks * nK * nE];
        long[] parFixed = new long[nR];
        long[] parBlock = new long[nR * blocks * nK * nE];
        for (int ri = 0; ri < nR; ri++) {
            int r = layout.resolutions[ri];
            for (int ki = 0; ki < nK; ki++) {
                for (int ei = 0; ei < nE; ei++) {
                    // Full depth, so every block position appears once.
                    SubnetConfig full = SubnetConfig.uniform(layout.kernels[ki], layout.expands[ei],
                            SubnetConfig.MAX_DEPTH, r);
                    NetworkDescription net = space.describe(full);
                    List<Layer> layers = net.layers();
                    List<LatencyModel.LayerLatency> lat = model == null ? null : model.layers(net);
                    if (lat != null && lat.size() != layers.size()) {
                        throw new IllegalStateException("latency model " + model.name() + " returned "
                                + lat.size() + " layers for a network of " + layers.size());
                    }
                    long macBlocks = 0;
                    long parBlocks = 0;
                    double latBlocks = 0;
                    int b = 0;
                    for (int i = 0; i < layers.size(); i++) {
                        if (layers.get(i).stage() < 0) {
                            continue; // fixed layers: stem, block 0, head
                        }
                        int idx = index(ri, b, ki, ei, nK, nE);
                        macBlock[idx] = layers.get(i).macs();
                        macBlocks += macBlock[idx];
                        parBlock[idx] = layers.get(i).params();
                        parBlocks += parBlock[idx];
                        if (lat != null) {
                            latBlock[idx] = lat.get(i).latencyMs();
                            latBlocks += latBlock[idx];
                        }
                        b++;
                    }
                    // The same for every (k, e); computed from the first net.
                    if (ki == 0 && ei == 0) {
                        macFixed[ri] = net.macs() - macBlocks;
                        parFixed[ri] = net.params() - parBlocks;
                        latFixed[ri] = model == null ? 0 : model.latencyMs(net) - latBlocks;
                    }
                }
            }
        }
        CostTable table = new CostTable(layout, model != null, latFixed, latBlock, macFixed, macBlock, parFixed,
                parBlock);
        table.verify(space, model);
        return table;
    }

    private static int index(int ri, int b, int ki, int ei, int nK, int nE) {
        return ((ri * GenomeLayout.BLOCKS + b) * nK + ki) * nE + ei;
    }

    /** Compares the compiled sums with the model on a few fixed pseudo-random configs. */
    private void verify(SearchSpace space, LatencyModel model) throws OfaException {
        SplittableRandom rng = new SplittableRandom(0x5eed);
        GeneticOperators ops = new GeneticOperators(layout, 0, 0);
        int[] g = new int[GenomeLayout.LENGTH];
        for (int i = 0; i < VERIFY_CONFIGS; i++) {
            ops.random(rng, g);
            NetworkDescription net = space.describe(layout.toConfig(g));
            if (net.macs() != macs(g)) {
                throw new IllegalStateException("compiled MACs " + macs(g) + " != " + net.macs()
                        + " for " + layout.toConfig(g));
            }
            if (net.params() != params(g)) {
                throw new IllegalStateException("compiled params " + params(g) + " != " + net.params()
                        + " for " + layout.toConfig(g));
            }
            if (model != null) {
                double expected = model.latencyMs(net);
                double compiled = latencyMs(g);
                if (Math.abs(expected - compiled) > VERIFY_TOLERANCE * Math.max(1, Math.abs(expected))) {
                    throw new OfaException("latency model " + model.name() + " is not a sum of per-layer "
                            + "latencies (" + compiled + " ms summed per layer vs " + expected + " ms for "
                            + layout.toConfig(g) + "); the search needs a per-layer model");
                }
            }
        }
    }

    /** True when both tables give every network of the space the same latency (same layout, same entries). */
    boolean sameLatencies(CostTable o) {
        return hasLatency == o.hasLatency && java.util.Arrays.equals(layout.resolutions, o.layout.resolutions)
                && java.util.Arrays.equals(layout.kernels, o.layout.kernels)
                && java.util.Arrays.equals(layout.expands, o.layout.expands)
                && java.util.Arrays.equals(layout.depths, o.layout.depths)
                && java.util.Arrays.equals(latencyFixed, o.latencyFixed)
                && java.util.Arrays.equals(latencyBlock, o.latencyBlock);
    }

    boolean hasLatency() {
        return hasLatency;
    }

    GenomeLayout layout() {
        return layout;
    }

    /** Latency of the network of genome {@code g}, in ms (0 without a latency model). */
    double latencyMs(int[] g) {
        int ri = g[GenomeLayout.R];
        double sum = latencyFixed[ri];
        int base = ri * GenomeLayout.BLOCKS;
        for (int s = 0; s < GenomeLayout.STAGES; s++) {
            int d = layout.depths[g[GenomeLayout.D + s]];
            for (int j = 0; j < d; j++) {
                int b = s * SubnetConfig.MAX_DEPTH + j;
                sum += latencyBlock[((base + b) * nK + g[GenomeLayout.K + b]) * nE + g[GenomeLayout.E + b]];
            }
        }
        return sum;
    }

    long macs(int[] g) {
        return sum(g, macsFixed, macsBlock);
    }

    long params(int[] g) {
        return sum(g, paramsFixed, paramsBlock);
    }

    private long sum(int[] g, long[] fixed, long[] block) {
        int ri = g[GenomeLayout.R];
        long sum = fixed[ri];
        int base = ri * GenomeLayout.BLOCKS;
        for (int s = 0; s < GenomeLayout.STAGES; s++) {
            int d = layout.depths[g[GenomeLayout.D + s]];
            for (int j = 0; j < d; j++) {
                int b = s * SubnetConfig.MAX_DEPTH + j;
                sum += block[((base + b) * nK + g[GenomeLayout.K + b]) * nE + g[GenomeLayout.E + b]];
            }
        }
        return sum;
    }

    /** Exact [min, max] latency over the whole space (every resolution, depth and block choice). */
    double[] latencyRange() {
        double[] range = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int ri = 0; ri < layout.resolutions.length; ri++) {
            double lo = latencyFixed[ri];
            double hi = latencyFixed[ri];
            for (int s = 0; s < GenomeLayout.STAGES; s++) {
                double[] stage = stageRange(ri, s, latencyBlock, null);
                lo += stage[0];
                hi += stage[1];
            }
            range[0] = Math.min(range[0], lo);
            range[1] = Math.max(range[1], hi);
        }
        return range;
    }

    /** Exact [min, max] MACs over the whole space. */
    long[] macsRange() {
        long[] range = {Long.MAX_VALUE, Long.MIN_VALUE};
        for (int ri = 0; ri < layout.resolutions.length; ri++) {
            long lo = macsFixed[ri];
            long hi = macsFixed[ri];
            for (int s = 0; s < GenomeLayout.STAGES; s++) {
                double[] stage = stageRange(ri, s, null, macsBlock);
                lo += (long) stage[0];
                hi += (long) stage[1];
            }
            range[0] = Math.min(range[0], lo);
            range[1] = Math.max(range[1], hi);
        }
        return range;
    }

    /** Cheapest and dearest cost of stage {@code s} over its depths and block choices. */
    private double[] stageRange(int ri, int s, double[] lat, long[] mac) {
        List<double[]> perDepth = new ArrayList<>();
        double lo = 0;
        double hi = 0;
        for (int j = 0; j < SubnetConfig.MAX_DEPTH; j++) {
            int b = s * SubnetConfig.MAX_DEPTH + j;
            double bLo = Double.POSITIVE_INFINITY;
            double bHi = Double.NEGATIVE_INFINITY;
            for (int ki = 0; ki < nK; ki++) {
                for (int ei = 0; ei < nE; ei++) {
                    int idx = index(ri, b, ki, ei, nK, nE);
                    double v = lat != null ? lat[idx] : mac[idx];
                    bLo = Math.min(bLo, v);
                    bHi = Math.max(bHi, v);
                }
            }
            lo += bLo;
            hi += bHi;
            perDepth.add(new double[] {j + 1, lo, hi});
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int d : layout.depths) {
            double[] p = perDepth.get(d - 1);
            min = Math.min(min, p[1]);
            max = Math.max(max, p[2]);
        }
        return new double[] {min, max};
    }
}
