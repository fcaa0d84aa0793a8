package dev.ofastudio.engine.predict;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.space.SubnetConfig;
import java.util.List;

/**
 * OFA's library architecture encoding ({@code MobileNetArchEncoder}, digest §3.1) built from a
 * space's own choices: a resolution one-hot over the space's resolutions, then per elastic block a
 * kernel one-hot (in the order of the space's kernel list), then per block an expand one-hot.
 * Depth has no feature of its own: a block beyond its stage's depth has all-zero kernel and expand
 * one-hots. Length {@code |R| + 20·|K| + 20·|E|} (125 for K{3,5,7}, E{3,4,6} and five resolutions).
 */
public record SpaceEncoding(List<Integer> resolutions, List<Integer> kernels, List<Integer> expands) {
    public SpaceEncoding {
        resolutions = List.copyOf(resolutions);
        kernels = List.copyOf(kernels);
        expands = List.copyOf(expands);
    }

    /** The encoding of {@code space}'s choices. */
    public static SpaceEncoding of(SearchSpace space) {
        return new SpaceEncoding(space.resolutions(), space.kernelSizes(), space.expandRatios());
    }

    public int size() {
        return resolutions.size() + SubnetConfig.BLOCKS * (kernels.size() + expands.size());
    }

    /** The most inputs one config can set: one resolution, a kernel and an expand per block. */
    public static int maxActive() {
        return 1 + 2 * SubnetConfig.BLOCKS;
    }

    private int kernelOffset() {
        return resolutions.size();
    }

    private int expandOffset() {
        return resolutions.size() + SubnetConfig.BLOCKS * kernels.size();
    }

    /** Fails with a message naming the field if {@code c} has no encoding. */
    public void check(SubnetConfig c) throws OfaException {
        for (int s = 0; s < SubnetConfig.STAGES; s++) {
            if (c.d(s) < 1 || c.d(s) > SubnetConfig.MAX_DEPTH) {
                throw new OfaException("config field d[" + s + "]: expected a depth in 1.." + SubnetConfig.MAX_DEPTH
                        + ", found " + c.d(s));
            }
        }
        for (int b = 0; b < SubnetConfig.BLOCKS; b++) {
            if (c.isActive(b) && !kernels.contains(c.ks(b))) {
                throw new OfaException("config field ks[" + b + "]: expected one of " + kernels + ", found " + c.ks(b));
            }
            if (c.isActive(b) && !expands.contains(c.e(b))) {
                throw new OfaException("config field e[" + b + "]: expected one of " + expands + ", found " + c.e(b));
            }
        }
        if (!resolutions.contains(c.r())) {
            throw new OfaException("config field r: expected one of " + resolutions
                    + " (the accuracy predictor's resolutions), found " + c.r());
        }
    }

    /**
     * Writes the indices of the inputs that are one into {@code out} (increasing) and returns how
     * many there are; {@code out} needs {@link #maxActive()} slots.
     *
     * @throws IllegalArgumentException if the config is not encodable; call {@link #check} first
     *     for a user-facing error
     */
    public int activeInputs(SubnetConfig c, int[] out) {
        int n = 0;
        out[n++] = slot(resolutions, c.r(), "r", c);
        for (int b = 0; b < SubnetConfig.BLOCKS; b++) {
            if (c.isActive(b)) {
                out[n++] = kernelOffset() + kernels.size() * b + slot(kernels, c.ks(b), "ks", c);
            }
        }
        for (int b = 0; b < SubnetConfig.BLOCKS; b++) {
            if (c.isActive(b)) {
                out[n++] = expandOffset() + expands.size() * b + slot(expands, c.e(b), "e", c);
            }
        }
        return n;
    }

    /** The dense vector of ones and zeros. */
    public float[] encode(SubnetConfig c) throws OfaException {
        check(c);
        int[] idx = new int[maxActive()];
        int n = activeInputs(c, idx);
        float[] v = new float[size()];
        for (int i = 0; i < n; i++) {
            v[idx[i]] = 1f;
        }
        return v;
    }

    private static int slot(List<Integer> values, int v, String field, SubnetConfig c) {
        int i = values.indexOf(v);
        if (i < 0) {
            throw new IllegalArgumentException("config " + c + ": " + field + " " + v + " has no slot in " + values);
        }
        return i;
    }
}
