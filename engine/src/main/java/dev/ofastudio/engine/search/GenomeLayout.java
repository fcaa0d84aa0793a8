package dev.ofastudio.engine.search;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.space.SubnetConfig;
import java.util.List;

/**
 * The search's compact genome: one int array of choice indices into the space's lists, so the
 * hot loop neither allocates configs nor looks values up in lists.
 *
 * <pre>
 *   [0, 20)   kernel index of elastic block b      (into kernelSizes)
 *   [20, 40)  expand index of elastic block b      (into expandRatios)
 *   [40, 45)  depth index of stage s               (into depths)
 *   45        resolution index                     (into resolutions)
 * </pre>
 */
final class GenomeLayout {
    static final int BLOCKS = SubnetConfig.BLOCKS;
    static final int STAGES = SubnetConfig.STAGES;
    static final int K = 0;
    static final int E = BLOCKS;
    static final int D = 2 * BLOCKS;
    static final int R = 2 * BLOCKS + STAGES;
    static final int LENGTH = R + 1;
    /** The most choices one gene may have, so that a gene plus one fits in a byte. */
    static final int MAX_CHOICES = Byte.MAX_VALUE - 1;

    final int[] kernels;
    final int[] expands;
    final int[] depths;
    final int[] resolutions;

    GenomeLayout(SearchSpace space) {
        kernels = toArray(space.kernelSizes());
        expands = toArray(space.expandRatios());
        depths = toArray(space.depths());
        resolutions = toArray(space.resolutions());
    }

    private static int[] toArray(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Histories and caches keep a gene (plus one) in a byte.
     *
     * @throws OfaException if a choice list of {@code space} is longer than {@link #MAX_CHOICES}
     */
    static void requireFitsBytes(SearchSpace space) throws OfaException {
        List<List<Integer>> lists = List.of(space.kernelSizes(), space.expandRatios(), space.depths(),
                space.resolutions());
        List<String> names = List.of("kernel sizes", "expand ratios", "depths", "resolutions");
        for (int i = 0; i < lists.size(); i++) {
            if (lists.get(i).size() > MAX_CHOICES) {
                throw new OfaException("space " + space.id() + ": the search handles at most " + MAX_CHOICES + " "
                        + names.get(i) + ", found " + lists.get(i).size());
            }
        }
    }

    int depth(int[] g, int stage) {
        return depths[g[D + stage]];
    }

    int resolution(int[] g) {
        return resolutions[g[R]];
    }

    SubnetConfig toConfig(int[] g) {
        int[] ks = new int[BLOCKS];
        int[] e = new int[BLOCKS];
        int[] d = new int[STAGES];
        for (int b = 0; b < BLOCKS; b++) {
            ks[b] = kernels[g[K + b]];
            e[b] = expands[g[E + b]];
        }
        for (int s = 0; s < STAGES; s++) {
            d[s] = depths[g[D + s]];
        }
        return new SubnetConfig(ks, e, d, resolutions[g[R]]);
    }

    /** The config of the genome stored as bytes at {@code genes[offset ..]}. */
    SubnetConfig toConfig(byte[] genes, int offset) {
        int[] g = new int[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            g[i] = genes[offset + i];
        }
        return toConfig(g);
    }

    /**
     * The genome of {@code c}; inactive blocks whose values lie outside the space get index 0.
     *
     * @throws IllegalArgumentException if an active value or the resolution is not in the space
     */
    int[] fromConfig(SubnetConfig c) {
        int[] g = new int[LENGTH];
        for (int s = 0; s < STAGES; s++) {
            g[D + s] = indexOf(depths, c.d(s), "d", s);
        }
        for (int b = 0; b < BLOCKS; b++) {
            boolean active = c.isActive(b);
            g[K + b] = active ? indexOf(kernels, c.ks(b), "ks", b) : Math.max(0, find(kernels, c.ks(b)));
            g[E + b] = active ? indexOf(expands, c.e(b), "e", b) : Math.max(0, find(expands, c.e(b)));
        }
        g[R] = indexOf(resolutions, c.r(), "r", -1);
        return g;
    }

    /**
     * Writes into {@code out} ({@link #LENGTH} bytes) a row equal for two genomes exactly when they
     * run the same network (inactive blocks are ignored), for caching predictions.
     */
    void networkGenes(int[] g, byte[] out) {
        for (int s = 0; s < STAGES; s++) {
            int d = depths[g[D + s]];
            out[D + s] = (byte) g[D + s];
            for (int j = 0; j < SubnetConfig.MAX_DEPTH; j++) {
                int b = s * SubnetConfig.MAX_DEPTH + j;
                boolean active = j < d;
                out[K + b] = active ? (byte) (g[K + b] + 1) : 0;
                out[E + b] = active ? (byte) (g[E + b] + 1) : 0;
            }
        }
        out[R] = (byte) g[R];
    }

    private static int find(int[] values, int v) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == v) {
                return i;
            }
        }
        return -1;
    }

    /** The index of {@code v}; the message names {@code field[position]} (a scalar field: position -1). */
    private static int indexOf(int[] values, int v, String field, int position) {
        int i = find(values, v);
        if (i < 0) {
            // Named only here: this runs for every block of every timed net.
            throw new IllegalArgumentException("config field " + field + (position < 0 ? "" : "[" + position + "]")
                    + ": expected one of "
                    + java.util.Arrays.toString(values) + ", found " + v);
        }
        return i;
    }
}
