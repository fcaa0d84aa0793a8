package dev.ofastudio.engine.predict;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.space.SubnetConfig;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The 128-d one-hot architecture encoding of OFA's MobileNetV3 accuracy predictor (the tutorial's
 * {@code spec2feats}, digest §3.3): 60 kernel one-hots (block i at 3i + {3:0, 5:1, 7:2}), 60
 * expand one-hots (60 + 3i + {3:0, 4:1, 6:2}) and 8 resolution slots (120 + (r − 112)/16).
 * Blocks beyond their stage's depth are all zeros, so at most 20 + 20 + 1 inputs are one.
 */
public final class Mbv3Encoding {
    public static final int SIZE = 128;
    public static final int KERNEL_OFFSET = 0;
    public static final int EXPAND_OFFSET = 60;
    public static final int RESOLUTION_OFFSET = 120;
    /** The most inputs one config can set: 20 kernels, 20 expands, one resolution. */
    public static final int MAX_ACTIVE = 2 * SubnetConfig.BLOCKS + 1;
    public static final List<Integer> KERNELS = List.of(3, 5, 7);
    public static final List<Integer> EXPANDS = List.of(3, 4, 6);
    /** Resolutions with a slot: 112, 128, ..., 224. */
    public static final List<Integer> RESOLUTIONS = IntStream.rangeClosed(0, 7).map(i -> 112 + 16 * i).boxed().toList();

    private Mbv3Encoding() {
    }

    /** Fails with a message naming the field if {@code c} has no encoding. */
    public static void check(SubnetConfig c) throws OfaException {
        for (int s = 0; s < SubnetConfig.STAGES; s++) {
            if (c.d(s) < 1 || c.d(s) > SubnetConfig.MAX_DEPTH) {
                throw new OfaException("config field d[" + s + "]: expected a depth in 1..4, found " + c.d(s));
            }
        }
        for (int b = 0; b < SubnetConfig.BLOCKS; b++) {
            if (c.isActive(b) && kernelSlot(c.ks(b)) < 0) {
                throw new OfaException("config field ks[" + b + "]: expected one of " + KERNELS + ", found " + c.ks(b));
            }
            if (c.isActive(b) && expandSlot(c.e(b)) < 0) {
                throw new OfaException("config field e[" + b + "]: expected one of " + EXPANDS + ", found " + c.e(b));
            }
        }
        if (resolutionSlot(c.r()) < 0) {
            throw new OfaException("config field r: expected one of " + RESOLUTIONS
                    + " (the accuracy predictor's resolutions), found " + c.r());
        }
    }

    /**
     * Writes the indices of the inputs that are one into {@code out} (in increasing order) and
     * returns how many there are. {@code out} needs {@link #MAX_ACTIVE} slots.
     *
     * @throws IllegalArgumentException if the config is not encodable; call {@link #check} first
     *     for a user-facing error
     */
    public static int activeInputs(SubnetConfig c, int[] out) {
        int n = 0;
        for (int b = 0; b < SubnetConfig.BLOCKS; b++) {
            if (c.isActive(b)) {
                out[n++] = KERNEL_OFFSET + 3 * b + slotOrFail(kernelSlot(c.ks(b)), c);
            }
        }
        for (int b = 0; b < SubnetConfig.BLOCKS; b++) {
            if (c.isActive(b)) {
                out[n++] = EXPAND_OFFSET + 3 * b + slotOrFail(expandSlot(c.e(b)), c);
            }
        }
        out[n++] = RESOLUTION_OFFSET + slotOrFail(resolutionSlot(c.r()), c);
        return n;
    }

    /** The dense 128-d vector (ones and zeros), as the tutorial's {@code spec2feats} builds it. */
    public static float[] encode(SubnetConfig c) throws OfaException {
        check(c);
        int[] idx = new int[MAX_ACTIVE];
        int n = activeInputs(c, idx);
        float[] v = new float[SIZE];
        for (int i = 0; i < n; i++) {
            v[idx[i]] = 1f;
        }
        return v;
    }

    static int kernelSlot(int k) {
        return switch (k) {
            case 3 -> 0;
            case 5 -> 1;
            case 7 -> 2;
            default -> -1;
        };
    }

    static int expandSlot(int e) {
        return switch (e) {
            case 3 -> 0;
            case 4 -> 1;
            case 6 -> 2;
            default -> -1;
        };
    }

    static int resolutionSlot(int r) {
        return r >= 112 && r <= 224 && (r - 112) % 16 == 0 ? (r - 112) / 16 : -1;
    }

    private static int slotOrFail(int slot, SubnetConfig c) {
        if (slot < 0) {
            try {
                check(c);
            } catch (OfaException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            throw new IllegalStateException("no slot for " + c);
        }
        return slot;
    }
}
