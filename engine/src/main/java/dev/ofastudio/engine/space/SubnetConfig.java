package dev.ofastudio.engine.space;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One sub-network of the OFA MobileNetV3 space, in OFA's own form: kernel size and expand ratio
 * per elastic block (20 each), depth per stage (5) and the input resolution.
 *
 * <p>Block 0 is fixed and not represented. Values of blocks beyond a stage's depth are
 * placeholders: they are kept as given (so a config round-trips) but every consumer ignores them.
 * Immutable; arrays are copied in and out.
 */
public final class SubnetConfig {
    public static final int STAGES = 5;
    public static final int MAX_DEPTH = 4;
    public static final int BLOCKS = STAGES * MAX_DEPTH;

    private final int[] ks;
    private final int[] e;
    private final int[] d;
    private final int r;

    public SubnetConfig(int[] ks, int[] e, int[] d, int r) {
        if (ks.length != BLOCKS || e.length != BLOCKS || d.length != STAGES) {
            throw new IllegalArgumentException("ks and e need " + BLOCKS + " values and d " + STAGES
                    + "; got " + ks.length + ", " + e.length + ", " + d.length);
        }
        this.ks = ks.clone();
        this.e = e.clone();
        this.d = d.clone();
        this.r = r;
    }

    /** The same kernel, expand and depth everywhere (e.g. the max net {@code uniform(7, 6, 4, 224)}). */
    public static SubnetConfig uniform(int kernel, int expand, int depth, int resolution) {
        int[] k = new int[BLOCKS];
        int[] x = new int[BLOCKS];
        int[] dd = new int[STAGES];
        Arrays.fill(k, kernel);
        Arrays.fill(x, expand);
        Arrays.fill(dd, depth);
        return new SubnetConfig(k, x, dd, resolution);
    }

    public int ks(int block) {
        return ks[block];
    }

    public int e(int block) {
        return e[block];
    }

    public int d(int stage) {
        return d[stage];
    }

    public int r() {
        return r;
    }

    public int[] ks() {
        return ks.clone();
    }

    public int[] e() {
        return e.clone();
    }

    public int[] d() {
        return d.clone();
    }

    /** True if elastic block {@code block} (0..19) runs under this config's depths. */
    public boolean isActive(int block) {
        return block % MAX_DEPTH < d[block / MAX_DEPTH];
    }

    /** Number of blocks that run, block 0 included. */
    public int activeBlockCount() {
        return 1 + IntStream.of(d).sum();
    }

    public SubnetConfig withResolution(int resolution) {
        return new SubnetConfig(ks, e, d, resolution);
    }

    public SubnetConfig withBlock(int block, int kernel, int expand) {
        int[] k = ks.clone();
        int[] x = e.clone();
        k[block] = kernel;
        x[block] = expand;
        return new SubnetConfig(k, x, d, r);
    }

    public SubnetConfig withDepth(int stage, int depth) {
        int[] dd = d.clone();
        dd[stage] = depth;
        return new SubnetConfig(ks, e, dd, r);
    }

    /**
     * The same sub-network with the placeholders of inactive blocks set to the given values, so
     * that two configs that run the same network compare equal.
     */
    public SubnetConfig canonical(int placeholderKernel, int placeholderExpand) {
        int[] k = ks.clone();
        int[] x = e.clone();
        for (int b = 0; b < BLOCKS; b++) {
            if (!isActive(b)) {
                k[b] = placeholderKernel;
                x[b] = placeholderExpand;
            }
        }
        return new SubnetConfig(k, x, d, r);
    }

    public List<Integer> ksList() {
        return IntStream.of(ks).boxed().toList();
    }

    public List<Integer> eList() {
        return IntStream.of(e).boxed().toList();
    }

    public List<Integer> dList() {
        return IntStream.of(d).boxed().toList();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SubnetConfig c && r == c.r && Arrays.equals(ks, c.ks)
                && Arrays.equals(e, c.e) && Arrays.equals(d, c.d);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * Arrays.hashCode(ks) + Arrays.hashCode(e)) + Arrays.hashCode(d)) + r;
    }

    /** OFA's JSON form, e.g. {@code {"ks":[...],"e":[...],"d":[...],"r":224}}. */
    @Override
    public String toString() {
        return "{\"ks\":" + Arrays.toString(ks).replace(" ", "") + ",\"e\":"
                + Arrays.toString(e).replace(" ", "") + ",\"d\":" + Arrays.toString(d).replace(" ", "")
                + ",\"r\":" + r + "}";
    }
}
