package dev.ofastudio.engine.predict;

import dev.ofastudio.engine.space.SubnetConfig;
import java.util.List;

/**
 * The MLP behind OFA's accuracy predictors over a one-hot architecture encoding: {@code in → h → …
 * → h → 1} with ReLU after every hidden layer and a scalar added to the output (the last layer's
 * bias in the tutorial's predictor, the non-trainable {@code base_acc} in the library's; digest
 * §3.2, §3.3). Inputs are given as the indices of the ones.
 *
 * <p>Evaluated in plain Java float math, because the evolutionary search calls it ~10^5 times:
 * <ul>
 *   <li>the first layer adds the rows of W1ᵀ selected by the one-hot input to the bias instead
 *       of a full matrix product;</li>
 *   <li>the other hidden layers are stored transposed (one array per input) and computed as a sum
 *       of scaled weight rows, skipping inputs that ReLU zeroed (about half), four rows per pass;
 *       the inner loops are contiguous multiply-adds the JIT vectorizes;</li>
 *   <li>a batch is processed in tiles of {@link #TILE} configs, one layer at a time, and the
 *       tile walks a layer's weight rows in blocks of {@link #ROW_BLOCK} that every config of the
 *       tile uses while they are in L1.</li>
 * </ul>
 * Accumulation is in float like PyTorch's float32 CPU kernels. Immutable and thread-safe (each
 * thread has its own working arrays).
 */
public final class OneHotMlp {
    /** Configs per pass: a tile goes through one layer at a time, keeping that layer's weights in L2. */
    static final int TILE = 16;
    /** Weight rows a tile shares while they are in L1 (16 rows of 400 floats: 25 KB). */
    static final int ROW_BLOCK = 16;

    private final int inputs;
    private final int hidden;
    private final float[][] w1t; // [inputs][hidden]: row j = weights from input j
    private final float[] b1;
    private final List<float[][]> hiddenT; // each [hidden in][hidden out]
    private final List<float[]> hiddenB;
    private final float[] out; // [hidden]
    private final float outOffset;
    private final ThreadLocal<Scratch> scratch;

    /**
     * @param layers row-major PyTorch weights {@code [out][in]} and biases of the hidden layers,
     *     alternating (w1, b1, w2, b2, …), then the output weight {@code [1][hidden]}
     * @param outOffset the output bias or {@code base_acc}
     */
    public OneHotMlp(int inputs, int hidden, List<float[]> layers, float outOffset) {
        if (layers.size() < 3 || layers.size() % 2 == 0) {
            throw new IllegalArgumentException("expected weight/bias pairs and an output weight, got "
                    + layers.size() + " arrays");
        }
        this.inputs = inputs;
        this.hidden = hidden;
        this.w1t = transpose(requireLength(layers.get(0), hidden * inputs), hidden, inputs);
        this.b1 = requireLength(layers.get(1), hidden).clone();
        int pairs = (layers.size() - 1) / 2;
        float[][][] wt = new float[pairs - 1][][];
        float[][] bs = new float[pairs - 1][];
        for (int p = 1; p < pairs; p++) {
            wt[p - 1] = transpose(requireLength(layers.get(2 * p), hidden * hidden), hidden, hidden);
            bs[p - 1] = requireLength(layers.get(2 * p + 1), hidden).clone();
        }
        this.hiddenT = List.of(wt);
        this.hiddenB = List.of(bs);
        this.out = requireLength(layers.get(layers.size() - 1), hidden).clone();
        this.outOffset = outOffset;
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(hidden));
    }

    private static float[] requireLength(float[] a, int n) {
        if (a.length != n) {
            throw new IllegalArgumentException("expected " + n + " weights, got " + a.length);
        }
        return a;
    }

    public int inputs() {
        return inputs;
    }

    public int hidden() {
        return hidden;
    }

    /** Hidden layers (3 in OFA). */
    public int hiddenLayers() {
        return 1 + hiddenT.size();
    }

    /** Writes the indices of a config's one-inputs into {@code out} and returns how many there are. */
    @FunctionalInterface
    public interface Encoder {
        int activeInputs(SubnetConfig config, int[] out);
    }

    /** One output per config, encoded by {@code encoder} into at most {@code maxActive} ones each. */
    public double[] predict(List<SubnetConfig> configs, Encoder encoder, int maxActive) {
        int n = configs.size();
        int[][] active = new int[n][maxActive];
        int[] counts = new int[n];
        for (int t = 0; t < n; t++) {
            counts[t] = encoder.activeInputs(configs.get(t), active[t]);
        }
        return predict(active, counts);
    }

    /**
     * One output per config. {@code active[t]} lists the inputs of config t that are one ({@code
     * counts[t]} of them); an index outside {@code 0..inputs-1} throws.
     */
    public double[] predict(int[][] active, int[] counts) {
        int n = active.length;
        double[] result = new double[n];
        Scratch sc = scratch.get();
        for (int start = 0; start < n; start += TILE) {
            int count = Math.min(TILE, n - start);
            for (int t = 0; t < count; t++) {
                firstLayer(active[start + t], counts[start + t], sc.a[t]);
            }
            float[][] x = sc.a;
            float[][] y = sc.b;
            for (int l = 0; l < hiddenT.size(); l++) {
                hiddenLayer(hiddenT.get(l), hiddenB.get(l), x, y, count, sc);
                float[][] s = x;
                x = y;
                y = s;
            }
            for (int t = 0; t < count; t++) {
                result[start + t] = output(x[t]);
            }
        }
        return result;
    }

    /** One thread's working arrays for a tile: a search calls {@link #predict} thousands of times. */
    private static final class Scratch {
        final float[][] a;
        final float[][] b;
        final int[][] nonZero;
        final int[] nonZeroCount = new int[TILE];
        final int[] done = new int[TILE];

        Scratch(int hidden) {
            a = new float[TILE][hidden];
            b = new float[TILE][hidden];
            nonZero = new int[TILE][hidden];
        }
    }

    /** relu(b1 + Σ W1ᵀ[j]) over the active inputs j: the product with a 0/1 vector. */
    private void firstLayer(int[] active, int k, float[] h) {
        System.arraycopy(b1, 0, h, 0, hidden);
        int a = 0;
        for (; a + 4 <= k; a += 4) {
            add4(h, w1t[active[a]], w1t[active[a + 1]], w1t[active[a + 2]], w1t[active[a + 3]]);
        }
        for (; a < k; a++) {
            float[] row = w1t[active[a]];
            for (int o = 0; o < hidden; o++) {
                h[o] += row[o];
            }
        }
        relu(h);
    }

    /** y += x1 + x2 + x3 + x4 in one pass, added left to right: the rounding of four single passes. */
    private static void add4(float[] y, float[] x1, float[] x2, float[] x3, float[] x4) {
        for (int o = 0; o < y.length; o++) {
            y[o] = y[o] + x1[o] + x2[o] + x3[o] + x4[o];
        }
    }

    /**
     * out[t] = relu(b + Σ_i in[t][i] · Wᵀ[i]) for each config t of the tile, summing each config's
     * nonzero inputs in increasing order, four rows per pass. The tile walks the weight rows in
     * blocks of {@link #ROW_BLOCK}: every config takes its groups of four that end in the block
     * while those rows are in L1, so the layer's weights are read from L2 once per tile rather
     * than once per config. The sums, and so the results, are those of one config at a time.
     */
    private void hiddenLayer(float[][] wt, float[] bias, float[][] in, float[][] outs, int count, Scratch sc) {
        int[][] nonZero = sc.nonZero;
        int[] nonZeroCount = sc.nonZeroCount;
        int[] done = sc.done;
        for (int t = 0; t < count; t++) {
            float[] x = in[t];
            int[] nz = nonZero[t];
            System.arraycopy(bias, 0, outs[t], 0, hidden);
            // ReLU zeroed about half the inputs: list the others without a branch per input
            int n = 0;
            for (int i = 0; i < hidden; i++) {
                nz[n] = i;
                n += x[i] != 0f ? 1 : 0;
            }
            nonZeroCount[t] = n;
            done[t] = 0;
        }
        for (int end = ROW_BLOCK; end < hidden + ROW_BLOCK; end += ROW_BLOCK) {
            for (int t = 0; t < count; t++) {
                float[] x = in[t];
                float[] y = outs[t];
                int[] nz = nonZero[t];
                int n = nonZeroCount[t];
                int k = done[t];
                for (; k + 4 <= n && nz[k + 3] < end; k += 4) {
                    int i1 = nz[k];
                    int i2 = nz[k + 1];
                    int i3 = nz[k + 2];
                    int i4 = nz[k + 3];
                    axpy4(y, x[i1], wt[i1], x[i2], wt[i2], x[i3], wt[i3], x[i4], wt[i4]);
                }
                done[t] = k;
            }
        }
        for (int t = 0; t < count; t++) {
            float[] x = in[t];
            float[] y = outs[t];
            int[] nz = nonZero[t];
            for (int k = done[t]; k < nonZeroCount[t]; k++) {
                axpy(y, x[nz[k]], wt[nz[k]]);
            }
            relu(y);
        }
    }

    /**
     * y += a·x over whole arrays. Whole-array loops in small methods are what JDK 17's C2
     * vectorizes; the same loop at a variable offset into one big array is not (measured ~5× slower).
     */
    private static void axpy(float[] y, float a, float[] x) {
        for (int o = 0; o < y.length; o++) {
            y[o] += a * x[o];
        }
    }

    /**
     * Four axpy steps in one pass: one load and store of y per four multiply-adds (~1.5× faster
     * than four passes). Java evaluates left to right, so the rounding equals four single steps.
     */
    private static void axpy4(float[] y, float a1, float[] x1, float a2, float[] x2, float a3, float[] x3,
            float a4, float[] x4) {
        for (int o = 0; o < y.length; o++) {
            y[o] = y[o] + a1 * x1[o] + a2 * x2[o] + a3 * x3[o] + a4 * x4[o];
        }
    }

    private float output(float[] h) {
        float s = 0f;
        for (int i = 0; i < hidden; i++) {
            s += out[i] * h[i];
        }
        return s + outOffset;
    }

    private static void relu(float[] h) {
        for (int o = 0; o < h.length; o++) {
            h[o] = Math.max(h[o], 0f);
        }
    }

    /** [rows][cols] row-major → cols arrays of rows values (one per input). */
    private static float[][] transpose(float[] m, int rows, int cols) {
        float[][] t = new float[cols][rows];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c][r] = m[r * cols + c];
            }
        }
        return t;
    }
}
