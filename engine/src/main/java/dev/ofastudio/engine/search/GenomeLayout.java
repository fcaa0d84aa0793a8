package dev.ofastudio.engine.search;

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

    /**
     * The genome of {@code c}; inactive blocks whose values lie outside the space get index 0.
     *
     * @throws IllegalArgumentException if an active value or the resolution is not in the space
     */
    int[] fromConfig(SubnetConfig c) {
        int[] g = new int[LENGTH];
        for (int s = 0; s < STAGES; s++) {
            g[D + s] = indexOf(depths, c.d(s), "d[" + s + "]");
        }
        for (int b = 0; b < BLOCKS; b++) {
            boolean active = c.isActive(b);
            g[K + b] = active ? indexOf(kernels, c.ks(b), "ks[" + b + "]") : Math.max(0, find(kernels, c.ks(b)));
            g[E + b] = active ? indexOf(expands, c.e(b), "e[" + b + "]") : Math.max(0, find(expands, c.e(b)));
        }
        g[R] = indexOf(resolutions, c.r(), "r");
        return g;
    }

    /**
     * A key equal for two genomes exactly when they run the same network (inactive blocks are
     * ignored), for caching predictions.
     */
    String networkKey(int[] g) {
        char[] k = new char[LENGTH];
        for (int s = 0; s < STAGES; s++) {
            int d = depths[g[D + s]];
            k[D + s] = (char) g[D + s];
            for (int j = 0; j < SubnetConfig.MAX_DEPTH; j++) {
                int b = s * SubnetConfig.MAX_DEPTH + j;
                boolean active = j < d;
                k[K + b] = active ? (char) (g[K + b] + 1) : 0;
                k[E + b] = active ? (char) (g[E + b] + 1) : 0;
            }
        }
        k[R] = (char) g[R];
        return new String(k);
    }

    private static int find(int[] values, int v) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == v) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(int[] values, int v, String field) {
        int i = find(values, v);
        if (i < 0) {
            throw new IllegalArgumentException("config field " + field + ": expected one of "
                    + java.util.Arrays.toString(values) + ", found " + v);
        }
        return i;
    }
}
